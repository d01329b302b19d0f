"""The notifier's copy of people's alert subscriptions, and the alerts already sent (one per person per mission).

Engagement owns preferences and accounts; its events arrive here in any order and maybe twice, so every
write compares the event's time with the clock of the columns it touches and only ever moves forward.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from tandem_shared.timeutil import utcnow

from . import domain
from .models import AlertSent, AlertSubscription, QuizNoticeSent

DELETED = "deleted"
DISABLED = "disabled"


def _insert(session: Session, model):
    return (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(model)


def _locked(session: Session, person_id: str) -> AlertSubscription:
    """The person's row, created blank if missing, locked until the transaction ends.

    Inserting with ON CONFLICT DO NOTHING first means two events about a new person handled at once
    both end up updating the one row, instead of one of them failing on the primary key.
    """
    session.execute(
        _insert(session, AlertSubscription)
        .values(person_id=person_id, themes=[], professional_expertises=[], personal_expertises=[],
                alerts_opt_in=False, quiz_opt_in=False, status=domain.ALERTING_STATUS)
        .on_conflict_do_nothing(index_elements=[AlertSubscription.person_id])
    )
    return session.get(AlertSubscription, person_id, with_for_update=True, populate_existing=True)


def _set_contact(row: AlertSubscription, data: dict[str, Any], at: datetime) -> None:
    if domain.is_newer(at, row.contact_as_of):
        row.email = data["email"].strip().lower()
        row.first_name = data["first_name"]
        row.company_id = data["company_id"]
        row.contact_as_of = at


def _forget(row: AlertSubscription, at: datetime) -> None:
    """A deleted account: keep only the tombstone that stops late events from reviving its alerts."""
    row.email = row.first_name = row.company_id = None
    row.themes, row.professional_expertises, row.personal_expertises = [], [], []
    row.alerts_opt_in = row.quiz_opt_in = False
    row.status = DELETED
    row.as_of = max(filter(None, (row.as_of, at)))
    row.contact_as_of = max(filter(None, (row.contact_as_of, at)))
    row.status_as_of = max(filter(None, (row.status_as_of, at)))


def record_preferences(session: Session, data: dict[str, Any]) -> None:
    """`engagement.preferences.updated`: the person's interests, alert opt-in and address as of `updated_at`."""
    row = _locked(session, data["person_id"])
    if row.status == DELETED:
        return
    at = data["updated_at"]
    _set_contact(row, data, at)
    if domain.is_newer(at, row.as_of):
        row.themes = list(data["themes"])
        row.professional_expertises = list(data["professional_expertises"])
        row.personal_expertises = list(data["personal_expertises"])
        row.alerts_opt_in = data["alerts_opt_in"]
        row.quiz_opt_in = data["quiz_opt_in"]
        row.as_of = at


def record_person(session: Session, data: dict[str, Any]) -> None:
    """`engagement.person.updated`: the address, first name, company and status as of `at`."""
    row = _locked(session, data["person_id"])
    at = data["at"]
    if data["status"] == DELETED:
        _forget(row, at)
        return
    if row.status == DELETED:
        return
    _set_contact(row, data, at)
    if domain.is_newer(at, row.status_as_of):
        row.status = data["status"]
        row.status_as_of = at


def record_disabled(session: Session, person_id: str, at: datetime) -> None:
    """`engagement.person.disabled`: no more alerts, unless a later event says the account is active again."""
    row = _locked(session, person_id)
    if row.status != DELETED and domain.is_newer(at, row.status_as_of):
        row.status = DISABLED
        row.status_as_of = at


def subscribers_to_alert(session: Session, mission: dict[str, Any]) -> list[AlertSubscription]:
    """The people to alert about `mission`: opted in, active, matching, allowed to see it, not yet alerted about it."""
    if not mission["open_to_all_companies"] and not mission["company_ids"]:
        return []
    already_alerted = sa.and_(AlertSent.person_id == AlertSubscription.person_id, AlertSent.mission_id == mission["id"])
    query = (
        sa.select(AlertSubscription)
        .outerjoin(AlertSent, already_alerted)
        .where(
            AlertSent.person_id.is_(None),
            AlertSubscription.alerts_opt_in.is_(True),
            AlertSubscription.status == domain.ALERTING_STATUS,
            AlertSubscription.email.is_not(None),
        )
        .order_by(AlertSubscription.person_id)
    )
    if not mission["open_to_all_companies"]:
        query = query.where(AlertSubscription.company_id.in_(mission["company_ids"]))
    needs = domain.Interests.of(mission["themes"], mission["professional_expertises"], mission["personal_expertises"])
    return [
        row for row in session.scalars(query)
        if domain.wants_alerts(row.alerts_opt_in, row.status, row.email)
        and domain.open_to_company(mission["open_to_all_companies"], mission["company_ids"], row.company_id)
        and domain.Interests.of(row.themes, row.professional_expertises, row.personal_expertises).overlaps(needs)
    ]


def claim_alert(session: Session, person_id: str, mission_id: str, event_id: str) -> bool:
    """Record the (person, mission) alert; False when it was already recorded, by this event or an earlier one.

    ON CONFLICT DO NOTHING makes a concurrent publication of the same mission wait for the other
    transaction and then see its row, so two deliveries racing still alert the person once.
    """
    inserted = session.execute(
        _insert(session, AlertSent)
        .values(person_id=person_id, mission_id=mission_id, event_id=event_id, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=[AlertSent.person_id, AlertSent.mission_id]),
        execution_options={"preserve_rowcount": True},
    )
    return inserted.rowcount == 1


def quiz_subscribers(session: Session, quiz: dict[str, Any]) -> list[AlertSubscription]:
    """The people to tell about a new quiz: opted in, active, of a company it is for, not yet told about it."""
    already_told = sa.and_(QuizNoticeSent.person_id == AlertSubscription.person_id, QuizNoticeSent.quiz_id == quiz["quiz_id"])
    query = (
        sa.select(AlertSubscription)
        .outerjoin(QuizNoticeSent, already_told)
        .where(
            QuizNoticeSent.person_id.is_(None),
            AlertSubscription.quiz_opt_in.is_(True),
            AlertSubscription.status == domain.ALERTING_STATUS,
            AlertSubscription.email.is_not(None),
        )
        .order_by(AlertSubscription.person_id)
    )
    if not quiz["open_to_all_companies"]:
        query = query.where(AlertSubscription.company_id.in_(quiz["company_ids"] or ["-"]))
    return [
        row for row in session.scalars(query)
        if domain.wants_alerts(row.quiz_opt_in, row.status, row.email)
        and domain.open_to_company(quiz["open_to_all_companies"], quiz["company_ids"], row.company_id)
    ]


def claim_quiz_notice(session: Session, person_id: str, quiz_id: str, event_id: str) -> bool:
    """Record the (person, quiz) notice; False when it was already recorded (the same guarantee as `claim_alert`)."""
    inserted = session.execute(
        _insert(session, QuizNoticeSent)
        .values(person_id=person_id, quiz_id=quiz_id, event_id=event_id, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=[QuizNoticeSent.person_id, QuizNoticeSent.quiz_id]),
        execution_options={"preserve_rowcount": True},
    )
    return inserted.rowcount == 1
