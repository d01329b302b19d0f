"""How approval reacts to other services' events: one table, one plain function per event type.

`subscriptions(settings)` builds the table; the handlers that make links receive the link policy
(public URL, lifetime) bound in with `functools.partial`, and stay plain `handler(event, uow)` for the inbox.
"""
from __future__ import annotations

import logging
from functools import partial

from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler
from tandem_shared.timeutil import utcnow

from . import domain, events, links
from .models import AbsenceRequest, token_cutoffs

log = logging.getLogger(__name__)

DATES_REQUESTED = "engagement.dates.requested"
DATES_CANCELLED = "engagement.dates.cancelled"
PERSON_DISABLED = "engagement.person.disabled"
PERSON_UPDATED = "engagement.person.updated"



class DateEntry(EventData):
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(list(domain.FORMATS)))


_ID = validate.Length(min=1, max=36)
_DATES = fields.List(fields.Nested(DateEntry), required=True, validate=validate.Length(min=1))


class DatesRequested(EventData):
    """approval's reading of `engagement.dates.requested`."""

    request_id = fields.String(required=True, validate=_ID)
    participation_id = fields.String(required=True, validate=_ID)
    person_id = fields.String(required=True, validate=_ID)
    person_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    person_email = fields.Email(required=True)
    manager_email = fields.Email(required=True)
    mission_id = fields.String(required=True, validate=_ID)
    mission_title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    association_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    year = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["initial", "additional"]))
    dates = _DATES
    message = fields.String(allow_none=True, load_default="")
    requested_at = fields.AwareDateTime(required=True)


class DatesCancelled(EventData):
    """approval's reading of `engagement.dates.cancelled`."""

    request_id = fields.String(required=True, validate=_ID)
    participation_id = fields.String(required=True, validate=_ID)
    person_id = fields.String(required=True, validate=_ID)
    person_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    manager_email = fields.Email(required=True)
    mission_title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    dates = _DATES
    reason = fields.String(required=True, validate=validate.OneOf(["cancelled", "withdrawn"]))
    cancelled_at = fields.AwareDateTime(required=True)


class PersonDisabled(EventData):
    """approval's reading of `engagement.person.disabled` (beside the token cut-off every service records)."""

    person_id = fields.String(required=True, validate=_ID)
    # The address the person held; events published before it was added carry none.
    email = fields.String(load_default=None, allow_none=True)
    disabled_at = fields.AwareDateTime(required=True)


class PersonUpdated(EventData):
    """approval's reading of `engagement.person.updated`: only whether a person who lost access has it again."""

    person_id = fields.String(required=True, validate=_ID)
    email = fields.String(required=True)
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


def _plain_dates(dates: list[dict]) -> list[dict]:
    return [{"date": entry["date"].isoformat(), "format": entry["format"]}
            for entry in sorted(dates, key=lambda entry: (entry["date"], entry["format"] != "full_day"))]


def on_dates_requested(event: Event, uow: UnitOfWork, policy: links.LinkPolicy) -> None:
    """The employee asks their manager to validate dates: the request, its link, and the e-mail's event.

    Idempotent on the request id (engagement's): a request already known changes nothing and sends nothing.
    """
    data = DatesRequested.of(event)
    request = uow.session.get(AbsenceRequest, data["request_id"], with_for_update=True)
    if request is not None:
        if request.status == domain.RequestStatus.CANCELLED and not request.person_email:
            # The cancellation overtook the request (a redelivery): complete the record, but nothing to validate.
            _fill(request, data)
        return
    now = utcnow()
    request = AbsenceRequest(id=data["request_id"], status=domain.RequestStatus.PENDING, created_at=now, reminders=0)
    _fill(request, data)
    uow.session.add(request)
    uow.session.flush()
    link, expires_at = links.issue_link(uow.session, request, policy, now)
    events.request_created(uow, request, link, expires_at)


def _fill(request: AbsenceRequest, data: dict) -> None:
    for key in ("participation_id", "person_id", "person_name", "person_email", "mission_id", "mission_title",
                "association_name", "year", "kind", "requested_at"):
        setattr(request, key, data[key])
    request.person_email = domain.normalize_email(data["person_email"])
    request.manager_email = domain.normalize_email(data["manager_email"])
    request.dates = _plain_dates(data["dates"])
    request.message = data["message"] or ""


def on_dates_cancelled(event: Event, uow: UnitOfWork) -> None:
    """The employee cancelled the request or withdrew from the mission: no decision is possible any more,
    and every link of the request answers « Cette demande a été annulée par … »."""
    data = DatesCancelled.of(event)
    now = utcnow()
    request = uow.session.get(AbsenceRequest, data["request_id"], with_for_update=True)
    if request is None:
        # Arrived before the request itself: keep a cancelled record, so the request never opens when it comes.
        log.warning("cancellation of unknown request %s: kept as cancelled", data["request_id"])
        request = AbsenceRequest(
            id=data["request_id"], participation_id=data["participation_id"], person_id=data["person_id"],
            person_name=data["person_name"], person_email="", manager_email=domain.normalize_email(data["manager_email"]),
            mission_id="", mission_title=data["mission_title"], association_name="", year=min(d["date"] for d in data["dates"]).year,
            kind="initial", dates=_plain_dates(data["dates"]), message="", status=domain.RequestStatus.CANCELLED,
            requested_at=data["cancelled_at"], created_at=now, reminders=0,
        )
        uow.session.add(request)
    if request.cancelled_at is None and domain.cancel(domain.RequestStatus(request.status)) == domain.RequestStatus.CANCELLED:
        request.status = domain.RequestStatus.CANCELLED
        request.cancellation = data["reason"]
        request.cancelled_at = data["cancelled_at"]
    uow.session.flush()
    links.revoke_open_links(uow.session, request.id, now)


def on_person_disabled(event: Event, uow: UnitOfWork, record_cutoff: Handler) -> None:
    """A person disabled or deleted: their tokens die (the cut-off), and so do the links e-mailed to their address, whose
    requests leave its reach (`links.withdraw_approver`): someone who left decides nothing more, and neither does the
    next holder of a freed address."""
    record_cutoff(event, uow)
    data = PersonDisabled.of(event)
    if data["email"]:
        links.withdraw_approver(uow.session, domain.normalize_email(data["email"]), data["person_id"], data["disabled_at"],
                                utcnow())


def on_person_updated(event: Event, uow: UnitOfWork) -> None:
    data = PersonUpdated.of(event)
    if data["status"] == "active":
        links.reinstate_approver(uow.session, domain.normalize_email(data["email"]), data["person_id"], data["at"])


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `approval`)."""
    # A cut-off event (signing out, being disabled): tokens issued before it are refused here too.
    record_cutoff = CutoffHandler(token_cutoffs)
    policy = links.LinkPolicy.from_settings(settings)
    return {
        DATES_REQUESTED: partial(on_dates_requested, policy=policy),
        DATES_CANCELLED: on_dates_cancelled,
        "engagement.person.signed_out": record_cutoff,
        PERSON_DISABLED: partial(on_person_disabled, record_cutoff=record_cutoff),
        PERSON_UPDATED: on_person_updated,
    }
