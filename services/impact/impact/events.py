"""Events impact publishes. Impact is a read model: pay data and the valuation's details never leave it through the
bus. Only the yearly bundle's confirmations go out (the contract, asyncapi.yaml, lists them and what impact consumes)."""
from __future__ import annotations

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork


# -- the yearly bundle per association and company (statements.py) ----------------------------------------------------
# Documents renders and seals the PDFs from these. They carry names, dates, formats and day counts, and the receipt the
# one total valued for that association: never a pay record, a daily cost or a charge rate.

STATEMENT_CONFIRMED = "impact.statement.confirmed"
RECEIPT_CONFIRMED = "impact.receipt.confirmed"
RECEIPT_OUTDATED = "impact.receipt.outdated"


class CompanyIdentityData(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    siren = fields.String(required=True)
    head_office_address = fields.String(required=True)


class AssociationIdentityData(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    rna = fields.String(required=True, allow_none=True)
    siren = fields.String(required=True, allow_none=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    general_interest_label = fields.String(required=True)


class StatementRowData(Schema):
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    date = fields.String(required=True)
    format = fields.String(required=True)
    days = fields.Float(required=True)


class StatementConfirmedData(Schema):
    statement_id = fields.String(required=True)
    version = fields.Integer(required=True)
    year = fields.Integer(required=True)
    company = fields.Nested(CompanyIdentityData, required=True)
    association = fields.Nested(AssociationIdentityData, required=True)
    rows = fields.List(fields.Nested(StatementRowData), required=True)
    total_days = fields.Float(required=True)
    rows_sha256 = fields.String(required=True)
    confirmed_by_name = fields.String(required=True)
    confirmed_at = fields.AwareDateTime(required=True)


class ReceiptConfirmedData(Schema):
    receipt_id = fields.String(required=True)
    statement_id = fields.String(required=True)
    version = fields.Integer(required=True)
    year = fields.Integer(required=True)
    receipt_number = fields.String(required=True)
    company = fields.Nested(CompanyIdentityData, required=True)
    association = fields.Nested(AssociationIdentityData, required=True)
    # The total valued for that association, in euros with two decimals, as a string (no float rounding).
    amount = fields.String(required=True)
    total_days = fields.Float(required=True)
    first_day = fields.Date(required=True)
    last_day = fields.Date(required=True)
    confirmed_by_name = fields.String(required=True)
    confirmed_at = fields.AwareDateTime(required=True)


def statement_confirmed(uow: UnitOfWork, confirmation, company: dict, association: dict) -> None:
    """A referent confirmed the « état récapitulatif des journées »: documents renders and seals it."""
    uow.publish(STATEMENT_CONFIRMED, confirmation.id, StatementConfirmedData().dump({
        "statement_id": confirmation.id, "version": confirmation.version, "year": confirmation.year,
        "company": company, "association": association,
        "rows": [{key: row[key] for key in ("person_id", "person_name", "mission_title", "date", "format", "days")} for row in confirmation.rows],
        "total_days": float(confirmation.total_days), "rows_sha256": confirmation.rows_sha256,
        "confirmed_by_name": confirmation.confirmed_by_name, "confirmed_at": confirmation.confirmed_at,
    }))


def receipt_confirmed(uow: UnitOfWork, confirmation, statement_id: str, company: dict, association: dict) -> None:
    """A referent confirmed the receipt's data (Cerfa n° 16216): documents renders the data sheet."""
    uow.publish(RECEIPT_CONFIRMED, confirmation.id, ReceiptConfirmedData().dump({
        "receipt_id": confirmation.id, "statement_id": statement_id, "version": confirmation.version,
        "year": confirmation.year, "receipt_number": confirmation.receipt_number, "company": company,
        "association": association, "amount": f"{confirmation.amount:.2f}", "total_days": float(confirmation.total_days),
        "first_day": confirmation.first_day, "last_day": confirmation.last_day,
        "confirmed_by_name": confirmation.confirmed_by_name, "confirmed_at": confirmation.confirmed_at,
    }))


class ReceiptOutdatedData(Schema):
    receipt_id = fields.String(required=True)
    year = fields.Integer(required=True)
    receipt_number = fields.String(required=True)
    company_id = fields.String(required=True)
    company_name = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    association_email = fields.String(required=True, allow_none=True)
    confirmed_at = fields.AwareDateTime(required=True)
    outdated_at = fields.AwareDateTime(required=True)
    because = fields.String(required=True)


def receipt_outdated(uow: UnitOfWork, data: dict) -> None:
    """The receipt data an association confirmed no longer match (the valuation, a person, the days: `because`): the
    notifier e-mails the association. No amount: the new one is the company's valuation until the association confirms it."""
    uow.publish(RECEIPT_OUTDATED, data["receipt_id"], ReceiptOutdatedData().dump(data))
