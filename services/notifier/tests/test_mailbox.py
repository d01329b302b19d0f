"""Queueing an e-mail: one row per (event, recipient), on both databases, with its values as the sender reads them."""
import pytest

from notifier.mailbox import EMAIL_QUEUED, attachment, queue_email
from notifier.models import Email
from tandem_shared.envelope import Event


def test_the_same_recipient_twice_for_one_event_is_queued_once(runtime):
    event = Event(type="approval.request.approved", source="/test", subject="r-1", data={})
    ics = attachment("mecenat.ics", "text/calendar; method=PUBLISH", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    with runtime.unit_of_work() as uow:
        first = queue_email(uow, event, " Camille@Horizon.example ", "Tes dates\nsont validées", "Bonjour",
                            attachments=[ics], body_html="<p>Bonjour</p>")
        again = queue_email(uow, event, "camille@horizon.example", "Autre sujet", "Autre texte")
        other = queue_email(uow, event, "manager@horizon.example", "Pour info", "Bonjour")
        assert uow.session.info[EMAIL_QUEUED] is True
    assert (first, again, other) == (True, False, True)
    with runtime.db.reading() as session:
        emails = {email.recipient: email for email in session.query(Email)}
    assert sorted(emails) == ["camille@horizon.example", "manager@horizon.example"]
    camille = emails["camille@horizon.example"]
    # The first one stays, whole: its subject on one line, its HTML, its attachment as JSON, due now.
    assert (camille.subject, camille.body_text, camille.body_html) == ("Tes dates sont validées", "Bonjour", "<p>Bonjour</p>")
    assert camille.attachments == [ics]
    assert (camille.status, camille.attempts, camille.event_id) == ("pending", 0, event.id)
    assert camille.next_attempt_at.tzinfo is not None and camille.next_attempt_at == camille.created_at
    assert emails["manager@horizon.example"].attachments == [] and emails["manager@horizon.example"].body_html is None


def test_a_rolled_back_unit_of_work_queues_nothing(runtime):
    event = Event(type="approval.request.approved", source="/test", subject="r-2", data={})
    with pytest.raises(RuntimeError):
        with runtime.unit_of_work() as uow:
            queue_email(uow, event, "camille@horizon.example", "Sujet", "Texte")
            raise RuntimeError("the handler failed")
    with runtime.db.reading() as session:
        assert session.query(Email).count() == 0
