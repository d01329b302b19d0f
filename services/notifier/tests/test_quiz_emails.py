"""« Le nouveau quiz est en ligne »: once per person and quiz, to the opted-in active people of the companies it is for."""
from notifier.models import Email

from .conftest import HORIZON

OTHER_COMPANY = "1b2c3d4e-2222-4333-8444-955566677788"


def quiz_opened(service, **changes) -> dict:
    return {**service.contract.examples("quiz.quiz.opened")[0], **changes}


def notices(service) -> list[Email]:
    with service.runtime.db.reading() as session:
        return session.query(Email).filter(Email.event_type == "quiz.quiz.opened").order_by(Email.recipient).all()


def test_opted_in_people_get_the_new_quiz_e_mail_in_text_and_html(service, subscribe):
    subscribe("alice", quiz_opt_in=True)
    subscribe("bob", quiz_opt_in=False)
    subscribe("carol", quiz_opt_in=True, alerts_opt_in=False)
    assert service.deliver("quiz.quiz.opened", quiz_opened(service)) == "processed"
    assert [email.recipient for email in notices(service)] == ["alice@horizon.example", "carol@horizon.example"]
    email = notices(service)[0]
    assert email.subject == "Le nouveau quiz est en ligne : « Ton assiette et le climat »"
    assert email.body_text.startswith("Bonjour Alice,\n\nLe nouveau quiz est en ligne sur Tandem : « Ton assiette et le climat ».")
    assert "Pour réduire son empreinte carbone, il vaut mieux manger…" in email.body_text
    assert "jusqu'au mardi 15 décembre 2026" in email.body_text
    assert "https://tandem.example/quiz/7a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b" in email.body_text
    assert "Je réponds au quiz" in email.body_html and 'href="https://tandem.example/quiz/' in email.body_html


def test_the_preference_is_off_when_an_older_event_does_not_carry_it(service, subscribe):
    data = subscribe("dan")
    data.pop("quiz_opt_in")
    service.deliver("engagement.preferences.updated", {**data, "updated_at": "2026-11-27T10:00:00+00:00"})
    service.deliver("quiz.quiz.opened", quiz_opened(service))
    assert notices(service) == []


def test_one_e_mail_per_person_and_quiz_whatever_the_redeliveries_or_republications(service, subscribe):
    subscribe("alice", quiz_opt_in=True)
    service.deliver("quiz.quiz.opened", quiz_opened(service), event_id="e-1")
    assert service.deliver("quiz.quiz.opened", quiz_opened(service), event_id="e-1") == "duplicate"
    service.deliver("quiz.quiz.opened", quiz_opened(service), event_id="e-2")  # the same quiz, another event
    assert len(notices(service)) == 1


def test_a_quiz_reserved_to_a_company_reaches_only_its_people(service, subscribe):
    subscribe("alice", quiz_opt_in=True)
    subscribe("erin", quiz_opt_in=True, company_id=OTHER_COMPANY)
    service.deliver("quiz.quiz.opened", quiz_opened(service, open_to_all_companies=False, company_ids=[HORIZON]))
    assert [email.recipient for email in notices(service)] == ["alice@horizon.example"]


def test_disabled_people_are_not_told(service, subscribe, person_updated):
    subscribe("alice", quiz_opt_in=True)
    person_updated("alice", at="2026-11-28T10:00:00+00:00", status="disabled")
    service.deliver("quiz.quiz.opened", quiz_opened(service))
    assert notices(service) == []
