"""Quiz's API, endpoint by endpoint, with its errors, as the home page, MES QUIZ, the TO DO LIST, the back office and
the company figures will call it."""
import json
from datetime import timedelta

from quiz import scheduler

from .conftest import CAMILLE, COMPANY, LUCAS, OTHER_COMPANY, example


def _all_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _all_keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _all_keys(item)}
    return set()


SECRET_KEYS = {"correct", "explanation", "source", "source_title", "source_url", "right"}


# -- the quiz du moment -----------------------------------------------------------------------------------------------

def test_a_visitor_sees_the_title_and_first_question_without_answers_and_is_asked_to_log_in(quizzes, today):
    quiz = quizzes.open_quiz(today - timedelta(days=2))
    body = quizzes.client.get("/current").get_json()
    assert body["quiz"]["id"] == quiz["id"] and body["quiz"]["status"] == "open"
    assert body["quiz"]["first_question"]["statement"] == "Pour réduire son empreinte carbone, il vaut mieux manger…"
    assert [c["label"] for c in body["quiz"]["first_question"]["choices"]] == ["Local", "Moins de viande"]
    assert body["signed_in"] is False and body["login_message"] == "Connecte-toi pour répondre au quiz."
    assert not SECRET_KEYS & _all_keys(body)


def test_without_an_open_quiz_the_home_page_gets_none(quizzes, today):
    quizzes.create(today)  # a draft is not the quiz du moment
    assert quizzes.client.get("/current").get_json()["quiz"] is None


def test_a_quiz_reserved_to_a_company_is_its_people_s_quiz_du_moment_only(quizzes, today):
    quiz = quizzes.open_quiz(today, company_ids=[COMPANY])
    assert quizzes.client.get("/current").get_json()["quiz"] is None
    assert quizzes.client.get("/current", headers=quizzes.employee(company=OTHER_COMPANY)).get_json()["quiz"] is None
    assert quizzes.client.get("/current", headers=quizzes.employee()).get_json()["quiz"]["id"] == quiz["id"]
    assert quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee(company=OTHER_COMPANY)).status_code == 404


# -- answering --------------------------------------------------------------------------------------------------------

def test_the_questions_come_without_right_answers_or_explanations_before_answering(quizzes, today):
    quiz = quizzes.open_quiz(today)
    response = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee())
    body = response.get_json()
    assert response.status_code == 200 and body["can_answer"] is True and body["attempt"] is None
    assert [q["multiple"] for q in body["questions"]] == [False, True]
    assert not SECRET_KEYS & _all_keys(body)
    # Nor anywhere in the raw bytes: no label of a right answer is flagged, no explanation text is there.
    assert "La production pèse bien plus" not in response.get_data(as_text=True)


def test_answering_returns_the_score_the_right_answers_the_explanations_and_linked_missions(quizzes, today, service):
    service.deliver("catalog.mission.published", example("catalog.mission.published", themes=["environnement"]))
    quiz = quizzes.open_quiz(today)
    answers = quizzes.answers(quiz)
    answers[1]["choice_ids"] = answers[1]["choice_ids"][:1]  # half of the two right ones: that question is wrong
    response = quizzes.answer(quiz, answers)
    body = response.get_json()
    assert response.status_code == 201
    assert (body["score"], body["out_of"], body["percent"]) == (1, 2, 50)
    assert [q["right"] for q in body["questions"]] == [True, False]
    first = body["questions"][0]
    assert [(c["label"], c["correct"], c["chosen"]) for c in first["choices"]] == [("Local", False, False), ("Moins de viande", True, True)]
    assert first["explanation"] == "La production pèse bien plus que le transport."
    assert first["source"] == {"title": "ADEME — Impact CO2, alimentation", "url": "https://impactco2.fr/outils/alimentation"}
    assert [m["title"] for m in body["linked_missions"]] == ["Aide aux devoirs pour collégiens"]
    (event,) = service.published("quiz.attempt.completed")
    assert event.data["person_id"] == CAMILLE and event.data["company_id"] == COMPANY
    assert (event.data["score"], event.data["out_of"]) == (1, 2)
    # Afterwards the quiz page carries the person's correction.
    page = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee()).get_json()
    assert page["can_answer"] is False and page["attempt"]["id"] == body["id"]


def test_a_second_attempt_is_refused_and_changes_nothing(quizzes, today, service):
    quiz = quizzes.open_quiz(today)
    first = quizzes.answer(quiz, quizzes.answers(quiz, right=False))
    assert first.status_code == 201 and first.get_json()["score"] == 0
    second = quizzes.answer(quiz, quizzes.answers(quiz, right=True))
    assert second.status_code == 409
    assert second.get_json()["detail"].startswith("Tu as déjà répondu à ce quiz : ta réponse est définitive.")
    again = quizzes.answer(quiz, quizzes.answers(quiz, right=False))
    assert again.status_code == 409
    mine = quizzes.client.get("/me/quizzes", headers=quizzes.employee()).get_json()
    assert [a["attempt"]["score"] for a in mine["answered"]] == [0]
    assert len(service.published("quiz.attempt.completed")) == 1


def test_wrong_choice_ids_and_too_many_choices_are_refused_per_question(quizzes, today, service):
    quiz = quizzes.open_quiz(today)
    answers = quizzes.answers(quiz)
    first, second = answers[0]["question_id"], answers[1]["question_id"]
    cases = [
        ([{"question_id": first, "choice_ids": ["nope"]}, answers[1]], first, "Cette réponse n'existe pas pour cette question."),
        ([{"question_id": first, "choice_ids": answers[1]["choice_ids"][:1]}, answers[1]], first, "Cette réponse n'existe pas pour cette question."),
        ([{"question_id": first, "choice_ids": [c for a in quizzes.answers(quiz, right=False)[:1] for c in a["choice_ids"]] + answers[0]["choice_ids"]},
          answers[1]], first, "Une seule réponse possible pour cette question."),
        ([answers[0]], second, "Réponds à cette question."),
        ([answers[0], answers[1], {"question_id": "q-elsewhere", "choice_ids": ["x"]}], "q-elsewhere", "Cette question n'appartient pas à ce quiz."),
    ]
    for given, faulty, message in cases:
        response = quizzes.answer(quiz, given)
        assert response.status_code == 422, given
        assert response.get_json()["errors"]["answers"][faulty] == [message]
    duplicate = quizzes.answer(quiz, [answers[0], answers[0], answers[1]])
    assert duplicate.status_code == 422 and duplicate.get_json()["errors"]["answers"][first] == ["Cette question a déjà une réponse."]
    empty = quizzes.answer(quiz, [])
    assert empty.status_code == 422
    assert service.published("quiz.attempt.completed") == []
    assert quizzes.answer(quiz, answers).status_code == 201  # nothing of the refused ones counted as an attempt


def test_a_closed_quiz_cannot_be_answered(quizzes, today):
    quiz = quizzes.open_quiz(today)
    assert quizzes.client.post(f"/admin/quizzes/{quiz['id']}/close", headers=quizzes.operator()).status_code == 200
    response = quizzes.answer(quiz, quizzes.answers(quiz))
    assert response.status_code == 409 and response.get_json()["detail"].startswith("Ce quiz est terminé")
    page = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee()).get_json()
    assert page["status"] == "closed" and page["can_answer"] is False and page["attempt"] is None
    assert not SECRET_KEYS & _all_keys(page)


def test_a_quiz_past_its_last_day_cannot_be_answered_even_before_the_worker_closes_it(quizzes, today, monkeypatch):
    from quiz import clock

    quiz = quizzes.open_quiz(today - timedelta(days=14))
    monkeypatch.setattr(clock.CLOCK, "today", lambda: today + timedelta(days=1))
    response = quizzes.answer(quiz, quizzes.answers(quiz))
    assert response.status_code == 409 and "terminé" in response.get_json()["detail"]


def test_a_quiz_not_yet_open_is_not_found_and_cannot_be_answered(quizzes, today):
    quiz = quizzes.open_quiz(today + timedelta(days=15))
    assert quiz["status"] == "scheduled"
    assert quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee()).status_code == 404
    response = quizzes.answer(quiz, [{"question_id": "x", "choice_ids": ["y"]}])
    assert response.status_code == 404


def test_an_unopened_quiz_whose_status_is_open_refuses_answers_until_its_day(quizzes, today, service):
    """Should a quiz be open in the table before its day (clock moved back), answers still wait for the day."""
    from quiz.models import Quiz

    quiz = quizzes.open_quiz(today)
    with service.runtime.unit_of_work() as uow:
        uow.session.get(Quiz, quiz["id"]).opens_on = today + timedelta(days=1)
    response = quizzes.answer(quiz, quizzes.answers(quiz))
    assert response.status_code == 409 and response.get_json()["detail"].startswith("Ce quiz n'est pas encore ouvert")


def test_answering_needs_a_session_and_with_the_cookie_a_csrf_token(quizzes, today, tokens):
    quiz = quizzes.open_quiz(today)
    answers = quizzes.answers(quiz)
    assert quizzes.client.post(f"/quizzes/{quiz['id']}/attempt", json={"answers": answers}).status_code == 401
    client = quizzes.service.app.test_client()
    client.set_cookie("tandem_session", tokens.mint(CAMILLE, company_id=COMPANY))
    client.set_cookie("tandem_csrf", "csrf-secret")
    refused = client.post(f"/quizzes/{quiz['id']}/attempt", json={"answers": answers})
    assert refused.status_code == 403
    accepted = client.post(f"/quizzes/{quiz['id']}/attempt", json={"answers": answers}, headers={"X-CSRF-Token": "csrf-secret"})
    assert accepted.status_code == 201


# -- MES QUIZ and the TO DO LIST ---------------------------------------------------------------------------------------

def test_mes_quiz_lists_my_answered_quizzes_with_their_correction_and_the_open_ones_to_answer(quizzes, today):
    past = quizzes.open_quiz(today - timedelta(days=14), title="Le tri, c'est pas sorcier")
    quizzes.answer(past, quizzes.answers(past))
    quizzes.client.post(f"/admin/quizzes/{past['id']}/close", headers=quizzes.operator())
    current = quizzes.open_quiz(today - timedelta(days=3))
    mine = quizzes.client.get("/me/quizzes", headers=quizzes.employee()).get_json()
    (answered,) = mine["answered"]
    assert answered["quiz"]["id"] == past["id"] and answered["quiz"]["status"] == "closed"
    assert answered["attempt"]["score"] == 2 and answered["attempt"]["questions"][0]["explanation"]
    assert [q["id"] for q in mine["to_answer"]] == [current["id"]]


def test_a_person_only_ever_sees_their_own_attempts(quizzes, today):
    quiz = quizzes.open_quiz(today)
    quizzes.answer(quiz, quizzes.answers(quiz))
    lucas = quizzes.employee(person=LUCAS)
    assert quizzes.client.get("/me/quizzes", headers=lucas).get_json()["answered"] == []
    page = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=lucas).get_json()
    assert page["attempt"] is None and page["can_answer"] is True
    assert not SECRET_KEYS & _all_keys(page)


def test_the_todo_counts_the_current_quiz_until_it_is_answered(quizzes, today):
    assert quizzes.client.get("/me/todo", headers=quizzes.employee()).get_json() == {"answer_current_quiz": 0, "current_quiz_id": None}
    quiz = quizzes.open_quiz(today)
    assert quizzes.client.get("/me/todo", headers=quizzes.employee()).get_json() == {"answer_current_quiz": 1, "current_quiz_id": quiz["id"]}
    quizzes.answer(quiz, quizzes.answers(quiz))
    assert quizzes.client.get("/me/todo", headers=quizzes.employee()).get_json()["answer_current_quiz"] == 0
    assert quizzes.client.get("/current", headers=quizzes.employee()).get_json()["answered"] is True
    assert quizzes.client.get("/me/todo").status_code == 401


# -- the back office ----------------------------------------------------------------------------------------------------

def test_the_back_office_is_for_platform_operators_only(quizzes, today):
    quiz = quizzes.create(today)
    for headers in (quizzes.employee(), quizzes.tokens.headers("admin", roles=("company_admin",), company_id=COMPANY)):
        assert quizzes.client.get("/admin/quizzes", headers=headers).status_code == 403
        assert quizzes.client.get(f"/admin/quizzes/{quiz['id']}", headers=headers).status_code == 403
        assert quizzes.client.post(f"/admin/quizzes/{quiz['id']}/schedule", headers=headers).status_code == 403
        assert quizzes.client.post("/admin/quizzes", json={}, headers=headers).status_code == 403
    assert quizzes.client.get("/admin/quizzes").status_code == 401


def test_an_operator_creates_previews_lists_and_schedules_a_quiz(quizzes, today, service):
    quiz = quizzes.create(today + timedelta(days=1))
    assert quiz["status"] == "draft" and quiz["closes_on"] == (today + timedelta(days=15)).isoformat()
    preview = quizzes.client.get(f"/admin/quizzes/{quiz['id']}", headers=quizzes.operator()).get_json()
    assert preview["questions"][1]["multiple"] is True and preview["questions"][0]["explanation"]
    assert [c["correct"] for c in preview["questions"][0]["choices"]] == [False, True]
    listed = quizzes.client.get("/admin/quizzes?status=draft", headers=quizzes.operator()).get_json()
    assert [q["id"] for q in listed["items"]] == [quiz["id"]] and listed["total"] == 1
    scheduled = quizzes.schedule(quiz["id"]).get_json()
    assert scheduled["status"] == "scheduled"  # tomorrow: not open yet
    assert service.published("quiz.quiz.opened") == []
    back = quizzes.client.post(f"/admin/quizzes/{quiz['id']}/unschedule", headers=quizzes.operator())
    assert back.status_code == 200 and back.get_json()["status"] == "draft"


def test_scheduling_a_quiz_whose_day_has_come_opens_it_at_once_and_publishes_once(quizzes, today, service):
    quiz = quizzes.open_quiz(today)
    assert quiz["status"] == "open" and quiz["opened_at"]
    assert scheduler.check_schedule(service.runtime, "http://tandem.test", today) == (0, 0)
    (event,) = service.published("quiz.quiz.opened")
    assert event.data["quiz_id"] == quiz["id"] and event.data["open_to_all_companies"] is True
    assert event.data["first_question"] == "Pour réduire son empreinte carbone, il vaut mieux manger…"
    assert event.data["url"] == f"http://tandem.test/quiz/{quiz['id']}"


def test_scheduling_refuses_two_quizzes_open_for_the_same_companies_at_the_same_time(quizzes, today):
    first = quizzes.open_quiz(today, company_ids=[COMPANY])
    overlapping = quizzes.create(today + timedelta(days=7))
    response = quizzes.schedule(overlapping["id"])
    assert response.status_code == 409
    assert response.get_json()["detail"].startswith(f"Le quiz « {first['title']} » est déjà prévu pour les mêmes entreprises")
    elsewhere = quizzes.create(today + timedelta(days=7), company_ids=[OTHER_COMPANY])
    assert quizzes.schedule(elsewhere["id"]).status_code == 200
    after = quizzes.create(today + timedelta(days=15), company_ids=[COMPANY])  # the day after the first one's last
    assert quizzes.schedule(after["id"]).status_code == 200


def test_moving_a_scheduled_quiz_onto_another_is_refused(quizzes, today):
    from .conftest import quiz_payload

    quizzes.open_quiz(today)
    later = quizzes.open_quiz(today + timedelta(days=15))
    response = quizzes.client.put(f"/admin/quizzes/{later['id']}", json=quiz_payload(today + timedelta(days=10)), headers=quizzes.operator())
    assert response.status_code == 409 and "déjà prévu" in response.get_json()["detail"]


def test_questions_and_right_answers_cannot_change_once_someone_has_answered(quizzes, today):
    from .conftest import quiz_payload

    quiz = quizzes.open_quiz(today)
    payload = quiz_payload(today)
    payload["questions"][0]["choices"][0]["correct"] = True  # edit before anyone answered: fine
    payload["questions"][0]["choices"][1]["correct"] = False
    assert quizzes.client.put(f"/admin/quizzes/{quiz['id']}", json=payload, headers=quizzes.operator()).status_code == 200
    payload = quiz_payload(today)
    assert quizzes.client.put(f"/admin/quizzes/{quiz['id']}", json=payload, headers=quizzes.operator()).status_code == 200
    quizzes.answer(quiz, quizzes.answers(quiz))
    changed = quiz_payload(today)
    changed["questions"][0]["choices"][0]["correct"] = True
    response = quizzes.client.put(f"/admin/quizzes/{quiz['id']}", json=changed, headers=quizzes.operator())
    assert response.status_code == 422
    assert response.get_json()["errors"]["questions"][0].startswith("Des personnes ont déjà répondu à ce quiz")
    # The explanation may still be corrected; the question ids (and so the attempt) stay.
    before = quizzes.client.get(f"/admin/quizzes/{quiz['id']}", headers=quizzes.operator()).get_json()
    fixed = quiz_payload(today)
    fixed["questions"][0]["explanation"] = "La production pèse bien plus que le transport, en moyenne."
    after = quizzes.client.put(f"/admin/quizzes/{quiz['id']}", json=fixed, headers=quizzes.operator()).get_json()
    assert [q["id"] for q in after["questions"]] == [q["id"] for q in before["questions"]]
    assert after["questions_locked"] is True and after["attempts"] == 1
    mine = quizzes.client.get("/me/quizzes", headers=quizzes.employee()).get_json()
    assert mine["answered"][0]["attempt"]["questions"][0]["explanation"].endswith("en moyenne.")


def test_the_back_office_refuses_invalid_quizzes_with_field_messages(quizzes, today):
    from .conftest import quiz_payload

    def create(**overrides):
        return quizzes.client.post("/admin/quizzes", json=quiz_payload(today, **overrides), headers=quizzes.operator())

    assert create(themes=["la météo"]).get_json()["errors"] == {"themes": ["Thème inconnu : la météo."]}
    assert "closes_on" in create(closes_on=(today - timedelta(days=1)).isoformat()).get_json()["errors"]
    no_right = quiz_payload(today)["questions"][:1]
    no_right[0]["choices"][1]["correct"] = False
    assert create(questions=no_right).get_json()["errors"]["questions"] == ["Question 1 : coche au moins une bonne réponse."]
    one_choice = quiz_payload(today)["questions"][:1]
    one_choice[0]["choices"] = one_choice[0]["choices"][:1]
    assert create(questions=one_choice).status_code == 422
    assert create(questions=quiz_payload(today)["questions"] * 6).status_code == 422
    assert create(questions=[]).status_code == 422


def test_closing_and_editing_a_closed_quiz(quizzes, today):
    from .conftest import quiz_payload

    quiz = quizzes.open_quiz(today)
    assert quizzes.client.post(f"/admin/quizzes/{quiz['id']}/close", headers=quizzes.operator()).get_json()["status"] == "closed"
    assert quizzes.client.post(f"/admin/quizzes/{quiz['id']}/close", headers=quizzes.operator()).status_code == 409
    assert quizzes.client.post(f"/admin/quizzes/{quiz['id']}/schedule", headers=quizzes.operator()).status_code == 409
    response = quizzes.client.put(f"/admin/quizzes/{quiz['id']}", json=quiz_payload(today), headers=quizzes.operator())
    assert response.status_code == 409 and response.get_json()["detail"] == "Ce quiz est terminé : il n'est plus modifiable."
    assert quizzes.client.get("/admin/quizzes/unknown", headers=quizzes.operator()).status_code == 404


def test_the_operators_picked_missions_come_first_and_only_visible_ones(quizzes, today, service):
    mission = example("catalog.mission.published")
    service.deliver("catalog.mission.published", {**mission, "id": "m-picked", "themes": ["santé / handicap"]})
    service.deliver("catalog.mission.published", {**mission, "id": "m-other-company", "open_to_all_companies": False,
                                                  "company_ids": [OTHER_COMPANY]})
    quiz = quizzes.open_quiz(today, mission_ids=["m-other-company", "m-picked"])
    page = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee()).get_json()
    assert [m["id"] for m in page["linked_missions"]] == ["m-picked"]
    other = quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee(company=OTHER_COMPANY)).get_json()
    assert [m["id"] for m in other["linked_missions"]] == ["m-other-company", "m-picked"]


# -- the company figures ------------------------------------------------------------------------------------------------

def test_company_admins_see_their_company_s_respondents_and_average_by_entity(quizzes, today, service):
    service.deliver("engagement.person.registered", example("engagement.person.registered"))
    quiz = quizzes.open_quiz(today)
    quizzes.answer(quiz, quizzes.answers(quiz))  # Camille: 2/2, her entity known
    quizzes.answer(quiz, quizzes.answers(quiz, right=False), headers=quizzes.employee(person=LUCAS))  # 0/2, entity not yet known
    quizzes.answer(quiz, quizzes.answers(quiz), headers=quizzes.employee(person="x", company=OTHER_COMPANY))
    admin = quizzes.tokens.headers("admin", roles=("company_admin", "employee"), company_id=COMPANY)
    body = quizzes.client.get(f"/companies/{COMPANY}/quiz-results", headers=admin).get_json()
    (figures,) = body["quizzes"]
    assert (figures["respondents"], figures["average_score"], figures["out_of"]) == (2, 1.0, 2)
    assert [(e["entity_name"], e["respondents"], e["average_score"]) for e in figures["entities"]] == [
        ("Direction financière", 1, 2.0), ("Entité non renseignée", 1, 0.0)]
    # Lucas's entity arrives later: his attempt is counted with it from then on.
    service.deliver("engagement.person.registered", {**example("engagement.person.registered"), "person_id": LUCAS,
                                                     "entity_id": "e-rh", "entity_name": "Ressources humaines"})
    body = quizzes.client.get(f"/companies/{COMPANY}/quiz-results", headers=quizzes.operator()).get_json()
    assert [e["entity_name"] for e in body["quizzes"][0]["entities"]] == ["Direction financière", "Ressources humaines"]


def test_company_figures_reach_only_that_company_s_admins_and_operators(quizzes, today):
    other_admin = quizzes.tokens.headers("admin2", roles=("company_admin",), company_id=OTHER_COMPANY)
    for headers in (other_admin, quizzes.employee()):
        response = quizzes.client.get(f"/companies/{COMPANY}/quiz-results", headers=headers)
        assert response.status_code == 404
    assert quizzes.client.get(f"/companies/{COMPANY}/quiz-results").status_code == 401
