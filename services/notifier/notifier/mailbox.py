"""Queueing e-mails in the handler's transaction, so an event and its e-mails commit together."""
from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence

from tandem_shared.db import insert_unless_present
from tandem_shared.envelope import Event
from tandem_shared.inbox import UnitOfWork
from tandem_shared.timeutil import utcnow

from .domain import EmailStatus, one_line
from .models import Email

EMAIL_QUEUED = "notifier.email_queued"

_QUEUE_ONE = insert_unless_present(Email.__table__, conflict=["event_id", "recipient"])


def attachment(filename: str, content_type: str, content: bytes) -> dict[str, str]:
    """One attachment as the `emails.attachments` column keeps it: the bytes in base64, so JSON can hold them.

    `content_type` may carry parameters (« text/calendar; method=PUBLISH; charset=utf-8 »); the sender keeps them.
    """
    return {"filename": filename, "content_type": content_type, "content_base64": base64.b64encode(content).decode("ascii")}


def queue_email(
    uow: UnitOfWork, event: Event, recipient: str, subject: str, body_text: str,
    attachments: Sequence[dict[str, str]] = (), body_html: str | None = None,
) -> bool:
    """Queue one e-mail for (event, recipient), with its HTML alternative and attachments if any; False when that
    pair was already queued."""
    recipient = recipient.strip().lower()
    # Subjects carry names other people typed (a sender's name, a mission title): a line break would make
    # the message unbuildable and block the queue behind it.
    subject = one_line(subject, 300)
    now = utcnow()
    # One statement where a SELECT then an INSERT took two round trips; rowcount 0: the pair is already queued.
    queued = uow.session.execute(_QUEUE_ONE, {
        "id": str(uuid.uuid4()), "event_id": event.id, "event_type": event.type, "recipient": recipient,
        "subject": subject, "body_text": body_text, "body_html": body_html, "attachments": list(attachments),
        "status": EmailStatus.PENDING, "attempts": 0, "next_attempt_at": now, "last_error": None, "created_at": now,
        "sent_at": None,
    }, execution_options={"preserve_rowcount": True})
    if queued.rowcount == 0:
        return False
    uow.session.info[EMAIL_QUEUED] = True
    return True
