"""How engagement reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

import logging

from marshmallow import EXCLUDE, Schema, fields

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork

from . import clock, domain
from .domain import DateState, RequestStatus
from .models import AssociationCopy, DateRequest, MissionCopy, Person
from .participations import refresh_attendance

log = logging.getLogger(__name__)


class MissionPublished(Schema):
    """engagement's narrow reading of `catalog.mission.*`: only the fields it keeps."""

    class Meta:
        unknown = EXCLUDE

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


class AssociationChanged(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    name = fields.String(required=True)
    contact_email = fields.Email(required=True)
    representative_name = fields.String(required=True)
    vetting_status = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    """Published, updated or closed: the copy follows, never backwards in time."""
    data = MissionPublished().load(event.data)
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
    data = AssociationChanged().load(event.data)
    copy = uow.session.get(AssociationCopy, data["id"])
    if copy is None:
        copy = AssociationCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(data["updated_at"], copy.as_of):
        return
    copy.name, copy.contact_email, copy.contact_name = data["name"], data["contact_email"], data["representative_name"]
    copy.vetting_status, copy.as_of = data["vetting_status"], data["updated_at"]


class ApprovalRequestEvent(Schema):
    """engagement's reading of `approval.request.*`: the request id (engagement made it) and the decision."""

    class Meta:
        unknown = EXCLUDE

    request_id = fields.String(required=True)
    created_at = fields.AwareDateTime(load_default=None)
    decided_at = fields.AwareDateTime(load_default=None)
    via = fields.String(load_default=None, allow_none=True)
    reason = fields.String(load_default=None, allow_none=True)


def _request(event: Event, uow: UnitOfWork) -> tuple[dict, DateRequest | None]:
    data = ApprovalRequestEvent().load(event.data)
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


SUBSCRIPTIONS: dict[str, Handler] = {
    "catalog.mission.published": on_mission_changed,
    "catalog.mission.updated": on_mission_changed,
    "catalog.mission.closed": on_mission_changed,
    "catalog.association.registered": on_association_changed,
    "catalog.association.updated": on_association_changed,
    "catalog.association.approved": on_association_changed,
    "approval.request.created": on_request_created,
    "approval.request.approved": on_request_approved,
    "approval.request.refused": on_request_refused,
}
