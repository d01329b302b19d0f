"""Engagement's pure rules."""
from datetime import datetime, timedelta, timezone

from engagement import domain

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def test_a_first_copy_is_always_taken():
    assert domain.is_newer(NOW, None)


def test_an_older_event_never_overwrites_a_newer_copy():
    assert not domain.is_newer(NOW - timedelta(seconds=1), NOW)
    assert domain.is_newer(NOW + timedelta(seconds=1), NOW)
