"""Notifier's pure rules: back-off and giving up."""
from datetime import timedelta

from notifier import domain


def test_retries_back_off_exponentially_from_ten_seconds():
    assert [domain.retry_delay(n) for n in (1, 2, 3)] == [timedelta(seconds=10), timedelta(seconds=20), timedelta(seconds=40)]


def test_retries_never_wait_more_than_an_hour():
    assert domain.retry_delay(30) == timedelta(hours=1)


def test_an_email_is_given_up_only_after_the_last_attempt():
    assert domain.status_after_failure(7, 8) is domain.EmailStatus.PENDING
    assert domain.status_after_failure(8, 8) is domain.EmailStatus.FAILED
