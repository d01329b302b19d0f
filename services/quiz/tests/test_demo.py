"""The demo quizzes: eight in the 15-day rhythm around today, the guide's question among them, answers in MES QUIZ."""
from quiz import demo, scheduler
from quiz.demo_content import QUIZZES

CAMILLE = demo.demo_id("person", "camille.martin@horizon.example")


def test_the_demo_content_follows_the_issues_rules():
    assert len(QUIZZES) >= 8 and sorted(q["period"] for q in QUIZZES) == list(range(-4, 4))
    statements = [question["statement"] for quiz in QUIZZES for question in quiz["questions"]]
    assert "Pour réduire son empreinte carbone, il vaut mieux manger…" in statements
    for quiz in QUIZZES:
        assert 3 <= len(quiz["questions"]) <= 6, quiz["title"]
        for question in quiz["questions"]:
            title, url = question["source"]
            assert title and url.startswith("https://"), question["statement"]


def test_the_demo_opens_the_quiz_du_moment_and_fills_mes_quiz(service, tokens, today):
    assert demo.load_demo_data(service.runtime) is True
    assert demo.load_demo_data(service.runtime) is False
    assert scheduler.check_schedule(service.runtime, "http://tandem.test") == (1, 0)
    (opened,) = service.published("quiz.quiz.opened")
    current = service.client.get("/current").get_json()["quiz"]
    assert current["id"] == opened.data["quiz_id"] and current["title"] == "Ton assiette et le climat"
    assert current["opens_on"] <= today.isoformat() <= current["closes_on"]
    camille = tokens.headers(CAMILLE, company_id=demo.DEMO_COMPANY_ID)
    mine = service.client.get("/me/quizzes", headers=camille).get_json()
    assert [a["attempt"]["score"] for a in mine["answered"]] == [2, 2, 3]
    assert [q["id"] for q in mine["to_answer"]] == [current["id"]]
    admin = tokens.headers("admin", roles=("company_admin",), company_id=demo.DEMO_COMPANY_ID)
    figures = service.client.get(f"/companies/{demo.DEMO_COMPANY_ID}/quiz-results", headers=admin).get_json()["quizzes"]
    assert len(figures) == 5 and sum(f["respondents"] for f in figures) == 5
