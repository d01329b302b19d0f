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
    # What the workflow needs: who to tell about an application, and who may apply.
    association_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    contact_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    contact_email: Mapped[str | None] = mapped_column(sa.String(254), nullable=True)
    contact_phone: Mapped[str | None] = mapped_column(sa.String(30), nullable=True)
    open_to_all_companies: Mapped[bool] = mapped_column(sa.Boolean, default=True, server_default=sa.true())
    # Who may see it besides its association's referents (`domain.mission_visible_to`).
    company_ids: Mapped[list[str]] = mapped_column(sa.JSON, default=list, server_default="[]")


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
    # domain.OtherManagerPolicy: may an employee send a date request to someone other than their recorded manager?
    other_manager_policy: Mapped[str] = mapped_column(sa.String(30), default="allowed_notify_admin",
                                                      server_default="allowed_notify_admin")
    # Issue 14: may a person of a company signing in through SSO still use (and reset) a password? Off by default.
    sso_password_fallback: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
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
    # The recorded manager, who validates the person's dates by default: set by a company admin (later SSO or SCIM),
    # never by the person (`domain.check_recorded_manager`).
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
    # The HR directory's own id for the person (SCIM `externalId`), kept as given and sent back.
    scim_external_id: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
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
    # « Préviens-moi quand un nouveau quiz est en ligne »: off by default.
    quiz_opt_in: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
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
    """One refresh token of a signed-in browser (its hash), so short-lived access tokens can be renewed.

    Each renewal marks the token rotated and adds its successor to the same family (one family per log-in); a
    rotated token is kept so that its reuse is recognised and revokes the family (`domain.judge_refresh_token`).
    """

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    refresh_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoginFailure(Base):
    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    address: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


sa.Index("ix_login_failures_address_at", LoginFailure.address, LoginFailure.at)
sa.Index("ix_login_failures_email_address_at", LoginFailure.email, LoginFailure.address, LoginFailure.at)


class SentMessage(Base):
    """An e-mail a person had Tandem send (a share, a proposal), or one sent to their own address at anyone's request
    (a verification link, a reset link): the per-person limits count these rows, and only the last 24 hours matter,
    so older rows are deleted as new ones come."""

    __tablename__ = "sent_messages"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    recipient_count: Mapped[int] = mapped_column(sa.Integer)
    # Recipients the person chose outside their company's domains (an association's vetted contact is not one).
    outside_count: Mapped[int] = mapped_column(sa.Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


sa.Index("ix_sent_messages_person_id_kind_at", SentMessage.person_id, SentMessage.kind, SentMessage.at)


class AnonymousRequest(Base):
    """A sign-up, verification link or reset asked from a client IP: the per-IP limits count these rows, and only
    the last 24 hours matter, so older rows are deleted as new ones come."""

    __tablename__ = "anonymous_requests"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    address: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


sa.Index("ix_anonymous_requests_address_kind_at", AnonymousRequest.address, AnonymousRequest.kind, AnonymousRequest.at)


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


# -- the mission workflow (issue 5) ---------------------------------------------------------------


class Participation(Base):
    """One person on one mission for one civil year: steps 1 to 4 (« 1 convention = 1 année civile »)."""

    __tablename__ = "participations"
    __table_args__ = (sa.UniqueConstraint("person_id", "mission_id", "year", name="uq_participations_person_mission_year"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    mission_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    status: Mapped[str] = mapped_column(sa.String(20))  # domain.ParticipationStatus
    message: Mapped[str] = mapped_column(sa.Text)
    phone: Mapped[str] = mapped_column(sa.String(30))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Set when engagement.attendance.attested is published; cleared if new dates make attendance incomplete again.
    attendance_completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    bilan_answers: Mapped[dict | None] = mapped_column(sa.JSON, nullable=True)
    bilan_completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # documents.bilan.issued: the bilan's PDF exists and can be downloaded from documents.
    bilan_pdf_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    requests: Mapped[list[DateRequest]] = relationship(order_by="DateRequest.requested_at", cascade="all, delete-orphan",
                                                       lazy="selectin", back_populates="participation")
    convention: Mapped[Convention | None] = relationship(cascade="all, delete-orphan", lazy="selectin", uselist=False)

    @property
    def dates(self) -> list[MissionDate]:
        """Every date of every request, in date order."""
        return sorted((d for request in self.requests for d in request.dates), key=lambda d: (d.day, d.id or 0))


class DateRequest(Base):
    """« Je valide mes dates » or « Ajouter des dates »: dates sent to the manager; its id is approval's request id."""

    __tablename__ = "date_requests"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    participation_id: Mapped[str] = mapped_column(sa.ForeignKey("participations.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))  # initial | additional
    manager_email: Mapped[str] = mapped_column(sa.String(254), index=True)
    # The person's recorded manager when the request was made (null: none). A request sent to anyone else is shown
    # to the company admins (« Validations par un autre manager »).
    recorded_manager_email: Mapped[str | None] = mapped_column(sa.String(254), nullable=True)
    message: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(20))  # domain.RequestStatus
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # approval.request.created: the manager has been sent the request (it counts in their to-do list).
    approval_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_via: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    refusal_reason: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    # When the person holding `manager_email` lost access (disabled, or deleted, which frees the address): nobody can
    # decide it, and whoever holds the address next does not see it (`participations.sent_to`); cleared when the same
    # person is enabled again (`participations.reinstate_requests_sent_to`). Null: still its addressee's.
    addressee_left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    participation: Mapped[Participation] = relationship(back_populates="requests")
    dates: Mapped[list[MissionDate]] = relationship(order_by="MissionDate.day", cascade="all, delete-orphan", lazy="selectin")


class MissionDate(Base):
    """One date of a request, its state (the days-used ledger is the sum of approved ones) and its attendance."""

    __tablename__ = "mission_dates"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(sa.ForeignKey("date_requests.id", ondelete="CASCADE"), index=True)
    participation_id: Mapped[str] = mapped_column(sa.ForeignKey("participations.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(sa.Date)
    format: Mapped[str] = mapped_column(sa.String(20))  # full_day | half_day
    state: Mapped[str] = mapped_column(sa.String(20))  # domain.DateState
    present: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    attested_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attested_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)


sa.Index("ix_mission_dates_person_id_day", MissionDate.person_id, MissionDate.day)
# A person gives a day once: two requests racing for the same day cannot both hold it.
sa.Index(
    "uq_mission_dates_person_booked_day", MissionDate.person_id, MissionDate.day, unique=True,
    sqlite_where=sa.text("state IN ('pending', 'approved')"), postgresql_where=sa.text("state IN ('pending', 'approved')"),
)


class Convention(Base):
    """Step 3 « Je signe ma convention », as engagement learns it from documents (one convention per participation,
    that is per person × mission × civil year): the latest version issued and the latest version signed.

    Events may arrive late or twice: each pair of columns only moves to a higher version. A signed version was
    necessarily issued, so a `documents.convention.signed` arriving first also stands for its issue (`issued_at`
    stays unknown until the issue event comes).
    """

    __tablename__ = "conventions"

    participation_id: Mapped[str] = mapped_column(sa.ForeignKey("participations.id", ondelete="CASCADE"), primary_key=True)
    convention_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    person_id: Mapped[str] = mapped_column(sa.ForeignKey("people.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(sa.Integer)
    issued_version: Mapped[int] = mapped_column(sa.Integer)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # [{"date": "2027-01-25", "format": "full_day"}]: every date the version covers.
    issued_dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    signed_version: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def to_sign(self) -> bool:
        """The latest version issued is not signed (« Signe ta convention »)."""
        return self.signed_version is None or self.signed_version < self.issued_version


class ReminderSent(Base):
    """A nudge published by `engagement-worker reminders`: at most one per participation, kind and ISO week."""

    __tablename__ = "reminders_sent"
    __table_args__ = (sa.UniqueConstraint("participation_id", "kind", "period", name="uq_reminders_sent_participation_kind_period"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    participation_id: Mapped[str] = mapped_column(sa.ForeignKey("participations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    period: Mapped[str] = mapped_column(sa.String(10))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ScimToken(Base):
    """A bearer token a company admin made for the HR directory's SCIM client (issue 14): only its SHA-256 is kept,
    the secret is shown once. It reaches its own company's people only; a revoked token stays listed."""

    __tablename__ = "scim_tokens"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class IdentityProvider(Base):
    """A company's identity provider for SSO (issue 14), OpenID Connect or SAML 2.0. The OIDC client secret is kept
    either Fernet-encrypted (`oidc_client_secret_encrypted`, key from the environment) or as a reference to an
    environment variable (`oidc_client_secret_ref`, « env:VAR »); the API never returns it. `claim_mapping` names
    the claim (OIDC) or attribute (SAML) read for email, first_name, last_name, entity and manager_email."""

    __tablename__ = "identity_providers"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    protocol: Mapped[str] = mapped_column(sa.String(10))  # "oidc" | "saml"
    display_name: Mapped[str] = mapped_column(sa.String(100))
    enabled: Mapped[bool] = mapped_column(sa.Boolean, default=True, server_default=sa.true())
    # OpenID Connect
    oidc_issuer: Mapped[str | None] = mapped_column(sa.String(500), nullable=True)
    oidc_client_id: Mapped[str | None] = mapped_column(sa.String(300), nullable=True)
    oidc_client_secret_encrypted: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    oidc_client_secret_ref: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    oidc_scopes: Mapped[str | None] = mapped_column(sa.String(300), nullable=True)
    # SAML 2.0
    saml_idp_metadata_xml: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    saml_idp_metadata_url: Mapped[str | None] = mapped_column(sa.String(500), nullable=True)
    saml_idp_entity_id: Mapped[str | None] = mapped_column(sa.String(500), nullable=True)
    claim_mapping: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    domains: Mapped[list[IdentityProviderDomain]] = relationship(
        order_by="IdentityProviderDomain.domain", cascade="all, delete-orphan", lazy="selectin")


class IdentityProviderDomain(Base):
    """An e-mail domain a provider answers for: one of its company's domains. At most one *enabled* provider per
    domain (checked by the use case, since disabled providers may keep theirs)."""

    __tablename__ = "identity_provider_domains"

    provider_id: Mapped[str] = mapped_column(sa.ForeignKey("identity_providers.id", ondelete="CASCADE"), primary_key=True)
    domain: Mapped[str] = mapped_column(sa.String(253), primary_key=True, index=True)


class SsoLoginAttempt(Base):
    """One started SSO sign-in (both protocols): what the callback must find again (state, nonce, PKCE verifier,
    SAML request id for InResponseTo) and where to return. Short-lived and single use (`consumed_at`)."""

    __tablename__ = "sso_login_attempts"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)  # opaque, random
    provider_id: Mapped[str] = mapped_column(sa.ForeignKey("identity_providers.id", ondelete="CASCADE"), index=True)
    state: Mapped[str | None] = mapped_column(sa.String(128), nullable=True, unique=True)
    nonce: Mapped[str | None] = mapped_column(sa.String(128), nullable=True)
    code_verifier: Mapped[str | None] = mapped_column(sa.String(128), nullable=True)
    saml_request_id: Mapped[str | None] = mapped_column(sa.String(128), nullable=True, unique=True)
    return_path: Mapped[str | None] = mapped_column(sa.String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    consumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A first sign-in whose person still has to choose an entity and consent: the provider's verified claims wait
    # here (never a half-created person) until the follow-up page completes them once (`completed_at`).
    pending_claims: Mapped[dict | None] = mapped_column(sa.JSON, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SsoSeenAssertion(Base):
    """A SAML assertion id already accepted from a provider, kept until it expires so a replay is refused."""

    __tablename__ = "sso_seen_assertions"
    __table_args__ = (sa.UniqueConstraint("provider_id", "assertion_id"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    provider_id: Mapped[str] = mapped_column(sa.ForeignKey("identity_providers.id", ondelete="CASCADE"))
    assertion_id: Mapped[str] = mapped_column(sa.String(200))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
