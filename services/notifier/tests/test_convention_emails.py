"""« Signe ta convention » (issue 6): one e-mail per issued version, in plain text and HTML, with the dates, their
total and the link to sign; the wording of an updated version; once only."""
import pytest
from marshmallow import ValidationError

from notifier.models import Email
from notifier.sender import MailSender

ISSUED = "documents.convention.issued"
EMPLOYEE = "camille.martin@horizon.example"
SIGN_URL = "https://tandem.example/mon-compte/conventions/2d3e4f50-6172-4839-8a4b-5c6d7e8f9012"
ACCOUNT_URL = "http://tandem.test/mon-compte"


def example(service, name: str) -> dict:
    return dict(next(item for item in service.contract.message(ISSUED)["examples"] if item["name"] == name)["payload"])


def emails(service) -> list[Email]:
    with service.runtime.db.reading() as session:
        return session.query(Email).order_by(Email.created_at).all()


def only_email(service) -> Email:
    (email,) = emails(service)
    return email


def test_a_first_version_asks_the_employee_to_sign_with_the_dates_the_total_and_the_link(service):
    assert service.deliver(ISSUED, example(service, "first-version")) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.event_type == ISSUED
    assert email.subject == "Signe ta convention pour « Aide aux devoirs pour collégiens »"
    body = email.body_text
    assert body.startswith("Bonjour Camille Martin,\n")
    assert ("Tes dates sont validées : ta convention de mécénat de compétences pour la mission « Aide aux devoirs pour "
            "collégiens » auprès de l'association Les Petits Savants est prête.") in body
    assert "la convention est obligatoire pour partir en mission, c'est un véritable avenant à ton contrat de travail." in body
    assert ("Les dates de ta convention 2027 :\n- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\n"
            "Total : 1,5 jour\n") in body
    assert f"Pour lire et signer ta convention :\n{SIGN_URL}\n" in body
    assert f"téléchargeable à tout moment au format PDF dans « Mon compte » :\n{ACCOUNT_URL}\n" in body
    assert "mise à jour" not in body


def test_the_html_version_has_the_same_dates_and_a_button_to_sign(service):
    service.deliver(ISSUED, example(service, "first-version"))
    html = only_email(service).body_html
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "<li>Lundi 25 janvier 2027 (journée)</li>" in html
    assert "<li>Mercredi 3 février 2027 (1/2 journée)</li>" in html
    assert "Total : <strong>1,5 jour</strong>" in html
    assert f'<a href="{SIGN_URL}" style="display:inline-block;' in html
    assert ">Je signe ma convention</a>" in html
    assert f'<a href="{ACCOUNT_URL}"' in html


def test_an_updated_version_says_so_and_lists_every_date_it_covers(service):
    assert service.deliver(ISSUED, example(service, "updated-with-new-dates")) == "processed"
    email = only_email(service)
    assert email.subject == "Ta convention a été mise à jour : signe-la pour « Aide aux devoirs pour collégiens »"
    body = email.body_text
    assert ("Ta convention a été mise à jour avec tes nouvelles dates validées : la version 2 de ta convention 2027 pour la "
            "mission « Aide aux devoirs pour collégiens » auprès de l'association Les Petits Savants est prête.") in body
    assert "Signe cette nouvelle version en ligne avant les jours de mission qu'elle ajoute." in body
    assert ("- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\n- Lundi 8 mars 2027 (journée)\n"
            "Total : 2,5 jours\n") in body
    assert SIGN_URL in body
    assert "Ta convention a été mise à jour" in email.body_html
    assert "Tes dates sont validées" not in body


def test_a_redelivered_event_sends_one_email(service):
    issued = example(service, "first-version")
    assert service.deliver(ISSUED, issued, event_id="convention-v1") == "processed"
    assert service.deliver(ISSUED, issued, event_id="convention-v1") == "duplicate"
    assert len(emails(service)) == 1


def test_names_typed_by_people_are_escaped_in_the_html(service):
    service.deliver(ISSUED, {**example(service, "first-version"), "mission_title": "Ateliers <b>code</b> & robots",
                             "person_name": "Camille <script>alert(1)</script>"})
    email = only_email(service)
    assert "Ateliers &lt;b&gt;code&lt;/b&gt; &amp; robots" in email.body_html
    assert "<script>" not in email.body_html
    # The plain text is not HTML: it keeps what was typed.
    assert "« Ateliers <b>code</b> & robots »" in email.body_text


@pytest.mark.parametrize("sign_url", ["javascript:alert(1)", "pas un lien"])
def test_a_sign_link_that_is_not_a_web_address_is_refused_and_sends_nothing(service, sign_url):
    with pytest.raises(ValidationError):
        service.deliver(ISSUED, {**example(service, "first-version"), "sign_url": sign_url})
    assert emails(service) == []


def test_over_smtp_the_email_is_text_with_an_html_alternative(service, smtp_server):
    service.deliver(ISSUED, example(service, "first-version"))
    sender = MailSender(service.runtime.db, host="127.0.0.1", port=smtp_server.port,
                        mail_from="Tandem <ne-pas-repondre@tandem.test>", max_attempts=3)
    assert sender.send_due() == 1
    (message,) = smtp_server.messages
    assert message["To"] == EMPLOYEE
    assert message["Subject"] == "Signe ta convention pour « Aide aux devoirs pour collégiens »"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Total : 1,5 jour" in plain and SIGN_URL in plain
    assert f'href="{SIGN_URL}"' in html and "Je signe ma convention" in html
    assert only_email(service).status == "sent"
