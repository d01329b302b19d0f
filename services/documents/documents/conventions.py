"""Conventions and bilans as use cases, shared by the event handlers (rendering, in the worker) and the API
(signing, reading): the parties looked up in our copies, versions issued, signatures recorded, access decided.

Rendering goes through `renderer.current()`: in the worker, a child process that holds WeasyPrint and pyHanko; in the
embedded mode, this process, which loads them on first use. The web process never renders.
"""
from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, undefer

from tandem_shared.inbox import UnitOfWork
from tandem_shared.timeutil import utcnow

from . import domain, events, renderer
from .models import (
    ApprovedRequest, AssociationCopy, BilanDocument, Cancellation, CompanyCopy, Convention, ConventionVersion, DayStatement,
    DonationReceipt, MissionCopy, PersonCopy, Signature, WithdrawnReader,
)

log = logging.getLogger(__name__)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- the parties --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyCopies:
    """Everything a convention names, as documents knows it now."""

    person: PersonCopy
    company: CompanyCopy
    mission: MissionCopy
    association: AssociationCopy


def find_parties(session: Session, person_id: str, mission_id: str, about: str) -> PartyCopies:
    """The copies of the employee, their company, the mission and its association; `MissingParty` names the first
    one missing (the message is retried, then dead-lettered, and replayed once the party's event has arrived)."""
    person = session.get(PersonCopy, person_id)
    company = session.get(CompanyCopy, person.company_id) if person is not None and person.company_id else None
    mission = session.get(MissionCopy, mission_id)
    association = session.get(AssociationCopy, mission.association_id) if mission is not None else None
    missing = None
    if person is None:
        missing = f"person {person_id} (engagement.person.registered/updated not received)"
    elif company is None:
        missing = f"company {person.company_id} of person {person_id} (engagement.company.updated not received)"
    elif mission is None:
        missing = f"mission {mission_id} (catalog.mission.published not received)"
    elif association is None:
        missing = f"association {mission.association_id} of mission {mission_id} (catalog.association.* not received)"
    if missing is not None:
        log.error("%s: missing party: %s", about, missing)
        raise domain.MissingParty(f"{about}: missing party: {missing}")
    return PartyCopies(person=person, company=company, mission=mission, association=association)


def convention_context(convention: Convention, number: int, dates: list[dict], rendered_at: datetime, parties: PartyCopies) -> dict:
    """What `rendering.render_convention` needs."""
    company, association, person, mission = parties.company, parties.association, parties.person, parties.mission
    return {
        "document_id": convention.id,
        "version": number,
        "year": convention.year,
        "rendered_at": rendered_at,
        "company": {name: getattr(company, name) for name in (
            "name", "head_office_address", "siren", "rcs", "representative_name", "representative_title")},
        "association": {name: getattr(association, name) for name in (
            "name", "rna", "siren", "address", "city", "representative_name", "representative_title",
            "general_interest_category", "general_interest_label")},
        "employee": {"first_name": person.first_name, "last_name": person.last_name, "email": person.email,
                     "entity_name": person.entity_name},
        "mission": {name: getattr(mission, name) for name in (
            "title", "description", "address", "city", "department", "remote_possible")},
        "dates": [{"date": date.fromisoformat(entry["date"]), "format": entry["format"]} for entry in dates],
        "total_days": domain.total_days(dates),
    }


# -- conventions and their versions -----------------------------------------------------------


def convention_for(session: Session, participation_id: str, year: int, parties: PartyCopies, now: datetime) -> Convention:
    """The participation's convention for that civil year, locked; made on its first approval.

    Two first approvals handled at once both try the insert: the unique (participation, year) key fails one,
    whose message is redelivered and then finds the convention.
    """
    convention = session.scalar(
        sa.select(Convention).where(Convention.participation_id == participation_id, Convention.year == year).with_for_update()
    )
    if convention is None:
        convention = Convention(id=str(uuid.uuid4()), participation_id=participation_id, year=year, current_version=0,
                                created_at=now, updated_at=now)
        _name_parties(convention, parties)
        session.add(convention)
        session.flush()
    return convention


def _name_parties(convention: Convention, parties: PartyCopies) -> None:
    convention.person_id = parties.person.id
    convention.person_name = domain.full_name(parties.person.first_name, parties.person.last_name)
    convention.person_email = parties.person.email
    convention.company_id = parties.company.id
    convention.mission_id = parties.mission.id
    convention.mission_title = parties.mission.title
    convention.association_id = parties.association.id
    convention.association_name = parties.association.name


def active_requests(session: Session, convention_id: str) -> list[ApprovedRequest]:
    """The approved requests whose dates the convention covers: every one received, minus those cancelled since."""
    cancelled = sa.select(Cancellation.request_id)
    return list(session.scalars(
        sa.select(ApprovedRequest)
        .where(ApprovedRequest.convention_id == convention_id, ApprovedRequest.request_id.not_in(cancelled))
        .order_by(ApprovedRequest.decided_at, ApprovedRequest.request_id)
    ))


def issue_version(uow: UnitOfWork, convention: Convention, parties: PartyCopies, cause: domain.VersionCause,
                  request_id: str, public_url: str) -> ConventionVersion | None:
    """Render the next version over every date now approved, store it and announce it (same transaction).

    Nothing new when the dates are those of the current version; when no date is left (the employee withdrew),
    the convention is marked withdrawn instead: there is nothing to sign.
    """
    session, now = uow.session, utcnow()
    dates = domain.covered_dates(convention.year, (request.dates for request in active_requests(session, convention.id)))
    current = version_of(session, convention.id, convention.current_version) if convention.current_version else None
    if not dates:
        if convention.withdrawn_at is None:
            convention.withdrawn_at = convention.updated_at = now
            log.info("convention %s: no date left after %s %s, nothing to sign", convention.id, cause, request_id)
        return None
    if current is not None and current.dates == dates and convention.withdrawn_at is None:
        log.info("convention %s: %s %s changes no date, v%s stays current", convention.id, cause, request_id, current.number)
        return None
    number = convention.current_version + 1
    pdf = renderer.current().convention(convention_context(convention, number, dates, now, parties))
    version = ConventionVersion(
        id=str(uuid.uuid4()), convention_id=convention.id, number=number, cause=cause.value, request_id=request_id,
        dates=dates, total_days=domain.total_days(dates), pdf=pdf, sha256=sha256_hex(pdf), rendered_at=now,
    )
    session.add(version)
    _name_parties(convention, parties)
    convention.current_version = number
    convention.withdrawn_at = None
    convention.updated_at = now
    session.flush()
    events.convention_issued(uow, convention, version, public_url)
    log.info("convention %s: v%s issued (%s %s, %s days)", convention.id, number, cause, request_id, version.total_days)
    return version


def version_of(session: Session, convention_id: str, number: int) -> ConventionVersion | None:
    return session.scalar(sa.select(ConventionVersion).where(ConventionVersion.convention_id == convention_id,
                                                             ConventionVersion.number == number))


# -- signing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureInput:
    version: int
    consent: bool
    consent_version: str
    pdf_sha256: str
    signer_id: str
    signer_email: str
    ip_address: str
    user_agent: str


def sign(uow: UnitOfWork, convention: Convention, given: SignatureInput, consent_version: str,
         consent_text: str) -> Signature | domain.SignatureRefusal:
    """Record the employee's signature of one version with its evidence, and announce it; or say why not.

    The caller has locked the convention row, so two clicks sign once (the unique version key is the backstop).
    """
    session = uow.session
    version = version_of(session, convention.id, given.version) if given.version >= 1 else None
    already = version is not None and session.scalar(
        sa.select(sa.func.count()).select_from(Signature).where(Signature.version_id == version.id)) > 0
    refusal = domain.signature_refusal(
        version=given.version, current_version=convention.current_version, withdrawn=convention.withdrawn_at is not None,
        already_signed=already, shown_sha256=given.pdf_sha256, version_sha256=version.sha256 if version else None,
        consent=given.consent, consent_version=given.consent_version, expected_consent_version=consent_version,
    )
    if refusal is not None:
        return refusal
    person = session.get(PersonCopy, convention.person_id)
    signer_name = domain.full_name(person.first_name, person.last_name) if person else convention.person_name
    now = utcnow()
    signature = Signature(
        id=str(uuid.uuid4()), version_id=version.id, convention_id=convention.id, version_number=version.number,
        signer_id=given.signer_id, signer_name=signer_name, signer_email=given.signer_email or convention.person_email,
        signed_at=now, ip_address=given.ip_address[:64], user_agent=given.user_agent[:500],
        consent_version=consent_version, consent_text=consent_text, pdf_sha256=version.sha256,
    )
    session.add(signature)
    convention.signed_version = version.number
    convention.updated_at = now
    session.flush()
    events.convention_signed(uow, convention, version, signature)
    log.info("convention %s: v%s signed by %s", convention.id, version.number, given.signer_id)
    return signature


def evidence(signature: Signature) -> dict[str, Any]:
    """The signature's evidence, as the API answers it and the certificate page prints it."""
    return {
        "document_id": signature.convention_id,
        "version": signature.version_number,
        "signer_id": signature.signer_id,
        "signer_name": signature.signer_name,
        "signer_email": signature.signer_email,
        "signed_at": signature.signed_at,
        "ip_address": signature.ip_address,
        "user_agent": signature.user_agent,
        "consent_version": signature.consent_version,
        "consent_text": signature.consent_text,
        "pdf_sha256": signature.pdf_sha256,
    }


def render_signed_copy(session: Session, convention_id: str, number: int, seal: renderer.SealSettings) -> Signature | None:
    """The signed copy of a signed version (its pages, the certificate page, the seal), rendered once."""
    signature = session.scalar(
        sa.select(Signature).where(Signature.convention_id == convention_id, Signature.version_number == number).with_for_update()
    )
    if signature is None:
        log.warning("signed copy of convention %s v%s: no such signature here, nothing to render", convention_id, number)
        return None
    if signature.signed_pdf_sha256 is not None:
        return signature
    version = session.get(ConventionVersion, signature.version_id)
    pdf = renderer.current().signed_copy(version.pdf, evidence(signature), seal)
    signature.signed_pdf = pdf
    signature.signed_pdf_sha256 = sha256_hex(pdf)
    signature.signed_pdf_rendered_at = utcnow()
    log.info("convention %s: signed copy of v%s rendered", convention_id, number)
    return signature


# -- bilans -------------------------------------------------------------------------------------------


def issue_bilan(uow: UnitOfWork, data: dict, seal: renderer.SealSettings) -> BilanDocument | None:
    """The bilan's PDF, once per participation whatever the redeliveries, announced when rendered."""
    session = uow.session
    if session.get(BilanDocument, data["participation_id"]) is not None:
        return None
    parties = find_parties(session, data["person_id"], data["mission_id"], f"bilan of participation {data['participation_id']}")
    now = utcnow()
    pdf = renderer.current().bilan({
        "participation_id": data["participation_id"],
        "year": data["year"],
        "person_name": data["person_name"],
        "person_email": data["person_email"],
        "company_name": parties.company.name,
        "mission_title": data["mission_title"],
        "association_name": data["association_name"],
        "days_present": data["days_present"],
        "completed_at": data["completed_at"],
        "answers": data["answers"],
    })
    bilan = BilanDocument(
        participation_id=data["participation_id"], person_id=data["person_id"], company_id=parties.company.id,
        mission_id=data["mission_id"], association_id=parties.association.id, year=data["year"],
        person_name=data["person_name"], mission_title=data["mission_title"], association_name=data["association_name"],
        days_present=data["days_present"], completed_at=data["completed_at"], pdf=pdf, sha256=sha256_hex(pdf), rendered_at=now,
    )
    if data.get("dates") is None:
        log.warning("bilan of participation %s carries no dates: no certificate of mission", data["participation_id"])
    else:
        dates = domain.attended_days(data["dates"])
        certificate = renderer.current().mission_certificate(certificate_context(data, dates, parties, now), seal)
        bilan.attended_dates = dates
        bilan.certificate_pdf, bilan.certificate_sha256 = certificate, sha256_hex(certificate)
    session.add(bilan)
    session.flush()
    events.bilan_issued(uow, bilan, now)
    return bilan


def certificate_context(data: dict, dates: list[dict], parties: PartyCopies, rendered_at: datetime) -> dict:
    """What `rendering.render_mission_certificate` needs: the association and mission from our copies, the days given."""
    association, mission = parties.association, parties.mission
    return {
        "participation_id": data["participation_id"],
        "year": data["year"],
        "rendered_at": rendered_at,
        "completed_at": data["completed_at"],
        "person_name": data["person_name"],
        "company_name": parties.company.name,
        "entity_name": parties.person.entity_name,
        "association": {name: getattr(association, name) for name in (
            "name", "rna", "siren", "address", "city", "representative_name", "representative_title")},
        "mission": {"title": data["mission_title"], "city": mission.city, "remote_possible": mission.remote_possible},
        "dates": [{"date": date.fromisoformat(entry["date"]), "format": entry["format"]} for entry in dates],
        "total_days": domain.total_days(dates),
    }


# -- the yearly bundle (from impact's confirmations) -----------------------------------------------------------


def issue_day_statement(session: Session, data: dict, seal: renderer.SealSettings) -> DayStatement | None:
    """The sealed « état récapitulatif des journées » of one confirmation, rendered once whatever the redeliveries."""
    if session.get(DayStatement, data["statement_id"]) is not None:
        return None
    now = utcnow()
    pdf = renderer.current().day_statement({
        "statement_id": data["statement_id"], "version": data["version"], "year": data["year"], "rendered_at": now,
        "company": data["company"], "association": data["association"],
        "rows": data["rows"], "total_days": data["total_days"],
        "confirmed_by_name": data["confirmed_by_name"], "confirmed_at": data["confirmed_at"],
    }, seal)
    statement = DayStatement(
        id=data["statement_id"], company_id=data["company"]["id"], association_id=data["association"]["id"],
        year=data["year"], version=data["version"], total_days=data["total_days"], confirmed_at=data["confirmed_at"],
        pdf=pdf, sha256=sha256_hex(pdf), rendered_at=now,
    )
    session.add(statement)
    session.flush()
    log.info("day statement %s (company %s, association %s, %s v%s) rendered", statement.id, statement.company_id,
             statement.association_id, statement.year, statement.version)
    return statement


def issue_receipt_data(session: Session, data: dict, seal: renderer.SealSettings) -> DonationReceipt | None:
    """The sealed data sheet of the receipt (Cerfa n° 16216) of one confirmation, rendered once."""
    if session.get(DonationReceipt, data["receipt_id"]) is not None:
        return None
    now = utcnow()
    pdf = renderer.current().receipt_data({
        "receipt_id": data["receipt_id"], "statement_id": data["statement_id"], "version": data["version"],
        "year": data["year"], "rendered_at": now, "receipt_number": data["receipt_number"], "company": data["company"],
        "association": data["association"], "amount": data["amount"], "total_days": data["total_days"],
        "first_day": data["first_day"], "last_day": data["last_day"], "confirmed_by_name": data["confirmed_by_name"],
        "confirmed_at": data["confirmed_at"],
    }, seal)
    receipt = DonationReceipt(
        id=data["receipt_id"], statement_id=data["statement_id"], company_id=data["company"]["id"],
        association_id=data["association"]["id"], year=data["year"], version=data["version"],
        receipt_number=data["receipt_number"], confirmed_at=data["confirmed_at"], pdf=pdf, sha256=sha256_hex(pdf),
        rendered_at=now,
    )
    session.add(receipt)
    session.flush()
    log.info("receipt data %s (company %s, association %s, %s v%s) rendered", receipt.id, receipt.company_id,
             receipt.association_id, receipt.year, receipt.version)
    return receipt


# -- who may read ----------------------------------------------------------------------------------


def reader_of(principal) -> domain.Reader:
    """The caller as engagement's token describes them (claims `email`, `roles`, `company_id`, `associations`)."""
    claims = principal.claims
    return domain.Reader(
        subject=principal.subject,
        email=domain.normalize_email(claims.get("email")),
        roles=frozenset(claims.get("roles") or ()),
        company_id=claims.get("company_id"),
        association_ids=frozenset(claims.get("associations") or ()),
    )


def _address_withdrawn_since_decision() -> sa.ColumnElement[bool]:
    """True when the decider's address lost its holder after the decision, and the same person has not taken it back
    since (`WithdrawnReader`): the address no longer reads what was decided from it."""
    withdrawn = WithdrawnReader
    return sa.exists().where(
        withdrawn.email == ApprovedRequest.decider_email,
        ApprovedRequest.decided_at <= withdrawn.withdrawn_at,
        sa.or_(withdrawn.reinstated_at.is_(None), withdrawn.reinstated_at < withdrawn.withdrawn_at),
    )


def approvers(session: Session, *, convention_ids: Iterable[str] = (), participation_id: str | None = None) -> dict[str, tuple[set, set]]:
    """The addresses and person ids of who decided the approved requests, by convention id. An address whose holder
    lost access since the decision is left out (`_address_withdrawn_since_decision`); the decider's person id stays."""
    query = sa.select(ApprovedRequest.convention_id,
                      sa.case((_address_withdrawn_since_decision(), sa.null()), else_=ApprovedRequest.decider_email),
                      ApprovedRequest.decided_by)
    ids = list(convention_ids)
    if participation_id is not None:
        query = query.where(ApprovedRequest.participation_id == participation_id)
    else:
        query = query.where(ApprovedRequest.convention_id.in_(ids))
    result: dict[str, tuple[set, set]] = {}
    for convention_id, email, decided_by in session.execute(query):
        emails, deciders = result.setdefault(convention_id, (set(), set()))
        if email:
            emails.add(email)
        if decided_by:
            deciders.add(decided_by)
    return result


@dataclass(frozen=True)
class BundleFile:
    name: str
    pdf: bytes
    rendered_at: datetime


def yearly_bundle(session: Session, company_id: str, year: int) -> list[BundleFile]:
    """The company's proofs of a year, one ZIP for its records: for each association, the latest sealed statement of
    days and the latest receipt data sheet (a later confirmation replaces the earlier version, as the page lists it)."""
    files: list[BundleFile] = []
    for model, filename in ((DayStatement, domain.statement_filename), (DonationReceipt, domain.receipt_filename)):
        latest = sa.select(model.association_id, sa.func.max(model.version).label("version")).where(
            model.company_id == company_id, model.year == year).group_by(model.association_id).subquery()
        documents = session.scalars(
            sa.select(model).join(latest, sa.and_(model.association_id == latest.c.association_id,
                                                  model.version == latest.c.version))
            .where(model.company_id == company_id, model.year == year)
            .options(undefer(model.pdf))
        ).all()
        for document in documents:
            names = parties_names(session, document)
            files.append(BundleFile(filename(document.year, document.version, *names), document.pdf, document.rendered_at))
    return sorted(files, key=lambda file: file.name)


def parties_names(session: Session, document: DayStatement | DonationReceipt) -> tuple[str | None, str | None]:
    """The association's and the company's names of a statement or a receipt (its file name has both)."""
    association = session.get(AssociationCopy, document.association_id)
    company = session.get(CompanyCopy, document.company_id)
    return (association.name if association else None, company.name if company else None)


def withdraw_reader(session: Session, email: str, person_id: str, at: datetime) -> None:
    """The holder of `email` lost access at `at`: what was decided from that address until then no longer lets it
    read. A later withdrawal of the same address replaces an earlier one."""
    row = session.get(WithdrawnReader, email, with_for_update=True)
    if row is None:
        session.add(WithdrawnReader(email=email, person_id=person_id, withdrawn_at=at))
    elif row.withdrawn_at < at:
        row.person_id, row.withdrawn_at = person_id, at


def reinstate_reader(session: Session, email: str, person_id: str, at: datetime) -> None:
    """The person who lost access has it again (active at `at`): they read what they decided again. Someone else
    holding the address since does not."""
    row = session.get(WithdrawnReader, email, with_for_update=True)
    if row is None or row.person_id != person_id:
        return
    if row.reinstated_at is None or row.reinstated_at < at:
        row.reinstated_at = at


def convention_parties(convention: Convention, approving: dict[str, tuple[set, set]]) -> domain.Parties:
    emails, deciders = approving.get(convention.id, (set(), set()))
    return domain.Parties(person_id=convention.person_id, company_id=convention.company_id, association_id=convention.association_id,
                          decider_emails=frozenset(emails), deciders=frozenset(deciders))


def bilan_parties(session: Session, bilan: BilanDocument) -> domain.Parties:
    """A bilan is read by the same people as the participation's conventions."""
    emails, deciders = set(), set()
    for found_emails, found_deciders in approvers(session, participation_id=bilan.participation_id).values():
        emails |= found_emails
        deciders |= found_deciders
    return domain.Parties(person_id=bilan.person_id, company_id=bilan.company_id, association_id=bilan.association_id,
                          decider_emails=frozenset(emails), deciders=frozenset(deciders))
