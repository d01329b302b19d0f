"""How documents reacts to events: one table, one plain function per event type.

Copies of the parties come from engagement and catalog; conventions are rendered on `approval.request.approved`,
bilans on `engagement.bilan.completed`, and the signed copy on documents's own `documents.convention.signed` (so
the signing request never renders). `subscriptions(settings)` builds the table; handlers that need a setting
(the public URL, the seal) get it bound in with `functools.partial` and stay plain `handler(event, uow)`.
"""
from __future__ import annotations

import logging
from functools import partial

from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler
from tandem_shared.timeutil import utcnow

from . import conventions, domain, events
from .renderer import SealSettings
from .models import (
    ApprovedRequest, AssociationCopy, Cancellation, CompanyCopy, Convention, MissionCopy, PersonCopy, token_cutoffs,
)

log = logging.getLogger(__name__)



_ID = validate.Length(min=1, max=36)


class CompanyUpdated(EventData):
    """documents's reading of `engagement.company.updated`: the legal identity the convention names."""

    company_id = fields.String(required=True, validate=_ID)
    name = fields.String(required=True)
    head_office_address = fields.String(required=True)
    siren = fields.String(required=True)
    rcs = fields.String(required=True)
    representative_name = fields.String(required=True)
    representative_title = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


class PersonDisabled(EventData):
    """documents's reading of `engagement.person.disabled` (beside the token cut-off every service records)."""

    person_id = fields.String(required=True, validate=_ID)
    # The address the person held; events published before it was added carry none.
    email = fields.String(load_default=None, allow_none=True)
    disabled_at = fields.AwareDateTime(required=True)


class PersonChanged(EventData):
    """documents's reading of `engagement.person.registered/updated`."""

    person_id = fields.String(required=True, validate=_ID)
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    last_name = fields.String(required=True)
    company_id = fields.String(required=True, allow_none=True)
    entity_name = fields.String(required=True, allow_none=True)
    roles = fields.List(fields.String(), load_default=list)
    association_ids = fields.List(fields.String(), load_default=list)
    status = fields.String(load_default="active")
    at = fields.AwareDateTime(required=True)


class AssociationChanged(EventData):
    """documents's reading of `catalog.association.*` (and of the association a mission event embeds)."""

    id = fields.String(required=True, validate=_ID)
    name = fields.String(required=True)
    rna = fields.String(load_default=None, allow_none=True)
    siren = fields.String(load_default=None, allow_none=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    representative_name = fields.String(required=True)
    representative_title = fields.String(required=True)
    general_interest_category = fields.String(required=True)
    general_interest_label = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


class MissionChanged(EventData):
    """documents's reading of `catalog.mission.published/updated/closed`."""

    id = fields.String(required=True, validate=_ID)
    title = fields.String(required=True)
    description = fields.String(load_default="")
    association_id = fields.String(required=True, validate=_ID)
    association = fields.Nested(AssociationChanged, load_default=None, allow_none=True)
    address = fields.String(load_default="")
    city = fields.String(load_default="")
    department = fields.String(load_default="")
    remote_possible = fields.Boolean(load_default=False)
    status = fields.String(load_default="published")
    published_at = fields.AwareDateTime(load_default=None, allow_none=True)
    updated_at = fields.AwareDateTime(load_default=None, allow_none=True)


class DateEntry(EventData):
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(list(domain.FORMATS)))


_DATES = fields.List(fields.Nested(DateEntry), required=True, validate=validate.Length(min=1))


class RequestApproved(EventData):
    """documents's reading of `approval.request.approved`."""

    request_id = fields.String(required=True, validate=_ID)
    participation_id = fields.String(required=True, validate=_ID)
    person_id = fields.String(required=True, validate=_ID)
    manager_email = fields.String(required=True)
    mission_id = fields.String(required=True, validate=_ID)
    year = fields.Integer(required=True)
    dates = _DATES
    decided_by = fields.String(load_default=None, allow_none=True)
    # Who decided; an approval from before the field existed only bound its links to manager_email.
    decided_by_email = fields.String(load_default=None, allow_none=True)
    via = fields.String(load_default="link")
    decided_at = fields.AwareDateTime(required=True)


class DatesCancelled(EventData):
    """documents's reading of `engagement.dates.cancelled`."""

    request_id = fields.String(required=True, validate=_ID)
    participation_id = fields.String(required=True, validate=_ID)
    dates = _DATES
    reason = fields.String(required=True, validate=validate.OneOf(["cancelled", "withdrawn"]))
    cancelled_at = fields.AwareDateTime(required=True)


class BilanCompleted(EventData):
    """documents's reading of `engagement.bilan.completed`."""

    participation_id = fields.String(required=True, validate=_ID)
    person_id = fields.String(required=True, validate=_ID)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    mission_id = fields.String(required=True, validate=_ID)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    days_present = fields.Float(required=True)
    # The days attested present (the certificate of mission lists them); absent from bilans sent before the field.
    dates = fields.List(fields.Nested(DateEntry), load_default=None, allow_none=True)
    answers = fields.Dict(required=True)
    completed_at = fields.AwareDateTime(required=True)


class ConventionSigned(EventData):
    """documents's reading of its own `documents.convention.signed`."""

    convention_id = fields.String(required=True, validate=_ID)
    version = fields.Integer(required=True)


class CompanyIdentity(EventData):
    id = fields.String(required=True, validate=_ID)
    name = fields.String(required=True)
    siren = fields.String(required=True)
    head_office_address = fields.String(required=True)


class AssociationIdentity(EventData):
    id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    name = fields.String(required=True)
    rna = fields.String(load_default=None, allow_none=True)
    siren = fields.String(load_default=None, allow_none=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    general_interest_label = fields.String(required=True)


class StatementRow(EventData):
    # Tells apart two people of the same name; absent from the first events, where the name stands for the person.
    person_id = fields.String(load_default=None, allow_none=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(list(domain.FORMATS)))
    days = fields.Float(required=True)


class StatementConfirmed(EventData):
    """documents's reading of `impact.statement.confirmed`."""

    statement_id = fields.String(required=True, validate=_ID)
    version = fields.Integer(required=True)
    year = fields.Integer(required=True)
    company = fields.Nested(CompanyIdentity, required=True)
    association = fields.Nested(AssociationIdentity, required=True)
    rows = fields.List(fields.Nested(StatementRow), required=True, validate=validate.Length(min=1))
    total_days = fields.Float(required=True)
    confirmed_by_name = fields.String(required=True)
    confirmed_at = fields.AwareDateTime(required=True)


class ReceiptConfirmed(EventData):
    """documents's reading of `impact.receipt.confirmed`."""

    receipt_id = fields.String(required=True, validate=_ID)
    statement_id = fields.String(required=True, validate=_ID)
    version = fields.Integer(required=True)
    year = fields.Integer(required=True)
    receipt_number = fields.String(required=True, validate=validate.Length(min=1, max=50))
    company = fields.Nested(CompanyIdentity, required=True)
    association = fields.Nested(AssociationIdentity, required=True)
    amount = fields.Decimal(required=True, places=2)
    total_days = fields.Float(required=True)
    first_day = fields.Date(required=True)
    last_day = fields.Date(required=True)
    confirmed_by_name = fields.String(required=True)
    confirmed_at = fields.AwareDateTime(required=True)


def _plain_dates(dates: list[dict]) -> list[dict]:
    return [{"date": entry["date"].isoformat(), "format": entry["format"]} for entry in sorted(dates, key=lambda entry: entry["date"])]


# -- copies of the parties ------------------------------------------------------------------------


def _upsert(session, model, key: str, as_of, values: dict) -> None:
    """Create or update a copy, unless the event describes an older state than the one kept."""
    copy = session.get(model, key, with_for_update=True)
    if copy is None:
        copy = model(id=key)
        session.add(copy)
    elif not domain.is_newer(as_of, copy.as_of):
        log.info("%s %s: event as of %s is older than the copy (%s), ignored", model.__tablename__, key, as_of, copy.as_of)
        return
    for name, value in values.items():
        setattr(copy, name, value)
    copy.as_of = as_of


def on_company_updated(event: Event, uow: UnitOfWork) -> None:
    """The company's legal identity or representative changed: the next version of its conventions says so."""
    data = CompanyUpdated.of(event)
    _upsert(uow.session, CompanyCopy, data.pop("company_id"), data.pop("updated_at"), data)


def on_person_changed(event: Event, uow: UnitOfWork) -> None:
    """A person registered or changed (name, entity, roles…)."""
    data = PersonChanged.of(event)
    data["email"] = domain.normalize_email(data["email"])
    if data["status"] == "active":
        conventions.reinstate_reader(uow.session, data["email"], data["person_id"], data["at"])
    _upsert(uow.session, PersonCopy, data.pop("person_id"), data.pop("at"), data)


def on_person_disabled(event: Event, uow: UnitOfWork, record_cutoff: Handler) -> None:
    """A person disabled or deleted: their tokens die (the cut-off), and the address they held no longer reads what
    was decided from it (`conventions.withdraw_reader`): the next holder of a freed address reads nothing of the
    former manager's."""
    record_cutoff(event, uow)
    data = PersonDisabled.of(event)
    if data["email"]:
        conventions.withdraw_reader(uow.session, domain.normalize_email(data["email"]), data["person_id"],
                                    data["disabled_at"])


def _association(session, data: dict) -> None:
    _upsert(session, AssociationCopy, data.pop("id"), data.pop("updated_at"), data)


def on_association_changed(event: Event, uow: UnitOfWork) -> None:
    """An association was registered, approved or changed (identity, representative, general-interest category)."""
    _association(uow.session, AssociationChanged.of(event))


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    """A mission was published, changed or closed; the association it embeds is kept too."""
    data = MissionChanged.of(event)
    association = data.pop("association")
    if association is not None:
        _association(uow.session, association)
    published_at = data.pop("published_at")
    as_of = data.pop("updated_at") or published_at or utcnow()
    _upsert(uow.session, MissionCopy, data.pop("id"), as_of, data)


# -- conventions ---------------------------------------------------------------------------------------


def on_request_approved(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The manager accepted dates: they join the participation's convention for the year, and a new version covering
    every date approved so far is rendered and announced.

    Idempotent on the request id (approval's), whatever the event id: a request already received changes nothing.
    """
    data = RequestApproved.of(event)
    session = uow.session
    if session.get(ApprovedRequest, data["request_id"]) is not None:
        log.info("approved request %s already received: nothing to do", data["request_id"])
        return
    parties = conventions.find_parties(session, data["person_id"], data["mission_id"],
                                       f"convention for approved request {data['request_id']}")
    now = utcnow()
    convention = conventions.convention_for(session, data["participation_id"], data["year"], parties, now)
    session.add(ApprovedRequest(
        request_id=data["request_id"], convention_id=convention.id, participation_id=data["participation_id"],
        manager_email=domain.normalize_email(data["manager_email"]),
        decider_email=domain.normalize_email(data["decided_by_email"] or data["manager_email"]), decided_by=data["decided_by"], via=data["via"],
        dates=_plain_dates(data["dates"]), decided_at=data["decided_at"], received_at=now,
    ))
    session.flush()
    if session.get(Cancellation, data["request_id"]) is not None:
        log.warning("approved request %s was already cancelled: its dates stay out of convention %s", data["request_id"], convention.id)
        return
    conventions.issue_version(uow, convention, parties, domain.VersionCause.APPROVAL, data["request_id"], public_url)


def on_dates_cancelled(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The employee cancelled a request or withdrew from the mission: dates already in a convention leave it, and a
    new version without them is issued (or, with no date left, the convention has nothing left to sign)."""
    data = DatesCancelled.of(event)
    session = uow.session
    if session.get(Cancellation, data["request_id"]) is not None:
        return
    session.add(Cancellation(request_id=data["request_id"], participation_id=data["participation_id"], reason=data["reason"],
                             dates=_plain_dates(data["dates"]), cancelled_at=data["cancelled_at"], received_at=utcnow()))
    session.flush()
    approved = session.get(ApprovedRequest, data["request_id"])
    if approved is None:
        # A pending request (nothing here), or an approval still on its way: it will find this record.
        return
    convention = session.get(Convention, approved.convention_id, with_for_update=True)
    parties = conventions.find_parties(session, convention.person_id, convention.mission_id,
                                       f"convention {convention.id} after cancelled request {data['request_id']}")
    conventions.issue_version(uow, convention, parties, domain.VersionCause.CANCELLATION, data["request_id"], public_url)


def on_convention_signed(event: Event, uow: UnitOfWork, seal: SealSettings) -> None:
    """The employee signed (documents's own event): render the signed copy, once, in the worker."""
    data = ConventionSigned.of(event)
    conventions.render_signed_copy(uow.session, data["convention_id"], data["version"], seal)


def on_bilan_completed(event: Event, uow: UnitOfWork, seal: SealSettings) -> None:
    """Step 4 done: the bilan's PDF and the employee's certificate of mission (sealed), once per participation."""
    conventions.issue_bilan(uow, BilanCompleted.of(event), seal)


# -- the yearly bundle (from impact) --------------------------------------------------------------------


def on_statement_confirmed(event: Event, uow: UnitOfWork, seal: SealSettings) -> None:
    """An association referent confirmed the « état récapitulatif des journées »: render and seal it, once."""
    conventions.issue_day_statement(uow.session, StatementConfirmed.of(event), seal)


def on_receipt_confirmed(event: Event, uow: UnitOfWork, seal: SealSettings) -> None:
    """An association referent confirmed the receipt's data (Cerfa n° 16216): render and seal the data sheet, once."""
    conventions.issue_receipt_data(uow.session, ReceiptConfirmed.of(event), seal)


# -- token cut-offs ----------------------------------------------------------------------------------


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `documents`)."""
    # A cut-off event (signing out, being disabled): tokens issued before it are refused here too.
    record_cutoff = CutoffHandler(token_cutoffs)
    seal = SealSettings.of(settings)
    if not seal.seals:
        log.warning("no seal configured: signed copies are not sealed")
    return {
        "engagement.company.updated": on_company_updated,
        "engagement.person.registered": on_person_changed,
        "engagement.person.updated": on_person_changed,
        "catalog.association.registered": on_association_changed,
        "catalog.association.updated": on_association_changed,
        "catalog.association.approved": on_association_changed,
        "catalog.mission.published": on_mission_changed,
        "catalog.mission.updated": on_mission_changed,
        "catalog.mission.closed": on_mission_changed,
        "approval.request.approved": partial(on_request_approved, public_url=settings.public_url),
        "engagement.dates.cancelled": partial(on_dates_cancelled, public_url=settings.public_url),
        "engagement.bilan.completed": partial(on_bilan_completed, seal=seal),
        events.CONVENTION_SIGNED: partial(on_convention_signed, seal=seal),
        "impact.statement.confirmed": partial(on_statement_confirmed, seal=seal),
        "impact.receipt.confirmed": partial(on_receipt_confirmed, seal=seal),
        "engagement.person.signed_out": record_cutoff,
        "engagement.person.disabled": partial(on_person_disabled, record_cutoff=record_cutoff),
    }
