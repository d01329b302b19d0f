"""The mail sender against a real SMTP server: delivery, retries with back-off, giving up."""
from datetime import timedelta

import pytest

from notifier.models import Email
from notifier.sender import MailSender
from tandem_shared.timeutil import utcnow


def sender_for(service, port, max_attempts=3):
    return MailSender(service.runtime.db, host="127.0.0.1", port=port, mail_from="Tandem <ne-pas-repondre@tandem.test>", max_attempts=max_attempts)


def only_email(service):
    with service.runtime.db.reading() as session:
        (email,) = session.query(Email).all()
        return email


def test_a_queued_email_is_delivered_over_smtp_and_marked_sent(service, smtp_server, mission_published):
    service.deliver("catalog.mission.published", mission_published)
    assert sender_for(service, smtp_server.port).send_due() == 1
    (message,) = smtp_server.messages
    assert message["To"] == "contact@petits-savants.org"
    assert message["Subject"] == "Ta mission « Aide aux devoirs pour collégiens » est en ligne sur Tandem"
    assert mission_published["url"] in message.get_content()
    email = only_email(service)
    assert email.status == "sent" and email.sent_at is not None and email.attempts == 1
    # Nothing is due any more: a second pass sends nothing.
    assert sender_for(service, smtp_server.port).send_due() == 0
    assert len(smtp_server.messages) == 1


def test_an_unreachable_smtp_server_delays_the_email_without_losing_it(service, mission_published):
    service.deliver("catalog.mission.published", mission_published)
    closed_port = 1
    before = utcnow()
    assert sender_for(service, closed_port).send_due() == 1
    email = only_email(service)
    assert email.status == "pending"
    assert email.attempts == 1
    assert "connexion SMTP impossible" in email.last_error
    assert email.next_attempt_at >= before + timedelta(seconds=10)
    # Not due yet: the back-off is respected.
    assert sender_for(service, closed_port).send_due() == 0


def test_an_email_is_marked_failed_after_the_last_attempt(service, mission_published):
    service.deliver("catalog.mission.published", mission_published)
    sender = sender_for(service, 1, max_attempts=2)
    for _ in range(2):
        with service.runtime.db.transaction() as session:
            session.query(Email).update({Email.next_attempt_at: utcnow()})
        sender.send_due()
    email = only_email(service)
    assert (email.status, email.attempts) == ("failed", 2)


def test_a_message_with_html_and_an_attachment_arrives_whole_with_its_accents_and_a_date(service, smtp_server):
    from email.utils import parsedate_to_datetime

    from notifier.mailbox import attachment

    ics = "BEGIN:VCALENDAR\r\nSUMMARY:Journée à la Ressourcerie\r\nEND:VCALENDAR\r\n".encode()
    now = utcnow()
    with service.runtime.db.transaction() as session:
        session.add(Email(
            id="e-1", event_id="ev-1", event_type="approval.request.approved", recipient="camille@horizon.example",
            subject="Tes dates sont validées : « Tri solidaire » " + "très " * 30, body_text="Bonjour Camille,\n.\nÀ bientôt",
            body_html="<p>Bonjour Camille,</p><p>À bientôt</p>",
            attachments=[attachment("mecenat.ics", "text/calendar; method=PUBLISH; charset=utf-8", ics)],
            status="pending", attempts=0, next_attempt_at=now, created_at=now,
        ))
    sender = MailSender(service.runtime.db, host="127.0.0.1", port=smtp_server.port,
                        mail_from="Équipe Tandem <ne-pas-repondre@tandem.test>", max_attempts=3)
    assert sender.send_due() == 1
    (message,) = smtp_server.messages
    assert message["Subject"] == "Tes dates sont validées : « Tri solidaire » " + "très " * 30
    assert message["From"].addresses[0].display_name == "Équipe Tandem"
    assert message["From"].addresses[0].addr_spec == "ne-pas-repondre@tandem.test"
    assert message["To"] == "camille@horizon.example"
    assert message["Message-ID"] == "<e-1@tandem.test>"
    assert abs((parsedate_to_datetime(message["Date"]) - now).total_seconds()) < 60
    assert message["X-Tandem-Event"] == "approval.request.approved"
    # mixed[alternative[plain, html], attachment]; only the message itself says MIME-Version.
    assert message.get_content_type() == "multipart/mixed"
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar"]
    assert [part["MIME-Version"] for part in message.walk()] == ["1.0", None, None, None, None]
    # A line holding a single dot is text, not the end of the SMTP data.
    assert message.get_body(preferencelist=("plain",)).get_content() == "Bonjour Camille,\n.\nÀ bientôt"
    assert "<p>À bientôt</p>" in message.get_body(preferencelist=("html",)).get_content()
    (ics_part,) = message.iter_attachments()
    assert ics_part.get_filename() == "mecenat.ics"
    assert ics_part.get_param("method") == "PUBLISH" and ics_part.get_content_charset() == "utf-8"
    assert ics_part.get_payload(decode=True) == ics
    assert only_email(service).status == "sent"


def queue_for(service, email_id: str, recipient: str, due):
    with service.runtime.db.transaction() as session:
        session.add(Email(id=email_id, event_id=f"ev-{email_id}", event_type="x", recipient=recipient, subject="Bonjour",
                          body_text="Bonjour", status="pending", attempts=0, next_attempt_at=due, created_at=due))


class _Received:
    """What an SMTP server of a test's own received: (recipients, SMTPUTF8 asked, parsed message) per e-mail."""

    def __init__(self):
        self.items = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        self.items.append((envelope.rcpt_tos, envelope.smtp_utf8, email.message_from_bytes(envelope.original_content, policy=email.policy.default)))
        return "250 OK"


def test_an_address_with_accents_waits_for_a_server_that_speaks_smtputf8_and_holds_back_no_other(service, smtp_server_with):
    # The address with accents is due first: its refusal leaves the connection clean for the next one.
    queue_for(service, "e-intl", "zoé@horizon.example", utcnow() - timedelta(minutes=1))
    queue_for(service, "e-ascii", "camille@horizon.example", utcnow())
    server = _Received()
    assert sender_for(service, smtp_server_with(server, enable_SMTPUTF8=False)).send_due() == 2
    assert [recipients for recipients, _, _ in server.items] == [["camille@horizon.example"]]
    with service.runtime.db.reading() as session:
        refused = session.get(Email, "e-intl")
        assert (refused.status, refused.attempts) == ("pending", 1) and "SMTPUTF8" in refused.last_error
        assert session.get(Email, "e-ascii").status == "sent"


def test_an_address_with_accents_is_delivered_by_a_server_that_speaks_smtputf8(service, smtp_server_with):
    queue_for(service, "e-intl", "zoé@horizon.example", utcnow())
    server = _Received()
    assert sender_for(service, smtp_server_with(server, enable_SMTPUTF8=True)).send_due() == 1
    ((recipients, smtp_utf8, message),) = server.items
    assert recipients == ["zoé@horizon.example"] and smtp_utf8
    assert message["To"] == "zoé@horizon.example" and message.get_content() == "Bonjour"
    assert only_email(service).status == "sent"


class _ThreeMessagesPerConnection(_Received):
    """A server that takes three messages per connection, then answers 421 to MAIL FROM (RFC 5321, 3.8) or, when
    `hang_up`, closes the connection without a word."""

    def __init__(self, hang_up: bool):
        super().__init__()
        self.hang_up = hang_up
        self.sessions = set()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.sessions.add(id(session))
        taken = sum(1 for _, _, _, of in self.items if of == id(session))
        if taken >= 3:
            if self.hang_up:
                server.transport.close()
                return "250 OK"
            return "421 4.7.0 Trop de messages sur cette connexion"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        await super().handle_DATA(server, session, envelope)
        self.items[-1] = (*self.items[-1], id(session))
        return "250 OK"


@pytest.mark.parametrize("hang_up", [False, True], ids=["421", "closed"])
def test_a_server_that_ends_the_connection_does_not_fail_the_emails_after(service, smtp_server_with, hang_up):
    for n in range(7):
        queue_for(service, f"e-{n}", f"personne{n}@horizon.example", utcnow() - timedelta(seconds=60 - n))
    server = _ThreeMessagesPerConnection(hang_up)
    assert sender_for(service, smtp_server_with(server)).send_due() == 7
    # Three, then the fourth meets the end of the connection and waits its back-off; the next ones go on a new one.
    assert [recipients for recipients, *_ in server.items] == [[f"personne{n}@horizon.example"] for n in (0, 1, 2, 4, 5, 6)]
    assert len(server.sessions) == 2
    with service.runtime.db.reading() as session:
        waiting = session.get(Email, "e-3")
        assert (waiting.status, waiting.attempts) == ("pending", 1)
        assert ("421" in waiting.last_error) if not hang_up else ("connexion SMTP perdue" in waiting.last_error)
        assert sorted(e.id for e in session.query(Email).filter_by(status="sent")) == ["e-0", "e-1", "e-2", "e-4", "e-5", "e-6"]


def test_a_refused_recipient_fails_alone_on_the_same_connection(service, smtp_server_with):
    class RefusesOne(_Received):
        sessions = set()

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            self.sessions.add(id(session))
            if address.startswith("inconnu"):
                return "550 5.1.1 Destinataire inconnu"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    for n, name in enumerate(["camille", "inconnu", "zoe"]):
        queue_for(service, name, f"{name}@horizon.example", utcnow() - timedelta(seconds=60 - n))
    server = RefusesOne()
    assert sender_for(service, smtp_server_with(server)).send_due() == 3
    assert [recipients for recipients, *_ in server.items] == [["camille@horizon.example"], ["zoe@horizon.example"]]
    assert len(server.sessions) == 1
    with service.runtime.db.reading() as session:
        refused = session.get(Email, "inconnu")
        assert refused.status == "pending" and "Destinataire inconnu" in refused.last_error


def test_an_email_sent_again_after_a_crash_carries_the_same_message_id(service, smtp_server, mission_published):
    """What a crash between the SMTP server's answer and the commit does: the row is still pending, so it goes again;
    the receiving server sees the same Message-ID and may drop the copy."""
    service.deliver("catalog.mission.published", mission_published)
    sender = sender_for(service, smtp_server.port)
    assert sender.send_due() == 1
    with service.runtime.db.transaction() as session:
        session.query(Email).update({Email.status: "pending", Email.next_attempt_at: utcnow()})
    assert sender.send_due() == 1
    first, again = smtp_server.messages
    assert first["Message-ID"] == again["Message-ID"] == f"<{only_email(service).id}@tandem.test>"
