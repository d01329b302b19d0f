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

# E-mails sent per database transaction: what a crash between the SMTP server's answer and the commit may repeat.
# One, the guarantee the fault suite holds (tests/faults: at most one e-mail sent twice per crash). Ten measured
# 427–544 e-mails/s for the sender alone against 305 (bench/README.md, P4), still far from the pipeline's goal:
# not worth more copies after a crash.
SENT_PER_TRANSACTION = 1


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

        `SENT_PER_TRANSACTION` e-mails per transaction, over one SMTP connection: the rows are claimed together
        (FOR UPDATE SKIP LOCKED on PostgreSQL, so several workers never take the same one), sent one by one, and
        marked in one commit. A crash after the SMTP server accepted some of them and before that commit sends
        those again, each with the same Message-ID so a receiving server can drop the copy.
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
                        .limit(min(SENT_PER_TRANSACTION, self.batch_size - attempted))
                    )
                    if session.bind.dialect.name == "postgresql":
                        # Several workers: each row goes to one of them.
                        query = query.with_for_update(skip_locked=True)
                    emails = session.scalars(query).all()
                    if not emails:
                        return attempted
                    for email in emails:
                        attempted += 1
                        if unreachable is None and smtp is None:
                            try:
                                smtp = smtplib.SMTP(self.host, self.port, timeout=10)
                            except OSError as exc:
                                unreachable = f"connexion SMTP impossible : {exc}"
                        if unreachable is not None:
                            # One try to connect per pass: every e-mail due now is delayed with the same error.
                            self._record_failure(email, unreachable)
                            continue
                        self._send(smtp, email)
            return attempted
        finally:
            if smtp is not None:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    pass

    def _send(self, smtp: smtplib.SMTP, email: Email) -> None:
        try:
            message = self._message(email)
        except (ValueError, TypeError, KeyError) as exc:
            # A malformed row (e.g. a broken attachment) must fail alone, not block the queue behind it.
            self._record_failure(email, f"message impossible à construire : {exc}")
            return
        try:
            smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            self._record_failure(email, str(exc))
            return
        email.status = EmailStatus.SENT
        email.attempts += 1
        email.sent_at = utcnow()
        email.last_error = None

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
