"""Approval's tables: absence requests and their decisions, the managers' one-click links, the reminders sent,
plus the outbox, inbox and token cut-offs every service has."""
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


class AbsenceRequest(Base):
    """« Demande d'absence à valider »: dates an employee asks their manager to validate (engagement's request id).

    The copy of the employee, mission and association fields is what the link page, the team view and the
    events need; approval learns them from `engagement.dates.requested` and never asks engagement.
    """

    __tablename__ = "requests"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    participation_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    person_name: Mapped[str] = mapped_column(sa.String(200))
    person_email: Mapped[str] = mapped_column(sa.String(254))
    # Lower case: the team view compares it with the caller's token `email`.
    manager_email: Mapped[str] = mapped_column(sa.String(254), index=True)
    mission_id: Mapped[str] = mapped_column(sa.String(36))
    mission_title: Mapped[str] = mapped_column(sa.String(200))
    association_name: Mapped[str] = mapped_column(sa.String(200))
    year: Mapped[int] = mapped_column(sa.Integer)
    kind: Mapped[str] = mapped_column(sa.String(20))
    # [{"date": "2027-01-25", "format": "full_day"}], in calendar order.
    dates: Mapped[list[dict]] = mapped_column(sa.JSON)
    message: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(20), index=True)
    # The manager's reason, on refusals only.
    reason: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The manager's person id when decided from the team view; null when decided with the e-mailed link.
    decided_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    via: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    # "cancelled" or "withdrawn", from `engagement.dates.cancelled`.
    cancellation: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # How many reminders went out, and the last one (each period's row is in `reminders_sent`).
    reminders: Mapped[int] = mapped_column(sa.Integer, default=0)
    last_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WithdrawnApprover(Base):
    """An address whose holder lost access to Tandem (disabled, or their account deleted), from
    `engagement.person.disabled`: the requests sent to it before then are out of its reach (`links.out_of_reach`):
    no link of theirs decides, no reminder goes out, and whoever holds the address next does not see them. The same
    person enabled again (`engagement.person.updated`, active, newer) takes them back."""

    __tablename__ = "withdrawn_approvers"

    email: Mapped[str] = mapped_column(sa.String(254), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36))
    withdrawn_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reinstated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ActionLink(Base):
    """A manager's one-click link: only the SHA-256 of its 256-bit secret, bound to one request and one address."""

    __tablename__ = "action_links"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(sa.ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    manager_email: Mapped[str] = mapped_column(sa.String(254))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Set when the request is decided elsewhere, cancelled, or a reminder replaces the link.
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReminderSent(Base):
    """One reminder per request and period (ISO week): the primary key is the guarantee."""

    __tablename__ = "reminders_sent"

    request_id: Mapped[str] = mapped_column(sa.ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True)
    period: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
