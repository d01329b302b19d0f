"""The mission workflow's e-mails (issue 5): who receives what, the .ics of approved dates, once only, no secret in logs."""
import base64
import logging
import traceback
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from alembic import command
from icalendar import Calendar
from marshmallow import ValidationError

from notifier.bootstrap import MIGRATIONS_DIR
from notifier.models import Email
from notifier.sender import MailSender
from tandem_shared.migrations import alembic_config, upgrade

APPLIED = "engagement.application.submitted"
CREATED = "approval.request.created"
APPROVED = "approval.request.approved"
REFUSED = "approval.request.refused"
CANCELLED = "engagement.dates.cancelled"
ATTESTED = "engagement.attendance.attested"
CORRECTED = "engagement.attendance.corrected"
BILAN = "engagement.bilan.completed"
REMINDER = "engagement.reminder.due"
REMINDED = "approval.request.reminded"

EMPLOYEE = "camille.martin@horizon.example"
MANAGER = "sophie.laurent@horizon.example"
REFERENT = "referente@petits-savants.example"
ACCOUNT_URL = "http://tandem.test/mon-compte"
"""`{public_url}/mon-compte`: the harness sets TANDEM_PUBLIC_URL to http://tandem.test."""


def example(service, event_type, name: str | None = None) -> dict:
    examples = service.contract.message(event_type)["examples"]
    chosen = examples[0] if name is None else next(item for item in examples if item["name"] == name)
    return dict(chosen["payload"])


def emails(service) -> list[Email]:
    with service.runtime.db.reading() as session:
        return session.query(Email).order_by(Email.created_at, Email.recipient).all()


def by_recipient(service) -> dict[str, Email]:
    return {email.recipient: email for email in emails(service)}


def only_email(service) -> Email:
    (email,) = emails(service)
    return email


def calendar_of(email: Email) -> Calendar:
    (item,) = email.attachments
    assert item["filename"] == "mecenat-de-competences.ics"
    assert item["content_type"].startswith("text/calendar")
    return Calendar.from_ical(base64.b64decode(item["content_base64"]))


def sender_for(service, port) -> MailSender:
    return MailSender(service.runtime.db, host="127.0.0.1", port=port, mail_from="Tandem <ne-pas-repondre@tandem.test>", max_attempts=3)


# -- step 1: « Je postule » ---------------------------------------------------------------------------

def test_an_application_reaches_the_referent_with_the_employee_message_and_contact(service):
    application = example(service, APPLIED)
    assert service.deliver(APPLIED, application) == "processed"
    sent = by_recipient(service)
    assert set(sent) == {REFERENT, EMPLOYEE}
    to_referent = sent[REFERENT]
    assert to_referent.subject == "Nouvelle candidature de Camille Martin pour ta mission « Aide aux devoirs pour collégiens »"
    body = to_referent.body_text
    assert body.startswith("Bonjour Amina Benali,")
    assert "Camille Martin, collaborateur·rice de l'entreprise Groupe Horizon, postule à ta mission « Aide aux devoirs pour collégiens »" in body
    assert ("Nom : Camille Martin\nEntreprise : Groupe Horizon\nEntité : Direction financière\n"
            "E-mail : camille.martin@horizon.example\nTéléphone : 06 12 34 56 78\n") in body
    assert "Son message :\n> Bonjour,\n> Je suis collaboratrice de l'entreprise Groupe Horizon" in body
    assert application["mission_url"] in body


def test_the_applicant_is_told_the_application_is_sent_with_the_referent_contact(service):
    service.deliver(APPLIED, example(service, APPLIED))
    to_employee = by_recipient(service)[EMPLOYEE]
    assert to_employee.subject == "Ta candidature est envoyée : « Aide aux devoirs pour collégiens »"
    body = to_employee.body_text
    assert body.startswith("Bonjour Camille Martin,")
    assert "Ta candidature à la mission « Aide aux devoirs pour collégiens » de l'association Les Petits Savants est envoyée." in body
    assert "Nom : Amina Benali\nE-mail : referente@petits-savants.example\nTéléphone : 06 98 76 54 32\n" in body
    assert "N'hésite pas à le/la relancer si tu n'as pas de retour." in body
    assert ACCOUNT_URL in body
    assert "Merci de ne contacter qu'une association à la fois !" in body
    # Tutoiement throughout (« vos dates » said « vous » in a message that says « tu »).
    assert "Une fois tes dates convenues avec l'association" in body and " vos " not in body


def test_an_application_without_phones_entity_or_message_leaves_those_lines_out(service):
    service.deliver(APPLIED, {**example(service, APPLIED), "person_phone": None, "referent_phone": None,
                              "entity_name": None, "message": None})
    sent = by_recipient(service)
    assert "Téléphone" not in sent[REFERENT].body_text
    assert "Entité" not in sent[REFERENT].body_text
    assert "Son message" not in sent[REFERENT].body_text
    assert "Téléphone" not in sent[EMPLOYEE].body_text
    assert "Ton message" not in sent[EMPLOYEE].body_text


# -- step 2: the manager's request ----------------------------------------------------------------------

def test_the_manager_receives_the_request_with_french_dates_total_message_and_link(service):
    request = example(service, CREATED)
    assert service.deliver(CREATED, request) == "processed"
    email = only_email(service)  # the manager only: the employee is not e-mailed the link
    assert email.recipient == MANAGER
    assert email.subject == "Demande d'absence à valider : Camille Martin, mission « Aide aux devoirs pour collégiens »"
    body = email.body_text
    assert ("Camille Martin propose ses compétences pour la mission de mécénat de compétences « Aide aux devoirs pour "
            "collégiens » auprès de l'association Les Petits Savants.") in body
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour\n" in body
    assert "Son message :\n> Bonjour,\n> Dans le cadre de notre programme de mécénat de compétences" in body
    assert f"Ouvre ce lien pour accepter ou refuser la demande :\n{request['action_link']}\n" in body
    # 10:15 UTC on 19 January is 11 h 15 in Paris (winter time).
    assert "valable jusqu'au 19 janvier 2027 à 11 h 15 et ne sert qu'une fois" in body
    assert request["action_link"] not in email.subject
    # The reason for a refusal is optional (issue 16, point 10): the e-mail says so, never « indique ta raison ».
    assert "refuse-la (tu peux en indiquer la raison, c'est facultatif)" in body and "indiquant ta raison" not in body


def test_a_request_for_added_dates_says_so_and_counts_whole_days_in_the_plural(service):
    service.deliver(CREATED, {**example(service, CREATED), "kind": "additional", "message": None, "dates": [
        {"date": "2027-03-02", "format": "full_day"}, {"date": "2027-03-01", "format": "full_day"},
    ]})
    body = only_email(service).body_text
    assert "et te demande de valider de nouvelles dates" in body
    # In calendar order, whatever the order of the event.
    assert "- Lundi 1er mars 2027 (journée)\n- Mardi 2 mars 2027 (journée)\nTotal : 2 jours\n" in body
    assert "Son message" not in body


def test_when_the_link_outlives_the_first_date_the_manager_reads_the_last_day_to_accept(service):
    # Dates on 9 and 10 December, a link valid until the 21st: « valable jusqu'au 21 décembre » alone would tell the
    # manager they have until then, where approval refuses to accept once a date has passed.
    service.deliver(CREATED, {**example(service, CREATED), "dates": [
        {"date": "2026-12-09", "format": "full_day"}, {"date": "2026-12-10", "format": "full_day"}],
        "link_expires_at": "2026-12-21T13:05:00+00:00", "accept_until": "2026-12-09"})
    body = only_email(service).body_text
    assert ("Pour accepter la demande, décide au plus tard le mercredi 9 décembre 2026, son premier jour de mission : "
            "une fois une date passée, tu ne pourras plus que la refuser.\n\nCe lien t'est personnel") in body
    assert "valable jusqu'au 21 décembre 2026 à 14 h 05" in body


@pytest.mark.parametrize("accept_until", ["2027-01-25", "2027-01-19", None], ids=["after", "the-same-day", "not-said"])
def test_a_link_that_ends_first_needs_no_last_day_to_accept(service, accept_until):
    # The example's link ends on 19 January 2027, before its first date (25 January); on the same day it says nothing
    # more either; an event published before approval said the day (None) reads as before.
    request = {**example(service, CREATED), "accept_until": accept_until}
    if accept_until is None:
        del request["accept_until"]
    service.deliver(CREATED, request)
    body = only_email(service).body_text
    assert "décide au plus tard" not in body
    assert f"{request['action_link']}\n\nCe lien t'est personnel" in body


def test_a_reminder_says_the_last_day_to_accept_when_its_link_outlives_it(service):
    service.deliver(REMINDED, {**example(service, REMINDED), "dates": [{"date": "2027-01-20", "format": "half_day"}],
                               "accept_until": "2027-01-20"})
    body = only_email(service).body_text
    assert "décide au plus tard le mercredi 20 janvier 2027, son premier jour de mission" in body
    assert "Ce nouveau lien remplace celui du précédent e-mail" in body


def test_a_reminder_gives_the_manager_the_new_link(service):
    reminder = example(service, REMINDED)
    assert service.deliver(REMINDED, reminder) == "processed"
    email = only_email(service)
    assert email.recipient == MANAGER
    assert email.subject == "Rappel : une demande d'absence attend ta réponse"
    assert f"Ouvre ce lien pour accepter ou refuser la demande :\n{reminder['action_link']}\n" in email.body_text
    assert "Ce nouveau lien remplace celui du précédent e-mail" in email.body_text
    assert "Camille Martin" in email.body_text
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour" in email.body_text


# -- the manager's decision ---------------------------------------------------------------------------

def test_approved_dates_are_announced_to_the_employee(service):
    assert service.deliver(APPROVED, example(service, APPROVED)) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Tes dates sont validées : mission « Aide aux devoirs pour collégiens »"
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour\n" in email.body_text
    assert "invitation de calendrier jointe (mecenat-de-competences.ics)" in email.body_text
    assert ACCOUNT_URL in email.body_text


def test_the_approval_email_carries_a_valid_calendar_with_one_all_day_event_per_date(service):
    decision = example(service, APPROVED)
    service.deliver(APPROVED, decision)
    calendar = calendar_of(only_email(service))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert [event["DTSTART"].dt for event in events] == [date(2027, 1, 25), date(2027, 2, 3)]
    for event in events:
        # A date, not a datetime: DTSTART;VALUE=DATE, an all-day event ending (exclusively) the next day.
        assert type(event["DTSTART"].dt) is date
        assert event["DTEND"].dt == event["DTSTART"].dt + timedelta(days=1)
        assert str(event["LOCATION"]) == "Les Petits Savants"
        assert event["DTSTAMP"].dt == datetime(2027, 1, 13, 8, 45, tzinfo=timezone.utc)
    full_day, half_day = events
    assert str(full_day["SUMMARY"]) == "Mécénat de compétences — Aide aux devoirs pour collégiens"
    assert str(full_day["TRANSP"]) == "OPAQUE"
    assert str(half_day["SUMMARY"]) == "Mécénat de compétences — Aide aux devoirs pour collégiens (1/2 journée)"
    assert str(half_day["TRANSP"]) == "TRANSPARENT"
    assert [str(event["UID"]) for event in events] == [
        f"{decision['request_id']}-20270125@tandem", f"{decision['request_id']}-20270203@tandem",
    ]


def test_calendar_uids_are_stable_per_request_and_date(service):
    decision = example(service, APPROVED)
    service.deliver(APPROVED, decision, event_id="a-1")
    # The same decision published again under another id (say, replayed by hand) gives the same events.
    service.deliver(APPROVED, decision, event_id="a-2")
    first, second = emails(service)
    assert first.attachments == second.attachments
    # Another request on the same date is another event in the calendar.
    service.deliver(APPROVED, {**decision, "request_id": "another-request"}, event_id="a-3")
    uids = {str(event["UID"]) for email in emails(service) for event in calendar_of(email).walk("VEVENT")}
    assert len(uids) == 4


def test_the_approval_email_sent_over_smtp_really_carries_the_ics(service, smtp_server):
    service.deliver(APPROVED, example(service, APPROVED))
    assert sender_for(service, smtp_server.port).send_due() == 1
    (message,) = smtp_server.messages
    assert message["To"] == EMPLOYEE
    assert message["Subject"] == "Tes dates sont validées : mission « Aide aux devoirs pour collégiens »"
    assert "Lundi 25 janvier 2027 (journée)" in message.get_body(preferencelist=("plain",)).get_content()
    (ics,) = message.iter_attachments()
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "PUBLISH"
    assert ics.get_filename() == "mecenat-de-competences.ics"
    calendar = Calendar.from_ical(ics.get_payload(decode=True))
    assert [event["DTSTART"].dt for event in calendar.walk("VEVENT")] == [date(2027, 1, 25), date(2027, 2, 3)]
    assert only_email(service).status == "sent"


def test_a_decision_time_with_an_offset_is_stamped_in_utc(service):
    service.deliver(APPROVED, {**example(service, APPROVED), "decided_at": "2027-01-13T09:45:00+01:00"})
    (event, _) = calendar_of(only_email(service)).walk("VEVENT")
    assert "DTSTAMP:20270113T084500Z" in event.to_ical().decode()


def test_a_broken_attachment_fails_its_own_email_and_not_the_others(service, smtp_server):
    service.deliver(APPROVED, example(service, APPROVED))
    service.deliver(REFUSED, example(service, REFUSED))
    with service.runtime.db.transaction() as session:
        approved = session.query(Email).filter_by(event_type=APPROVED).one()
        approved.attachments = [{**approved.attachments[0], "content_base64": "pas du base64 !"}]
    assert sender_for(service, smtp_server.port).send_due() == 2
    (message,) = smtp_server.messages
    assert message["Subject"].startswith("Ta demande d'absence")
    with service.runtime.db.reading() as session:
        broken = session.query(Email).filter_by(event_type=APPROVED).one()
        assert broken.status == "pending" and "message impossible à construire" in broken.last_error


def test_an_email_without_attachments_stays_a_plain_text_message(service, smtp_server):
    service.deliver(REFUSED, example(service, REFUSED))
    sender_for(service, smtp_server.port).send_due()
    (message,) = smtp_server.messages
    assert message.get_content_type() == "text/plain"
    assert list(message.iter_attachments()) == []


def test_a_redelivered_approval_sends_one_email(service):
    decision = example(service, APPROVED)
    assert service.deliver(APPROVED, decision, event_id="approved-1") == "processed"
    assert service.deliver(APPROVED, decision, event_id="approved-1") == "duplicate"
    assert len(emails(service)) == 1


def test_a_refusal_gives_the_employee_the_reason_and_the_way_to_a_new_request(service):
    assert service.deliver(REFUSED, example(service, REFUSED, "refused-with-a-reason")) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Ta demande d'absence pour la mission « Aide aux devoirs pour collégiens » n'est pas validée"
    assert "Sa raison :\n> Clôture des comptes ce jour-là : peux-tu proposer une date en février ?\n" in email.body_text
    assert "- Lundi 25 janvier 2027 (journée)" in email.body_text
    assert f"fais une nouvelle demande depuis « Mon compte » :\n{ACCOUNT_URL}\n" in email.body_text
    assert email.attachments == []


def test_a_refusal_without_a_reason_says_the_manager_gave_none(service):
    service.deliver(REFUSED, example(service, REFUSED, "refused-without-a-reason"))
    body = only_email(service).body_text
    assert "Ton manager n'a pas donné de raison." in body
    assert "Sa raison" not in body


def test_a_blank_reason_counts_as_no_reason(service):
    service.deliver(REFUSED, {**example(service, REFUSED), "reason": "   "})
    assert "Ton manager n'a pas donné de raison." in only_email(service).body_text


# -- withdrawing ----------------------------------------------------------------------------------------

def test_the_manager_is_told_a_pending_request_was_cancelled(service):
    assert service.deliver(CANCELLED, example(service, CANCELLED, "pending-request-cancelled")) == "processed"
    email = only_email(service)
    assert email.recipient == MANAGER
    assert email.subject == "Demande d'absence annulée : Camille Martin, mission « Aide aux devoirs pour collégiens »"
    assert "Camille Martin a annulé sa demande d'absence" in email.body_text
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour" in email.body_text


def test_the_manager_is_told_the_employee_withdrew_before_the_dates(service):
    service.deliver(CANCELLED, example(service, CANCELLED, "withdrawn-before-the-dates"))
    email = only_email(service)
    assert email.recipient == MANAGER
    assert email.subject == "Camille Martin se retire de la mission « Aide aux devoirs pour collégiens »"
    assert "s'est retiré·e de la mission" in email.body_text
    assert "- Mercredi 3 février 2027 (1/2 journée)\nTotal : 0,5 jour" in email.body_text


# -- attendance and the bilan -------------------------------------------------------------------------

def test_attested_attendance_asks_the_employee_to_complete_the_bilan_from_their_account(service):
    assert service.deliver(ATTESTED, example(service, ATTESTED)) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Ta présence est confirmée : complète ton bilan"
    body = email.body_text
    assert "- Lundi 25 janvier 2027 (journée) : présent·e\n- Mercredi 3 février 2027 (1/2 journée) : présent·e\n" in body
    assert "Soit 1,5 jour de mission." in body
    assert f"« Mon compte » :\n{ACCOUNT_URL}\n" in body


def test_an_absence_is_shown_as_such_in_the_attendance(service):
    attested = example(service, ATTESTED)
    attested["dates"] = [{**attested["dates"][0], "present": False}, attested["dates"][1]]
    service.deliver(ATTESTED, {**attested, "days_present": 0.5})
    body = only_email(service).body_text
    assert "- Lundi 25 janvier 2027 (journée) : absent·e\n" in body
    assert "Soit 0,5 jour de mission." in body


def test_a_request_whose_manager_lost_access_tells_the_employee_to_send_it_to_their_current_manager(service):
    waiting = example(service, "engagement.dates.manager_lost_access")
    assert service.deliver("engagement.dates.manager_lost_access", waiting) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Ta demande de dates pour « Aide aux devoirs pour collégiens » ne peut plus être validée"
    body = email.body_text
    assert f"Le 2 décembre 2026 à 10 h 00, tu as envoyé à {MANAGER} ta demande de dates" in body
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour\n" in body
    assert f"{MANAGER} n'a plus accès à Tandem : cette demande ne peut plus être validée." in body
    assert f"envoie tes dates à ton manager actuel :\n{ACCOUNT_URL}\n" in body


def test_a_request_whose_manager_has_access_again_tells_the_employee_it_can_be_validated(service):
    restored = example(service, "engagement.dates.manager_access_restored")
    assert service.deliver("engagement.dates.manager_access_restored", restored) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Ta demande de dates pour « Aide aux devoirs pour collégiens » peut de nouveau être validée"
    body = email.body_text
    assert f"Le 2 décembre 2026 à 10 h 00, tu as envoyé à {MANAGER} ta demande de dates" in body
    assert "- Lundi 25 janvier 2027 (journée)\n- Mercredi 3 février 2027 (1/2 journée)\nTotal : 1,5 jour\n" in body
    assert f"{MANAGER} n'avait plus accès à Tandem : son accès est rétabli. Ta demande peut de nouveau être validée" in body
    assert f"Suis-la dans « Mon compte » :\n{ACCOUNT_URL}\n" in body


def test_a_cancellation_is_not_e_mailed_to_a_manager_who_lost_access(service):
    cancelled = example(service, CANCELLED)
    assert service.deliver(CANCELLED, {**cancelled, "tell_manager": False}) == "processed"
    assert emails(service) == []
    # Events of before the flag: the manager is told, as then.
    legacy = {key: value for key, value in cancelled.items() if key != "tell_manager"}
    assert service.deliver(CANCELLED, legacy) == "processed"
    assert only_email(service).recipient == MANAGER


def test_a_corrected_attendance_tells_the_employee_every_date_as_it_now_stands(service):
    """The association said a date did not happen after all: the employee hears it from Tandem, not from their
    company's figures."""
    corrected = example(service, CORRECTED)
    assert service.deliver(CORRECTED, corrected) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "L'association Les Petits Savants a corrigé ta présence"
    body = email.body_text
    assert "Bonjour Camille Martin,\n" in body
    assert "« Aide aux devoirs pour collégiens »" in body
    assert "- Lundi 25 janvier 2027 (journée) : absent·e\n- Mercredi 3 février 2027 (1/2 journée) : présent·e\n" in body
    assert "Soit 0,5 jour de mission." in body
    assert f"« Mon compte » :\n{ACCOUNT_URL}\n" in body


def test_a_completed_bilan_thanks_the_employee_with_the_days_given(service):
    bilan = example(service, BILAN)
    assert service.deliver(BILAN, bilan) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Merci pour ton engagement auprès de l'association Les Petits Savants !"
    body = email.body_text
    assert "En 2027, tu as donné 1,5 jour de mécénat de compétences à l'association Les Petits Savants." in body
    assert "Si tu souhaites poursuivre ta mission en 2028" in body
    assert f"http://tandem.test/missions/{bilan['mission_id']}" in body


def test_a_bilan_of_several_days_counts_them_in_the_plural(service):
    service.deliver(BILAN, {**example(service, BILAN), "days_present": 3})
    assert "tu as donné 3 jours de mécénat" in only_email(service).body_text


# -- reminders ------------------------------------------------------------------------------------------

def test_an_application_without_dates_nudges_the_employee_with_the_referent_contact(service):
    reminder = example(service, REMINDER, "application-without-dates")
    assert service.deliver(REMINDER, reminder) == "processed"
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Tu as postulé il y a quelques jours : n'hésite pas à relancer l'association"
    assert "Nom : Amina Benali\nE-mail : referente@petits-savants.example\n" in email.body_text
    assert reminder["mission_url"] in email.body_text


def test_a_nudge_without_referent_contact_leaves_the_contact_out(service):
    service.deliver(REMINDER, {**example(service, REMINDER, "application-without-dates"),
                               "referent_name": None, "referent_email": None})
    assert "Le contact du référent" not in only_email(service).body_text


def test_a_pending_bilan_reminds_the_employee_to_complete_it(service):
    service.deliver(REMINDER, example(service, REMINDER, "bilan-pending"))
    email = only_email(service)
    assert email.recipient == EMPLOYEE
    assert email.subject == "Pense à compléter ton bilan : mission « Aide aux devoirs pour collégiens »"
    assert f"Ton bilan t'attend dans « Mon compte » :\n{ACCOUNT_URL}\n" in email.body_text


@pytest.mark.parametrize("event_type", [REMINDER, REMINDED])
def test_a_redelivered_reminder_makes_no_second_email(service, event_type):
    reminder = example(service, event_type)
    assert service.deliver(event_type, reminder, event_id="reminder-2027-W03") == "processed"
    assert service.deliver(event_type, reminder, event_id="reminder-2027-W03") == "duplicate"
    assert len(emails(service)) == 1


def test_the_next_period_reminds_again(service):
    reminder = example(service, REMINDER)
    service.deliver(REMINDER, {**reminder, "period": "2027-W02"}, event_id="reminder-2027-W02")
    service.deliver(REMINDER, {**reminder, "period": "2027-W03"}, event_id="reminder-2027-W03")
    assert len(emails(service)) == 2


def test_an_unknown_reminder_kind_is_refused_and_sends_nothing(service):
    with pytest.raises(ValidationError):
        service.deliver(REMINDER, {**example(service, REMINDER), "kind": "something_else"})
    assert emails(service) == []


# -- the action link is a secret ----------------------------------------------------------------------

def test_the_action_link_never_reaches_the_logs(service, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    created, reminded = example(service, CREATED), example(service, REMINDED)
    secrets = [created["action_link"].rsplit("/", 1)[1], reminded["action_link"].rsplit("/", 1)[1]]
    assert service.deliver(CREATED, created) == "processed"
    assert service.deliver(REMINDED, reminded) == "processed"
    # A failed attempt (nobody listening) logs a warning per e-mail; then the real delivery.
    assert sender_for(service, 1).send_due() == 2
    with service.runtime.db.transaction() as session:
        session.query(Email).update({Email.next_attempt_at: datetime.now(timezone.utc) - timedelta(seconds=1)})
    assert sender_for(service, smtp_server.port).send_due() == 2
    # An event the notifier cannot read: the consumer would log its type, id and this traceback.
    with pytest.raises(ValidationError) as failure:
        service.deliver(CREATED, {**created, "manager_email": "pas-une-adresse"})
    failure_log = "".join(traceback.format_exception(failure.value))

    # The test SMTP server's own log ("mail.log") is the receiving side, not ours.
    ours = [record for record in caplog.records if not record.name.startswith("mail.log")]
    assert sum("failed" in record.getMessage() for record in ours) == 2, "the failed attempts should have been logged"
    formatter = logging.Formatter()
    logged = "\n".join(formatter.format(record) for record in ours) + failure_log
    for secret in secrets:
        assert secret not in logged
    # The e-mails did carry the links, to the manager only.
    assert [message["To"] for message in smtp_server.messages] == [MANAGER, MANAGER]
    delivered = "".join(message.get_content() for message in smtp_server.messages)
    assert all(secret in delivered for secret in secrets)


# -- the attachments column -------------------------------------------------------------------------

def test_emails_queued_before_the_attachments_column_get_none(tmp_path):
    url = f"sqlite:///{tmp_path / 'migrations.db'}"
    upgrade(MIGRATIONS_DIR, url, "0003")
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO emails (id, event_id, event_type, recipient, subject, body_text, status, attempts, next_attempt_at, created_at) "
            "VALUES ('e1', 'ev1', 't', 'a@b.example', 's', 'b', 'pending', 0, '2027-01-01 00:00:00', '2027-01-01 00:00:00')"
        ))
    upgrade(MIGRATIONS_DIR, url, "0004")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT attachments FROM emails")).scalar_one() == "[]"
    command.downgrade(alembic_config(MIGRATIONS_DIR, url), "0003")
    assert "attachments" not in {column["name"] for column in sa.inspect(engine).get_columns("emails")}
    engine.dispose()


# -- a request sent to another manager than the recorded one (issue 19) ----------------------------

OTHER_MANAGER = "engagement.dates.other_manager_named"


def test_each_admin_is_told_of_a_request_sent_to_another_manager(service):
    event_id = "5f0c9a8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f"
    assert service.deliver(OTHER_MANAGER, example(service, OTHER_MANAGER, "another-manager"), event_id=event_id) == "processed"
    sent = by_recipient(service)
    assert set(sent) == {"admin@horizon.example", "rh@horizon.example"}
    email = sent["admin@horizon.example"]
    assert email.subject == "Demande d'absence envoyée à un autre manager : Camille Martin, mission « Aide aux devoirs pour collégiens »"
    assert ("Camille Martin (camille.martin@horizon.example) a envoyé sa demande d'absence pour la mission de mécénat de compétences "
            "« Aide aux devoirs pour collégiens » auprès de l'association Les Petits Savants à marc.dupuis@horizon.example, "
            "et non à son manager enregistré, sophie.laurent@horizon.example.") in email.body_text
    assert "- Lundi 25 janvier 2027 (journée)\nTotal : 1 jour" in email.body_text
    assert "http://tandem.test/entreprise/politique" in email.body_text
    # Redelivered: nothing more.
    service.deliver(OTHER_MANAGER, example(service, OTHER_MANAGER, "another-manager"), event_id=event_id)
    assert len(emails(service)) == 2


def test_without_a_recorded_manager_the_admin_is_asked_to_record_one(service):
    service.deliver(OTHER_MANAGER, example(service, OTHER_MANAGER, "no-recorded-manager"))
    email = only_email(service)
    assert email.recipient == "admin@horizon.example"
    assert "sans manager enregistré dans Tandem." in email.body_text
    assert "et enregistre son manager dans Tandem" in email.body_text


def test_receipt_data_that_no_longer_match_the_valuation_are_to_confirm_again(service):
    outdated = example(service, "impact.receipt.outdated")
    assert service.deliver("impact.receipt.outdated", outdated) == "processed"
    email = only_email(service)
    assert email.recipient == "referente@petits-savants.example"
    assert email.subject == "Reçu 2027 pour Groupe Horizon : confirme de nouveau ses données"
    body = email.body_text
    assert ("Le 10 janvier 2028 à 10 h 35, Les Petits Savants a confirmé les données du reçu fiscal (Cerfa n° 16216) n° 2027-014 "
            "pour les journées de mécénat de compétences que Groupe Horizon lui a données en 2027.") in body
    assert "Groupe Horizon a modifié la valorisation de ces journées : le montant ne correspond plus." in body
    assert ("http://tandem.test/association/dossier-annuel/9d8c7b6a-1111-4222-8333-944455566677/"
            "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80?annee=2027\n") in body


@pytest.mark.parametrize("because, says", [
    ("person", "Groupe Horizon a mis à jour une personne qui a donné ces journées (son entité ou son nom) : "
               "l'état récapitulatif ou les données du reçu ne correspondent plus à ce que tu as confirmé."),
    ("attendance", "une présence de ces journées a été attestée ou corrigée : les journées du reçu ne correspondent plus. "
                   "Vérifie l'état récapitulatif des journées et les données du reçu"),
])
def test_the_e_mail_about_outdated_receipt_data_names_what_changed(service, because, says):
    assert service.deliver("impact.receipt.outdated", {**example(service, "impact.receipt.outdated"), "because": because}) == "processed"
    body = only_email(service).body_text
    assert says in body and "valorisation" not in body
    assert "?annee=2027\n" in body


def test_an_outdated_receipt_event_from_before_its_cause_was_said_reads_as_a_valuation_change(service):
    outdated = {key: value for key, value in example(service, "impact.receipt.outdated").items() if key != "because"}
    assert service.deliver("impact.receipt.outdated", outdated) == "processed"
    assert "Groupe Horizon a modifié la valorisation de ces journées" in only_email(service).body_text


def test_receipt_data_outdated_for_an_association_without_an_address_e_mail_nobody(service, caplog):
    outdated = {**example(service, "impact.receipt.outdated"), "association_email": None}
    assert service.deliver("impact.receipt.outdated", outdated) == "processed"
    assert emails(service) == []
    assert "no e-mail" in caplog.text
