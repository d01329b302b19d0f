"""The mail sender's pass on both databases: its claim, the outcome of each e-mail written while the next one goes out,
and the rule that keeps a crash to one copy: no e-mail is accepted before the one before is marked sent."""
import email
import email.policy
import socket
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from notifier import sender as sender_module
from notifier.models import Email
from notifier.sender import MailSender
from tandem_shared.timeutil import utcnow


@pytest.fixture
def db(runtime):
    return runtime.db


def queue(db, *ids: str) -> None:
    """E-mails due now, in the order given."""
    now = utcnow()
    with db.transaction() as session:
        for n, email_id in enumerate(ids):
            due = now - timedelta(seconds=60 - n)
            session.add(Email(id=email_id, event_id=f"ev-{email_id}", event_type="x", recipient=f"{email_id}@horizon.example",
                              subject="Bonjour", body_text="Bonjour", status="pending", attempts=0, next_attempt_at=due,
                              created_at=due))


def rows(db) -> dict[str, Email]:
    with db.reading() as session:
        return {row.id: row for row in session.query(Email)}


def sender_for(db, port: int) -> MailSender:
    return MailSender(db, host="127.0.0.1", port=port, mail_from="Tandem <ne-pas-repondre@tandem.test>", max_attempts=3)


class Received:
    """An SMTP server of the test's own: the id of each e-mail it accepted (from its Message-ID), in order."""

    def __init__(self, on_accept=None):
        self.ids: list[str] = []
        self.recipients: list[list[str]] = []
        self.on_accept = on_accept

    async def handle_DATA(self, server, session, envelope):
        self.recipients.append(list(envelope.rcpt_tos))
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        email_id = message["Message-ID"].strip("<>").split("@")[0]
        if self.on_accept:
            await self.on_accept(email_id)
        self.ids.append(email_id)
        return "250 OK"


def slower_outcomes(monkeypatch, seconds: float) -> None:
    """Each outcome takes `seconds` more to commit, as on a loaded database."""
    commit = sender_module._OutcomeWriter._commit

    def slow(self, outcome, values):
        time.sleep(seconds)
        commit(self, outcome, values)

    monkeypatch.setattr(sender_module._OutcomeWriter, "_commit", slow)


@pytest.mark.integration
def test_locks_that_cannot_be_released_go_with_the_connection_which_never_returns_to_the_pool(runtime, smtp_server, monkeypatch):
    """A pooled connection that kept a pass's locks would hold those e-mails for as long as it lives."""
    postgresql_only(runtime)
    db = runtime.db
    queue(db, "e-1")
    unlock = "SELECT pg_advisory_unlock_all()"
    exec_driver_sql = sa.Connection.exec_driver_sql

    def refuse_unlock(self, statement, *args, **kwargs):
        if statement == unlock:
            raise sa.exc.OperationalError(unlock, {}, Exception("la base ne répond plus"))
        return exec_driver_sql(self, statement, *args, **kwargs)

    monkeypatch.setattr(sa.Connection, "exec_driver_sql", refuse_unlock)
    sender = sender_for(db, smtp_server.port)
    assert sender.send_due() == 1
    monkeypatch.setattr(sa.Connection, "exec_driver_sql", exec_driver_sql)
    wait_for_no_claim_lock(db)
    queue(db, "e-2")
    assert sender.send_due() == 1
    assert sorted(message["To"] for message in smtp_server.messages) == ["e-1@horizon.example", "e-2@horizon.example"]


def test_no_email_is_accepted_before_the_one_before_is_marked_sent(db, smtp_server_with, monkeypatch):
    queue(db, "e-1", "e-2", "e-3", "e-4", "e-5")
    # Slow commits: the next e-mail's MAIL, RCPT and DATA go out meanwhile, and its final dot must wait.
    slower_outcomes(monkeypatch, 0.1)
    unmarked_when_accepted = {}

    async def check(email_id):
        # What the server accepted before this one and the database does not yet say is sent.
        statuses = {row.id: row.status for row in rows(db).values()}
        unmarked_when_accepted[email_id] = [earlier for earlier in server.ids if statuses[earlier] != "sent"]

    server = Received(on_accept=check)
    assert sender_for(db, smtp_server_with(server)).send_due() == 5
    assert server.ids == ["e-1", "e-2", "e-3", "e-4", "e-5"]
    assert unmarked_when_accepted == {email_id: [] for email_id in server.ids}
    assert {row.id: (row.status, row.attempts) for row in rows(db).values()} == {
        email_id: ("sent", 1) for email_id in server.ids}


def postgresql_only(runtime) -> None:
    if runtime.db.engine.dialect.name != "postgresql":
        pytest.skip("several workers share a PostgreSQL database only; the embedded mode's SQLite has one")


def claim_locks(db) -> int:
    """The mail senders' advisory locks held on the server, by any session."""
    with db.engine.connect() as connection:
        return connection.execute(sa.text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :cls"),
                                  {"cls": sender_module._CLAIM_LOCK_CLASS}).scalar_one()


def wait_for_no_claim_lock(db) -> None:
    # A dropped session's locks go when its server process has ended, a moment after the socket closed.
    deadline = time.monotonic() + 10
    while claim_locks(db):
        assert time.monotonic() < deadline, "the dropped session's locks are still held"
        time.sleep(0.02)


@pytest.mark.integration
def test_a_worker_skips_what_another_is_sending_and_takes_it_once_that_one_is_gone(runtime, smtp_server):
    """Several workers send: one claims two e-mails of four and holds them; another sends the other two; once the
    first is gone (its connection dropped, as when its process dies), the rest go with the next pass."""
    postgresql_only(runtime)
    db = runtime.db
    queue(db, "e-1", "e-2", "e-3", "e-4")
    first = MailSender(db, host="127.0.0.1", port=smtp_server.port, mail_from="Tandem <ne-pas-repondre@tandem.test>",
                       max_attempts=3, batch_size=2)
    other = sender_for(db, smtp_server.port)
    with first._pass_connection() as connection:
        assert [email.id for email in first._claim_due(connection)] == ["e-1", "e-2"]
        assert claim_locks(db) == 2  # no more than it claims, though it looked at all four
        assert other.send_due() == 2
        assert [message["To"] for message in smtp_server.messages] == ["e-3@horizon.example", "e-4@horizon.example"]
        assert other.send_due() == 0  # still held
        connection.invalidate()  # the first worker dies: its session, and its locks, end with its connection
        wait_for_no_claim_lock(db)
        assert other.send_due() == 2
    assert sorted(message["To"] for message in smtp_server.messages) == [f"e-{n}@horizon.example" for n in range(1, 5)]
    assert {(row.status, row.attempts) for row in rows(db).values()} == {("sent", 1)}


@pytest.mark.integration
def test_an_email_another_worker_sent_between_the_two_reads_of_a_claim_is_not_claimed(runtime, smtp_server):
    """The claim reads the due e-mails, locks some, then reads them again: between the two, another worker may have
    sent one and let its lock go. Here the first read sees e-1 (a read that ignores the status stands for one made
    before that worker's commit); the second does not take it."""
    postgresql_only(runtime)
    db = runtime.db
    queue(db, "e-1", "e-2")
    with db.transaction() as session:
        session.get(Email, "e-1").status = "sent"
    sender = sender_for(db, smtp_server.port)
    sender._candidates = sa.select(sender_module.emails.c.id).order_by(sender_module.emails.c.created_at)
    with sender._pass_connection() as connection:
        assert [email.id for email in sender._claim_due(connection)] == ["e-2"]


@pytest.mark.integration
def test_a_pass_lets_its_locks_go_when_it_ends_whatever_happened(runtime, smtp_server, monkeypatch):
    postgresql_only(runtime)
    db = runtime.db
    queue(db, "e-1", "e-2")
    assert sender_for(db, smtp_server.port).send_due() == 2
    assert claim_locks(db) == 0
    queue(db, "e-3")

    def database_gone(self, outcome, values):
        raise OSError("la base ne répond plus")

    monkeypatch.setattr(sender_module._OutcomeWriter, "_commit", database_gone)
    with pytest.raises(OSError):
        sender_for(db, smtp_server.port).send_due()
    assert claim_locks(db) == 0


def test_an_outcome_that_cannot_be_written_stops_the_pass_before_another_email_is_accepted(db, smtp_server_with, monkeypatch):
    queue(db, "e-1", "e-2", "e-3")
    commit = sender_module._OutcomeWriter._commit
    calls = []

    def database_gone_once(self, outcome, values):
        calls.append(values["email_id"])
        if len(calls) == 1:
            raise OSError("la base ne répond plus")
        commit(self, outcome, values)

    monkeypatch.setattr(sender_module._OutcomeWriter, "_commit", database_gone_once)
    server = Received()
    port = smtp_server_with(server)
    with pytest.raises(OSError, match="la base ne répond plus"):
        sender_for(db, port).send_due()
    # e-1 was accepted and could not be marked; e-2's message was under way and never got its final dot.
    assert server.ids == ["e-1"]
    assert {(row.status, row.attempts) for row in rows(db).values()} == {("pending", 0)}
    # The next pass sends all three: e-1 a second time, the one copy such a failure may cost.
    assert sender_for(db, port).send_due() == 3
    assert server.ids == ["e-1", "e-1", "e-2", "e-3"]
    assert {(row.status, row.attempts) for row in rows(db).values()} == {("sent", 1)}


def test_a_message_larger_than_the_server_takes_fails_alone_before_its_data(db, smtp_server_with):
    queue(db, "e-1", "e-2")
    with db.transaction() as session:
        session.get(Email, "e-1").body_text = "Bonjour " * 2000
    server = Received()
    # The server announces SIZE 4000: told the size with MAIL FROM, it refuses the large one there, before its data
    # (at the final dot it would answer « Too much mail data »).
    assert sender_for(db, smtp_server_with(server, data_size_limit=4000)).send_due() == 2
    assert server.ids == ["e-2"]
    refused = rows(db)["e-1"]
    assert (refused.status, refused.attempts) == ("pending", 1)
    assert "552" in refused.last_error and "exceeds fixed maximum message size" in refused.last_error


def test_the_final_dot_is_not_held_back_by_nagles_algorithm(smtp_server):
    smtp = sender_module._connect("127.0.0.1", smtp_server.port)
    try:
        assert smtp.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sender_module._close(smtp)


class Raw:
    """The exact bytes of each message a test's own SMTP server accepted."""

    def __init__(self):
        self.contents: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.contents.append(envelope.original_content)
        return "250 OK"


def test_lines_that_start_with_a_dot_arrive_as_they_were(smtp_server_with):
    """Dot-stuffing (RFC 5321, 4.5.2), which the split exchange does itself: a lone dot does not end the message."""
    server = Raw()
    message = b"Subject: points\r\n\r\n.\r\n..deux\r\n.trois\r\nfin"
    smtp = sender_module._connect("127.0.0.1", smtp_server_with(server))
    try:
        sender_module._start_message(smtp, "ne-pas-repondre@tandem.test", "camille@horizon.example", message, [])
        sender_module._end_message(smtp)
    finally:
        sender_module._close(smtp)
    assert server.contents == [message + b"\r\n"]


@pytest.mark.parametrize("code", ["421 4.3.2 Arrêt du service", "554 5.6.0 Message refusé"])
def test_a_refusal_at_the_final_dot_fails_that_email_alone(db, smtp_server_with, code):
    class RefusesFirst(Received):
        async def handle_DATA(self, server, session, envelope):
            if not self.refused:
                self.refused = True
                return code
            return await super().handle_DATA(server, session, envelope)

    queue(db, "e-1", "e-2")
    server = RefusesFirst()
    server.refused = False
    assert sender_for(db, smtp_server_with(server)).send_due() == 2
    assert server.ids == ["e-2"]  # 421 closed the connection: e-2 went on a new one
    left = rows(db)
    assert (left["e-1"].status, left["e-1"].attempts) == ("pending", 1) and code[:3] in left["e-1"].last_error
    assert left["e-2"].status == "sent"


def test_an_address_with_a_line_break_fails_for_good_alone_and_injects_no_command(db, smtp_server_with):
    queue(db, "e-1", "e-2")
    with db.transaction() as session:
        session.get(Email, "e-1").recipient = "camille@horizon.example\r\nRCPT TO:<autre@ailleurs.example>"
    server = Received()
    assert sender_for(db, smtp_server_with(server)).send_due() == 2
    assert server.ids == ["e-2"]
    assert server.recipients == [["e-2@horizon.example"]]  # « autre@ailleurs.example » never reached the server
    refused = rows(db)["e-1"]
    assert (refused.status, refused.attempts) == ("failed", 1) and "saut de ligne" in refused.last_error
