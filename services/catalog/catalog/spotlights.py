"""L'actu solidaire (use cases): the causes month by month with how many missions each links to (the rule is
`search.Link`; « Je trouve » lists them with `?spotlight=`), adding and editing a cause."""
from __future__ import annotations

import uuid
from datetime import date
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from tandem_shared import french
from tandem_shared.timeutil import utcnow

from . import domain, taxonomy
from .access import field_error, spotlights_visible_to
from .models import Spotlight
from .search import Link, linked_counts

FRANCE = ZoneInfo("Europe/Paris")


def link_of(spotlight: Spotlight) -> Link:
    return Link(themes=tuple(spotlight.themes or ()), keywords=tuple(spotlight.keywords or ()))


def spotlight_view(spotlight: Spotlight, mission_count: int) -> dict:
    return {**{k: getattr(spotlight, k) for k in ("id", "title", "starts_on", "ends_on", "description", "themes", "keywords")},
            "mission_count": mission_count}


def with_count(session, who: domain.Viewer, spotlight: Spotlight) -> dict:
    """A cause as the API shows it, with how many of the missions `who` may see it links to."""
    (count,) = linked_counts(session, who, [link_of(spotlight)])
    return spotlight_view(spotlight, count)


def period(start: date | None, months: int) -> tuple[date, date]:
    """From `start` (this month in France by default, read from the service's one time source, not the machine's
    local date) to the first day after `months` months."""
    start = start or utcnow().astimezone(FRANCE).date().replace(day=1)
    end_year, end_month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
    return start, date(end_year, end_month, 1)


def spotlights_in(session, who: domain.Viewer, start: date, end: date) -> list[Spotlight]:
    """The causes the viewer may read (`access.spotlights_visible_to`) that start in [start, end)."""
    return list(session.scalars(
        sa.select(Spotlight)
        .where(Spotlight.starts_on >= start, Spotlight.starts_on < end, spotlights_visible_to(who))
        .order_by(Spotlight.starts_on, Spotlight.title)
    ))


def by_month(session, who: domain.Viewer, rows: list[Spotlight]) -> dict:
    """The causes month by month, each with the count of its linked missions (counted by the database, at once)."""
    counts = linked_counts(session, who, [link_of(spotlight) for spotlight in rows])
    months: dict[str, dict] = {}
    for spotlight, count in zip(rows, counts, strict=True):
        key = spotlight.starts_on.strftime("%Y-%m")
        month = months.setdefault(key, {"month": key, "label": f"{french.MONTHS[spotlight.starts_on.month - 1]} {spotlight.starts_on.year}", "items": []})
        month["items"].append(spotlight_view(spotlight, count))
    return {"months": list(months.values()), "total": len(rows)}


def new_spotlight(principal, payload: dict) -> Spotlight:
    """A company admin's cause is for their colleagues; an operator's is for everyone."""
    if payload["ends_on"] and payload["ends_on"] < payload["starts_on"]:
        field_error("ends_on", "La fin ne peut pas précéder le début.")
    try:
        themes = domain.check_choices(payload.get("themes", []), taxonomy.THEMES, "themes")
    except domain.DomainError as exc:
        field_error(exc.field, str(exc))
    now = utcnow()
    return Spotlight(id=str(uuid.uuid4()), created_by=principal.subject, created_at=now, updated_at=now,
                     company_id=None if principal.has_role("platform_operator") else principal.claims.get("company_id"),
                     **{k: payload[k] for k in ("title", "starts_on", "ends_on", "description", "keywords")},
                     themes=themes)


def update(spotlight: Spotlight, payload: dict) -> None:
    try:
        for key, value in payload.items():
            setattr(spotlight, key, domain.check_choices(value, taxonomy.THEMES, "themes") if key == "themes" else value)
    except domain.DomainError as exc:
        field_error(exc.field, str(exc))
    spotlight.updated_at = utcnow()
