"""Impact's tables.

The read model, fed only by other services' events: companies (and their entities), people, catalog's associations and
missions, the participations and one row per participation day. Then what impact alone owns: pay data (annual gross
pay and employer charge rate per person and year, a default daily cost per entity), the « données de rémunération »
permission, its audit trail and the valuation settings. Plus the outbox, inbox and token cut-offs every service has.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.revocation import define_token_cutoffs_table
from tandem_shared.timeutil import UTCDateTime


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


messaging = define_messaging_tables(Base.metadata)
# Per-person cut-offs fed by engagement's sign-out and disabling events; tokens issued before are refused.
token_cutoffs = define_token_cutoffs_table(Base.metadata)

MONEY = sa.Numeric(14, 2)


# -- the read model -------------------------------------------------------------------------------------------------


class CompanyCopy(Base):
    """From `engagement.company.updated`: the name and the entities (for the entity picker and the PDF heading)."""

    __tablename__ = "companies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    siren: Mapped[str] = mapped_column(sa.String(20))
    head_office_address: Mapped[str] = mapped_column(sa.String(500))
    # [{"id": ..., "name": ...}]
    entities: Mapped[list[dict]] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonCopy(Base):
    """From `engagement.person.*`: who the person is, their company, entity, roles and status."""

    __tablename__ = "people"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(320), index=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    entity_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    roles: Mapped[list[str]] = mapped_column(sa.JSON)
    status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonEntity(Base):
    """The entity a person belonged to from `since` on (the producer's time of an `engagement.person.*` event that
    changed it): a year's report and valuation take each person's entity of that year (`reporting.entity_of_year`), so
    a move to another entity, or its cost, does not rewrite the years before."""

    __tablename__ = "person_entities"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    since: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    entity_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)


class AssociationCopy(Base):
    """From `catalog.association.*`: what form 2069-RCI-SD lists for each beneficiary, and its contact address."""

    __tablename__ = "associations"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    rna: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    siren: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    address: Mapped[str] = mapped_column(sa.String(500))
    city: Mapped[str] = mapped_column(sa.String(100))
    general_interest_label: Mapped[str] = mapped_column(sa.String(300))
    # Whom to tell that a confirmed receipt no longer matches the valuation (`impact.receipt.outdated`).
    contact_email: Mapped[str | None] = mapped_column(sa.String(320), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MissionCopy(Base):
    """From `catalog.mission.*`: the mission's association and themes (the report's cuts)."""

    __tablename__ = "missions"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    association_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    association_name: Mapped[str] = mapped_column(sa.String(200))
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Participation(Base):
    """One person on one mission for one year, with the time each step of the funnel was reached (from the events of
    engagement, approval and documents; any of them may arrive first, so each only fills what it knows)."""

    __tablename__ = "participations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    mission_id: Mapped[str | None] = mapped_column(sa.String(64), nullable=True, index=True)
    # Names as the workflow events carried them: shown when catalog's copy is not there (yet).
    mission_title: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    association_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    year: Mapped[int] = mapped_column(sa.Integer, index=True)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    dates_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    convention_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attested_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    bilan_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The bilan's closed answers (engagement's codes), for the distributions; free text is not kept.
    bilan_answers: Mapped[dict | None] = mapped_column(sa.JSON, nullable=True)


class ParticipationDay(Base):
    """One date of a participation and where it stands: requested → approved | refused | cancelled → attended | absent.

    `changed_at` is the producer's time of the last change applied: an older event arriving late changes nothing."""

    __tablename__ = "participation_days"
    __table_args__ = (sa.UniqueConstraint("participation_id", "day", name="uq_participation_days_participation_day"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    participation_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    day: Mapped[date] = mapped_column(sa.Date, index=True)
    format: Mapped[str] = mapped_column(sa.String(20))  # full_day | half_day
    state: Mapped[str] = mapped_column(sa.String(20))
    # Given under the end-of-career allowance (engagement says so in `engagement.dates.requested`).
    end_of_career: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


# -- what only impact holds: pay data ----------------------------------------------------------------------------------


class PayRecord(Base):
    """A person's annual gross pay and employer charge rate for one year, imported by an admin holding the
    « données de rémunération » permission. Never leaves impact except in the valuation's own report."""

    __tablename__ = "pay_records"
    __table_args__ = (sa.UniqueConstraint("company_id", "person_id", "year", name="uq_pay_records_company_person_year"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    person_id: Mapped[str] = mapped_column(sa.String(36))
    year: Mapped[int] = mapped_column(sa.Integer)
    annual_gross_pay: Mapped[Decimal] = mapped_column(MONEY)
    # 0.45 for 45 %.
    employer_charge_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4))
    # The first day employed when it falls in the year (the cap and the working days are prorated).
    employed_from: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    imported_by: Mapped[str] = mapped_column(sa.String(36))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EntityDailyCost(Base):
    """The default cost of one day, set for one civil year, for people of an entity who have no pay record that year.

    A year is valued at its own cost, else at the latest one set for a year before it, else at the earliest one set
    for a year after it (`valuation.costs_in_force`): setting next year's cost never changes a year already valued."""

    __tablename__ = "entity_daily_costs"

    company_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    entity_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    daily_cost: Mapped[Decimal] = mapped_column(MONEY)
    updated_by: Mapped[str] = mapped_column(sa.String(36))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PayPermission(Base):
    """« Données de rémunération »: this company admin may read and import pay data and see the valuation."""

    __tablename__ = "pay_permissions"

    company_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    granted_by: Mapped[str] = mapped_column(sa.String(36))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PayAudit(Base):
    """Every read and import of pay data, and every grant: who, when, what (never the amounts)."""

    __tablename__ = "pay_audit"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    actor_id: Mapped[str] = mapped_column(sa.String(36))
    action: Mapped[str] = mapped_column(sa.String(40))
    detail: Mapped[str] = mapped_column(sa.String(500))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ValuationSettings(Base):
    """What the valuation needs that no event carries: the year's turnover, the excess carried from years before
    Tandem, and the associations to which the 60 % rate applies above €2 million (the law's exceptions)."""

    __tablename__ = "valuation_settings"

    company_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    turnover_excl_tax: Mapped[Decimal | None] = mapped_column(MONEY, nullable=True)
    # [{"year": 2023, "amount": "1000.00"}]: excess of donations from years impact did not value.
    prior_excess: Mapped[list[dict]] = mapped_column(sa.JSON)
    exception_association_ids: Mapped[list[str]] = mapped_column(sa.JSON)
    updated_by: Mapped[str] = mapped_column(sa.String(36))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QuizAttemptCopy(Base):
    """From `quiz.attempt.completed`: who answered a quiz, when (the report counts the company's quiz participants)."""

    __tablename__ = "quiz_attempts"

    attempt_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)


# -- the yearly bundle per association and company (statements.py) ---------------------------------------------------


class StatementConfirmation(Base):
    """An association referent confirmed the « état récapitulatif des journées » of one company for one civil year: the
    named days as they were shown (person, date, format). A later change of the days makes a new version to confirm."""

    __tablename__ = "statement_confirmations"
    __table_args__ = (sa.UniqueConstraint("company_id", "association_id", "year", "version",
                                          name="uq_statement_confirmations_version"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    association_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    version: Mapped[int] = mapped_column(sa.Integer)
    # [{"person_id", "person_name", "mission_title", "date", "format", "days"}], as confirmed.
    rows: Mapped[list[dict]] = mapped_column(sa.JSON)
    rows_sha256: Mapped[str] = mapped_column(sa.String(64))
    total_days: Mapped[Decimal] = mapped_column(sa.Numeric(8, 1))
    confirmed_by: Mapped[str] = mapped_column(sa.String(36))
    confirmed_by_name: Mapped[str] = mapped_column(sa.String(200))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReceiptConfirmation(Base):
    """An association referent confirmed the data of the receipt (Cerfa n° 16216) it issues to a company for one civil
    year: the amount valued for that association (the valuation's total, never its pay details) and the receipt's
    number the association gives it."""

    __tablename__ = "receipt_confirmations"
    __table_args__ = (sa.UniqueConstraint("company_id", "association_id", "year", "version",
                                          name="uq_receipt_confirmations_version"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    association_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    version: Mapped[int] = mapped_column(sa.Integer)
    receipt_number: Mapped[str] = mapped_column(sa.String(50))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    total_days: Mapped[Decimal] = mapped_column(sa.Numeric(8, 1))
    first_day: Mapped[date] = mapped_column(sa.Date)
    last_day: Mapped[date] = mapped_column(sa.Date)
    confirmed_by: Mapped[str] = mapped_column(sa.String(36))
    confirmed_by_name: Mapped[str] = mapped_column(sa.String(200))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
