"""The calendar invitation (iCalendar, RFC 5545) attached to « Tes dates sont validées », built with `icalendar`.

Choices, for whoever reads the file in a calendar:
- `METHOD:PUBLISH`: the file informs, it asks for no reply (the manager has already decided; there is no
  organiser to answer to).
- One VEVENT per approved date, always all-day: `DTSTART;VALUE=DATE` and `DTEND;VALUE=DATE` the next day
  (the end of an all-day event is exclusive in RFC 5545).
- A half day (« 1/2 journée ») is an all-day event too, with « (1/2 journée) » at the end of its summary and
  `TRANSP:TRANSPARENT`. The event contract says neither morning nor afternoon, so a timed 09:00–12:30 event
  would put a time in the person's calendar that nobody agreed on; transparent leaves the rest of the day
  free for free/busy look-ups. A full day is `TRANSP:OPAQUE` (busy).
- `UID` is `<request id>-<YYYYMMDD>@tandem`: stable per request and date, so importing the file again, or a
  resent e-mail, updates the same events instead of duplicating them.
- `DTSTAMP` is the decision time (`decided_at`), not the time of rendering: the same event always gives the
  same file.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from icalendar import Calendar, Event

from . import domain

PRODID = "-//Tandem//Mécénat de compétences//FR"
FILENAME = "mecenat-de-competences.ics"
CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=utf-8"
UID_DOMAIN = "tandem"


def event_uid(request_id: str, day: date) -> str:
    return f"{request_id}-{day:%Y%m%d}@{UID_DOMAIN}"


def approved_dates_calendar(
    *, request_id: str, mission_title: str, association_name: str, dates: list[dict[str, Any]],
    decided_at: datetime, account_url: str,
) -> bytes:
    """The .ics of a request's approved `dates` ({date, format}), one all-day VEVENT per date."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    summary = f"Mécénat de compétences — {mission_title}"
    for item in domain.in_calendar_order(dates):
        day, half = item["date"], item["format"] == "half_day"
        event = Event()
        event.add("uid", event_uid(request_id, day))
        event.add("dtstamp", decided_at.astimezone(timezone.utc))  # RFC 5545: DTSTAMP is in UTC
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{summary} ({domain.DAY_FORMAT_LABELS['half_day']})" if half else summary)
        event.add("location", association_name)
        event.add(
            "description",
            f"Mission de mécénat de compétences auprès de l'association {association_name} : "
            f"{domain.date_label(day, item['format'])}, date validée par ton manager.\n"
            f"Retrouve ta mission dans Mon compte : {account_url}",
        )
        event.add("transp", "TRANSPARENT" if half else "OPAQUE")
        event.add("sequence", 0)
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
