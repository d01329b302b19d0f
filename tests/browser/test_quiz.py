"""The quiz through the web client: a visitor is asked to log in and comes back to the quiz; an employee answers
the quiz du moment, reads the correction and finds it in MES QUIZ, and the TO DO LIST no longer asks for it;
the operator's back office shows the API's field errors next to their fields.
Every screen on the way passes the same checks as test_screens (axe, one <h1>, no console error, no sideways scroll).
"""
from __future__ import annotations

import re

import pytest
from browser_support import DEMO, ApiUser, check_screen, labelled
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_sees_the_quiz_du_moment_and_logs_in_to_answer_it(open_page):
    watched = open_page(width=375)
    page = watched.page
    page.goto("/")
    teaser = page.locator("section.quiz-teaser")
    expect(teaser.get_by_role("heading", name="LE QUIZ !")).to_be_visible()
    expect(teaser.locator(".quiz-teaser__question")).not_to_be_empty()
    expect(teaser.get_by_text("Connecte-toi pour répondre au quiz.")).to_be_visible()
    check_screen(watched, "70-quiz-home-visitor-375")
    teaser.get_by_role("link", name=re.compile(r"^Se connecter pour répondre")).click()
    page.wait_for_url(re.compile(r"/connexion\?suite=(%2F|/)quiz(%2F|/)"))
    labelled(page, "E-mail").fill(DEMO["referent"])
    labelled(page, "Mot de passe").fill("Tandem démo 2026 !")
    page.locator("main").get_by_role("button", name="Se connecter", exact=True).click()
    page.wait_for_url(re.compile(r"/quiz/[^/?]+$"))
    page.locator("h1").wait_for()


def test_an_employee_answers_the_quiz_du_moment_and_finds_it_in_mes_quiz(open_page):
    """Sophie (an employee of Groupe Horizon, who has not answered yet): home page → quiz → correction → MES QUIZ."""
    watched = open_page(DEMO["manager"])
    page = watched.page
    page.goto("/mon-compte")
    todo = page.locator(".todo-list")
    expect(todo.get_by_role("link", name=re.compile(r"Réponds au quiz du moment"))).to_be_visible()

    page.goto("/")
    teaser = page.locator("section.quiz-teaser")
    title = teaser.locator(".quiz-teaser__title").inner_text()
    teaser.get_by_role("link", name=re.compile(r"^Réponds au quiz")).click()
    page.wait_for_url(re.compile(r"/quiz/[^/?]+$"))
    expect(page.locator("h1")).to_have_text(title)
    check_screen(watched, "71-quiz-form-1280")

    # Sending without an answer is refused next to each question, before any call.
    page.get_by_role("button", name="Valider mes réponses").click()
    expect(page.locator(".error-summary")).to_be_focused()
    groups = page.locator("fieldset.quiz-question")
    count = groups.count()
    assert count >= 2, f"{count} questions"
    expect(groups.first).to_have_attribute("aria-describedby", re.compile(r"erreur-"))

    for index in range(count):
        groups.nth(index).locator("input").first.check()
    page.get_by_role("button", name="Valider mes réponses").click()
    result = page.locator("#resultat-quiz")
    expect(result).to_have_text(re.compile(rf"^Ton score : \d / {count}$"))
    expect(result).to_be_focused()
    expect(page.locator(".quiz-correction__question")).to_have_count(count)
    expect(page.get_by_text("Bonne réponse", exact=True).first).to_be_visible()
    expect(page.get_by_text("Ta réponse", exact=True).first).to_be_visible()
    expect(page.get_by_role("heading", name="Des missions en lien avec ce quiz")).to_be_visible()
    check_screen(watched, "72-quiz-correction-1280")

    page.get_by_role("link", name="Mes quiz", exact=True).first.click()
    page.wait_for_url(re.compile(r"/mon-compte/quiz$"))
    done = page.locator(".my-quizzes__item", has_text=title)
    expect(done).to_have_count(1)
    expect(done).to_contain_text(re.compile(rf"Ton score : \d / {count}"))
    done.locator("summary").click()
    expect(done.locator(".quiz-correction__question")).to_have_count(count)
    expect(page.locator(".todo-list").get_by_text("Réponds au quiz du moment")).to_be_visible()
    expect(page.locator(".todo-list").get_by_role("link", name=re.compile(r"Réponds au quiz du moment"))).to_have_count(0)
    check_screen(watched, "73-my-quizzes-1280")


def test_the_operator_creates_a_quiz_and_sees_the_api_errors_next_to_their_fields(open_page, platform):
    watched = open_page(DEMO["operator"], width=375)
    watched.allow(r"/api/quiz/admin/quizzes$")  # the 422 is the point of this test
    page = watched.page
    page.goto("/operateur/quiz/nouveau")
    labelled(page, "Titre").fill("Le quiz du test")
    labelled(page, "Introduction").fill("Teste tes connaissances !")
    labelled(page, "Premier jour").fill("2031-03-02")
    page.get_by_label("environnement").check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    statement = labelled(page, "La question")
    expect(statement).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".error-summary")).to_be_focused()
    # The summary names each field of the question in error, not « Questions : Entre 1 et 300 caractères ».
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("link", name=re.compile(r"^Question 1, la question : "))).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile(r"^Question 1, réponse 1"))).to_be_visible()
    expect(summary).not_to_contain_text("Questions :")
    check_screen(watched, "74-operator-quiz-errors-375")

    statement.fill("Quel geste économise le plus d'eau ?")
    labelled(page, "Réponse 1").fill("Prendre une douche plutôt qu'un bain")
    labelled(page, "Réponse 2").fill("Laisser couler le robinet")
    labelled(page, "L'explication (« Bouscule tes idées reçues »)").fill("Une douche de 5 minutes consomme bien moins d'eau qu'un bain.")
    labelled(page, "La source").fill("Centre d'information sur l'eau")
    labelled(page, "Le lien de la source").fill("https://www.cieau.com")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_url(re.compile(r"/operateur/quiz/[^/]+$"))
    expect(page.locator("h1")).to_have_text("Le quiz du test")
    expect(page.get_by_role("heading", name="Aperçu")).to_be_visible()
    page.get_by_role("link", name="Back-office des quiz").first.click()
    item = page.locator(".operator-quiz", has_text="Le quiz du test")
    expect(item).to_contain_text("Brouillon")
    item.get_by_role("button", name=re.compile(r"^Programmer")).click()
    expect(page.locator("#avis-quiz")).to_contain_text("programmé")
    expect(page.locator(".operator-quiz", has_text="Le quiz du test")).to_contain_text("Programmé")
    # Clean up: the demo's rhythm stays as it was for the other tests.
    operator = ApiUser(platform.base, DEMO["operator"])
    created = [q for q in operator.get("/api/quiz/admin/quizzes")["items"] if q["title"] == "Le quiz du test"]
    for quiz in created:
        operator.post(f"/api/quiz/admin/quizzes/{quiz['id']}/unschedule")
