"""A service's movable clock: the one place a service reads the time, so tests can move it.

"Today" is the day in France: the platform's dates (days asked for, attested, reminded about, quizzes
opening) are French calendar days. The embedded (development) mode's `/dev/clock` can run a clock ahead of
the real time, so a tester need not wait for next week's dates or the next quiz; nothing else sets the
offset, so in the distributed mode it is always zero.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .timeutil import utcnow

FRANCE = ZoneInfo("Europe/Paris")

log = logging.getLogger(__name__)


class MovableClock:
    def __init__(self, owner: str):
        self.owner = owner
        self._offset = timedelta(0)

    def now(self) -> datetime:
        return utcnow() + self._offset

    def today(self) -> date:
        return self.now().astimezone(FRANCE).date()

    def offset(self) -> timedelta:
        return self._offset

    def run_ahead_to(self, day: date) -> None:
        """Development only: make `today()` answer `day` (whole days ahead of, or back to, the real time)."""
        real_today = utcnow().astimezone(FRANCE).date()
        self._offset = timedelta(days=(day - real_today).days)
        log.warning("%s clock now runs %d day(s) from the real time: today is %s", self.owner, self._offset.days, self.today())
