"""Documents's tables: copies of the parties (from engagement's and catalog's events), conventions with their
versions, approved requests and signatures, bilan PDFs, plus the outbox, inbox and token cut-offs every service has.

PDF bytes live in the database beside their SHA-256 (one backup holds the documents and their evidence); the
columns are deferred, so listing conventions never loads a PDF.
"""
from __future__ import annotations

from datetime import datetime

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


# -- copies of the parties ----------------------------------------------------------------------
# Each copy keeps `as_of`, the producer's time of the state it holds: an older event never overwrites a newer one.


class CompanyCopy(Base):
    """« L'entreprise »: legal identity and representative, from `engagement.company.updated`."""

    __tablename__ = "companies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    head_office_address: Mapped[str] = mapped_column(sa.String(300))
    siren: Mapped[str] = mapped_column(sa.String(20))
    rcs: Mapped[str] = mapped_column(sa.String(100))
    representative_name: Mapped[str] = mapped_column(sa.String(200))
    representative_title: Mapped[str] = mapped_column(sa.String(200))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonCopy(Base):
    """The employee (and anyone else engagement registers), from `engagement.person.registered/updated`."""

    __tablename__ = "people"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    roles: Mapped[list[str]] = mapped_column(sa.JSON)
    association_ids: Mapped[list[str]] = mapped_column(sa.JSON)
    status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class AssociationCopy(Base):
    """« L'Association »: legal identity, representative and article 238 bis eligibility, from catalog."""

    __tablename__ = "associations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    rna: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    siren: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    address: Mapped[str] = mapped_column(sa.String(300))
    city: Mapped[str] = mapped_column(sa.String(200))
    representative_name: Mapped[str] = mapped_column(sa.String(200))
    representative_title: Mapped[str] = mapped_column(sa.String(200))
    general_interest_category: Mapped[str] = mapped_column(sa.String(100))
    general_interest_label: Mapped[str] = mapped_column(sa.String(200))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class MissionCopy(Base):
    """The mission as the convention describes it (object, place), from `catalog.mission.published/updated/closed`."""

    __tablename__ = "missions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    association_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text)
    address: Mapped[str] = mapped_column(sa.String(300))
    city: Mapped[str] = mapped_column(sa.String(200))
    department: Mapped[str] = mapped_column(sa.String(10))
    remote_possible: Mapped[bool] = mapped_column(sa.Boolean)
    status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


# -- conventions ----------------------------------------------------------------------------------


class Convention(Base):
    """One participation × civil year (« 1 convention = 1 année civile »).

    The names are those of the latest version; `company_id` and `association_id` say whose admins and
    referents may read it.
    """

    __tablename__ = "conventions"
    __table_args__ = (sa.UniqueConstraint("participation_id", "year"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    participation_id: Mapped[str] = mapped_column(sa.String(36))
    year: Mapped[int] = mapped_column(sa.Integer)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    person_name: Mapped[str] = mapped_column(sa.String(200))
    person_email: Mapped[str] = mapped_column(sa.String(254))
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    mission_id: Mapped[str] = mapped_column(sa.String(36))
    mission_title: Mapped[str] = mapped_column(sa.String(200))
    association_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    association_name: Mapped[str] = mapped_column(sa.String(200))
    # 0 until the first version exists; the version the employee must sign.
    current_version: Mapped[int] = mapped_column(sa.Integer, default=0)
    # The latest version signed (None: none yet).
    signed_version: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    # Set when every approved date was withdrawn: nothing is left to sign (a later approval clears it).
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApprovedRequest(Base):
    """An `approval.request.approved` received: its dates belong to the convention, the manager who decided may read it.

    The request id is the idempotency key of the approval, whatever the event id.
    """

    __tablename__ = "approved_requests"

    request_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    convention_id: Mapped[str] = mapped_column(sa.ForeignKey("conventions.id", ondelete="CASCADE"), index=True)
    participation_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # Where the request was sent (lower case).
    manager_email: Mapped[str] = mapped_column(sa.String(254), index=True)
    # Who decided (lower case; compared with the caller's token `email`): the reader the approval makes.
    decider_email: Mapped[str] = mapped_column(sa.String(254), index=True)
    # The manager's person id when decided from the team view; null when decided with the e-mailed link.
    decided_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    via: Mapped[str] = mapped_column(sa.String(20))
    # [{"date": "2027-01-25", "format": "full_day"}], in calendar order.
    dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WithdrawnReader(Base):
    """An address whose holder lost access to Tandem (disabled, or their account deleted), from
    `engagement.person.disabled`: the approvals decided from it before then no longer let it read
    (`conventions.approvers`), so whoever holds a freed address next does not read the former manager's conventions
    and bilans. The same person enabled again (`engagement.person.updated`, active, newer) reads them again. A
    reader by person id (`decided_by`) is not concerned: ids are never reused."""

    __tablename__ = "withdrawn_readers"

    email: Mapped[str] = mapped_column(sa.String(254), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36))
    withdrawn_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reinstated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Cancellation(Base):
    """An `engagement.dates.cancelled` for a request (the employee cancelled it, or withdrew from the mission):
    its dates leave the convention.

    Kept even when the approval has not arrived yet (events from two producers may cross), so that a late
    approval of a cancelled request never puts its dates back.
    """

    __tablename__ = "cancelled_requests"

    request_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    participation_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # "cancelled" or "withdrawn".
    reason: Mapped[str] = mapped_column(sa.String(20))
    dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    cancelled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConventionVersion(Base):
    """One rendering of a convention, never changed once written: v1, v2… each covering every date approved so far.

    `(request_id, cause)` is unique: one approved request makes at most one version, one cancellation at most one.
    """

    __tablename__ = "convention_versions"
    __table_args__ = (
        sa.UniqueConstraint("convention_id", "number"),
        sa.UniqueConstraint("request_id", "cause"),
    )

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    convention_id: Mapped[str] = mapped_column(sa.ForeignKey("conventions.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(sa.Integer)
    # "approval" (dates added) or "cancellation" (dates removed).
    cause: Mapped[str] = mapped_column(sa.String(20))
    request_id: Mapped[str] = mapped_column(sa.String(36))
    dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    total_days: Mapped[float] = mapped_column(sa.Float)
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Signature(Base):
    """The employee's online signature of one version, and its evidence (the audit trail).

    The signed copy (the version's pages, a certificate page, the PAdES seal) is rendered afterwards by the
    worker; until then `signed_pdf` is null.
    """

    __tablename__ = "signatures"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    # One signature per version: the unique key settles two simultaneous clicks.
    version_id: Mapped[str] = mapped_column(sa.ForeignKey("convention_versions.id", ondelete="CASCADE"), unique=True)
    convention_id: Mapped[str] = mapped_column(sa.ForeignKey("conventions.id", ondelete="CASCADE"), index=True)
    version_number: Mapped[int] = mapped_column(sa.Integer)
    signer_id: Mapped[str] = mapped_column(sa.String(36))
    signer_name: Mapped[str] = mapped_column(sa.String(200))
    signer_email: Mapped[str] = mapped_column(sa.String(254))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ip_address: Mapped[str] = mapped_column(sa.String(64))
    user_agent: Mapped[str] = mapped_column(sa.String(500))
    consent_version: Mapped[str] = mapped_column(sa.String(50))
    consent_text: Mapped[str] = mapped_column(sa.Text)
    # The SHA-256 of the exact PDF the employee was shown and signed (equal to the version's).
    pdf_sha256: Mapped[str] = mapped_column(sa.String(64))
    signed_pdf: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True, deferred=True)
    signed_pdf_sha256: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)
    signed_pdf_rendered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class BilanDocument(Base):
    """The end-of-mission evaluation as a PDF, rendered once per participation from `engagement.bilan.completed`, with the
    employee's certificate of mission."""

    __tablename__ = "bilans"

    participation_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    mission_id: Mapped[str] = mapped_column(sa.String(36))
    association_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    person_name: Mapped[str] = mapped_column(sa.String(200))
    mission_title: Mapped[str] = mapped_column(sa.String(200))
    association_name: Mapped[str] = mapped_column(sa.String(200))
    days_present: Mapped[float] = mapped_column(sa.Float)
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The employee's « attestation de mission de mécénat de compétences », rendered with the bilan from the days attested
    # present ([{"date": "2027-01-25", "format": "full_day"}]); null for a bilan whose event carried no dates (before
    # engagement sent them).
    attended_dates: Mapped[list[dict] | None] = mapped_column(sa.JSON, nullable=True)
    certificate_pdf: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True, deferred=True)
    certificate_sha256: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)


# -- the yearly bundle per association and company (from impact's confirmations) ------------------------------------


class DayStatement(Base):
    """« État récapitulatif des journées » of one company for one association and civil year, as its referent confirmed
    it in impact (`impact.statement.confirmed`): rendered and sealed once per confirmation (the id is impact's)."""

    __tablename__ = "day_statements"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    association_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    version: Mapped[int] = mapped_column(sa.Integer)
    total_days: Mapped[float] = mapped_column(sa.Float)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DonationReceipt(Base):
    """The data of the receipt (Cerfa n° 16216) an association issues to a company for one civil year, as its referent
    confirmed it in impact (`impact.receipt.confirmed`): a sealed data sheet that helps fill the official form."""

    __tablename__ = "donation_receipts"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    statement_id: Mapped[str] = mapped_column(sa.String(36))
    company_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    association_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    version: Mapped[int] = mapped_column(sa.Integer)
    receipt_number: Mapped[str] = mapped_column(sa.String(50))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime)
