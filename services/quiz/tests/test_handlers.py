"""Quiz's handlers through the inbox: the mission copy (published, updated, closed, late and repeated events) and the
people copy, as « Des missions en lien avec ce quiz » and the company figures read them."""
from datetime import timedelta

from quiz.models import MissionCopy, PersonCopy

from .conftest import CAMILLE, COMPANY, OTHER_COMPANY, example


def _linked(quizzes, quiz, company=COMPANY):
    return [m["id"] for m in quizzes.client.get(f"/quizzes/{quiz['id']}", headers=quizzes.employee(company=company)).get_json()["linked_missions"]]


def test_a_published_mission_on_the_quizs_theme_appears_and_disappears_when_closed(quizzes, today, service):
    quiz = quizzes.open_quiz(today, themes=["éducation / formation"])
    published = example("catalog.mission.published")
    assert _linked(quizzes, quiz) == []
    service.deliver("catalog.mission.published", published)
    assert _linked(quizzes, quiz) == [published["id"]]
    service.deliver("catalog.mission.closed", example("catalog.mission.closed"))
    assert _linked(quizzes, quiz) == []


def test_a_mission_reserved_to_another_company_is_not_linked_for_us(quizzes, today, service):
    quiz = quizzes.open_quiz(today, themes=["éducation / formation"])
    service.deliver("catalog.mission.published", example("catalog.mission.published"))
    service.deliver("catalog.mission.updated", {**example("catalog.mission.updated"), "company_ids": [OTHER_COMPANY]})
    assert _linked(quizzes, quiz) == []
    assert _linked(quizzes, quiz, company=OTHER_COMPANY) == [example("catalog.mission.published")["id"]]


def test_an_older_event_never_overwrites_a_newer_copy_and_a_redelivery_changes_nothing(service):
    closed = example("catalog.mission.closed")
    service.deliver("catalog.mission.closed", closed, event_id="e-closed")
    service.deliver("catalog.mission.published", example("catalog.mission.published"))  # older: arrives late
    assert service.deliver("catalog.mission.closed", closed, event_id="e-closed") == "duplicate"
    with service.runtime.db.reading() as session:
        mission = session.get(MissionCopy, closed["id"])
        assert mission.status == "closed" and mission.title == closed["title"]


def test_the_people_copy_keeps_the_newest_company_and_entity(service):
    registered, updated = example("engagement.person.registered"), example("engagement.person.updated")
    service.deliver("engagement.person.updated", updated)
    service.deliver("engagement.person.registered", registered)  # older
    with service.runtime.db.reading() as session:
        person = session.get(PersonCopy, CAMILLE)
        assert (person.entity_id, person.entity_name) == (updated["entity_id"], "Ressources humaines")


def test_a_quiz_reserved_to_a_company_links_missions_as_its_people_see_them(quizzes, today, service):
    quiz = quizzes.open_quiz(today + timedelta(days=0), themes=["éducation / formation"], company_ids=[COMPANY])
    service.deliver("catalog.mission.published", {**example("catalog.mission.published"), "open_to_all_companies": False,
                                                  "company_ids": [COMPANY]})
    assert _linked(quizzes, quiz) == [example("catalog.mission.published")["id"]]
    preview = quizzes.client.get(f"/admin/quizzes/{quiz['id']}", headers=quizzes.operator()).get_json()
    assert [m["id"] for m in preview["linked_missions"]] == [example("catalog.mission.published")["id"]]
