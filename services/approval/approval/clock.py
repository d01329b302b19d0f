"""Approval's clock (`tandem_shared.clock`): a request is accepted only while none of its dates has passed, as the
French read the calendar; `/dev/clock` runs it ahead with engagement's in the embedded mode, so that a tester who
moves the workflow to a date's eve can still accept it. Tests move `CLOCK`."""
from __future__ import annotations

from datetime import date, datetime

from tandem_shared.clock import FRANCE, MovableClock

__all__ = ["CLOCK", "FRANCE", "now", "today"]

CLOCK = MovableClock("approval's")


def now() -> datetime:
    return CLOCK.now()


def today() -> date:
    return CLOCK.today()
