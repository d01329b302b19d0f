"""The workflow's clock: the one place it reads the time, so tests can move it (monkeypatch `now`).

"Today" is the day in France: a date asked for, attested or reminded about is a French working day.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tandem_shared.timeutil import utcnow

FRANCE = ZoneInfo("Europe/Paris")


def now() -> datetime:
    return utcnow()


def today() -> date:
    return now().astimezone(FRANCE).date()
