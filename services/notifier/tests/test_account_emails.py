"""The e-mails that carry engagement's single-use links: verification, password reset, invitation."""
from notifier.models import Email


def only_email(service):
    with service.runtime.db.reading() as session:
        (email,) = session.query(Email).all()
        return email


def example(service, event_type):
    return dict(service.contract.examples(event_type)[0])


def test_a_new_account_receives_its_verification_link(service):
    data = example(service, "engagement.email_verification.requested")
    assert service.deliver("engagement.email_verification.requested", data) == "processed"
    email = only_email(service)
    assert email.recipient == data["email"]
    assert email.subject == "Finalise ton inscription sur Tandem"
    assert data["link"] in email.body_text
    assert email.body_text.startswith("Bonjour Camille,")
    # Paris time, the way the reader reads it: 10:15 UTC on 28 November is 11 h 15 in Paris.
    assert "28 novembre 2026 à 11 h 15" in email.body_text


def test_a_reset_request_receives_its_link_once_even_if_delivered_twice(service):
    data = example(service, "engagement.password_reset.requested")
    assert service.deliver("engagement.password_reset.requested", data, event_id="r-1") == "processed"
    assert service.deliver("engagement.password_reset.requested", data, event_id="r-1") == "duplicate"
    email = only_email(service)
    assert email.subject == "Choisis un nouveau mot de passe Tandem"
    assert data["link"] in email.body_text


def test_an_invitation_names_who_invites_and_the_role_in_french(service):
    data = example(service, "engagement.invitation.sent")
    service.deliver("engagement.invitation.sent", data)
    email = only_email(service)
    assert "Opérateur Tandem t'invite à rejoindre Tandem" in email.body_text
    assert "référent d'association" in email.body_text
    assert data["link"] in email.body_text


def test_a_name_typed_at_sign_up_reaches_the_mailbox_as_text_not_as_a_link(service):
    # Anyone may sign up with a colleague's address: the name they type lands in that colleague's mailbox.
    data = {**example(service, "engagement.email_verification.requested"), "first_name": "Camille, urgent : va sur www.tandem-aide.fr"}
    service.deliver("engagement.email_verification.requested", data)
    email = only_email(service)
    assert email.body_text.startswith("Bonjour Camille, urgent : va sur www[.]tandem-aide[.]fr,")
    assert data["link"] in email.body_text


def test_an_inviters_name_reaches_the_mailbox_as_text_not_as_a_link(service):
    data = {**example(service, "engagement.invitation.sent"), "invited_by": "Support https://evil.test"}
    service.deliver("engagement.invitation.sent", data)
    assert "Support https[:]//evil[.]test t'invite à rejoindre Tandem" in only_email(service).body_text
