"""The mail sender against a real SMTP server: delivery, retries with back-off, giving up."""
from datetime import timedelta

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
