"""The mail sender: delivers queued e-mails over SMTP, retries with back-off, marks each one sent."""
from __future__ import annotations

import base64
import logging
import re
import smtplib
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from email import encoders, message_from_bytes
from email.message import Message
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
_SMTPUTF8_BYTES = SMTPUTF8.clone(linesep="\r\n")


# Each blocking SMTP operation's limit (connect, each command and its reply).
SMTP_TIMEOUT = 10.0
# The reply to a message's final dot, when the server checks the message before it answers: RFC 5321, 4.5.3.2.6,
# advises 10 minutes. Given up sooner, a message the server then accepts would be sent again; waited longer, a stuck
# server would hold the pass (and a worker's stop) for as long.
DOT_REPLY_TIMEOUT = 60.0
# PostgreSQL: the advisory locks a pass holds on the e-mails it claimed, (this class, the hash of the e-mail's id).
# Distinct from the migrations' lock (`tandem_shared.migrations`).
_CLAIM_LOCK_CLASS = 0x4D41494C  # "MAIL"
# How many due e-mails a claim looks at to lock `batch_size` of them: others may be another worker's.
_CANDIDATES_PER_CLAIM = 4
# The server's TCP keepalives for the pass's session (PostgreSQL settings any session may change): 30 s idle, then a
# probe every 10 s, 3 unanswered and the session ends, with its locks.
_SERVER_KEEPALIVES = sa.text(
    "SELECT set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false),"
    " set_config('tcp_keepalives_count', '3', false)"
)


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
        self._postgresql = db.engine.dialect.name == "postgresql"
        # Built once, not for every pass.
        due = (emails.c.status == EmailStatus.PENDING, emails.c.next_attempt_at <= sa.bindparam("now"))
        in_order = (emails.c.next_attempt_at, emails.c.created_at)
        self._next_due = sa.select(*_QUEUED_COLUMNS).where(*due).order_by(*in_order).limit(batch_size)
        self._candidates = sa.select(emails.c.id).where(*due).order_by(*in_order).limit(batch_size * _CANDIDATES_PER_CLAIM)
        # The locks are tried in the candidates' order and no further than needed: a function scan, a filter and a
        # limit, with no sort that would try them all first.
        self._lock = sa.text(
            "SELECT candidate.id FROM unnest(CAST(:ids AS text[])) AS candidate(id)"
            " WHERE pg_try_advisory_lock(:lock_class, hashtext(candidate.id)) LIMIT :limit"
        ).bindparams(lock_class=_CLAIM_LOCK_CLASS, limit=batch_size)
        # Read again once locked, in a new snapshot: another worker may have sent one between the two reads.
        self._locked_due = sa.select(*_QUEUED_COLUMNS).where(emails.c.id.in_(sa.bindparam("ids", expanding=True)), *due)
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

        The pass claims them first (`_claim_due`), then sends them one after the other. Each outcome is written by
        `_OutcomeWriter`, its own commit, on a thread of its own, while the next e-mail's MAIL, RCPT, DATA and message
        go out; that e-mail's final dot, which makes the server accept it, waits until the outcomes before it are
        committed. So at most one e-mail is ever accepted by the server and not yet marked sent: a crash sends that
        one again, with the same Message-ID so a receiving server can drop the copy (at most one copy per crash, the
        guarantee the fault suite holds, tests/faults), and the commit costs the pass no time of its own
        (bench/README.md, P4). What else may send one e-mail twice, once: a database session lost in the middle of a
        pass (its locks go with it, and another worker may claim the e-mail under way: as a crash), and a reply to
        the dot that does not come within DOT_REPLY_TIMEOUT (the server may still accept that message; it is tried
        again after its back-off).
        """
        with self._pass_connection() as connection:
            claimed = self._claim_due(connection)
            if not claimed:
                return 0
            smtp: smtplib.SMTP | None = None
            unreachable: str | None = None
            outcomes = _OutcomeWriter(connection)
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
                        continue
                    if not self._send(smtp, email, outcomes):
                        # The server closed the connection (its limit of messages per connection, a restart): the
                        # next e-mail opens another instead of failing on the closed one.
                        _close(smtp)
                        smtp = None
                outcomes.wait()
            finally:
                try:
                    if smtp is not None:
                        _close(smtp)
                finally:
                    outcomes.close()  # before the pass's locks go: every outcome written or given up
            return len(claimed)

    @contextmanager
    def _pass_connection(self) -> Iterator[sa.Connection]:
        """The pass's one database connection: its claim, then (on the writer's thread) its outcomes. On PostgreSQL it
        holds the claim's locks, each outcome is its own statement (autocommit: one round trip), and the locks go with
        the pass; a connection whose locks could not be released is closed, which releases them."""
        connection = self.db.engine.connect()
        if not self._postgresql:
            with connection:
                yield connection
            return
        try:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            # A worker whose host dies leaves its session, and its locks, to the server until TCP says the peer is
            # gone: about two hours with the kernel's defaults. With these, about a minute. Set once per session: the
            # pooled connection keeps them, and its `info` lives as long as it does.
            if not connection.connection.info.get("tandem_keepalives"):
                with connection.begin():
                    connection.execute(_SERVER_KEEPALIVES)
                connection.connection.info["tandem_keepalives"] = True
            yield connection
        finally:
            try:
                try:
                    connection.exec_driver_sql("SELECT pg_advisory_unlock_all()")
                except Exception:  # noqa: BLE001 - the connection is dropped instead, and its locks with it
                    log.warning("could not release the mail sender's claim; its connection is closed", exc_info=True)
                    connection.invalidate()
            finally:
                connection.close()

    def _claim_due(self, connection: sa.Connection) -> list[sa.Row]:
        """The e-mails this pass sends, in their order. On PostgreSQL, several workers may pass at once: each takes a
        session-level advisory lock on the e-mails it claims and keeps it until its pass ends, so another worker skips
        them; a worker that dies loses its connection, and its locks with it, so its e-mails go with the next pass of
        any worker. (A lease in the row would hold them until it ran out, and would need clocks and time margins to
        keep an e-mail from being sent by two workers.) On SQLite (the embedded mode, one process) a pass is alone."""
        now = utcnow()
        # On PostgreSQL the connection autocommits: each statement is its own transaction, `begin` only ends
        # SQLAlchemy's bookkeeping, so that the outcomes can begin theirs.
        with connection.begin():
            if not self._postgresql:
                return connection.execute(self._next_due, {"now": now}).all()
            candidates = connection.execute(self._candidates, {"now": now}).scalars().all()
            locked = connection.execute(self._lock, {"ids": candidates}).scalars().all() if candidates else []
            if not locked:
                return []
            still_due = {email.id: email for email in connection.execute(self._locked_due, {"ids": locked, "now": now})}
        return [still_due[email_id] for email_id in candidates if email_id in still_due]

    def _send(self, smtp: smtplib.SMTP, email: sa.Row, outcomes: "_OutcomeWriter") -> bool:
        """Send one e-mail and have its outcome written; False when the connection is lost (that e-mail waits its
        back-off)."""
        if _CONTROL_CHARACTER.search(email.recipient):
            # smtplib would write the line break into RCPT TO, a second command the server would obey, and the To header
            # would break the same way: this e-mail fails for good, alone.
            outcomes.write(*self._failure(email, "adresse impossible à envoyer : elle contient un saut de ligne ou un"
                                                 " caractère de contrôle", for_good=True))
            return True
        try:
            message = self._message(email)
            options: list[str] = []
            if not email.recipient.isascii():
                # An address with accents (RFC 6531): smtplib asks the server for SMTPUTF8 with MAIL FROM (and raises
                # SMTPNotSupportedError, before anything is sent, when it has none); the headers go in UTF-8.
                message = _internationalized(message, email.recipient)
                options = ["SMTPUTF8", "BODY=8BITMIME"]
        except (ValueError, TypeError, KeyError) as exc:
            # A malformed row (e.g. a broken attachment) must fail alone, not block the queue behind it.
            outcomes.write(*self._failure(email, f"message impossible à construire : {exc}"))
            return True
        try:
            _start_message(smtp, self._envelope_from, email.recipient, message, options)
        except (smtplib.SMTPException, OSError) as exc:
            return self._smtp_failed(smtp, email, exc, outcomes)
        # Outside the SMTP errors' reach: an outcome that cannot be written ends the pass; it is no SMTP failure.
        try:
            outcomes.wait()
        except BaseException:
            smtp.close()  # mid-DATA no command can be sent; the server drops the message with the connection
            raise
        try:
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
        # A refusal leaves the connection usable (after RSET), unless the server is closing it (421, RFC 5321, 3.8):
        # `_after_refusal` has closed it then.
        return smtp.sock is not None

    def _failure(self, email: sa.Row, error: str, for_good: bool = False) -> tuple[sa.Update, dict]:
        attempts = email.attempts + 1
        log.warning("e-mail %s to %r failed (attempt %d): %s", email.id, email.recipient, attempts, error)
        return self._failed, {"email_id": email.id, "attempts": attempts, "error": error[:2000],
                              "status": EmailStatus.FAILED if for_good else status_after_failure(attempts, self.max_attempts),
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
    """Writes each e-mail's outcome, one UPDATE, as a transaction of its own, on a thread of its own and in order:
    the sender goes on with the next e-mail meanwhile. `wait` returns once everything written so far is committed, or
    raises what failed. The pass's connection is the writer thread's from the first write on."""

    def __init__(self, connection: sa.Connection):
        self._connection = connection
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notifier-mail-outcomes")
        self._pending: list[Future] = []

    def write(self, outcome: sa.Update, values: dict) -> None:
        self._pending.append(self._thread.submit(self._commit, outcome, values))

    def wait(self) -> None:
        pending, self._pending = self._pending, []
        failed: Exception | None = None
        for written in pending:
            try:
                written.result()
            except Exception as exc:  # noqa: BLE001 - the first is raised once all are done; the others are logged
                if failed is None:
                    failed = exc
                else:
                    log.error("an e-mail's outcome could not be written either: %s", exc)
        if failed is not None:
            raise failed

    def close(self) -> None:
        """Waits for what is under way; a failure here is logged, since the pass is already ending on an error (an
        e-mail whose outcome is not written is still pending, and goes again with the next pass)."""
        try:
            self.wait()
        except Exception:
            log.exception("an e-mail's outcome could not be written")
        finally:
            self._thread.shutdown()

    def _commit(self, outcome: sa.Update, values: dict) -> None:
        # On PostgreSQL the connection autocommits: BEGIN and COMMIT cost nothing, the UPDATE commits by itself.
        with self._connection.begin():
            self._connection.execute(outcome, values)


# What no address may hold: line breaks and the other control characters.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")

# RFC 5321, 4.5.2: a line of the message that starts with a dot gets one more, so that it cannot end the message.
_DOT_AT_LINE_START = re.compile(rb"(?m)^\.")


def _start_message(smtp: smtplib.SMTP, sender: str, recipient: str, message: bytes, options: list[str]) -> None:
    """What smtplib's `sendmail` does for one recipient, up to the message's final dot: MAIL, RCPT, DATA, then the
    message. The server accepts the message only at that dot (RFC 5321, 4.1.1.4), so all this may go out while the
    e-mail before is being committed; `_end_message` sends the dot. Refusals raise what `sendmail` raises."""
    smtp.ehlo_or_helo_if_needed()
    if "SMTPUTF8" in options and not smtp.has_extn("smtputf8"):
        # As send_message: `mail` itself would drop the option on a server that only says HELO.
        raise smtplib.SMTPNotSupportedError("One or more source or delivery addresses require internationalized email"
                                            " support, but the server does not advertise the required SMTPUTF8 capability")
    # As sendmail: a server that announces SIZE learns it first, and may refuse a message too large before DATA.
    size = [f"size={len(message)}"] if smtp.has_extn("size") else []
    code, reply = smtp.mail(sender, [*size, *options])
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
    smtp.sock.settimeout(DOT_REPLY_TIMEOUT)
    try:
        code, reply = smtp.getreply()
    finally:
        if smtp.sock is not None:
            smtp.sock.settimeout(SMTP_TIMEOUT)
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
    try:
        # The final dot goes out on its own, after the message, while the server has nothing to answer yet: with
        # Nagle's algorithm the dot would wait for the server's delayed ACK of the message, 40 ms on Linux.
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        smtp.close()
        raise
    return smtp


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _internationalized(message: bytes, recipient: str) -> bytes:
    """The message for an address with non-ASCII characters (RFC 6531), as smtplib's `send_message` writes it: the
    headers in UTF-8, so the To header is the address itself, not the RFC 2047 words compat32 wrote."""
    international = message_from_bytes(message, policy=SMTPUTF8)
    international.replace_header("To", recipient)
    return international.as_bytes(policy=_SMTPUTF8_BYTES)


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
