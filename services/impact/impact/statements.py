"""The yearly bundle per association and company, as use cases: the « état récapitulatif des journées » (the named days
given in a civil year, from the read model) and its confirmation by the association's referent, then the data of the
receipt the association issues to the company (Cerfa n° 16216), prefilled from the valuation and confirmed the same way.

Each confirmation publishes an event (`impact.statement.confirmed`, `impact.receipt.confirmed`) from which documents
renders and seals the PDF. What leaves impact: names, dates, formats, day counts and, for the receipt, the one total
valued for that association; never a pay record, a daily cost or a charge rate.
"""
from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tandem_shared.inbox import UnitOfWork
from tandem_shared.timeutil import utcnow

from . import domain, events, statement_rules as rules
from .models import (
    AssociationCopy, CompanyCopy, MissionCopy, Participation, ParticipationDay, PersonCopy, ReceiptConfirmation,
    StatementConfirmation,
)

log = logging.getLogger(__name__)

STATEMENT_CHANGED = "La liste des journées a changé depuis que tu l'as affichée : recharge la page et relis-la avant de confirmer."
NOTHING_TO_CONFIRM = "Aucune journée réalisée pour cette entreprise cette année : il n'y a rien à confirmer."
ALREADY_CONFIRMED = "Tu as déjà confirmé cette liste : elle n'a pas changé depuis."
STATEMENT_FIRST = "Confirme d'abord l'état récapitulatif des journées : le reçu porte sur ces journées."
NOT_VALUED = ("L'entreprise n'a pas encore valorisé ces journées (données de rémunération ou coût journalier manquants) : "
              "le montant du reçu n'est pas disponible.")
AMOUNT_CHANGED = "Le montant a changé depuis que tu l'as affiché : recharge la page et vérifie-le avant de confirmer."
RECEIPT_ALREADY_CONFIRMED = "Tu as déjà confirmé ces données du reçu, avec ce numéro et ce montant, pour ces journées."


class BundleRefusal(Exception):
    """A confirmation the rules refuse: HTTP status, French message, and the field it is about (or None)."""

    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


@dataclass(frozen=True)
class Key:
    """One statement: a company, an association, a civil year."""

    company_id: str
    association_id: str
    year: int


def statement_pdf_path(statement_id: str) -> str:
    return f"/api/documents/statements/{statement_id}.pdf"


def receipt_pdf_path(receipt_id: str) -> str:
    return f"/api/documents/receipts/{receipt_id}.pdf"


# -- the days, from the read model ------------------------------------------------------------------------------------


def _days_query(year: int):
    first, last = rules.year_bounds(year)
    return (
        sa.select(ParticipationDay.day, ParticipationDay.format, Participation.person_id, PersonCopy.first_name,
                  PersonCopy.last_name, PersonCopy.company_id, MissionCopy.association_id,
                  sa.func.coalesce(MissionCopy.title, Participation.mission_title))
        .join(Participation, Participation.id == ParticipationDay.participation_id)
        .join(PersonCopy, PersonCopy.person_id == Participation.person_id)
        .join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .where(ParticipationDay.state == domain.ATTENDED, ParticipationDay.day >= first, ParticipationDay.day <= last)
    )


def _statement_day(row) -> rules.StatementDay:
    day, format, person_id, first_name, last_name, _company, _association, title = row
    return rules.StatementDay(person_id=person_id, person_name=f"{first_name} {last_name}".strip(), mission_title=title or "",
                              day=day, format=format)


def statement_days(session: Session, key: Key) -> list[rules.StatementDay]:
    """Every day attested present in the civil year for people of the company on the association's missions."""
    rows = session.execute(_days_query(key.year).where(PersonCopy.company_id == key.company_id,
                                                       MissionCopy.association_id == key.association_id))
    return rules.ordered(_statement_day(row) for row in rows)


def latest_statement(session: Session, key: Key) -> StatementConfirmation | None:
    return session.scalar(sa.select(StatementConfirmation).where(
        StatementConfirmation.company_id == key.company_id, StatementConfirmation.association_id == key.association_id,
        StatementConfirmation.year == key.year).order_by(StatementConfirmation.version.desc()).limit(1))


def latest_receipt(session: Session, key: Key) -> ReceiptConfirmation | None:
    return session.scalar(sa.select(ReceiptConfirmation).where(
        ReceiptConfirmation.company_id == key.company_id, ReceiptConfirmation.association_id == key.association_id,
        ReceiptConfirmation.year == key.year).order_by(ReceiptConfirmation.version.desc()).limit(1))


# -- what the pages show -------------------------------------------------------------------------------------------------


def overview(session: Session, year: int, *, association_id: str | None = None, company_id: str | None = None) -> list[dict]:
    """The statements of a year: for a referent, one per company their association received days from; for a company
    admin, one per association their company gave days to."""
    query = _days_query(year)
    if association_id is not None:
        query = query.where(MissionCopy.association_id == association_id)
    if company_id is not None:
        query = query.where(PersonCopy.company_id == company_id)
    grouped: dict[tuple[str, str], list[rules.StatementDay]] = {}
    for row in session.execute(query):
        if row[5] is None:
            continue
        grouped.setdefault((row[5], row[6]), []).append(_statement_day(row))
    items, valued = [], {}
    for (company, association), days in grouped.items():
        key = Key(company, association, year)
        items.append(_summary(session, key, days, valued))
    return sorted(items, key=lambda item: (item["company_name"].casefold(), item["association_name"].casefold()))


def _names(session: Session, key: Key) -> tuple[str, str]:
    company = session.get(CompanyCopy, key.company_id)
    association = session.get(AssociationCopy, key.association_id)
    return (company.name if company else "Entreprise inconnue"), (association.name if association else "Association inconnue")


def _summary(session: Session, key: Key, days: list[rules.StatementDay], valued: dict) -> dict:
    company_name, association_name = _names(session, key)
    confirmed = latest_statement(session, key)
    state = rules.statement_state(days, confirmed.rows_sha256 if confirmed else None)
    receipt = latest_receipt(session, key)
    return {
        "company_id": key.company_id, "company_name": company_name,
        "association_id": key.association_id, "association_name": association_name, "year": key.year,
        "people": len({d.person_id for d in days}), "total_days": float(rules.total_days(days)),
        "state": state.value,
        "statement_pdf_url": statement_pdf_path(confirmed.id) if confirmed else None,
        "receipt_state": _receipt_state(session, key, days, state, receipt, valued).value,
        "receipt_pdf_url": receipt_pdf_path(receipt.id) if receipt else None,
    }


def statement(session: Session, key: Key) -> dict:
    """The statement as the referent checks it: every named day, the total, where it stands, the confirmed PDF."""
    days = statement_days(session, key)
    confirmed = latest_statement(session, key)
    company_name, association_name = _names(session, key)
    return {
        "company_id": key.company_id, "company_name": company_name,
        "association_id": key.association_id, "association_name": association_name, "year": key.year,
        "rows": [d.as_row() for d in days],
        "people": len({d.person_id for d in days}),
        "total_days": float(rules.total_days(days)),
        "rows_sha256": rules.fingerprint(days),
        "state": rules.statement_state(days, confirmed.rows_sha256 if confirmed else None).value,
        "confirmed": _confirmation(confirmed),
    }


def _confirmation(confirmed: StatementConfirmation | None) -> dict | None:
    if confirmed is None:
        return None
    return {"id": confirmed.id, "version": confirmed.version, "total_days": float(confirmed.total_days),
            "confirmed_by_name": confirmed.confirmed_by_name, "confirmed_at": confirmed.confirmed_at,
            "pdf_url": statement_pdf_path(confirmed.id)}


def _add_once(session: Session, confirmation, already: str) -> None:
    """Insert the confirmation; two confirmations at the same moment make the same version number, and the unique
    (company, association, year, version) key refuses the second, which is told it is already done."""
    session.add(confirmation)
    try:
        session.flush()
    except IntegrityError:
        raise BundleRefusal(409, already) from None


# -- the referent confirms ---------------------------------------------------------------------------------------------


def _party_identities(session: Session, key: Key) -> tuple[dict, dict]:
    company = session.get(CompanyCopy, key.company_id)
    association = session.get(AssociationCopy, key.association_id)
    return (
        {"id": key.company_id, "name": company.name if company else "", "siren": company.siren if company else "",
         "head_office_address": company.head_office_address if company else ""},
        {"id": key.association_id, "name": association.name if association else "",
         "rna": association.rna if association else None, "siren": association.siren if association else None,
         "address": association.address if association else "", "city": association.city if association else "",
         "general_interest_label": association.general_interest_label if association else ""},
    )


def confirmer_name(session: Session, person_id: str, email: str | None) -> str:
    person = session.get(PersonCopy, person_id)
    if person is not None:
        return f"{person.first_name} {person.last_name}".strip()
    return email or person_id


def confirm_statement(uow: UnitOfWork, key: Key, shown_sha256: str, referent_id: str, referent_email: str | None) -> StatementConfirmation:
    """Record the referent's confirmation of the days shown (the fingerprint must be today's) and announce it."""
    session = uow.session
    days = statement_days(session, key)
    if not days:
        raise BundleRefusal(409, NOTHING_TO_CONFIRM)
    current = rules.fingerprint(days)
    if shown_sha256.strip().lower() != current:
        raise BundleRefusal(409, STATEMENT_CHANGED, "rows_sha256")
    previous = latest_statement(session, key)
    if previous is not None and previous.rows_sha256 == current:
        raise BundleRefusal(409, ALREADY_CONFIRMED)
    now = utcnow()
    confirmation = StatementConfirmation(
        id=str(uuid.uuid4()), company_id=key.company_id, association_id=key.association_id, year=key.year,
        version=(previous.version + 1) if previous else 1, rows=[d.as_row() for d in days], rows_sha256=current,
        total_days=rules.total_days(days), confirmed_by=referent_id,
        confirmed_by_name=confirmer_name(session, referent_id, referent_email), confirmed_at=now,
    )
    _add_once(session, confirmation, ALREADY_CONFIRMED)
    company, association = _party_identities(session, key)
    events.statement_confirmed(uow, confirmation, company, association)
    log.info("statement %s: company %s, association %s, %s v%s confirmed by %s (%s days)", confirmation.id, key.company_id,
             key.association_id, key.year, confirmation.version, referent_id, confirmation.total_days)
    return confirmation


# -- the receipt's data (Cerfa n° 16216) --------------------------------------------------------------------------------


def _association_values(session: Session, company_id: str, year: int, valued: dict) -> tuple[list, list] | str:
    """The valuation's rows per association and per person for that company and year (without the reduction, which a
    receipt does not need), or why there are none; `valued` keeps them for the rest of the page."""
    from . import valuation  # the valuation reads pay data: loaded only where a receipt needs its one total

    if (company_id, year) not in valued:
        try:
            valued[(company_id, year)] = valuation.values_by_association(session, company_id, year)
        except valuation.UnknownYear as unknown:
            valued[(company_id, year)] = unknown.message
    return valued[(company_id, year)]


def _valued_amount(session: Session, key: Key, days: list[rules.StatementDay], valued: dict | None = None) -> tuple[Decimal | None, str | None]:
    """The amount the valuation gives the association for that company and year (its total only), or why there is none."""
    from . import valuation

    found = _association_values(session, key.company_id, key.year, {} if valued is None else valued)
    if isinstance(found, str):
        return None, found
    associations, people = found
    amount = rules.receipt_amount(associations, people, key.association_id, {d.person_id for d in days}, valuation.MISSING)
    return (amount, None) if amount is not None else (None, NOT_VALUED)


def _receipt_now(session: Session, key: Key, days: list[rules.StatementDay], valued: dict | None = None) -> tuple[rules.ReceiptData, str | None]:
    """What the receipt would say today, and why it has no amount when it has none."""
    amount, missing_reason = _valued_amount(session, key, days, valued) if days else (None, NOTHING_TO_CONFIRM)
    return rules.ReceiptData(amount, rules.total_days(days), rules.donation_period(days)), missing_reason


def _receipt_confirmed(confirmation: ReceiptConfirmation | None) -> rules.ReceiptData | None:
    if confirmation is None:
        return None
    return rules.ReceiptData(confirmation.amount, confirmation.total_days, (confirmation.first_day, confirmation.last_day))


def _receipt_state(session: Session, key: Key, days: list[rules.StatementDay], statement_state: rules.StatementState,
                   latest: ReceiptConfirmation | None, valued: dict) -> rules.ReceiptState:
    # Valued only when there is a confirmation to compare with: a page of statements values each company once at most.
    now = _receipt_now(session, key, days, valued)[0] if latest is not None else None
    return rules.receipt_state(statement_state, now, _receipt_confirmed(latest))


def receipts_of_year(session: Session, company_id: str, year: int,
                     valuation: dict | None = None) -> dict[str, dict]:
    """The company's confirmed receipts of the year by association: the amount confirmed and whether the confirmed data
    still match (the valuation page says which an association must confirm again after a pay import). `valuation`:
    that year's `valuation.valuation_for`, when the caller has it, so that it is not computed again."""
    latest: dict[str, ReceiptConfirmation] = {}
    for confirmation in session.scalars(sa.select(ReceiptConfirmation).where(
            ReceiptConfirmation.company_id == company_id, ReceiptConfirmation.year == year)
            .order_by(ReceiptConfirmation.version)):
        latest[confirmation.association_id] = confirmation
    found = {}
    valued = {} if valuation is None else {(company_id, year): (valuation["associations"], valuation["people"])}
    for association_id, confirmation in latest.items():
        key = Key(company_id, association_id, year)
        days = statement_days(session, key)
        confirmed_statement = latest_statement(session, key)
        state = rules.statement_state(days, confirmed_statement.rows_sha256 if confirmed_statement else None)
        found[association_id] = {
            "receipt_id": confirmation.id, "state": _receipt_state(session, key, days, state, confirmation, valued).value,
            "amount": float(confirmation.amount), "receipt_number": confirmation.receipt_number,
            "confirmed_at": confirmation.confirmed_at,
        }
    return found


def years_with_receipts(session: Session, company_id: str, days_given_by: str | None = None) -> list[int]:
    """The years in which the company has a confirmed receipt; with `days_given_by`, only those in which that person has
    a participation (the only years a change to them can touch)."""
    query = sa.select(sa.distinct(ReceiptConfirmation.year)).where(ReceiptConfirmation.company_id == company_id)
    if days_given_by is not None:
        query = query.where(ReceiptConfirmation.year.in_(
            sa.select(Participation.year).where(Participation.person_id == days_given_by)))
    return sorted(session.scalars(query))


@contextlib.contextmanager
def watching_receipts(uow: UnitOfWork, company_id: str, years: Iterable[int],
                      because: rules.OutdatedBecause) -> Iterator[list[str]]:
    """Around a change that may alter what a receipt of those years says (a pay import, a daily cost, a person's entity
    or name, a late attendance): each receipt that matched before and no longer does after is announced
    (`impact.receipt.outdated` with `because`, the notifier e-mails the association), and its association's name added
    to the list yielded. A receipt already to confirm again is not news. No year, no cost."""
    before = {year: receipts_of_year(uow.session, company_id, year) for year in years}
    outdated: list[str] = []
    yield outdated
    if not any(before.values()):
        return
    uow.session.flush()
    now = utcnow()
    for year, receipts_then in before.items():
        for association_id, receipt in receipts_of_year(uow.session, company_id, year).items():
            was = receipts_then.get(association_id)
            if receipt["state"] != rules.ReceiptState.CHANGED or was is None or was["state"] == rules.ReceiptState.CHANGED:
                continue
            key = Key(company_id, association_id, year)
            company_name, association_name = _names(uow.session, key)
            association = uow.session.get(AssociationCopy, association_id)
            events.receipt_outdated(uow, {
                "receipt_id": receipt["receipt_id"], "year": year, "receipt_number": receipt["receipt_number"],
                "company_id": company_id, "company_name": company_name, "association_id": association_id,
                "association_name": association_name, "association_email": association.contact_email if association else None,
                "confirmed_at": receipt["confirmed_at"], "outdated_at": now, "because": because.value,
            })
            log.info("receipt %s: company %s, association %s, %s no longer matches (%s)", receipt["receipt_id"],
                     company_id, association_id, year, because.value)
            outdated.append(association_name)
    outdated.sort(key=str.casefold)


def receipt(session: Session, key: Key) -> dict:
    """The receipt's data prefilled: the association (beneficiary), the company (donor), the amount valued, the period of
    the days, the nature of the donation and the article; with the latest confirmation."""
    days = statement_days(session, key)
    confirmed_statement = latest_statement(session, key)
    statement_state = rules.statement_state(days, confirmed_statement.rows_sha256 if confirmed_statement else None)
    company, association = _party_identities(session, key)
    now, missing_reason = _receipt_now(session, key, days)
    period = now.period
    latest = latest_receipt(session, key)
    return {
        "company": company, "association": association, "year": key.year,
        "amount": float(now.amount) if now.amount is not None else None,
        "amount_missing_reason": missing_reason,
        "total_days": float(now.total_days),
        "first_day": period[0] if period else None, "last_day": period[1] if period else None,
        "nature": rules.DONATION_NATURE, "form": rules.DONATION_FORM, "article": rules.TAX_ARTICLE,
        "statement_state": statement_state.value,
        "state": rules.receipt_state(statement_state, now, _receipt_confirmed(latest)).value,
        "confirmed": None if latest is None else {
            "id": latest.id, "version": latest.version, "receipt_number": latest.receipt_number,
            "amount": float(latest.amount), "total_days": float(latest.total_days),
            "first_day": latest.first_day, "last_day": latest.last_day, "confirmed_by_name": latest.confirmed_by_name,
            "confirmed_at": latest.confirmed_at, "pdf_url": receipt_pdf_path(latest.id)},
    }


def confirm_receipt(uow: UnitOfWork, key: Key, receipt_number: str, shown_amount: Decimal, referent_id: str,
                    referent_email: str | None) -> ReceiptConfirmation:
    """Record the referent's confirmation of the receipt's data (after the statement's) and announce it."""
    session = uow.session
    days = statement_days(session, key)
    confirmed_statement = latest_statement(session, key)
    if rules.statement_state(days, confirmed_statement.rows_sha256 if confirmed_statement else None) != rules.StatementState.CONFIRMED:
        raise BundleRefusal(409, STATEMENT_FIRST)
    now, missing_reason = _receipt_now(session, key, days)
    amount = now.amount
    if amount is None:
        raise BundleRefusal(409, missing_reason or NOT_VALUED)
    if shown_amount.quantize(Decimal("0.01")) != amount:
        raise BundleRefusal(409, AMOUNT_CHANGED, "amount")
    previous = latest_receipt(session, key)
    # The same number again is a new version when the days it covers changed, even at the same amount.
    if previous is not None and previous.receipt_number == receipt_number and _receipt_confirmed(previous) == now:
        raise BundleRefusal(409, RECEIPT_ALREADY_CONFIRMED)
    first_day, last_day = now.period
    now = utcnow()
    confirmation = ReceiptConfirmation(
        id=str(uuid.uuid4()), company_id=key.company_id, association_id=key.association_id, year=key.year,
        version=(previous.version + 1) if previous else 1, receipt_number=receipt_number, amount=amount,
        total_days=rules.total_days(days), first_day=first_day, last_day=last_day, confirmed_by=referent_id,
        confirmed_by_name=confirmer_name(session, referent_id, referent_email), confirmed_at=now,
    )
    _add_once(session, confirmation, RECEIPT_ALREADY_CONFIRMED)
    company, association = _party_identities(session, key)
    events.receipt_confirmed(uow, confirmation, confirmed_statement.id, company, association)
    log.info("receipt %s: company %s, association %s, %s v%s confirmed by %s", confirmation.id, key.company_id,
             key.association_id, key.year, confirmation.version, referent_id)
    return confirmation
