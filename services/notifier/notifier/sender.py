"""The mail sender: delivers queued e-mails over SMTP, retries with back-off, marks each one sent."""
from __future__ import annotations

import base64
import logging
import smtplib
import threading
from email import encoders, message_from_bytes
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTPUTF8, compat32
from email.utils import formataddr, formatdate, parseaddr

import sqlalchemy as sa

from tandem_shared.db import Database
from tandem_shared.timeutil import utcnow

from .domain import EmailStatus, retry_delay, status_after_failure
from .models import Email

log = logging.getLogger(__name__)

emails = Email.__table__

# What the sender reads of a queued e-mail. Plain rows, not ORM objects: the sender writes each row once, with one
# UPDATE, and the identity map and flush cost more than the statement (bench/README.md, P4).
_QUEUED_COLUMNS = (emails.c.id, emails.c.event_type, emails.c.recipient, emails.c.subject, emails.c.body_text,
                   emails.c.body_html, emails.c.attachments, emails.c.attempts)

# The legacy (compat32) e-mail classes keep each header as the string we set, where `EmailMessage` parses every one
# through the header registry: 0.8 ms a message instead of 2.1 ms here (bench/README.md, P4). SMTP wants CRLF.
_SMTP_BYTES = compat32.clone(linesep="\r\n")


class MailSender:
    def __init__(self, db: Database, host: str, port: int, mail_from: str, max_attempts: int, poll_interval: float = 2.0, batch_size: int = 50):
        self.db = db
        self.host = host
        self.port = port
        display_name, self._envelope_from = parseaddr(mail_from)
        self._from_header = formataddr((display_name, self._envelope_from))
        # Message-IDs on the sender's own domain (RFC 5322, 3.6.4: unique, on a domain the sender speaks for).
        self._message_id_domain = self._envelope_from.rpartition("@")[2] or "tandem.local"
        self.max_attempts = max_attempts
        self.poll_interval = poll_interval
        self.batch_size = batch_size
        self._wake = threading.Event()
        # Built once, not for every e-mail.
        self._next_due = (
            sa.select(*_QUEUED_COLUMNS)
            .where(emails.c.status == EmailStatus.PENDING, emails.c.next_attempt_at <= sa.bindparam("now"))
            .order_by(emails.c.next_attempt_at, emails.c.created_at)
            .limit(1)
        )
        if db.engine.dialect.name == "postgresql":
            # Several workers: each row goes to one of them.
            self._next_due = self._next_due.with_for_update(skip_locked=True)

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
        """Send what is due now, at most `batch_size` e-mails over one SMTP connection; returns how many were attempted.

        One e-mail per transaction: its row is claimed (FOR UPDATE SKIP LOCKED on PostgreSQL, so several workers
        never take the same one), sent, and marked in the same commit. A crash between the SMTP server's answer and
        that commit sends that one e-mail again, with the same Message-ID so a receiving server can drop the copy:
        at most one copy per crash, the guarantee the fault suite holds (tests/faults). Several e-mails per commit
        would go faster and repeat them all after a crash (bench/README.md, P4).
        """
        attempted = 0
        smtp: smtplib.SMTP | None = None
        unreachable: str | None = None
        try:
            while attempted < self.batch_size:
                with self.db.transaction() as session:
                    email = self._claim_next(session)
                    if email is None:
                        return attempted
                    attempted += 1
                    if unreachable is None and smtp is None:
                        try:
                            smtp = smtplib.SMTP(self.host, self.port, timeout=10)
                        except OSError as exc:
                            unreachable = f"connexion SMTP impossible : {exc}"
                    if unreachable is not None:
                        # One try to connect per pass: every e-mail due now is delayed with the same error.
                        self._record_failure(session, email, unreachable)
                        continue
                    if not self._send(session, smtp, email):
                        # The server closed the connection (its limit of messages per connection, a restart): the
                        # next e-mail opens another instead of failing on the closed one.
                        _close(smtp)
                        smtp = None
            return attempted
        finally:
            if smtp is not None:
                _close(smtp)

    def _claim_next(self, session) -> sa.Row | None:
        return session.execute(self._next_due, {"now": utcnow()}).first()

    def _send(self, session, smtp: smtplib.SMTP, email: sa.Row) -> bool:
        """Send one e-mail and mark it; False when the connection is lost (that e-mail waits its back-off)."""
        try:
            message = self._message(email)
        except (ValueError, TypeError, KeyError) as exc:
            # A malformed row (e.g. a broken attachment) must fail alone, not block the queue behind it.
            self._record_failure(session, email, f"message impossible à construire : {exc}")
            return True
        try:
            if email.recipient.isascii():
                smtp.sendmail(self._envelope_from, [email.recipient], message)
            else:
                smtp.send_message(_internationalized(message, email.recipient))
        except smtplib.SMTPServerDisconnected as exc:
            self._record_failure(session, email, f"connexion SMTP perdue : {exc}")
            return False
        except smtplib.SMTPException as exc:  # before OSError, of which it is a subclass
            self._record_failure(session, email, str(exc))
            # 421: the server is closing the connection (RFC 5321, 3.8); any other answer leaves it usable.
            return getattr(exc, "smtp_code", None) != 421
        except OSError as exc:
            self._record_failure(session, email, f"connexion SMTP perdue : {exc}")
            return False
        session.execute(
            sa.update(emails).where(emails.c.id == email.id)
            .values(status=EmailStatus.SENT, attempts=email.attempts + 1, sent_at=utcnow(), last_error=None)
        )
        return True

    def _record_failure(self, session, email: sa.Row, error: str) -> None:
        attempts = email.attempts + 1
        session.execute(
            sa.update(emails).where(emails.c.id == email.id)
            .values(attempts=attempts, last_error=error[:2000], status=status_after_failure(attempts, self.max_attempts),
                    next_attempt_at=utcnow() + retry_delay(attempts))
        )
        log.warning("e-mail %s to %s failed (attempt %d): %s", email.id, email.recipient, attempts, error)

    def _message(self, email: sa.Row) -> bytes:
        """The e-mail as SMTP sends it: text, its HTML alternative if any, then its attachments."""
        body: Message = MIMEText(email.body_text, "plain", "utf-8")
        if email.body_html:
            # multipart/alternative: mail readers show the HTML, and the text to those that cannot.
            body = _multipart("alternative", body, MIMEText(email.body_html, "html", "utf-8"))
        if email.attachments:
            body = _multipart("mixed", body, *(_attachment(item) for item in email.attachments))
        body["From"] = self._from_header
        body["To"] = email.recipient
        body["Subject"] = email.subject  # encoded as RFC 2047 words when it is not ASCII
        body["Date"] = formatdate(usegmt=True)
        # The same id at every try (the row's, a UUID): a receiving server can drop the copy we may resend after a
        # crash. `make_msgid`, used before, added the time and a random number, so each try had another one.
        body["Message-ID"] = f"<{email.id}@{self._message_id_domain}>"
        body["X-Tandem-Event"] = email.event_type
        return body.as_bytes(policy=_SMTP_BYTES)


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _internationalized(message: bytes, recipient: str) -> EmailMessage:
    """The message for an address with non-ASCII characters (RFC 6531): `send_message` asks the server for SMTPUTF8
    (an `SMTPNotSupportedError` before anything is sent when it has none) and writes the headers in UTF-8, so the
    To header is the address itself, not the RFC 2047 words compat32 wrote."""
    international = message_from_bytes(message, policy=SMTPUTF8)
    international.replace_header("To", recipient)
    return international


def _multipart(subtype: str, *parts: Message) -> MIMEMultipart:
    container = MIMEMultipart(subtype)
    for part in parts:
        del part["MIME-Version"]  # only the message's own header says it
        container.attach(part)
    return container


def _attachment(item: dict[str, str]) -> Message:
    """One stored attachment ({filename, content_type, content_base64}), keeping the type's parameters."""
    parsed = Message()
    parsed["Content-Type"] = item["content_type"]
    params = {key: value for key, value in parsed.get_params()[1:]}
    part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype(), **params)
    part.set_payload(base64.b64decode(item["content_base64"], validate=True))
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=item["filename"])
    return part
