"""Date fields for request schemas: a day a person could mean, not any day the calendar can hold.

marshmallow's `fields.Date` takes 0001-01-01 and 9999-12-31. Such a date reaches the rules as a valid `date`, where
one `+ timedelta(days=…)` raises OverflowError (a 500), and a year 9999 retirement stored as is makes every later
computation about it meaningless. Every date a request carries is therefore a `CalendarDate`: between 1900 and 2199,
or the usual 422 with a French message. Rules with a narrower window (a mission's civil year) still check it.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import ValidationError, fields

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


class CalendarDate(fields.Date):
    """An ISO date (YYYY-MM-DD) between `EARLIEST` and `LATEST`."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        day = super()._deserialize(value, attr, data, **kwargs)
        if not EARLIEST <= day <= LATEST:
            raise ValidationError(f"Indique une date entre {EARLIEST.year} et {LATEST.year}.")
        return day
