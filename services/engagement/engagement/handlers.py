"""How engagement reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

import logging
from datetime import datetime

from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork

from . import clock, domain
from .domain import DateState, RequestStatus
from .models import AssociationCopy, Convention, DateRequest, MissionCopy, Participation, Person
from .participations import refresh_attendance

log = logging.getLogger(__name__)


class MissionPublished(EventData):
    """engagement's narrow reading of `catalog.mission.*`: only the fields it keeps."""

    id = fields.String(required=True)
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    url = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(load_default=None)
    status = fields.String(load_default="published")
    # For the workflow; older events without them still load.
    association_id = fields.String(load_default=None, allow_none=True)
    contact_name = fields.String(load_default=None, allow_none=True)
    contact_email = fields.String(load_default=None, allow_none=True)
    contact_phone = fields.String(load_default=None, allow_none=True)
    open_to_all_companies = fields.Boolean(load_default=True)
    company_ids = fields.List(fields.String(), load_default=list)


class AssociationChanged(EventData):
    id = fields.String(required=True)
    name = fields.String(required=True)
    contact_email = fields.Email(required=True)
    representative_name = fields.String(required=True)
    vetting_status = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    """Published, updated or closed: the copy follows, never backwards in time."""
    data = MissionPublished.of(event)
    as_of = data["updated_at"] or data["published_at"]
    copy = uow.session.get(MissionCopy, data["id"])
    if copy is None:
        copy = MissionCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(as_of, copy.as_of):
        return
    copy.title = data["title"]
    copy.association_name = data["association_name"]
    copy.url = data["url"]
    copy.status = data["status"]
    copy.as_of = as_of
    copy.association_id = data["association_id"]
    copy.contact_name, copy.contact_email, copy.contact_phone = data["contact_name"], data["contact_email"], data["contact_phone"]
    copy.open_to_all_companies = data["open_to_all_companies"]
    copy.company_ids = list(data["company_ids"])


def on_association_changed(event: Event, uow: UnitOfWork) -> None:
    data = AssociationChanged.of(event)
    copy = uow.session.get(AssociationCopy, data["id"])
    if copy is None:
        copy = AssociationCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(data["updated_at"], copy.as_of):
        return
    copy.name, copy.contact_email, copy.contact_name = data["name"], data["contact_email"], data["representative_name"]
    copy.vetting_status, copy.as_of = data["vetting_status"], data["updated_at"]


class ApprovalRequestEvent(EventData):
    """engagement's reading of `approval.request.*`: the request id (engagement made it) and the decision."""

    request_id = fields.String(required=True)
    created_at = fields.AwareDateTime(load_default=None)
    decided_at = fields.AwareDateTime(load_default=None)
    via = fields.String(load_default=None, allow_none=True)
    reason = fields.String(load_default=None, allow_none=True)


def _request(event: Event, uow: UnitOfWork) -> tuple[dict, DateRequest | None]:
    data = ApprovalRequestEvent.of(event)
    request = uow.session.get(DateRequest, data["request_id"], with_for_update=True)
    if request is None:
        log.warning("%s for unknown request %s: nothing to do", event.type, data["request_id"])
    return data, request


def on_request_created(event: Event, uow: UnitOfWork) -> None:
    """The manager has been sent the request: it now counts in their « Valide les dates de ton équipe »."""
    data, request = _request(event, uow)
    if request is not None and request.approval_created_at is None:
        request.approval_created_at = data["created_at"] or clock.now()


def _decide(event: Event, uow: UnitOfWork, outcome: RequestStatus) -> None:
    data, request = _request(event, uow)
    if request is None or request.status != RequestStatus.PENDING.value:
        # Already decided (a redelivery) or cancelled by the employee meanwhile: a decision is made once.
        return
    now = clock.now()
    state = DateState.APPROVED if outcome == RequestStatus.APPROVED else DateState.REFUSED
    request.status = outcome.value
    request.decided_at = data["decided_at"] or now
    request.decided_via = data["via"]
    if outcome == RequestStatus.REFUSED:
        request.refusal_reason = (data["reason"] or "").strip() or None
    for mission_date in request.dates:
        if mission_date.state == DateState.PENDING.value:
            mission_date.state = state.value
    participation = request.participation
    participation.updated_at = now
    person = uow.session.get(Person, participation.person_id)
    mission = uow.session.get(MissionCopy, participation.mission_id)
    if person is not None and mission is not None:
        refresh_attendance(uow, participation, person, mission, now, clock.today())


def on_request_approved(event: Event, uow: UnitOfWork) -> None:
    """The manager accepted: the dates are approved and count in the days used."""
    _decide(event, uow, RequestStatus.APPROVED)


def on_request_refused(event: Event, uow: UnitOfWork) -> None:
    """The manager refused: the dates are released and the employee may ask again."""
    _decide(event, uow, RequestStatus.REFUSED)


# -- step 3 and the bilan's PDF: documents' events (issue 6) -----------------------------------------


class ConventionDay(EventData):
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(domain.DATE_FORMATS))


class ConventionEvent(EventData):
    """engagement's reading of `documents.convention.issued` and `documents.convention.signed`."""

    convention_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    year = fields.Integer(required=True)
    version = fields.Integer(required=True, validate=validate.Range(min=1))
    dates = fields.List(fields.Nested(ConventionDay), required=True)
    issued_at = fields.AwareDateTime(load_default=None)
    signed_at = fields.AwareDateTime(load_default=None)


def _own_participation(event: Event, uow: UnitOfWork, participation_id: str, person_id: str) -> Participation | None:
    participation = uow.session.get(Participation, participation_id, with_for_update=True)
    if participation is None or participation.person_id != person_id:
        log.warning("%s for unknown participation %s (or another person's): nothing to do", event.type, participation_id)
        return None
    return participation


def _convention(event: Event, uow: UnitOfWork) -> tuple[dict, Convention | None]:
    """The event and the participation's convention, made on the first event that names it (issued or signed)."""
    data = ConventionEvent.of(event)
    participation = _own_participation(event, uow, data["participation_id"], data["person_id"])
    if participation is None:
        return data, None
    convention = participation.convention
    if convention is None:
        # Version 0 stands for "nothing issued yet": the caller moves it to the event's version in this transaction.
        convention = Convention(
            participation_id=participation.id, convention_id=data["convention_id"], person_id=participation.person_id,
            year=data["year"], issued_version=0, issued_at=None, issued_dates=[], signed_version=None, signed_at=None,
            signed_dates=[], updated_at=clock.now(),
        )
        participation.convention = convention
    elif convention.convention_id != data["convention_id"]:
        log.warning("%s names convention %s, but participation %s has convention %s: ignored", event.type,
                    data["convention_id"], participation.id, convention.convention_id)
        return data, None
    return data, convention


def _dates_json(dates: list[dict]) -> list[dict]:
    return [{"date": item["date"].isoformat(), "format": item["format"]} for item in sorted(dates, key=lambda item: item["date"])]


def _issue(convention: Convention, version: int, dates: list[dict], issued_at: datetime | None) -> None:
    """Move to a higher version issued; the same version only fills in an issue time still unknown."""
    if version > convention.issued_version:
        convention.issued_version, convention.issued_dates, convention.issued_at = version, _dates_json(dates), issued_at
        convention.updated_at = clock.now()
    elif version == convention.issued_version and convention.issued_at is None and issued_at is not None:
        convention.issued_at = issued_at
        convention.updated_at = clock.now()


def on_convention_issued(event: Event, uow: UnitOfWork) -> None:
    """A version was issued: step 3 asks for a signature until it is signed (an older version arriving late changes nothing)."""
    data, convention = _convention(event, uow)
    if convention is not None:
        _issue(convention, data["version"], data["dates"], data["issued_at"] or clock.now())


def on_convention_signed(event: Event, uow: UnitOfWork) -> None:
    """A version was signed: the dates it covers are signed; a later version already issued still waits for its signature."""
    data, convention = _convention(event, uow)
    if convention is None:
        return
    version = data["version"]
    if convention.signed_version is None or version > convention.signed_version:
        convention.signed_version, convention.signed_dates = version, _dates_json(data["dates"])
        convention.signed_at = data["signed_at"] or clock.now()
        convention.updated_at = clock.now()
    # A signed version was issued, even if its issue event has not arrived yet.
    _issue(convention, version, data["dates"], None)


class BilanIssued(EventData):
    """engagement's reading of `documents.bilan.issued`."""

    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    issued_at = fields.AwareDateTime(load_default=None)


def on_bilan_issued(event: Event, uow: UnitOfWork) -> None:
    """The bilan's PDF exists: « MES MISSIONS » links to it."""
    data = BilanIssued.of(event)
    participation = _own_participation(event, uow, data["participation_id"], data["person_id"])
    if participation is None:
        return
    issued_at = data["issued_at"] or clock.now()
    if domain.is_newer(issued_at, participation.bilan_pdf_issued_at):
        participation.bilan_pdf_issued_at = issued_at


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `engagement`); no handler needs a setting."""
    return {
        "catalog.mission.published": on_mission_changed,
        "catalog.mission.updated": on_mission_changed,
        "catalog.mission.closed": on_mission_changed,
        "catalog.association.registered": on_association_changed,
        "catalog.association.updated": on_association_changed,
        "catalog.association.approved": on_association_changed,
        "approval.request.created": on_request_created,
        "approval.request.approved": on_request_approved,
        "approval.request.refused": on_request_refused,
        "documents.convention.issued": on_convention_issued,
        "documents.convention.signed": on_convention_signed,
        "documents.bilan.issued": on_bilan_issued,
    }
