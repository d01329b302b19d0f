"""The mail sender: delivers queued e-mails over SMTP, retries with back-off, marks each one sent."""
from __future__ import annotations

import base64
import logging
import smtplib
import threading
from email.message import EmailMessage, Message
from email.utils import make_msgid

import sqlalchemy as sa

from tandem_shared.db import Database
from tandem_shared.timeutil import utcnow

from .domain import EmailStatus, retry_delay, status_after_failure
from .models import Email

log = logging.getLogger(__name__)


class MailSender:
    def __init__(self, db: Database, host: str, port: int, mail_from: str, max_attempts: int, poll_interval: float = 2.0, batch_size: int = 50):
        self.db = db
        self.host = host
        self.port = port
        self.mail_from = mail_from
        self.max_attempts = max_attempts
        self.poll_interval = poll_interval
        self.batch_size = batch_size
        self._wake = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if stop.is_set():
                return
            try:
                while self.send_due() == self.batch_size:
                    pass
            except Exception:
                log.exception("mail sender pass failed")
                stop.wait(1.0)

    def send_due(self) -> int:
        """Send what is due now; returns how many rows were attempted.

        One e-mail per transaction, over one SMTP connection: a crash after the SMTP server accepted an e-mail
        and before its row is marked sent repeats that e-mail only (at most one duplicate per crash).
        """
        attempted = 0
        smtp: smtplib.SMTP | None = None
        unreachable: str | None = None
        try:
            while attempted < self.batch_size:
                with self.db.transaction() as session:
                    query = (
                        sa.select(Email)
                        .where(Email.status == EmailStatus.PENDING, Email.next_attempt_at <= utcnow())
                        .order_by(Email.next_attempt_at, Email.created_at)
                        .limit(1)
                    )
                    if session.bind.dialect.name == "postgresql":
                        # Several workers: each row goes to one of them.
                        query = query.with_for_update(skip_locked=True)
                    email = session.scalars(query).first()
                    if email is None:
                        return attempted
                    attempted += 1
                    if unreachable is not None:
                        # One try to connect per pass: every e-mail due now is delayed with the same error.
                        self._record_failure(email, unreachable)
                        continue
                    if smtp is None:
                        try:
                            smtp = smtplib.SMTP(self.host, self.port, timeout=10)
                        except OSError as exc:
                            unreachable = f"connexion SMTP impossible : {exc}"
                            self._record_failure(email, unreachable)
                            continue
                    try:
                        message = self._message(email)
                    except (ValueError, TypeError, KeyError) as exc:
                        # A malformed row (e.g. a broken attachment) must fail alone, not block the queue behind it.
                        self._record_failure(email, f"message impossible à construire : {exc}")
                        continue
                    try:
                        smtp.send_message(message)
                    except (smtplib.SMTPException, OSError) as exc:
                        self._record_failure(email, str(exc))
                        continue
                    email.status = EmailStatus.SENT
                    email.attempts += 1
                    email.sent_at = utcnow()
                    email.last_error = None
            return attempted
        finally:
            if smtp is not None:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    pass

    def _record_failure(self, email: Email, error: str) -> None:
        email.attempts += 1
        email.last_error = error[:2000]
        email.status = status_after_failure(email.attempts, self.max_attempts)
        email.next_attempt_at = utcnow() + retry_delay(email.attempts)
        log.warning("e-mail %s to %s failed (attempt %d): %s", email.id, email.recipient, email.attempts, error)

    def _message(self, email: Email) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.mail_from
        message["To"] = email.recipient
        message["Subject"] = email.subject
        # A stable id lets a receiving server drop the copy we may resend after a crash.
        message["Message-ID"] = make_msgid(idstring=email.id, domain="tandem.local")
        message["X-Tandem-Event"] = email.event_type
        message.set_content(email.body_text)
        if email.body_html:
            # multipart/alternative: mail readers show the HTML, and the text to those that cannot.
            message.add_alternative(email.body_html, subtype="html")
        for item in email.attachments or ():
            _attach(message, item)
        return message


def _attach(message: EmailMessage, item: dict[str, str]) -> None:
    """Add one stored attachment ({filename, content_type, content_base64}), keeping the type's parameters."""
    parsed = Message()
    parsed["Content-Type"] = item["content_type"]
    params = {key: value for key, value in parsed.get_params()[1:]}
    message.add_attachment(
        base64.b64decode(item["content_base64"]),
        maintype=parsed.get_content_maintype(),
        subtype=parsed.get_content_subtype(),
        filename=item["filename"],
        params=params,
    )
