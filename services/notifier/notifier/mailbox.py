"""Queueing e-mails in the handler's transaction, so an event and its e-mails commit together."""
from __future__ import annotations

import uuid

import sqlalchemy as sa

from tandem_shared.envelope import Event
from tandem_shared.inbox import UnitOfWork
from tandem_shared.timeutil import utcnow

from .domain import EmailStatus, one_line
from .models import Email

EMAIL_QUEUED = "notifier.email_queued"


def queue_email(uow: UnitOfWork, event: Event, recipient: str, subject: str, body_text: str) -> bool:
    """Queue one e-mail for (event, recipient); False when that pair was already queued."""
    recipient = recipient.strip().lower()
    # Subjects carry names other people typed (a sender's name, a mission title): a line break would make
    # the message unbuildable and block the queue behind it.
    subject = one_line(subject, 300)
    already = uow.session.scalar(
        sa.select(Email.id).where(Email.event_id == event.id, Email.recipient == recipient)
    )
    if already is not None:
        return False
    now = utcnow()
    uow.session.add(
        Email(
            id=str(uuid.uuid4()),
            event_id=event.id,
            event_type=event.type,
            recipient=recipient,
            subject=subject,
            body_text=body_text,
            status=EmailStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )
    uow.session.info[EMAIL_QUEUED] = True
    return True
