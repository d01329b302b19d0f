"""Quiz's clock: the one place quiz reads the time, so tests can move it (monkeypatch `now`, or pass `today`).

"Today" is the day in France: a quiz opens on its opening day and closes after its last day, as the French read
the calendar. The embedded (development) mode's `/dev/clock` runs it ahead together with engagement's workflow
clock, so a tester can open the next quiz du moment without waiting 15 days. Nothing else sets the offset, so in
the distributed mode it is always zero.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tandem_shared.timeutil import utcnow

FRANCE = ZoneInfo("Europe/Paris")

log = logging.getLogger(__name__)
_offset = timedelta(0)


def now() -> datetime:
    return utcnow() + _offset


def today() -> date:
    return now().astimezone(FRANCE).date()


def offset() -> timedelta:
    return _offset


def run_ahead_to(day: date) -> None:
    """Development only: make `today()` answer `day` (whole days ahead of, or back to, the real time)."""
    global _offset
    real_today = utcnow().astimezone(FRANCE).date()
    _offset = timedelta(days=(day - real_today).days)
    log.warning("quiz's clock now runs %d day(s) from the real time: today is %s", _offset.days, today())
