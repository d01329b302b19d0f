"""Notifier's tables: the mail queue and its delivery log, the alert subscriptions and the alerts sent,
plus the outbox, inbox and token cut-offs."""
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


class Email(Base):
    """One e-mail to one person because of one event. The pair is unique: a redelivered event sends nothing twice."""

    __tablename__ = "emails"
    __table_args__ = (sa.UniqueConstraint("event_id", "recipient", name="uq_emails_event_recipient"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    event_id: Mapped[str] = mapped_column(sa.String(36))
    event_type: Mapped[str] = mapped_column(sa.String(200))
    recipient: Mapped[str] = mapped_column(sa.String(254), index=True)
    subject: Mapped[str] = mapped_column(sa.String(300))
    body_text: Mapped[str] = mapped_column(sa.Text)
    # An HTML alternative of the same text (a button to click), for the e-mails that have one; null: plain text only.
    body_html: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    # [{filename, content_type, content_base64}]: what `sender` attaches (the .ics of approved dates).
    attachments: Mapped[list[dict]] = mapped_column(sa.JSON, default=list, server_default=sa.text("'[]'"))
    status: Mapped[str] = mapped_column(sa.String(20))
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


sa.Index("ix_emails_due", Email.status, Email.next_attempt_at)


class AlertSubscription(Base):
    """The notifier's copy of a person's alert subscription, kept from engagement's events.

    Three clocks, because three kinds of event write different columns and any of them may arrive late:
    `as_of` for the preferences (`engagement.preferences.updated`), `contact_as_of` for the address, first
    name and company (that event and `engagement.person.updated`), `status_as_of` for the account status
    (`engagement.person.updated` and `engagement.person.disabled`). A row may exist before any preferences
    (as_of null): it remembers that a person was disabled, so that late preferences do not revive alerts.
    """

    __tablename__ = "alert_subscriptions"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str | None] = mapped_column(sa.String(254), nullable=True)
    first_name: Mapped[str | None] = mapped_column(sa.String(100), nullable=True)
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    professional_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    personal_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    alerts_opt_in: Mapped[bool] = mapped_column(sa.Boolean)
    # « Préviens-moi quand un nouveau quiz est en ligne » (off by default); same clock as the other preferences.
    quiz_opt_in: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
    as_of: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20))
    contact_as_of: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status_as_of: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AlertSent(Base):
    """One alert per person per mission, ever: a redelivered or republished `catalog.mission.published` finds it here."""

    __tablename__ = "alerts_sent"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    mission_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(sa.String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QuizNoticeSent(Base):
    """One « Le nouveau quiz est en ligne » per person per quiz, ever: a redelivered `quiz.quiz.opened` finds it here."""

    __tablename__ = "quiz_notices_sent"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    quiz_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    event_id: Mapped[str] = mapped_column(sa.String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
