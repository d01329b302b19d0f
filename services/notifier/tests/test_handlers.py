"""The notifier queues e-mails in the handler's transaction; a redelivered event queues nothing more."""
from notifier.models import Email


def emails(service):
    with service.runtime.db.reading() as session:
        return session.query(Email).order_by(Email.created_at).all()


def test_a_published_mission_queues_one_email_to_the_association_contact(service, mission_published):
    assert service.deliver("catalog.mission.published", mission_published) == "processed"
    (email,) = emails(service)
    assert email.recipient == "contact@petits-savants.org"
    assert email.subject == "Ta mission « Aide aux devoirs pour collégiens » est en ligne sur Tandem"
    assert mission_published["url"] in email.body_text
    assert email.body_text.startswith("Bonjour,")
    assert email.status == "pending"


def test_the_same_event_delivered_twice_queues_one_email(service, mission_published):
    assert service.deliver("catalog.mission.published", mission_published, event_id="e-1") == "processed"
    assert service.deliver("catalog.mission.published", mission_published, event_id="e-1") == "duplicate"
    assert len(emails(service)) == 1


def test_the_recipient_address_is_normalised(service, mission_published):
    service.deliver("catalog.mission.published", {**mission_published, "contact_email": "Contact@Petits-Savants.org"})
    assert emails(service)[0].recipient == "contact@petits-savants.org"
