"""The mail sender: delivers queued e-mails over SMTP, retries with back-off, marks each one sent."""
from __future__ import annotations

import base64
import logging
import re
import smtplib
import socket
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
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


# A pass claims the e-mails it will send by moving their `next_attempt_at` this far ahead: no other worker takes them
# meanwhile, and a worker that dies mid-pass leaves them due again once the lease runs out (nothing is lost; they are
# late by at most this much). Short, so that a crash delays little.
CLAIM_LEASE = timedelta(seconds=20)
# Each blocking SMTP operation's limit (connect, each command, each reply).
SMTP_TIMEOUT = 10.0
# The final dot of a message, which makes the server accept it, is sent only with this much of the lease left: its
# reply takes at most SMTP_TIMEOUT, and 3 s more cover the workers' clocks drifting apart. So a lease never runs out
# while an e-mail it covers may still be accepted, and no other worker sends that e-mail too.
DOT_MARGIN = timedelta(seconds=SMTP_TIMEOUT + 3)


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
        # Built once, not for every pass.
        self._next_due = (
            sa.select(*_QUEUED_COLUMNS)
            .where(emails.c.status == EmailStatus.PENDING, emails.c.next_attempt_at <= sa.bindparam("now"))
            .order_by(emails.c.next_attempt_at, emails.c.created_at)
            .limit(batch_size)
        )
        if db.engine.dialect.name == "postgresql":
            # Several workers claiming at once: each row goes to one of them.
            self._next_due = self._next_due.with_for_update(skip_locked=True)
        # An e-mail's outcome, one of these two, written by `_OutcomeWriter`.
        self._sent = (
            sa.update(emails).where(emails.c.id == sa.bindparam("email_id"))
            .values(status=EmailStatus.SENT, attempts=sa.bindparam("attempts"), sent_at=sa.bindparam("at"), last_error=None)
        )
        self._failed = (
            sa.update(emails).where(emails.c.id == sa.bindparam("email_id"))
            .values(attempts=sa.bindparam("attempts"), last_error=sa.bindparam("error"), status=sa.bindparam("status"),
                    next_attempt_at=sa.bindparam("due"))
        )
        self._lease = (
            sa.update(emails).where(emails.c.id.in_(sa.bindparam("ids", expanding=True)), emails.c.status == EmailStatus.PENDING)
            .values(next_attempt_at=sa.bindparam("until"))
        )

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
        """Send what is due now, at most `batch_size` e-mails over one SMTP connection; returns how many were claimed.

        The pass claims them in one transaction (a lease, see CLAIM_LEASE), then sends them one after the other. Each
        outcome is written by `_OutcomeWriter`, its own durable transaction on a thread of its own, while the next
        e-mail's MAIL, RCPT and DATA go out; that e-mail's final dot, which makes the server accept it, waits until the
        outcome before is committed. So at most one e-mail is ever accepted by the server and not yet marked sent: a
        crash sends that one again, with the same Message-ID so a receiving server can drop the copy (at most one copy
        per crash, the guarantee the fault suite holds, tests/faults), and the commit costs the pass no time of its own
        (bench/README.md, P4).
        """
        claimed, lease_until = self._claim_due()
        if not claimed:
            return 0
        handled = 0
        smtp: smtplib.SMTP | None = None
        unreachable: str | None = None
        outcomes = _OutcomeWriter(self.db)
        try:
            for email in claimed:
                if unreachable is None and smtp is None:
                    try:
                        smtp = _connect(self.host, self.port)
                    except OSError as exc:
                        unreachable = f"connexion SMTP impossible : {exc}"
                if unreachable is not None:
                    # One try to connect per pass: every e-mail due now is delayed with the same error.
                    outcomes.write(*self._failure(email, unreachable))
                    handled += 1
                    continue
                delivered = self._send(smtp, email, outcomes, lease_until)
                if delivered is None:
                    break  # the lease is running out: what is left goes back to the queue, for the next pass
                handled += 1
                if not delivered:
                    # The server closed the connection (its limit of messages per connection, a restart): the next
                    # e-mail opens another instead of failing on the closed one.
                    _close(smtp)
                    smtp = None
            outcomes.wait()
        finally:
            if smtp is not None:
                _close(smtp)
            outcomes.close()
        if handled < len(claimed):
            self._release(claimed[handled:])
        return len(claimed)

    def _claim_due(self) -> tuple[list[sa.Row], datetime]:
        now = utcnow()
        lease_until = now + CLAIM_LEASE
        with self.db.transaction() as session:
            claimed = session.execute(self._next_due, {"now": now}).all()
            if claimed:
                session.execute(self._lease, {"ids": [email.id for email in claimed], "until": lease_until})
        return claimed, lease_until

    def _release(self, emails_left: list[sa.Row]) -> None:
        """What a pass claimed and did not send is due again at once, for the next pass (its lease would delay it)."""
        with self.db.transaction() as session:
            session.execute(self._lease, {"ids": [email.id for email in emails_left], "until": utcnow()})

    def _send(self, smtp: smtplib.SMTP, email: sa.Row, outcomes: "_OutcomeWriter", lease_until: datetime) -> bool | None:
        """Send one e-mail and have its outcome written; False when the connection is lost (that e-mail waits its
        back-off), None when the lease is running out (nothing was sent)."""
        try:
            message = self._message(email)
        except (ValueError, TypeError, KeyError) as exc:
            # A malformed row (e.g. a broken attachment) must fail alone, not block the queue behind it.
            outcomes.write(*self._failure(email, f"message impossible à construire : {exc}"))
            return True
        international = not email.recipient.isascii()
        try:
            if not international:
                _start_message(smtp, self._envelope_from, email.recipient, message)
        except (smtplib.SMTPException, OSError) as exc:
            return self._smtp_failed(smtp, email, exc, outcomes)
        # Outside the SMTP errors' reach: an outcome that cannot be written ends the pass, it is no SMTP failure.
        if not self._may_be_accepted(None if international else smtp, outcomes, lease_until):
            return None
        try:
            if international:
                # Rare: an address with accents goes through smtplib's own SMTPUTF8 path, the message sent whole.
                smtp.send_message(_internationalized(message, email.recipient))
            else:
                _end_message(smtp)
        except (smtplib.SMTPException, OSError) as exc:
            return self._smtp_failed(smtp, email, exc, outcomes)
        outcomes.write(self._sent, {"email_id": email.id, "attempts": email.attempts + 1, "at": utcnow()})
        return True

    def _smtp_failed(self, smtp: smtplib.SMTP, email: sa.Row, exc: Exception, outcomes: "_OutcomeWriter") -> bool:
        """Have the failure written; whether the connection is still usable for the next e-mail."""
        if isinstance(exc, smtplib.SMTPServerDisconnected) or not isinstance(exc, smtplib.SMTPException):
            outcomes.write(*self._failure(email, f"connexion SMTP perdue : {exc}"))
            return False
        outcomes.write(*self._failure(email, str(exc)))
        # A refusal leaves the connection usable, unless the server is closing it (421, RFC 5321, 3.8): then it is
        # closed already (`_after_refusal`, or smtplib's own for the SMTPUTF8 path).
        return smtp.sock is not None

    def _may_be_accepted(self, smtp: smtplib.SMTP | None, outcomes: "_OutcomeWriter", lease_until: datetime) -> bool:
        """Whether the e-mail under way may be accepted now: the outcomes before it are committed, and the lease holds
        long enough. When it may not, its message (if it went out) is dropped with the connection: in the middle of
        DATA, there is no command the server would read as one."""
        try:
            outcomes.wait()
            holds = lease_until - utcnow() >= DOT_MARGIN
        except BaseException:
            if smtp is not None:
                smtp.close()
            raise
        if not holds and smtp is not None:
            smtp.close()
        return holds

    def _failure(self, email: sa.Row, error: str) -> tuple[sa.Update, dict]:
        attempts = email.attempts + 1
        log.warning("e-mail %s to %s failed (attempt %d): %s", email.id, email.recipient, attempts, error)
        return self._failed, {"email_id": email.id, "attempts": attempts, "error": error[:2000],
                              "status": status_after_failure(attempts, self.max_attempts),
                              "due": utcnow() + retry_delay(attempts)}

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


class _OutcomeWriter:
    """Writes each e-mail's outcome, one UPDATE, as a durable transaction of its own, on a thread of its own and in
    order: the sender goes on with the next e-mail meanwhile. `wait` returns once everything written so far is
    committed, or raises what failed."""

    def __init__(self, db: Database):
        self._db = db
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notifier-mail-outcomes")
        self._pending: list[Future] = []
        self._connection: sa.Connection | None = None  # the writer thread's, held for the pass

    def write(self, outcome: sa.Update, values: dict) -> None:
        self._pending.append(self._thread.submit(self._commit, outcome, values))

    def wait(self) -> None:
        pending, self._pending = self._pending, []
        for written in pending:
            written.result()

    def close(self) -> None:
        """Waits for what is under way; a failure here is logged, since the pass is already ending on an error (an
        e-mail whose outcome is not written stays claimed, and goes again when its lease runs out)."""
        try:
            self.wait()
            self._thread.submit(self._release_connection).result()
        except Exception:
            log.exception("an e-mail's outcome could not be written")
        finally:
            self._thread.shutdown()

    def _commit(self, outcome: sa.Update, values: dict) -> None:
        if self._connection is None:
            connection = self._db.engine.connect()
            if connection.dialect.name == "postgresql":
                # One statement is its own transaction: one round trip instead of BEGIN, UPDATE and COMMIT.
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            self._connection = connection
        with self._connection.begin():
            self._connection.execute(outcome, values)

    def _release_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


# RFC 5321, 4.5.2: a line of the message that starts with a dot gets one more, so that it cannot end the message.
_DOT_AT_LINE_START = re.compile(rb"(?m)^\.")


def _start_message(smtp: smtplib.SMTP, sender: str, recipient: str, message: bytes) -> None:
    """What smtplib's `sendmail` does for one recipient, up to the message's final dot: MAIL, RCPT, DATA, then the
    message. The server accepts the message only at that dot (RFC 5321, 4.1.1.4), so all this may go out while the
    e-mail before is being committed; `_end_message` sends the dot. Refusals raise what `sendmail` raises."""
    smtp.ehlo_or_helo_if_needed()
    # As sendmail: a server that announces SIZE learns it first, and may refuse a message too large before DATA.
    code, reply = smtp.mail(sender, [f"size={len(message)}"] if smtp.has_extn("size") else [])
    if code != 250:
        _after_refusal(smtp, code)
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.rcpt(recipient)
    if code not in (250, 251):
        _after_refusal(smtp, code)
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = smtp.docmd("data")
    if code != 354:
        _after_refusal(smtp, code)
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(_DOT_AT_LINE_START.sub(b"..", message) + (b"" if message.endswith(b"\r\n") else b"\r\n"))


def _end_message(smtp: smtplib.SMTP) -> None:
    """The final dot: the server accepts the message (250) or refuses it."""
    smtp.send(b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        _after_refusal(smtp, code)
        raise smtplib.SMTPDataError(code, reply)


def _after_refusal(smtp: smtplib.SMTP, code: int) -> None:
    # As sendmail: 421, the server is closing the connection; any other refusal, RSET readies it for the next e-mail.
    if code == 421:
        smtp.close()
        return
    try:
        smtp.rset()
    except smtplib.SMTPServerDisconnected:
        pass


def _connect(host: str, port: int) -> smtplib.SMTP:
    smtp = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT)
    # The final dot goes out on its own, after the message, while the server has nothing to answer yet: with Nagle's
    # algorithm the dot would wait for the server's delayed ACK of the message, 40 ms on Linux.
    smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return smtp


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
