"""Quiz's clock (`tandem_shared.clock`): a quiz opens on its opening day and closes after its last day, as the
French read the calendar; `/dev/clock` runs it ahead with engagement's in the embedded mode, so a tester can
open the next quiz du moment. Tests move `CLOCK`."""
from __future__ import annotations

from datetime import date, datetime

from tandem_shared.clock import FRANCE, MovableClock

__all__ = ["CLOCK", "FRANCE", "now", "today"]

CLOCK = MovableClock("quiz's")


def now() -> datetime:
    return CLOCK.now()


def today() -> date:
    return CLOCK.today()
