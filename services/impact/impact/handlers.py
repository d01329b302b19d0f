"""How impact builds its read model from other services' events: one table, one plain function per event type.

Events come from four producers and may arrive late, twice or in any order: a participation is created by whichever
event names it first, each funnel step keeps its first time, and a participation day only takes a change newer than
the one it holds (`changed_at`, the producer's time). Pay data is never in any event: impact only reads.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

import sqlalchemy as sa
from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler

from . import domain, statements
from .models import (
    AssociationCopy, CompanyCopy, MissionCopy, Participation, ParticipationDay, PersonCopy, PersonEntity, QuizAttemptCopy,
    token_cutoffs,
)
from .statement_rules import OutdatedBecause

PERSON_REGISTERED = "engagement.person.registered"
PERSON_UPDATED = "engagement.person.updated"
COMPANY_UPDATED = "engagement.company.updated"
APPLICATION_SUBMITTED = "engagement.application.submitted"
DATES_REQUESTED = "engagement.dates.requested"
DATES_CANCELLED = "engagement.dates.cancelled"
ATTENDANCE_ATTESTED = "engagement.attendance.attested"
ATTENDANCE_CORRECTED = "engagement.attendance.corrected"
BILAN_COMPLETED = "engagement.bilan.completed"
REQUEST_APPROVED = "approval.request.approved"
REQUEST_REFUSED = "approval.request.refused"
CONVENTION_SIGNED = "documents.convention.signed"
MISSION_PUBLISHED = "catalog.mission.published"
MISSION_UPDATED = "catalog.mission.updated"
MISSION_CLOSED = "catalog.mission.closed"
ASSOCIATION_REGISTERED = "catalog.association.registered"
ASSOCIATION_UPDATED = "catalog.association.updated"
ASSOCIATION_APPROVED = "catalog.association.approved"
ATTEMPT_COMPLETED = "quiz.attempt.completed"



class PersonChanged(EventData):
    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    last_name = fields.String(required=True)
    company_id = fields.String(allow_none=True, load_default=None)
    entity_id = fields.String(allow_none=True, load_default=None)
    entity_name = fields.String(allow_none=True, load_default=None)
    roles = fields.List(fields.String(), load_default=list)
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


class _Entity(EventData):
    id = fields.String(required=True)
    name = fields.String(required=True)


class CompanyChanged(EventData):
    company_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    name = fields.String(required=True)
    siren = fields.String(load_default="")
    head_office_address = fields.String(load_default="")
    entities = fields.List(fields.Nested(_Entity), load_default=list)
    updated_at = fields.AwareDateTime(required=True)


class AssociationChanged(EventData):
    id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    name = fields.String(required=True)
    rna = fields.String(allow_none=True, load_default=None)
    siren = fields.String(allow_none=True, load_default=None)
    address = fields.String(load_default="")
    city = fields.String(load_default="")
    general_interest_label = fields.String(load_default="")
    contact_email = fields.String(allow_none=True, load_default=None)
    updated_at = fields.AwareDateTime(required=True)


class MissionChanged(EventData):
    id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    title = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    themes = fields.List(fields.String(), load_default=list)
    updated_at = fields.AwareDateTime(required=True)


class _Day(EventData):
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(domain.DAY_FORMATS))


class _AttendedDay(_Day):
    present = fields.Boolean(required=True)


class _WorkflowStep(EventData):
    participation_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    mission_id = fields.String(allow_none=True, load_default=None)
    mission_title = fields.String(allow_none=True, load_default=None)
    association_name = fields.String(allow_none=True, load_default=None)
    year = fields.Integer(allow_none=True, load_default=None)


class ApplicationSubmitted(_WorkflowStep):
    submitted_at = fields.AwareDateTime(required=True)


class DatesRequested(_WorkflowStep):
    dates = fields.List(fields.Nested(_Day), required=True)
    # Added to engagement's event for impact; older events do not carry it.
    end_of_career = fields.Boolean(load_default=False)
    requested_at = fields.AwareDateTime(required=True)


class RequestDecided(_WorkflowStep):
    dates = fields.List(fields.Nested(_Day), required=True)
    decided_at = fields.AwareDateTime(required=True)


class DatesCancelled(_WorkflowStep):
    dates = fields.List(fields.Nested(_Day), required=True)
    cancelled_at = fields.AwareDateTime(required=True)


class AttendanceAttested(_WorkflowStep):
    dates = fields.List(fields.Nested(_AttendedDay), required=True)
    attested_at = fields.AwareDateTime(required=True)


class BilanCompleted(_WorkflowStep):
    answers = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), required=True)
    completed_at = fields.AwareDateTime(required=True)


class ConventionSigned(_WorkflowStep):
    signed_at = fields.AwareDateTime(required=True)


class AttemptCompleted(EventData):
    attempt_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    company_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=36))
    submitted_at = fields.AwareDateTime(required=True)


# -- copies of people, companies and the catalog ---------------------------------------------------------------------


@contextlib.contextmanager
def _watching_receipts_touched_by(uow: UnitOfWork, person_id: str, company_ids: set[str | None],
                                  because: OutdatedBecause, year: int | None = None) -> Iterator[None]:
    """Around a change to a person or to their days: the confirmed receipts that change may make outdated are watched
    (`statements.watching_receipts`), those of `year`, else of every year the person gave days in, for each company
    named. Nearly always there is none, and the change costs one query."""
    with contextlib.ExitStack() as watches:
        for company_id in sorted(filter(None, company_ids)):
            years = statements.years_with_receipts(uow.session, company_id, days_given_by=None if year else person_id)
            years = [y for y in years if year is None or y == year]
            if years:
                watches.enter_context(statements.watching_receipts(uow, company_id, years, because))
        yield


def on_person_changed(event: Event, uow: UnitOfWork) -> None:
    data = PersonChanged.of(event)
    person = uow.session.get(PersonCopy, data["person_id"], with_for_update=True)
    # A new entity changes the daily cost of their days, a new name the statement that names them; a move to another
    # company takes their days from the one they leave. Anything else (roles, status, an address) touches no receipt,
    # and most person events are that: they cost no watch.
    in_force = _entity_in_force(uow.session, data)
    touches = (person is None or _entity_differs(in_force, data)
               or (person.as_of < data["at"] and (person.first_name, person.last_name, person.company_id)
                   != (data["first_name"], data["last_name"], data["company_id"])))
    companies = {person.company_id if person else None, data["company_id"]} if touches else set()
    with _watching_receipts_touched_by(uow, data["person_id"], companies, OutdatedBecause.PERSON):
        # Before the copy's own check: an older event still says which entity the person was in at its time.
        _record_entity(uow.session, data, in_force)
        if person is None:
            person = PersonCopy(person_id=data["person_id"])
            uow.session.add(person)
        elif person.as_of >= data["at"]:
            return
        for key in ("email", "first_name", "last_name", "company_id", "entity_id", "entity_name", "roles", "status"):
            setattr(person, key, data[key])
        person.email = data["email"].lower()
        person.as_of = data["at"]


def _entity_in_force(session, data: dict) -> PersonEntity | None:
    """The row of the person's entity history in force at the event's time."""
    return session.scalar(
        sa.select(PersonEntity).where(PersonEntity.person_id == data["person_id"], PersonEntity.since <= data["at"])
        .order_by(PersonEntity.since.desc()).limit(1))


def _entity_differs(in_force: PersonEntity | None, data: dict) -> bool:
    return in_force is None or (in_force.entity_id, in_force.entity_name) != (data["entity_id"], data["entity_name"])


def _record_entity(session, data: dict, in_force: PersonEntity | None) -> None:
    """A row in the person's entity history when the event's entity differs from the one in force at its time
    (`_entity_in_force`; the same event twice, or an unchanged entity, adds nothing)."""
    if not _entity_differs(in_force, data):
        return
    if in_force is not None and in_force.since == data["at"]:
        in_force.entity_id, in_force.entity_name = data["entity_id"], data["entity_name"]
        return
    session.add(PersonEntity(person_id=data["person_id"], since=data["at"], entity_id=data["entity_id"],
                             entity_name=data["entity_name"]))


def on_company_updated(event: Event, uow: UnitOfWork) -> None:
    data = CompanyChanged.of(event)
    company = uow.session.get(CompanyCopy, data["company_id"], with_for_update=True)
    if company is None:
        company = CompanyCopy(id=data["company_id"])
        uow.session.add(company)
    elif company.updated_at >= data["updated_at"]:
        return
    company.name = data["name"]
    company.siren = data["siren"]
    company.head_office_address = data["head_office_address"]
    company.entities = [{"id": e["id"], "name": e["name"]} for e in data["entities"]]
    company.updated_at = data["updated_at"]


def on_association_changed(event: Event, uow: UnitOfWork) -> None:
    data = AssociationChanged.of(event)
    association = uow.session.get(AssociationCopy, data["id"], with_for_update=True)
    if association is None:
        association = AssociationCopy(id=data["id"])
        uow.session.add(association)
    elif association.updated_at >= data["updated_at"]:
        return
    for key in ("name", "rna", "siren", "address", "city", "general_interest_label", "contact_email", "updated_at"):
        setattr(association, key, data[key])


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    data = MissionChanged.of(event)
    mission = uow.session.get(MissionCopy, data["id"], with_for_update=True)
    if mission is None:
        mission = MissionCopy(id=data["id"])
        uow.session.add(mission)
    elif mission.updated_at >= data["updated_at"]:
        return
    for key in ("title", "association_id", "association_name", "themes", "updated_at"):
        setattr(mission, key, data[key])


# -- the workflow ------------------------------------------------------------------------------------------------------


def _participation(uow: UnitOfWork, data: dict, fallback_year: int | None = None) -> Participation:
    """The participation the event names, created by whichever event comes first; fills what was unknown."""
    participation = uow.session.get(Participation, data["participation_id"], with_for_update=True)
    year = data.get("year") or fallback_year
    if participation is None:
        participation = Participation(id=data["participation_id"], person_id=data["person_id"], year=year)
        uow.session.add(participation)
    for key in ("mission_id", "mission_title", "association_name"):
        if data.get(key) and getattr(participation, key) is None:
            setattr(participation, key, data[key])
    if participation.year is None and year is not None:
        participation.year = year
    return participation


def _first(current: datetime | None, at: datetime) -> datetime:
    return at if current is None or at < current else current


def _change_days(uow: UnitOfWork, participation_id: str, days: list[dict], at: datetime, state_of, **extra) -> None:
    existing = {
        day.day: day
        for day in uow.session.query(ParticipationDay)
        .filter(ParticipationDay.participation_id == participation_id, ParticipationDay.day.in_([d["date"] for d in days]))
        .with_for_update()
    }
    for entry in days:
        row = existing.get(entry["date"])
        state = state_of(entry)
        if row is None:
            uow.session.add(ParticipationDay(participation_id=participation_id, day=entry["date"], format=entry["format"],
                                             state=state, changed_at=at, end_of_career=extra.get("end_of_career", False)))
            continue
        if not domain.may_follow(row.state, row.changed_at, state, at):
            continue
        row.state, row.format, row.changed_at = state, entry["format"], at
        if "end_of_career" in extra:
            row.end_of_career = extra["end_of_career"]


def _year_of(days: list[dict]) -> int | None:
    return days[0]["date"].year if days else None


def on_application_submitted(event: Event, uow: UnitOfWork) -> None:
    data = ApplicationSubmitted.of(event)
    participation = _participation(uow, data)
    participation.applied_at = _first(participation.applied_at, data["submitted_at"])


def on_dates_requested(event: Event, uow: UnitOfWork) -> None:
    data = DatesRequested.of(event)
    _participation(uow, data, _year_of(data["dates"]))
    _change_days(uow, data["participation_id"], data["dates"], data["requested_at"], lambda _: domain.REQUESTED,
                 end_of_career=data["end_of_career"])


def on_request_approved(event: Event, uow: UnitOfWork) -> None:
    data = RequestDecided.of(event)
    participation = _participation(uow, data, _year_of(data["dates"]))
    participation.dates_approved_at = _first(participation.dates_approved_at, data["decided_at"])
    _change_days(uow, data["participation_id"], data["dates"], data["decided_at"], lambda _: domain.APPROVED)


def on_request_refused(event: Event, uow: UnitOfWork) -> None:
    data = RequestDecided.of(event)
    _participation(uow, data, _year_of(data["dates"]))
    _change_days(uow, data["participation_id"], data["dates"], data["decided_at"], lambda _: domain.REFUSED)


def on_dates_cancelled(event: Event, uow: UnitOfWork) -> None:
    data = DatesCancelled.of(event)
    _participation(uow, data, _year_of(data["dates"]))
    _change_days(uow, data["participation_id"], data["dates"], data["cancelled_at"], lambda _: domain.CANCELLED)


def on_attendance_attested(event: Event, uow: UnitOfWork) -> None:
    data = AttendanceAttested.of(event)
    person = uow.session.get(PersonCopy, data["person_id"])
    # A presence attested or corrected after the association confirmed that year's receipt changes its days.
    with _watching_receipts_touched_by(uow, data["person_id"], {person.company_id if person else None},
                                       OutdatedBecause.ATTENDANCE, year=_year_of(data["dates"])):
        participation = _participation(uow, data, _year_of(data["dates"]))
        participation.attested_at = _first(participation.attested_at, data["attested_at"])
        _change_days(uow, data["participation_id"], data["dates"], data["attested_at"],
                     lambda entry: domain.ATTENDED if entry["present"] else domain.ABSENT)


def on_bilan_completed(event: Event, uow: UnitOfWork) -> None:
    data = BilanCompleted.of(event)
    participation = _participation(uow, data)
    if participation.bilan_at is None or data["completed_at"] > participation.bilan_at:
        participation.bilan_answers = domain.closed_bilan_answers(data["answers"])
    participation.bilan_at = _first(participation.bilan_at, data["completed_at"])


def on_convention_signed(event: Event, uow: UnitOfWork) -> None:
    data = ConventionSigned.of(event)
    participation = _participation(uow, data)
    participation.convention_signed_at = _first(participation.convention_signed_at, data["signed_at"])


def on_attempt_completed(event: Event, uow: UnitOfWork) -> None:
    """An attempt is final once submitted: the first copy stays (the score and answers stay in quiz)."""
    data = AttemptCompleted.of(event)
    if uow.session.get(QuizAttemptCopy, data["attempt_id"]) is None:
        uow.session.add(QuizAttemptCopy(**data))


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `impact`)."""
    record_cutoff = CutoffHandler(token_cutoffs)
    return {
        PERSON_REGISTERED: on_person_changed,
        PERSON_UPDATED: on_person_changed,
        COMPANY_UPDATED: on_company_updated,
        ASSOCIATION_REGISTERED: on_association_changed,
        ASSOCIATION_UPDATED: on_association_changed,
        ASSOCIATION_APPROVED: on_association_changed,
        MISSION_PUBLISHED: on_mission_changed,
        MISSION_UPDATED: on_mission_changed,
        MISSION_CLOSED: on_mission_changed,
        APPLICATION_SUBMITTED: on_application_submitted,
        DATES_REQUESTED: on_dates_requested,
        DATES_CANCELLED: on_dates_cancelled,
        REQUEST_APPROVED: on_request_approved,
        REQUEST_REFUSED: on_request_refused,
        CONVENTION_SIGNED: on_convention_signed,
        ATTENDANCE_ATTESTED: on_attendance_attested,
        # A correction carries the attendance as it now stands: read like an attestation, its newer time wins.
        ATTENDANCE_CORRECTED: on_attendance_attested,
        BILAN_COMPLETED: on_bilan_completed,
        ATTEMPT_COMPLETED: on_attempt_completed,
        "engagement.person.signed_out": record_cutoff,
        "engagement.person.disabled": record_cutoff,
    }
