"""Events approval publishes, and the marshmallow schemas that turn them into plain JSON
(the contract: docs/workflow-events.md and asyncapi.yaml)."""
from __future__ import annotations

from datetime import date, datetime

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from . import domain
from .models import AbsenceRequest

REQUEST_CREATED = "approval.request.created"
REQUEST_APPROVED = "approval.request.approved"
REQUEST_REFUSED = "approval.request.refused"
REQUEST_REMINDED = "approval.request.reminded"


class DateData(Schema):
    # Stored as ISO strings already ("2027-01-25").
    date = fields.String(required=True)
    format = fields.String(required=True)


class RequestCreatedData(Schema):
    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    manager_email = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    kind = fields.String(required=True)
    dates = fields.List(fields.Nested(DateData), required=True)
    message = fields.String(required=True)
    action_link = fields.String(required=True)
    link_expires_at = fields.AwareDateTime(required=True)
    accept_until = fields.Date(required=True)
    created_at = fields.AwareDateTime(required=True)


class RequestDecidedData(Schema):
    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    manager_email = fields.String(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    kind = fields.String(required=True)
    dates = fields.List(fields.Nested(DateData), required=True)
    decided_by = fields.String(allow_none=True, required=True)
    decided_by_email = fields.String(required=True)
    via = fields.String(required=True)
    decided_at = fields.AwareDateTime(required=True)
    reason = fields.String(allow_none=True, required=True)


class RequestRemindedData(Schema):
    request_id = fields.String(required=True)
    manager_email = fields.String(required=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    dates = fields.List(fields.Nested(DateData), required=True)
    action_link = fields.String(required=True)
    link_expires_at = fields.AwareDateTime(required=True)
    accept_until = fields.Date(required=True)
    period = fields.String(required=True)


def _common(request: AbsenceRequest, *names: str) -> dict:
    return {name: getattr(request, name) for name in names}


def _accept_until(request: AbsenceRequest) -> date:
    # The link may outlive the day a request can still be accepted: the e-mail says both.
    return domain.accept_until(date.fromisoformat(entry["date"]) for entry in request.dates)


def request_created(uow: UnitOfWork, request: AbsenceRequest, action_link: str, link_expires_at: datetime) -> None:
    """The manager's request exists: the notifier e-mails the manager the dates and the link."""
    uow.publish(REQUEST_CREATED, request.id, RequestCreatedData().dump({
        "request_id": request.id,
        **_common(request, "participation_id", "person_id", "person_name", "person_email", "manager_email", "mission_title",
                  "association_name", "year", "kind", "dates", "message", "created_at"),
        "action_link": action_link,
        "link_expires_at": link_expires_at,
        "accept_until": _accept_until(request),
    }))


def request_decided(uow: UnitOfWork, request: AbsenceRequest, decided_by_email: str) -> None:
    """`approval.request.approved` or `.refused`, after the manager's decision, with the address of who decided."""
    type = REQUEST_APPROVED if request.status == "approved" else REQUEST_REFUSED
    uow.publish(type, request.id, RequestDecidedData().dump({
        "request_id": request.id,
        **_common(request, "participation_id", "person_id", "person_name", "person_email", "manager_email", "mission_id",
                  "mission_title", "association_name", "year", "kind", "dates", "decided_by", "via", "decided_at", "reason"),
        "decided_by_email": decided_by_email,
    }))


def request_reminded(uow: UnitOfWork, request: AbsenceRequest, action_link: str, link_expires_at: datetime, period: str) -> None:
    """Still pending: the manager is reminded with a fresh link (the previous one no longer works)."""
    uow.publish(REQUEST_REMINDED, request.id, RequestRemindedData().dump({
        "request_id": request.id,
        **_common(request, "manager_email", "person_name", "mission_title", "dates"),
        "action_link": action_link,
        "link_expires_at": link_expires_at,
        "accept_until": _accept_until(request),
        "period": period,
    }))
