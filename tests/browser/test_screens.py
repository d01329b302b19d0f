"""Every screen of the web client at 1280 px and at 375 px: its <h1>, axe, no sideways scroll, a screenshot.

Each role logs in through the UI once (the storage state is reused). The data a screen needs that
the demo set lacks (participations at each step, a manager's e-mail link, account e-mails) is made
through the API once per module: these tests look at screens, the journey test drives the workflow.
Screenshots: test-artifacts/screenshots/<NN>-<screen>-<width>.png.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Callable
from urllib.parse import urlparse

import pytest
import requests
from playwright.sync_api import expect
from browser_support import (
    DEMO,
    DEMO_PASSWORD,
    WIDTHS,
    ApiUser,
    check_screen,
    labelled,
    link_in,
    long_date,
    mailbox,
    move_clock,
    pick_date,
    poll,
    reset_clock,
    wait_for_mail,
    wait_for_screen,
    working_days,
)

pytestmark = pytest.mark.browser

PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
MISSION_TO_SHOW = "Faites découvrir les sciences en menant des expériences avec des enfants"
MISSION_TO_APPLY = "Encadrez un atelier de programmation pour des collégiens"
MISSION_APPROVED = "Aidez des collégiens dans leurs devoirs après la classe"


class ScreenData:
    """What the screens need beyond the demo set, made on first use: a failure only fails the screens that need it."""

    def __init__(self, base: str):
        self.base = base

    @cached_property
    def camille(self) -> ApiUser:
        return ApiUser(self.base, DEMO["employee"])

    @cached_property
    def lucas(self) -> ApiUser:
        return ApiUser(self.base, DEMO["employee2"])

    @cached_property
    def missions(self) -> dict[str, str]:
        """Les Petits Savants' published missions, title → id."""
        found = self.camille.get(f"/api/catalog/missions?association={PETITS_SAVANTS}&per_page=50")
        return {m["title"]: m["id"] for m in found["items"]}

    @cached_property
    def days(self) -> list[date]:
        return working_days(3, date.today() + timedelta(days=7))

    def _apply_and_request(self, user: ApiUser, title: str, day: date) -> tuple[str, str]:
        """Apply to the mission and ask the demo manager for one day; returns (participation id, the manager link)."""
        mission_id = self.missions[title]
        poll(lambda: user.status_of(f"/api/engagement/missions/{mission_id}") == 200,
             what="engagement knows the mission")
        before = {m["id"] for m in mailbox(self.base)}
        applied = user.post("/api/engagement/applications", {
            "mission_id": mission_id, "phone": "06 12 34 56 78", "year": day.year,
            "message": "Bonjour, je serais ravie d'aider l'association sur cette mission. À bientôt !",
        })
        user.post(f"/api/engagement/participations/{applied['id']}/date-requests", {
            "manager_email": DEMO["manager"], "message": "Bonjour Sophie, peux-tu valider cette date ?",
            "dates": [{"date": day.isoformat(), "format": "full_day"}],
        })
        mail = wait_for_mail(self.base, DEMO["manager"], text_part=title, link_part="/manager/demandes/", after=before)
        return applied["id"], link_in(mail, "/manager/demandes/")

    @cached_property
    def pending(self) -> tuple[str, str]:
        """Camille's participation waiting for the manager (step 2), and the manager's e-mail link."""
        return self._apply_and_request(self.camille, MISSION_TO_SHOW, self.days[0])

    @cached_property
    def approved(self) -> dict:
        """Lucas' participation whose date the manager accepted (step 3): its id and, once documents made it, its convention."""
        participation, link = self._apply_and_request(self.lucas, MISSION_APPROVED, self.days[1])
        secret = urlparse(link).path.rsplit("/", 1)[1]
        decided = requests.post(f"{self.base}/api/approval/actions/{secret}", json={"decision": "accept"}, timeout=20)  # no log-in: the link is the credential
        assert decided.status_code == 200, decided.text
        view = poll(lambda: (v := self.lucas.get(f"/api/engagement/participations/{participation}"))["days_approved"] and v,
                    what="the approval reaches engagement")
        return {"participation": participation, "view": view}

    @cached_property
    def convention_id(self) -> str:
        participation = self.approved["participation"]

        def issued():
            view = self.lucas.get(f"/api/engagement/participations/{participation}")
            return (view.get("convention") or {}).get("id")

        return poll(issued, timeout=60, what="documents issues the convention (engagement's participation view shows it)")

    @cached_property
    def favorite(self) -> str:
        """A mission in Camille's favourites, so « MES FAVORIS » is not empty."""
        mission_id = self.missions[MISSION_TO_APPLY]
        poll(lambda: self.camille.status_of(f"/api/engagement/missions/{mission_id}") == 200, what="engagement knows the mission")
        self.camille.call("PUT", f"/api/engagement/me/favorites/{mission_id}")
        return mission_id

    @cached_property
    def current_quiz(self) -> dict:
        """The demo's quiz du moment (open now), as Camille sees it."""
        return self.camille.get("/api/quiz/current")["quiz"]

    @cached_property
    def quiz_answered(self) -> str:
        """Camille answers the quiz du moment (the first choice of each question): MES QUIZ and the figures are not empty."""
        quiz_id = self.current_quiz["id"]
        questions = self.camille.get(f"/api/quiz/quizzes/{quiz_id}")["questions"]
        self.camille.post(f"/api/quiz/quizzes/{quiz_id}/attempt", {
            "answers": [{"question_id": q["id"], "choice_ids": [q["choices"][0]["id"]]} for q in questions]})
        return quiz_id

    @cached_property
    def verification_link(self) -> str:
        address = f"ecran.inscription.{uuid.uuid4().hex[:8]}@horizon.example"
        options = requests.get(f"{self.base}/api/engagement/signup-options", params={"email": address}, timeout=10).json()
        password = "une phrase de passe assez longue"
        created = requests.post(f"{self.base}/api/engagement/accounts", timeout=20, json={
            "first_name": "Élise", "last_name": "Écran", "email": address, "password": password,
            "password_confirmation": password, "entity_id": options["entities"][0]["id"], "consent": True,
        })
        assert created.status_code == 202, created.text
        return link_in(wait_for_mail(self.base, address, link_part="/inscription/verification/"), "/inscription/verification/")

    @cached_property
    def new_password_link(self) -> str:
        before = {m["id"] for m in mailbox(self.base)}
        asked = requests.post(f"{self.base}/api/engagement/password-resets", json={"email": "ines.petit@horizon.example"}, timeout=20)
        assert asked.status_code in (200, 202, 204), asked.text
        mail = wait_for_mail(self.base, "ines.petit@horizon.example", link_part="/mot-de-passe/nouveau/", after=before)
        return link_in(mail, "/mot-de-passe/nouveau/")

    @cached_property
    def invitation_link(self) -> str:
        admin = ApiUser(self.base, DEMO["admin"])
        address = f"ecran.invitation.{uuid.uuid4().hex[:8]}@horizon.example"
        admin.post("/api/engagement/invitations", {"email": address, "first_name": "Ivan", "last_name": "Invité", "roles": ["employee"]})
        return link_in(wait_for_mail(self.base, address, link_part="/invitation/"), "/invitation/")


@pytest.fixture(scope="module")
def data(platform) -> ScreenData:
    return ScreenData(platform.base)


def path_of(link: str) -> str:
    return urlparse(link).path


@dataclass(frozen=True)
class Screen:
    key: str
    who: str | None  # a key of DEMO, or None for a visitor who is not logged in
    path: str | Callable[[ScreenData], str]
    h1: str | None = None  # a regular expression the <h1> must match, when the guide fixes the words


SCREENS = [
    Screen("home", None, "/"),
    Screen("home-employee", "employee", "/"),
    Screen("find-missions", "employee", "/missions"),
    Screen("find-missions-filtered", "employee", "/missions?theme=sciences+%2F+recherche&personal_expertise=Jardinage"),
    Screen("mission", "employee", lambda d: f"/missions/{d.missions[MISSION_TO_SHOW]}"),
    Screen("apply", "employee", lambda d: f"/missions/{d.missions[MISSION_TO_APPLY]}/postuler"),
    Screen("propose-directory", "employee", "/je-propose"),
    Screen("association", "employee", f"/associations/{PETITS_SAVANTS}"),
    Screen("proposal", "employee", f"/je-propose/{PETITS_SAVANTS}"),
    Screen("sign-up", None, "/inscription"),
    Screen("email-verification", None, lambda d: path_of(d.verification_link)),
    Screen("log-in", None, "/connexion"),
    Screen("forgot-password", None, "/mot-de-passe/oublie"),
    Screen("new-password", None, lambda d: path_of(d.new_password_link)),
    Screen("invitation", None, lambda d: path_of(d.invitation_link)),
    # From here on Camille has a request waiting for Sophie, Lucas approved dates: the lists are not empty.
    Screen("my-account", "employee", lambda d: d.pending and "/mon-compte"),
    Screen("my-account-team", "manager", lambda d: d.pending and d.approved and "/mon-compte/equipe"),
    Screen("my-account-missions", "employee", lambda d: d.pending and "/mon-compte/missions"),
    Screen("my-account-preferences", "employee", "/mon-compte/preferences"),
    Screen("my-account-favorites", "employee", lambda d: d.favorite and "/mon-compte/favoris"),
    Screen("dates", "employee", lambda d: f"/mon-compte/participations/{d.pending[0]}/dates"),
    Screen("add-dates", "employee2", lambda d: f"/mon-compte/participations/{d.approved['participation']}/dates"),
    Screen("convention", "employee2", lambda d: f"/mon-compte/conventions/{d.convention_id}"),
    Screen("bilan-locked", "employee2", lambda d: f"/mon-compte/participations/{d.approved['participation']}/bilan"),
    Screen("manager-request", None, lambda d: path_of(d.pending[1])),
    Screen("referent-space", "referent", lambda d: d.approved and "/association"),
    Screen("referent-missions", "referent", "/association/missions"),
    Screen("referent-applications", "referent", lambda d: d.approved and "/association/candidatures"),
    Screen("mission-new", "referent", "/association/missions/nouvelle"),
    Screen("mission-edit", "referent", lambda d: f"/association/missions/{d.missions[MISSION_TO_SHOW]}/modifier"),
    Screen("attendance", "referent", lambda d: f"/association/participations/{d.approved['participation']}/presence"),
    Screen("company", "admin", "/entreprise"),
    Screen("company-entities", "admin", "/entreprise/entites"),
    Screen("company-policy", "admin", "/entreprise/politique"),
    Screen("company-people", "admin", "/entreprise/personnes"),
    Screen("company-invitations", "admin", "/entreprise/invitations"),
    Screen("company-end-of-career", "admin", "/entreprise/fin-de-carriere"),
    Screen("why", None, "/pourquoi-s-engager"),
    Screen("end-of-career", None, "/mecenat-fin-de-carriere"),
    Screen("faq", None, "/faq"),
    Screen("support", None, "/support"),
    Screen("not-found", None, "/cette-page-n-existe-pas", h1=r"(?i)introuvable"),
    # The quiz (appended, so the numbers above keep their screenshots): Lucas has not answered, Camille has.
    Screen("quiz-to-answer", "employee2", lambda d: f"/quiz/{d.current_quiz['id']}"),
    Screen("quiz-answered", "employee", lambda d: f"/quiz/{d.quiz_answered}"),
    Screen("my-account-quiz", "employee", lambda d: d.quiz_answered and "/mon-compte/quiz"),
    Screen("operator-quizzes", "operator", "/operateur/quiz"),
    Screen("operator-quiz-new", "operator", "/operateur/quiz/nouveau"),
    Screen("operator-quiz-edit", "operator", lambda d: f"/operateur/quiz/{d.current_quiz['id']}"),
    Screen("company-quiz", "admin", lambda d: d.quiz_answered and "/entreprise/quiz"),
    Screen("my-account-information", "employee", "/mon-compte/informations"),
]
NUMBERED = [(f"{index:02d}", screen) for index, screen in enumerate(SCREENS, start=1)]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("number", "screen"), NUMBERED, ids=[f"{n}-{s.key}" for n, s in NUMBERED])
def test_every_screen_renders_its_heading_passes_axe_and_fits_the_width(open_page, data, number, screen, width):
    path = screen.path(data) if callable(screen.path) else screen.path
    watched = open_page(DEMO[screen.who] if screen.who else None, width)
    page = watched.page
    page.goto(path)
    name = f"{number}-{screen.key}-{width}"
    check_screen(watched, name)
    # A protected screen that sent its own user to /connexion is not the screen; a space may open its default tab.
    asked, landed = urlparse(path).path.rstrip("/") or "/", urlparse(page.url).path
    assert landed == asked or re.fullmatch(re.escape(asked) + r"/[a-z-]+", landed), f"{name}: asked for {path}, landed on {page.url}"
    if screen.key != "not-found":
        assert not re.search(r"(?i)page introuvable", page.locator("h1").inner_text()), f"{name}: the route fell to the 404 page"
    if screen.h1:
        assert re.search(screen.h1, page.locator("h1").inner_text()), f"{name}: <h1> {page.locator('h1').inner_text()!r} !~ {screen.h1}"
    assert page.title().endswith("— Tandem"), f"{name}: document.title {page.title()!r}"


def test_the_layout_has_a_skip_link_landmarks_and_the_dev_mailbox_link(open_page):
    watched = open_page()
    page = watched.page
    page.goto("/faq")
    check_screen(watched, "00-layout-1280")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.tagName, document.activeElement.textContent.trim()]")
    assert focused == ["A", "Aller au contenu"], f"the first Tab stop is {focused}, not the skip link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenu"
    for landmark in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(landmark)).to_have_count(1)
    navigation = page.get_by_role("navigation", name="Navigation principale")
    # The guide's header (issue 16, point 12): Je trouve, Je propose, Pourquoi s'engager ?, Mécénat fin de carrière, FAQ.
    for label in ("Accueil", "Je trouve", "Je propose", "Pourquoi s'engager ?", "Mécénat fin de carrière", "FAQ", "Se connecter"):
        expect(navigation.get_by_role("link", name=label, exact=True)).to_have_count(1)
    footer = page.get_by_role("contentinfo")
    for label in ("Pourquoi s'engager ?", "Mécénat fin de carrière", "FAQ", "Contacter le support", "Boîte mail de développement"):
        expect(footer.get_by_role("link", name=label)).to_have_count(1)


def test_a_protected_screen_sends_a_visitor_to_log_in_and_back(open_page):
    watched = open_page()
    page = watched.page
    page.goto("/mon-compte/preferences")
    page.wait_for_url(re.compile(r"/connexion\?suite="))
    assert "suite=%2Fmon-compte%2Fpreferences" in page.url or "suite=/mon-compte/preferences" in page.url, page.url
    labelled(page, "E-mail").fill(DEMO["employee"])
    labelled(page, "Mot de passe").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter", exact=True).click()
    page.wait_for_url(re.compile(r"/mon-compte/preferences$"))
    page.locator("h1").wait_for()


def test_the_heading_takes_the_focus_after_a_navigation_and_back_forward_work(open_page):
    watched = open_page(DEMO["employee"])
    page = watched.page
    page.goto("/")
    page.locator("h1").wait_for()
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Mon compte").click()
    page.wait_for_url(re.compile(r"/mon-compte$"))
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    page.go_forward()
    page.wait_for_url(re.compile(r"/mon-compte$"))
    page.locator("h1").wait_for()


def test_an_api_error_shows_in_french_next_to_its_field_and_the_form_still_passes_axe(open_page):
    """The API refuses a common password (422; a short one the form itself refuses): the message sits under the field,
    linked to it, and the summary takes the focus."""
    watched = open_page(width=375)
    watched.allow(r"/api/engagement/accounts$")  # the 422 is the point of this test
    page = watched.page
    page.goto("/inscription")
    labelled(page, "Prénom").fill("Élise")
    labelled(page, "Nom").fill("Erreur")
    labelled(page, "E-mail").fill(f"ecran.erreur.{uuid.uuid4().hex[:8]}@horizon.example")
    labelled(page, "E-mail").blur()
    expect(page.get_by_text("Groupe Horizon")).to_be_visible()
    labelled(page, "Mot de passe").fill("motdepasse123")
    labelled(page, "Répéter le mot de passe").fill("motdepasse123")
    labelled(page, "Indique ton entité de rattachement").select_option(index=1)
    page.get_by_label(re.compile(r"^J'autorise l'utilisation de mes données")).check()
    page.get_by_role("button", name="S'inscrire").click()
    password = labelled(page, "Mot de passe")
    expect(password).to_have_attribute("aria-invalid", "true")
    described = password.get_attribute("aria-describedby") or ""
    messages = [page.locator(f"#{element_id}").inner_text() for element_id in described.split()]
    assert any(re.search(r"(?i)trop courant", text) for text in messages), f"the field's description: {messages}"
    expect(page.locator(".error-summary")).to_be_focused()
    check_screen(watched, "43-sign-up-error-375")
    # A short one is said at once, by the form, beside the other fields' errors.
    labelled(page, "Mot de passe").fill("court")
    labelled(page, "Répéter le mot de passe").fill("autre")
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.locator(".error-summary")).to_contain_text("au moins 12 caractères")
    expect(page.locator(".error-summary")).to_contain_text("ne sont pas identiques")


def test_an_employee_gives_a_retirement_date_for_the_end_of_career_scheme(open_page):
    """MES PRÉFÉRENCES › « Mécénat fin de carrière »: a past date is refused next to the field, a future one is saved
    and awaits the company's confirmation (the admin's « FIN DE CARRIÈRE » tab confirms it)."""
    watched = open_page(DEMO["employee"], width=375)
    watched.allow(r"/api/engagement/me$")  # the 422 on the past date is part of the test
    page = watched.page
    page.goto("/mon-compte/preferences")
    field = labelled(page, "Ma date de départ en retraite")
    field.fill((date.today() - timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Enregistrer ma date").click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#erreur-date-retraite")).to_contain_text("à venir")
    leaving = date.today() + timedelta(days=200)
    field.fill(leaving.isoformat())
    page.get_by_role("button", name="Enregistrer ma date").click()
    expect(page.get_by_text("attend la confirmation de ton entreprise")).to_be_visible()
    check_screen(watched, "44-retirement-date-375")
    page.reload()
    expect(labelled(page, "Ma date de départ en retraite")).to_have_value(leaving.isoformat())


def a_year_before(day: date) -> date:
    """The first day of one a week, as engagement counts it: the same calendar day a year before (28 February for a
    29 February)."""
    return date(day.year - 1, 2, 28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def test_the_end_of_career_months_to_come_read_alike_for_the_admin_the_account_and_the_dates(open_page, data, platform):
    """The guide: « 1 jour par semaine … à un an de la retraite ». A newcomer whose retirement is fourteen months or so
    away: once the admin confirms it, « FIN DE CARRIÈRE », « Mon compte » and the dates page all name the same first day
    of one a week, and the dates page says which chosen dates are weekly and that they go in a request of their own."""
    admin = ApiUser(platform.base, DEMO["admin"])
    address = f"fin.de.carriere.{uuid.uuid4().hex[:8]}@horizon.example"
    entity_id = admin.get("/api/engagement/me")["entity"]["id"]
    admin.post("/api/engagement/invitations", {"email": address, "first_name": "Odile", "last_name": "Retraite",
                                               "roles": ["employee"], "entity_id": entity_id})
    secret = link_in(wait_for_mail(platform.base, address, link_part="/invitation/"), "/invitation/").rsplit("/", 1)[1]
    accepted = requests.post(f"{platform.base}/api/engagement/invitations/{secret}/acceptance", timeout=20, json={
        "password": DEMO_PASSWORD, "password_confirmation": DEMO_PASSWORD, "consent": True})
    assert accepted.status_code == 200, accepted.text
    odile = ApiUser(platform.base, address)
    year = date.today().year + 1
    retirement = date(year + 1, 3, 2)  # one a week from 2 March of next year: February's days still use the year's
    weekly_from = a_year_before(retirement)
    odile.call("PATCH", "/api/engagement/me", json={"retirement_date": retirement.isoformat()})

    watched = open_page(DEMO["admin"], 1280)
    page = watched.page
    page.goto("/entreprise/fin-de-carriere")
    wait_for_screen(page)
    card = page.locator("li.space-card", has=page.locator("h3", has_text="Odile Retraite"))
    weekly_label = f"{weekly_from.day}{'er' if weekly_from.day == 1 else ''} {long_date(weekly_from).split(' ', 2)[2]}"
    expect(card).to_contain_text(f"à partir du {weekly_label}")
    card.get_by_role("button", name="Confirmer la date de départ de Odile Retraite").click()
    expect(card.locator(".notice--success")).to_contain_text(f"bénéficie d'1 jour par semaine à partir du {weekly_label}.")
    expect(card.locator(".status")).to_have_text("Date confirmée")
    check_screen(watched, "47-end-of-career-confirmed-1280")

    mine = open_page(address, 375)
    mine.page.goto("/mon-compte")
    wait_for_screen(mine.page)
    expect(mine.page.get_by_text(re.compile(
        rf"puis 1 jour par semaine à partir du {long_date(weekly_from)} \(mécénat fin de carrière\)"))).to_be_visible()
    check_screen(mine, "48-my-account-end-of-career-to-come-375")

    mission_id = data.missions[MISSION_TO_APPLY]
    poll(lambda: odile.status_of(f"/api/engagement/missions/{mission_id}") == 200, what="engagement knows the mission")
    applied = odile.post("/api/engagement/applications", {
        "mission_id": mission_id, "phone": "06 12 34 56 78", "year": year,
        "message": "Bonjour, je pars en retraite l'an prochain et je serais ravie de vous aider d'ici là.",
    })
    [before] = working_days(1, date(year, 2, 15))
    [weekly] = working_days(1, weekly_from)
    page = mine.page
    page.goto(f"/mon-compte/participations/{applied['id']}/dates")
    wait_for_screen(page)
    for day in (before, weekly):
        pick_date(page, day)
    summary = page.locator(".allowance-summary")
    expect(summary).to_contain_text(f"À partir du {long_date(weekly_from)}, ton mécénat fin de carrière te donne 1 jour par semaine")
    expect(summary).to_contain_text("Demande-les à part des dates d'avant.")
    check_screen(mine, "49-dates-end-of-career-to-come-375")
    page.get_by_role("button", name=f"Retirer le {long_date(before)}").click()
    expect(summary).to_contain_text("ne comptent pas sur tes jours de l'année.")
    expect(summary).not_to_contain_text("Demande-les à part")
    labelled(page, "Ta demande d'absence sera envoyée à :").fill(DEMO["manager"])
    page.get_by_role("button", name="ENVOYER").click()
    page.wait_for_url(re.compile(r"/mon-compte"))
    requested = poll(lambda: (v := odile.get(f"/api/engagement/participations/{applied['id']}"))["requests"] and v,
                     what="the weekly date is asked for")
    assert [d["date"] for r in requested["requests"] for d in r["dates"]] == [weekly.isoformat()]


def test_a_request_whose_date_has_passed_can_only_be_refused_and_both_sides_are_told(open_page, data, platform):
    """The guide: the manager validates the dates before the employee leaves. Once Camille's pending date has gone by,
    the manager's link page says why « Accepter » is gone and offers only the refusal; Camille's card says to ask again."""
    participation, link = data.pending
    move_clock(platform.base, data.days[0] + timedelta(days=1))
    try:
        manager = open_page(None, 1280)
        manager.page.goto(path_of(link))
        wait_for_screen(manager.page)
        notice = manager.page.locator(".decision .notice--warning")
        expect(notice).to_contain_text("est passé : tu ne peux plus accepter cette demande")
        expect(notice).to_contain_text("Refuse-la : Camille Martin pourra demander d'autres dates.")
        expect(manager.page.get_by_role("button", name="ACCEPTER LA DEMANDE")).to_have_count(0)
        expect(manager.page.get_by_role("button", name="REFUSER LA DEMANDE")).to_be_visible()
        check_screen(manager, "45-manager-request-date-passed-1280")
        narrow = open_page(None, 375)
        narrow.page.goto(path_of(link))
        wait_for_screen(narrow.page)
        expect(narrow.page.locator(".decision .notice--warning")).to_contain_text("tu ne peux plus accepter cette demande")
        check_screen(narrow, "45-manager-request-date-passed-375")

        # The same request in « Les missions de mon équipe », where Sophie decides when logged in.
        team = open_page(DEMO["manager"], 375)
        team.page.goto("/mon-compte/equipe")
        wait_for_screen(team.page)
        card = team.page.locator("article.request-card").filter(has_text="Camille Martin").filter(
            has_text="tu ne peux plus accepter cette demande")
        expect(card.locator(".notice--warning")).to_contain_text("Refuse-la : Camille Martin pourra demander d'autres dates.")
        expect(card.get_by_role("button", name="ACCEPTER LA DEMANDE")).to_have_count(0)
        expect(card.get_by_role("button", name="REFUSER LA DEMANDE")).to_be_visible()
        # Below, Camille's mission and its steps, without what her own page tells her to do.
        missions = team.page.locator(".team-missions article").filter(has_text="Camille Martin")
        expect(missions.first.locator(".steps")).to_be_visible()
        expect(missions.first).not_to_contain_text("Annule-la")
        expect(missions.first.locator(".month-list")).to_contain_text("passée sans validation")
        card.scroll_into_view_if_needed()
        check_screen(team, "45-team-request-date-passed-375")

        camille = open_page(DEMO["employee"], 375)
        camille.page.goto("/mon-compte/missions")
        wait_for_screen(camille.page)
        card = camille.page.locator(".pending-requests li").filter(has_text="une des dates demandées est passée sans réponse")
        expect(card).to_contain_text("Annule-la, conviens d'autres dates avec l'association et demande-les.")
        mission = camille.page.locator("article.participation").filter(has=card)
        expect(mission.locator(".month-list, .dates")).to_contain_text("passée sans validation")
        check_screen(camille, "46-my-missions-date-passed-375")
    finally:
        reset_clock(platform.base)
    assert requests.get(f"{platform.base}/api/approval/actions/{urlparse(link).path.rsplit('/', 1)[1]}",
                        timeout=10).json()["acceptance_refused"] is None, "back to the real day, it can be accepted again"
