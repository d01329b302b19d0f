"""Engagement's tables: companies and people, credentials and sessions, preferences, favourites,
its copy of catalog missions, the audit log, plus the outbox and inbox."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.timeutil import UTCDateTime


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


messaging = define_messaging_tables(Base.metadata)


class MissionCopy(Base):
    """The few mission fields engagement needs (favourites, participations), learnt from catalog's events."""

    __tablename__ = "mission_copies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    association_name: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(20))
    url: Mapped[str] = mapped_column(sa.String(500))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class Company(Base):
    """A tenant: its legal identity as a convention needs it, who may sign up, and its allowance policy."""

    __tablename__ = "companies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    head_office_address: Mapped[str] = mapped_column(sa.String(500))
    siren: Mapped[str] = mapped_column(sa.String(9))
    rcs: Mapped[str] = mapped_column(sa.String(200))
    representative_name: Mapped[str] = mapped_column(sa.String(200))
    representative_title: Mapped[str] = mapped_column(sa.String(200))
    days_per_year: Mapped[Decimal] = mapped_column(sa.Numeric(4, 1))
    end_of_career_enabled: Mapped[bool] = mapped_column(sa.Boolean)
    uses_sso: Mapped[bool] = mapped_column(sa.Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    domains: Mapped[list[CompanyDomain]] = relationship(order_by="CompanyDomain.domain", cascade="all, delete-orphan", lazy="selectin")
    entities: Mapped[list[Entity]] = relationship(order_by="Entity.name", cascade="all, delete-orphan", lazy="selectin")


class CompanyDomain(Base):
    __tablename__ = "company_domains"

    domain: Mapped[str] = mapped_column(sa.String(253), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)


class Entity(Base):
    """"Indiquer votre entité de rattachement": a department or subsidiary of the company."""

    __tablename__ = "entities"
    __table_args__ = (sa.UniqueConstraint("company_id", "name", name="uq_entities_company_name"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))


class Person(Base):
    __tablename__ = "people"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    company_id: Mapped[str | None] = mapped_column(sa.ForeignKey("companies.id"), nullable=True, index=True)
    entity_id: Mapped[str | None] = mapped_column(sa.ForeignKey("entities.id"), nullable=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    phone: Mapped[str | None] = mapped_column(sa.String(30), nullable=True)
    manager_email: Mapped[str | None] = mapped_column(sa.String(254), nullable=True)
    password_hash: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20))
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    retirement_date: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    retirement_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    retirement_confirmed_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    # Tokens issued before this instant are refused everywhere (log-out, disabling, password change).
    tokens_not_before: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    roles: Mapped[list[PersonRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    referent_of: Mapped[list[ReferentLink]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def role_names(self) -> list[str]:
        return sorted(role.role for role in self.roles)

    @property
    def association_ids(self) -> list[str]:
        return sorted(link.association_id for link in self.referent_of)


class PersonRole(Base):
    __tablename__ = "person_roles"

    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(sa.String(40), primary_key=True)


class ReferentLink(Base):
    """An association referent and one association they act for (associations live in catalog)."""

    __tablename__ = "referent_links"

    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    association_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)


class Preferences(Base):
    __tablename__ = "preferences"

    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    professional_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    personal_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    alerts_opt_in: Mapped[bool] = mapped_column(sa.Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Favorite(Base):
    __tablename__ = "favorites"

    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    mission_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OneTimeToken(Base):
    """A link sent by e-mail (verification, password reset, invitation): only its SHA-256 is kept."""

    __tablename__ = "one_time_tokens"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    purpose: Mapped[str] = mapped_column(sa.String(30))
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Session(Base):
    """A signed-in browser: the refresh token's hash, so short-lived access tokens can be renewed."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    refresh_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoginFailure(Base):
    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    address: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


sa.Index("ix_login_failures_address_at", LoginFailure.address, LoginFailure.at)
sa.Index("ix_login_failures_email_address_at", LoginFailure.email, LoginFailure.address, LoginFailure.at)


class AuditEntry(Base):
    """Security events: sign-ups, log-ins and failures, resets, role and status changes, exports, deletions."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    action: Mapped[str] = mapped_column(sa.String(60))
    person_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    actor_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    address: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)
    user_agent: Mapped[str | None] = mapped_column(sa.String(300), nullable=True)
    details: Mapped[dict] = mapped_column(sa.JSON)


class AssociationCopy(Base):
    """What engagement knows of an association (from catalog's events), to send a proposal ("Je propose")."""

    __tablename__ = "association_copies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    contact_email: Mapped[str] = mapped_column(sa.String(254))
    contact_name: Mapped[str] = mapped_column(sa.String(200))
    vetting_status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class Proposal(Base):
    """"Je propose mes compétences": a message an employee sent to an association."""

    __tablename__ = "proposals"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    association_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    message: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
