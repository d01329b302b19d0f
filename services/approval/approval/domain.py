"""Approval rules, free of Flask, SQLAlchemy and the bus: what a manager may decide, when a one-click link
may act, how dates read in French, and when a pending request is reminded."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum

from tandem_shared import french
from tandem_shared.french import long_date

try:  # French wall-clock dates in messages; UTC where the time zone database is missing.
    from zoneinfo import ZoneInfo

    PARIS: timezone | ZoneInfo = ZoneInfo("Europe/Paris")
except Exception:  # pragma: no cover - only on images without tzdata
    PARIS = timezone.utc


class DomainError(Exception):
    """A rule refused the action; the message is shown to the user as is (French)."""


class RequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"


class Decision(StrEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"


class Via(StrEnum):
    LINK = "link"
    TEAM_VIEW = "team_view"


class LinkState(StrEnum):
    USABLE = "usable"
    USED = "used"
    REVOKED = "revoked"
    EXPIRED = "expired"


# -- dates in French -------------------------------------------------------------------------

FORMATS = {"full_day": "journée", "half_day": "1/2 journée"}
FORMAT_DAYS = {"full_day": 1.0, "half_day": 0.5}
# Capitalised: each label begins with its weekday.
WEEKDAYS = tuple(weekday.capitalize() for weekday in french.WEEKDAYS)
MONTHS = french.MONTHS


def date_label(day: date, format: str) -> str:
    """« Lundi 25 janvier 2027 — journée »."""
    return f"{long_date(day).capitalize()} — {FORMATS[format]}"


def day_label(day: date, format: str) -> str:
    """« Lundi 25 (journée) », as the guide lists dates under their month."""
    return f"{WEEKDAYS[day.weekday()]} {french.day_of_month(day)} ({FORMATS[format]})"


def month_label(day: date) -> str:
    """« Janvier 2027 »."""
    return f"{MONTHS[day.month - 1].capitalize()} {day.year}"


def by_month(dates: Iterable[tuple[date, str]]) -> list[dict]:
    """Dates grouped by month in calendar order: [{"month": "Janvier 2027", "days": ["Lundi 25 (journée)"]}]."""
    groups: list[dict] = []
    for day, format in sorted(dates):
        label = month_label(day)
        if not groups or groups[-1]["month"] != label:
            groups.append({"month": label, "days": []})
        groups[-1]["days"].append(day_label(day, format))
    return groups


def days_count(formats: Iterable[str]) -> float:
    """A full day counts 1, a half day 0.5."""
    return sum(FORMAT_DAYS[format] for format in formats)


def when_label(moment: datetime) -> str:
    """« 25 novembre 2026 », on the French calendar."""
    local = moment.astimezone(PARIS).date()
    return f"{french.day_of_month(local)} {MONTHS[local.month - 1]} {local.year}"


def normalize_email(address: str) -> str:
    return address.strip().lower()


# -- decisions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFacts:
    """What the messages about a request need to say."""

    status: RequestStatus
    person_name: str
    decided_at: datetime | None = None
    via: str | None = None
    cancellation: str | None = None  # "cancelled" (the employee cancelled) or "withdrawn" (left the mission)
    dates: tuple[date, ...] = ()


def closed_message(facts: RequestFacts) -> str:
    """Why a request that is no longer pending cannot be decided."""
    if facts.status == RequestStatus.APPROVED:
        where = " depuis « Les missions de mon équipe »" if facts.via == Via.TEAM_VIEW else ""
        when = f" le {when_label(facts.decided_at)}" if facts.decided_at else ""
        return f"Cette demande a déjà été acceptée{when}{where} : il n'y a plus rien à faire."
    if facts.status == RequestStatus.REFUSED:
        where = " depuis « Les missions de mon équipe »" if facts.via == Via.TEAM_VIEW else ""
        when = f" le {when_label(facts.decided_at)}" if facts.decided_at else ""
        return f"Cette demande a déjà été refusée{when}{where} : {facts.person_name} peut faire une nouvelle demande."
    if facts.status == RequestStatus.CANCELLED:
        if facts.cancellation == "withdrawn":
            return f"Cette demande a été annulée par {facts.person_name}, qui ne participe plus à la mission : il n'y a plus rien à valider."
        return f"Cette demande a été annulée par {facts.person_name} : il n'y a plus rien à valider."
    raise ValueError(f"{facts.status} is still open")


def decide(facts: RequestFacts, decision: Decision, today: date) -> RequestStatus:
    """pending → approved or refused; any other state is refused with the reason, so nothing is decided twice. A request
    one of whose dates has passed may only be refused (`acceptance_refusal`)."""
    if facts.status != RequestStatus.PENDING:
        raise DomainError(closed_message(facts))
    if decision == Decision.ACCEPT:
        too_late = acceptance_refusal(facts, today)
        if too_late:
            raise DomainError(too_late)
    return RequestStatus.APPROVED if decision == Decision.ACCEPT else RequestStatus.REFUSED


def accept_until(dates: Iterable[date]) -> date:
    """The last day a request may be accepted: its first date (`acceptance_refusal` refuses it once a date has passed).
    The link may live longer, to refuse it; the manager's e-mail and page say both days."""
    return min(dates)


def acceptance_refusal(facts: RequestFacts, today: date) -> str | None:
    """Why a pending request can no longer be accepted, or None: the guide has the manager validate the dates before the
    employee leaves on the mission, so a date that has passed was never validated in time. Refusing still closes it."""
    passed = sorted(day for day in facts.dates if day < today)
    if not passed:
        return None
    days = ", ".join(long_date(day) for day in passed)
    which = f"Le {days} est passé" if len(passed) == 1 else f"Ces dates sont passées ({days})"
    return (f"{which} : tu ne peux plus accepter cette demande, les dates se valident avant la mission. "
            f"Refuse-la : {facts.person_name} pourra demander d'autres dates.")


def check_decider(decider_id: str | None, person_id: str) -> None:
    """Nobody validates their own absence, whatever address they typed as their manager's."""
    if decider_id is not None and decider_id == person_id:
        raise DomainError("Tu ne peux pas valider tes propres dates : c'est à ton manager de le faire.")


def refusal_reason(decision: Decision, reason: str | None) -> str | None:
    """Only a refusal carries a reason, and an empty one is no reason."""
    if decision != Decision.REFUSE or reason is None:
        return None
    return reason.strip() or None


def cancel(status: RequestStatus) -> RequestStatus:
    """The employee cancelled or withdrew: a pending or approved request ends; a refused one stays refused."""
    if status in (RequestStatus.PENDING, RequestStatus.APPROVED):
        return RequestStatus.CANCELLED
    return status


# -- one-click links ------------------------------------------------------------------------


def link_state(*, used_at: datetime | None, revoked_at: datetime | None, expires_at: datetime, now: datetime) -> LinkState:
    if used_at is not None:
        return LinkState.USED
    if revoked_at is not None:
        return LinkState.REVOKED
    if expires_at <= now:
        return LinkState.EXPIRED
    return LinkState.USABLE


# A link (or the team view) of an address whose holder lost access before the request came (`links.out_of_reach`).
APPROVER_WITHDRAWN = ("La personne à qui cette demande a été envoyée n'a plus accès à Tandem : elle ne peut plus la "
                      "valider. La personne qui l'a faite peut l'annuler et l'envoyer à son manager actuel.")


def link_refusal(state: LinkState, facts: RequestFacts, expires_at: datetime, link_email: str, request_email: str) -> str | None:
    """Why this link may not act on its request (None when it may). The request's own state speaks first:
    "already accepted" tells the manager more than "link used"."""
    if normalize_email(link_email) != normalize_email(request_email):
        return "Ce lien n'a pas été envoyé à la personne qui doit valider cette demande."
    if facts.status != RequestStatus.PENDING:
        return closed_message(facts)
    if state == LinkState.USED:
        return "Ce lien a déjà été utilisé : il ne sert qu'une fois."
    if state == LinkState.REVOKED:
        return ("Ce lien a été remplacé par un lien plus récent : utilise celui du dernier e-mail reçu, "
                "ou décide depuis « Les missions de mon équipe ».")
    if state == LinkState.EXPIRED:
        return (f"Ce lien a expiré le {when_label(expires_at)}. Utilise le lien de la dernière relance reçue, "
                "ou décide depuis « Les missions de mon équipe ».")
    return None


# -- reminders ---------------------------------------------------------------------------------


def reminder_period(moment: datetime) -> str:
    """The ISO week a reminder belongs to, « 2027-W04 »: one reminder per request and period."""
    year, week, _ = moment.astimezone(timezone.utc).isocalendar()
    return f"{year}-W{week:02d}"


def reminder_due(*, status: RequestStatus, created_at: datetime, now: datetime, days: int, dates: Iterable[date]) -> bool:
    """Still pending `days` days after it arrived, and every date still ahead: once one has passed, the request can no
    longer be accepted (`acceptance_refusal`), so there is nothing to nudge the manager about."""
    if status != RequestStatus.PENDING or created_at > now - timedelta(days=days):
        return False
    today = now.astimezone(PARIS).date()
    return all(day >= today for day in dates)
