"""The workflow's clock (`tandem_shared.clock`): dates asked for, attested or reminded about are French
working days, and `/dev/clock` can run it ahead in the embedded mode. Tests move `CLOCK`."""
from __future__ import annotations

from datetime import date, datetime

from tandem_shared.clock import FRANCE, MovableClock

__all__ = ["CLOCK", "FRANCE", "now", "today"]

CLOCK = MovableClock("engagement's workflow")


def now() -> datetime:
    return CLOCK.now()


def today() -> date:
    return CLOCK.today()
