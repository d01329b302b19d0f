"""Sharing a mission by e-mail, and "Je propose": who receives what."""
import pytest
from marshmallow import ValidationError

from notifier.models import Email

SHARED = "engagement.mission.shared"
PROPOSAL = "engagement.proposal.sent"


def example(service, event_type) -> dict:
    return dict(service.contract.examples(event_type)[0])


def emails_by_recipient(service) -> dict[str, Email]:
    with service.runtime.db.reading() as session:
        return {email.recipient: email for email in session.query(Email)}


def test_a_shared_mission_reaches_each_colleague_with_the_message_title_and_link(service):
    share = {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example", "Sarah.Kone@Horizon.example"]}
    assert service.deliver(SHARED, share) == "processed"
    sent = emails_by_recipient(service)
    assert set(sent) == {"julien.bernard@horizon.example", "sarah.kone@horizon.example"}
    for email in sent.values():
        assert email.subject == "Camille Martin te propose une mission sur Tandem"
        assert email.event_type == SHARED
        assert "Camille Martin (camille.martin@horizon.example) a pensé à toi" in email.body_text
        assert "« Aide aux devoirs pour collégiens »" in email.body_text
        assert share["mission_url"] in email.body_text
        assert "Son message :\n> Regarde celle-ci, elle est faite pour nous deux !" in email.body_text


def test_sharing_a_mission_with_oneself_reads_as_a_note_to_self(service):
    share = example(service, SHARED)
    assert share["sender_email"] in share["recipients"]
    service.deliver(SHARED, share)
    sent = emails_by_recipient(service)
    mine = sent["camille.martin@horizon.example"]
    assert mine.subject == "Tu t'es envoyé la mission « Aide aux devoirs pour collégiens »"
    assert mine.body_text.startswith("Bonjour Camille Martin,\n\nTu t'es envoyé cette mission")
    assert "te propose" not in mine.body_text
    assert share["mission_url"] in mine.body_text
    assert sent["julien.bernard@horizon.example"].subject == "Camille Martin te propose une mission sur Tandem"


def test_a_share_without_a_message_has_no_quoted_message(service):
    service.deliver(SHARED, {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example"], "message": None})
    (email,) = emails_by_recipient(service).values()
    assert "Son message" not in email.body_text
    assert ">" not in email.body_text


def test_a_message_on_several_lines_is_quoted_line_by_line(service):
    service.deliver(SHARED, {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example"],
                             "message": "Salut Julien,\n\nOn y va ensemble ?"})
    (email,) = emails_by_recipient(service).values()
    assert "Son message :\n> Salut Julien,\n>\n> On y va ensemble ?\n" in email.body_text


def test_a_colleague_listed_twice_receives_one_email(service):
    service.deliver(SHARED, {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example", "JULIEN.BERNARD@horizon.example"]})
    assert list(emails_by_recipient(service)) == ["julien.bernard@horizon.example"]


def test_a_share_delivered_twice_sends_nothing_more(service):
    share = example(service, SHARED)
    assert service.deliver(SHARED, share, event_id="s-1") == "processed"
    assert service.deliver(SHARED, share, event_id="s-1") == "duplicate"
    assert len(emails_by_recipient(service)) == 2


def test_a_share_to_more_than_ten_people_is_refused_and_sends_nothing(service):
    share = {**example(service, SHARED), "recipients": [f"collegue{n}@horizon.example" for n in range(11)]}
    with pytest.raises(ValidationError):
        service.deliver(SHARED, share)
    assert emails_by_recipient(service) == {}


def test_a_line_break_in_the_sender_name_cannot_break_the_subject(service):
    service.deliver(SHARED, {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example"],
                             "sender_name": "Camille\r\nBcc: everyone@example.com"})
    (email,) = emails_by_recipient(service).values()
    assert email.subject == "Camille Bcc: everyone@example.com te propose une mission sur Tandem"


def test_a_proposal_gives_the_association_the_employee_message_and_contact(service):
    proposal = example(service, PROPOSAL)
    assert service.deliver(PROPOSAL, proposal) == "processed"
    sent = emails_by_recipient(service)
    assert set(sent) == {"contact@petits-savants.org", "camille.martin@horizon.example"}
    to_association = sent["contact@petits-savants.org"]
    assert to_association.subject == "Camille Martin, de Groupe Horizon, propose ses compétences à ton association"
    body = to_association.body_text
    assert body.startswith("Bonjour Nadia Benali,")
    assert "> Je suis un collaborateur de l'entreprise Groupe Horizon" in body
    assert "> Merci pour votre retour rapide !" in body
    assert "Nom : Camille Martin\nE-mail : camille.martin@horizon.example\nTéléphone : 06 12 34 56 78\nEntreprise : Groupe Horizon" in body


def test_a_proposal_gives_the_employee_the_association_contact(service):
    service.deliver(PROPOSAL, example(service, PROPOSAL))
    to_employee = emails_by_recipient(service)["camille.martin@horizon.example"]
    assert to_employee.subject == "Ta proposition est envoyée à l'association « Les Petits Savants »"
    body = to_employee.body_text
    assert body.startswith("Bonjour Camille Martin,")
    assert "Nom : Nadia Benali\nE-mail : contact@petits-savants.org" in body
    assert "N'hésite pas à la relancer si tu n'as pas de retour." in body
    assert "> Je suis un collaborateur de l'entreprise Groupe Horizon" in body


def test_a_proposal_without_phone_or_contact_name_leaves_those_lines_out(service):
    service.deliver(PROPOSAL, {**example(service, PROPOSAL), "person_phone": None, "association_contact_name": None})
    sent = emails_by_recipient(service)
    assert "Téléphone" not in sent["contact@petits-savants.org"].body_text
    assert sent["contact@petits-savants.org"].body_text.startswith("Bonjour,")
    assert "Nom :" not in sent["camille.martin@horizon.example"].body_text
    assert "E-mail : contact@petits-savants.org" in sent["camille.martin@horizon.example"].body_text


def test_a_proposal_delivered_twice_sends_two_emails_only(service):
    proposal = example(service, PROPOSAL)
    service.deliver(PROPOSAL, proposal, event_id="p-1")
    assert service.deliver(PROPOSAL, proposal, event_id="p-1") == "duplicate"
    assert len(emails_by_recipient(service)) == 2


# -- what senders type stays text (issue 19, point 5) -----------------------------------------------

PHISHING = "Ton compte expire : reconnecte-toi sur https://tandem-login.test/connexion ou www.tandem-aide.fr, écris à support@tandem-aide.fr"


def test_links_in_a_shared_message_and_the_senders_name_reach_recipients_defanged(service):
    service.deliver(SHARED, {**example(service, SHARED), "recipients": ["julien.bernard@horizon.example"],
                             "sender_name": "Support www.tandem-aide.fr", "message": PHISHING})
    (email,) = emails_by_recipient(service).values()
    assert ("> Ton compte expire : reconnecte-toi sur https[:]//tandem-login[.]test/connexion ou www[.]tandem-aide[.]fr, "
            "écris à support[@]tandem-aide[.]fr") in email.body_text
    assert "Support www[.]tandem-aide[.]fr (camille.martin@horizon.example) a pensé à toi" in email.body_text
    for linkable in ("https://tandem-login", "tandem-login.test", "www.tandem-aide", "tandem-aide.fr"):
        assert linkable not in email.body_text
    # The mission's own link, which Tandem builds, stays a link.
    assert example(service, SHARED)["mission_url"] in email.body_text


def test_links_in_a_proposal_reach_the_association_defanged(service):
    service.deliver(PROPOSAL, {**example(service, PROPOSAL), "message": PHISHING, "person_name": "Camille evil.test"})
    for email in emails_by_recipient(service).values():
        assert "https://" not in email.body_text and "tandem-aide.fr" not in email.body_text and "evil.test" not in email.body_text
        assert "> Ton compte expire : reconnecte-toi sur https[:]//tandem-login[.]test/connexion" in email.body_text


def test_the_workflows_quoted_messages_are_defanged_too():
    from notifier import domain

    assert domain.quoted("Voir https://evil.test/x\net evil.test") == "> Voir https[:]//evil[.]test/x\n> et evil[.]test"
    assert domain.unlinked("Je suis dispo 3.5 jours, M. Dupont.") == "Je suis dispo 3.5 jours, M. Dupont."
    assert domain.unlinked("écris-moi : nom.prenom@exemple.fr") == "écris-moi : nom[.]prenom[@]exemple[.]fr"
