"""The mail sender's pass on both databases: its claim (a lease), the outcome of each e-mail written while the next one
goes out, and the rule that keeps a crash to one copy: no e-mail is accepted before the one before is marked sent."""
import asyncio
import email
import email.policy
import socket
import time
from datetime import timedelta

import pytest

from notifier import sender as sender_module
from notifier.models import Email
from notifier.sender import CLAIM_LEASE, DOT_MARGIN, MailSender
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


def later(monkeypatch, seconds: float) -> None:
    """The sender's clock, `seconds` ahead: another worker, or the same one after that long."""
    monkeypatch.setattr(sender_module, "utcnow", lambda: utcnow() + timedelta(seconds=seconds))


class Received:
    """An SMTP server of the test's own: the id of each e-mail it accepted (from its Message-ID), in order."""

    def __init__(self, on_accept=None):
        self.ids: list[str] = []
        self.on_accept = on_accept

    async def handle_DATA(self, server, session, envelope):
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


def test_the_emails_a_stopped_worker_claimed_go_once_its_lease_runs_out_and_not_before(db, smtp_server, monkeypatch):
    queue(db, "e-1", "e-2")
    # A worker claims them and dies before sending anything.
    claimed, lease_until = sender_for(db, smtp_server.port)._claim_due()
    assert [row.id for row in claimed] == ["e-1", "e-2"]
    assert {row.next_attempt_at for row in rows(db).values()} == {lease_until}
    assert timedelta(0) < lease_until - utcnow() <= CLAIM_LEASE
    # Another worker does not take them while the lease holds,
    assert sender_for(db, smtp_server.port).send_due() == 0
    later(monkeypatch, CLAIM_LEASE.total_seconds() - 1)
    assert sender_for(db, smtp_server.port).send_due() == 0
    assert smtp_server.messages == []
    # and sends them once it has run out, counting no failed attempt.
    later(monkeypatch, CLAIM_LEASE.total_seconds() + 1)
    assert sender_for(db, smtp_server.port).send_due() == 2
    assert [message["To"] for message in smtp_server.messages] == ["e-1@horizon.example", "e-2@horizon.example"]
    assert {(row.status, row.attempts) for row in rows(db).values()} == {("sent", 1)}


def test_a_pass_whose_lease_runs_low_sends_no_more_and_gives_the_rest_back(db, smtp_server_with, monkeypatch):
    queue(db, "e-1", "e-2", "e-3")
    # A lease that holds the margin for 0.3 s, and a server that takes 0.5 s to accept the first e-mail.
    monkeypatch.setattr(sender_module, "CLAIM_LEASE", DOT_MARGIN + timedelta(seconds=0.3))

    async def slow_first(email_id):
        if email_id == "e-1":
            await asyncio.sleep(0.5)

    server = Received(on_accept=slow_first)
    sender = sender_for(db, smtp_server_with(server))
    assert sender.send_due() == 3
    # e-2's message went out, but not its final dot: the server dropped it with the connection.
    assert server.ids == ["e-1"]
    left = rows(db)
    assert (left["e-1"].status, left["e-1"].attempts) == ("sent", 1)
    for email_id in ("e-2", "e-3"):
        assert (left[email_id].status, left[email_id].attempts, left[email_id].last_error) == ("pending", 0, None)
        assert left[email_id].next_attempt_at <= utcnow()  # due again at once, not at the end of the lease
    monkeypatch.setattr(sender_module, "CLAIM_LEASE", CLAIM_LEASE)
    assert sender.send_due() == 2
    assert server.ids == ["e-1", "e-2", "e-3"]


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
    # Once the lease runs out, all three go: e-1 a second time, the one copy a crash may cost.
    later(monkeypatch, CLAIM_LEASE.total_seconds() + 1)
    assert sender_for(db, port).send_due() == 3
    assert server.ids == ["e-1", "e-1", "e-2", "e-3"]
    assert {(row.status, row.attempts) for row in rows(db).values()} == {("sent", 1)}


def test_a_message_larger_than_the_server_takes_fails_alone_before_its_data(db, smtp_server_with):
    queue(db, "e-1", "e-2")
    with db.transaction() as session:
        session.get(Email, "e-1").body_text = "Bonjour " * 2000
    server = Received()
    # The server announces SIZE 4000: told the size with MAIL FROM, it refuses the large one there.
    assert sender_for(db, smtp_server_with(server, data_size_limit=4000)).send_due() == 2
    assert server.ids == ["e-2"]
    refused = rows(db)["e-1"]
    assert (refused.status, refused.attempts) == ("pending", 1) and "552" in refused.last_error


def test_the_final_dot_is_not_held_back_by_nagles_algorithm(smtp_server):
    smtp = sender_module._connect("127.0.0.1", smtp_server.port)
    try:
        assert smtp.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sender_module._close(smtp)
