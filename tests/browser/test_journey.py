"""The whole mission workflow through the web client, as the people involved would click it.

A new employee of Groupe Horizon signs up, confirms the address from the development mailbox, sets
preferences, finds a mission with two filters, applies, asks her manager for two dates; the manager
accepts from the e-mail link without logging in; she signs the convention; the association's
referent attests presence; she completes her bilan and downloads both PDFs. Only the dev mailbox is
read outside the UI (as a tester would open /dev/mail), and the embedded mode's clock is moved so that
the dates are past when presence is attested (browser_support.move_clock says why).
Every screen on the way passes the same checks as test_screens (axe, one <h1>, no console error).
"""
from __future__ import annotations

import contextlib
import re
import subprocess
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_support import (
    DEMO,
    ApiUser,
    long_date,
    pick_date,
    check_screen,
    labelled,
    log_in_through_the_ui,
    move_clock,
    poll,
    reset_clock,
    screenshot,
    wait_for_mail,
    wait_for_screen,
    working_days,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIRST_NAME, LAST_NAME = "Noémie", "Durand"
EMAIL = f"noemie.durand.{uuid.uuid4().hex[:6]}@horizon.example"  # unique: the tests may run against a used platform
PASSWORD = "Une journée solidaire au jardin"
ENTITY = "Direction financière"
MISSION = "Aidez-nous à créer un jardin pédagogique avec des écoliers"
ASSOCIATION = "Les Petits Savants"
REFERENT = DEMO["referent"]  # the referent of Les Petits Savants
MANAGER = DEMO["manager"]


class Journey:
    """Numbers the screenshots and names the step that failed."""

    def __init__(self, platform):
        self.platform = platform
        self.number = 50

    @contextlib.contextmanager
    def step(self, title: str, page=None):
        try:
            yield
        except BaseException as failure:
            if page is not None:
                with contextlib.suppress(Exception):
                    screenshot(page, f"{self.number:02d}-journey-FAILED-{slug(title)}-1280")
            server = self.platform.take_server_errors()
            raise AssertionError(f"journey step « {title} » failed: {failure}"
                                 + (f"\nthe platform logged:\n{server}" if server else "")) from failure

    def check(self, watched, screen: str) -> None:
        self.number += 1
        check_screen(watched, f"{self.number:02d}-journey-{screen}-1280")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def open_mail_link(page, to: str, link_part: str, text_part: str = "") -> None:
    """Open /dev/mail and follow the newest mail's link to `to` containing `link_part`, as a tester would."""
    page.goto("/dev/mail")
    mail = page.locator("article.mail").filter(has_text=f"À : {to}").filter(has_text=link_part)
    if text_part:
        mail = mail.filter(has_text=text_part)
    mail.first.locator(f'a[href*="{link_part}"]').first.click()
    page.wait_for_load_state()


def starting_with(text: str) -> re.Pattern:
    # Playwright serialises a name pattern as /…/ without escaping "/" (1.65): escape it here.
    return re.compile("^" + re.escape(text).replace("/", r"\/"))


def the_dates() -> list[date]:
    """Two working days from the day after tomorrow (a margin for Paris' midnight), in one civil year."""
    return working_days(2, date.today() + timedelta(days=2))


@pytest.mark.timeout(600)
def test_an_employee_goes_from_sign_up_to_her_bilan_through_the_web_client(platform, open_page, tmp_path):
    base = platform.base
    journey = Journey(platform)
    first, second = the_dates()
    employee = open_page(width=1280)
    page = employee.page
    try:
        # 1. Sign up.
        with journey.step("1 inscription", page):
            page.goto("/inscription")
            journey.check(employee, "sign-up")
            labelled(page, "Prénom").fill(FIRST_NAME)
            labelled(page, "Nom").fill(LAST_NAME)
            labelled(page, "E-mail").fill(EMAIL)
            labelled(page, "E-mail").blur()
            expect(page.get_by_text("Groupe Horizon")).to_be_visible()
            labelled(page, "Mot de passe").fill(PASSWORD)
            labelled(page, "Répéter le mot de passe").fill(PASSWORD)
            labelled(page, "Indique ton entité de rattachement").select_option(label=ENTITY)
            page.get_by_label(re.compile(r"^J'autorise l'utilisation de mes données")).check()
            page.get_by_role("button", name="S'inscrire").click()
            expect(page.locator("h1")).to_have_text(re.compile("Vérifie ta boîte mail"))
            journey.check(employee, "sign-up-sent")

        # 2. The verification e-mail, from the mailbox.
        with journey.step("2 vérification de l'adresse", page):
            wait_for_mail(base, EMAIL, link_part="/inscription/verification/")
            open_mail_link(page, EMAIL, "/inscription/verification/")
            expect(page.locator("h1")).to_have_text(re.compile("Confirme ton adresse e-mail"))
            journey.check(employee, "email-verification")
            page.get_by_role("button", name="Confirmer mon adresse").click()
            expect(page.locator("h1")).to_have_text(re.compile("Ton adresse e-mail est confirmée"))
            journey.check(employee, "email-confirmed")

        # 3. Log in, then MES PRÉFÉRENCES.
        with journey.step("3 préférences", page):
            log_in_through_the_ui(page, EMAIL, PASSWORD)
            page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Mon compte").click()
            expect(page.locator("h1")).to_have_text(re.compile(f"Bonjour {FIRST_NAME}"))
            page.get_by_role("navigation", name="Mon compte").get_by_role("link", name=re.compile("mes préférences", re.IGNORECASE)).click()
            page.wait_for_url(re.compile(r"/mon-compte/preferences$"))
            wait_for_screen(page)
            page.get_by_role("group", name=re.compile("expertises professionnelles")).get_by_label("Informatique / Web").check()
            page.get_by_role("group", name=re.compile("expertises personnelles")).get_by_label("Jardinage").check()
            page.get_by_role("group", name=re.compile("thématiques")).get_by_label("sciences / recherche").check()
            page.get_by_label(re.compile("Je souhaite être alerté")).check()
            page.get_by_role("button", name="VALIDER").click()
            expect(page.locator(".notice--success")).to_be_visible()
            journey.check(employee, "preferences")
            page.reload()
            wait_for_screen(page)
            expect(page.get_by_role("group", name=re.compile("expertises personnelles")).get_by_label("Jardinage")).to_be_checked()

        # 4. « Je trouve » with two filters.
        with journey.step("4 recherche avec deux filtres", page):
            page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Je trouve").click()
            page.wait_for_url(re.compile(r"/missions"))
            wait_for_screen(page)
            page.get_by_role("list", name="Thématiques").get_by_role("button", name=starting_with("sciences / recherche")).click()
            page.wait_for_url(re.compile(r"theme="))
            page.locator("summary", has_text="Expertises personnelles").click()
            page.get_by_role("list", name="Expertises personnelles").get_by_role("button", name=starting_with("Jardinage")).click()
            page.wait_for_url(re.compile(r"personal_expertise="))
            wait_for_screen(page)
            results = page.locator("#resultats").get_by_role("link", name=MISSION)
            expect(results).to_have_count(1)
            expect(page.locator("#resultats .mission-card")).to_have_count(1)
            journey.check(employee, "find-missions")

        # 5. The mission sheet, JE POSTULE, the step 1 form.
        with journey.step("5 fiche mission et candidature", page):
            results.click()
            expect(page.locator("h1")).to_have_text(MISSION)
            journey.check(employee, "mission")
            page.get_by_role("link", name="JE POSTULE").first.click()
            page.wait_for_url(re.compile(r"/postuler$"))
            wait_for_screen(page)
            journey.check(employee, "apply")
            labelled(page, "Ton téléphone").fill("06 11 22 33 44")
            year = labelled(page, "Année de ta mission")
            if year.count():
                year.select_option(str(first.year))
            message = labelled(page, "Ton message à l'association")
            if len(message.input_value()) < 20:
                message.fill("Bonjour, je serais ravie d'aider au jardin pédagogique avec les écoliers.")
            page.get_by_role("button", name="ENVOYER").click()
            page.wait_for_url(re.compile(r"/mon-compte/participations/[^/]+/dates$"))

        # 6. Step 2: two dates for the manager.
        with journey.step("6 demande de deux dates", page):
            expect(page.locator("h1")).to_have_text(re.compile("Je valide mes dates"))
            wait_for_screen(page)
            # Just applied: the association gets in touch first, so the page asks for the dates once they are agreed.
            expect(page.get_by_text("L'association prendra contact avec toi")).to_be_visible()
            expect(page.locator(".notice--info")).to_contain_text(
                "Renseigne ici toutes tes dates de mission prévues avec l'association, dès que vous les avez fixées ensemble")
            journey.check(employee, "dates")
            labelled(page, "Ta demande d'absence sera envoyée à :").fill(MANAGER)
            # Sending with no date is refused in the page, with the reason next to the calendar.
            page.get_by_role("button", name="ENVOYER").click()
            expect(page.get_by_text("Choisis au moins une date de mission sur le calendrier.")).to_be_visible()
            for day in (first, second):
                pick_date(page, day)
                page.get_by_role("group", name=f"Le {long_date(day)}").get_by_role("radio", name="Journée", exact=True).check()
            expect(page.locator(".allowance-summary")).to_contain_text("2 jours")
            # Once a date is picked, the reason it could not be sent is gone (not kept until the next try).
            expect(page.get_by_text("Choisis au moins une date de mission sur le calendrier.")).to_have_count(0)
            journey.check(employee, "dates-chosen")
            page.get_by_role("button", name="ENVOYER").click()
            page.wait_for_url(re.compile(r"/mon-compte"))
            wait_for_screen(page)
            expect(page.get_by_text(re.compile("en attente de sa réponse"))).to_be_visible()
            journey.check(employee, "my-missions-pending")

        # 7. The manager accepts from the e-mail link, without logging in.
        manager = open_page(width=1280)
        with journey.step("7 le manager accepte depuis l'e-mail", manager.page):
            # The newest request from her (the mail names the person, not her address).
            wait_for_mail(base, MANAGER, text_part=f"{FIRST_NAME} {LAST_NAME}", link_part="/manager/demandes/")
            open_mail_link(manager.page, MANAGER, "/manager/demandes/", text_part=f"{FIRST_NAME} {LAST_NAME}")
            expect(manager.page.locator("h1")).to_have_text("Demande d'absence à valider")
            wait_for_screen(manager.page)
            expect(manager.page.locator("main")).to_contain_text(MISSION)
            journey.check(manager, "manager-request")
            manager.page.get_by_role("button", name="ACCEPTER LA DEMANDE").click()
            expect(manager.page.get_by_role("heading", name="Demande acceptée")).to_be_visible()
            journey.check(manager, "manager-accepted")

        # 8. « Signe ta convention »: the e-mail, the convention page, consent, « Je signe ».
        with journey.step("8 signature de la convention", page):
            wait_for_mail(base, EMAIL, subject_part="Signe ta convention", link_part="/mon-compte/conventions/", timeout=60)
            page.goto("/mon-compte")
            wait_for_screen(page)
            expect(page.get_by_role("link", name=re.compile("Signe ta convention"))).to_be_visible()
            open_mail_link(page, EMAIL, "/mon-compte/conventions/")
            expect(page.locator("h1")).to_have_text(re.compile("Je signe ma convention"))
            wait_for_screen(page)
            journey.check(employee, "convention")
            # Signing without the consent box is refused in the page, with the reason next to the box.
            page.get_by_role("button", name="Je signe").click()
            expect(page.get_by_text("Coche la case pour donner ton accord avant de signer.")).to_be_visible()
            page.locator("form.sign-form").get_by_role("checkbox").check()
            page.get_by_role("button", name="Je signe").click()
            expect(page.get_by_role("heading", name="Ta convention est signée")).to_be_visible()
            journey.check(employee, "convention-signed")

        # 9. The association's referent attests presence once the dates are past.
        with journey.step("9 la référente atteste la présence"):
            # The referent's pages load once: engagement must know the convention is signed (documents' event)
            # before she opens them, or « Attester la présence » is not offered yet.
            noemie = ApiUser(base, EMAIL, PASSWORD)
            poll(lambda: [p["convention_state"] for p in noemie.get("/api/engagement/me/participations")["items"]] == ["done"],
                 timeout=60, what="engagement learns the convention is signed")
            move_clock(base, second)
            referent = open_page(REFERENT, 1280)
            rpage = referent.page
            rpage.goto("/association/candidatures")
            wait_for_screen(rpage)
            card = rpage.locator("li.space-card").filter(has_text=EMAIL)
            expect(card).to_have_count(1)
            journey.check(referent, "referent-applications")
            card.get_by_role("link", name=re.compile("Attester la présence")).click()
            rpage.wait_for_url(re.compile(r"/presence$"))
            wait_for_screen(rpage)
            journey.check(referent, "attendance")
            present = rpage.get_by_role("radio", name="Présent·e")
            expect(present).to_have_count(2)  # both dates are past now
            for radio in present.all():
                radio.check()
            rpage.get_by_role("button", name="Enregistrer la présence").click()
            expect(rpage.locator("#presence-enregistree .notice--success")).to_be_visible()
            journey.check(referent, "attendance-saved")

        # 10. The bilan.
        with journey.step("10 bilan", page):
            page.goto("/mon-compte/missions")
            wait_for_screen(page)
            page.get_by_role("link", name="Compléter mon bilan").first.click()
            page.wait_for_url(re.compile(r"/bilan$"))
            wait_for_screen(page)
            journey.check(employee, "bilan")
            for question in page.locator("fieldset.bilan-question").all():
                question.get_by_role("radio").first.check()
            for answer in page.locator(".bilan-question--text textarea[required]").all():
                answer.fill("Une belle journée avec les écoliers.")
            page.get_by_role("button", name="ENVOYER MON BILAN").click()
            page.wait_for_url(re.compile(r"/mon-compte"))
            wait_for_screen(page)
            expect(page.locator(".notice--success").first).to_contain_text("bilan")
            journey.check(employee, "bilan-sent")
            # Issue 16 (7): after the bilan, the mission goes on next year, in one click to the application for it.
            next_year = first.year + 1
            go_on = page.get_by_role("link", name=f"Poursuivre en {next_year}")
            expect(go_on).to_have_count(1)
            go_on.click()
            page.wait_for_url(re.compile(rf"/missions/[^/?]+/postuler\?annee={next_year}$"))
            wait_for_screen(page)
            year_choice = page.get_by_label(re.compile("Année de ta mission"))
            if year_choice.count():
                expect(year_choice).to_have_value(str(next_year))
            else:
                expect(page.get_by_text(f"Année de ta mission : {next_year}")).to_be_visible()
            journey.check(employee, "continue-next-year")

        # 11. Both PDFs, from « Mes documents ».
        with journey.step("11 téléchargement de la convention et du bilan", page):
            page.goto("/mon-compte/missions")
            wait_for_screen(page)
            documents = page.locator("section.documents")
            # The signed copy: the convention as it binds the three parties (documents seals it after the signature).
            convention_link = reload_until_present(page, documents.get_by_role("link", name="Copie signée (PDF)").first)
            with page.expect_download() as convention_download:
                convention_link.click()
            convention = tmp_path / "convention.pdf"
            convention_download.value.save_as(convention)
            # documents renders the bilan's PDF once it hears of the bilan: the link appears on a later load.
            bilan_link = reload_until_present(page, documents.get_by_role("link", name="Télécharger mon bilan (PDF)"))
            with page.expect_download() as bilan_download:
                bilan_link.click()
            bilan = tmp_path / "bilan.pdf"
            bilan_download.value.save_as(bilan)
            assert convention.read_bytes().startswith(b"%PDF"), convention.read_bytes()[:200]
            assert bilan.read_bytes().startswith(b"%PDF"), bilan.read_bytes()[:200]
            text = pdf_text(convention)
            assert f"{FIRST_NAME} {LAST_NAME}" in " ".join(text.split()), text[:2000]
            assert ASSOCIATION in " ".join(text.split()), text[:2000]

        # 12. The company's admin reads the bilan's answers in « Impact », titled for the company, each with the
        # question as the employee was asked it.
        admin = open_page(DEMO["admin"], 1280)
        with journey.step("12 le bilan dans l'impact de l'entreprise", admin.page):
            admin.page.goto(f"/entreprise/impact?annee={first.year}")
            wait_for_screen(admin.page)
            chart = reload_until_present(admin.page, admin.page.locator("figure.chart", has_text="Pertinence des missions proposées"))
            expect(chart.locator("figcaption")).to_contain_text(
                "Question posée : « Que penses-tu de la pertinence des missions de mécénat de compétences")
            journey.check(admin, "company-impact-bilan")
    finally:
        reset_clock(base)


def reload_until_present(page, locator, seconds: int = 30):
    for _ in range(seconds):
        if locator.count():
            return locator
        page.wait_for_timeout(1000)
        page.reload()
        wait_for_screen(page)
    raise AssertionError(f"{locator} did not appear on {page.url} within {seconds} s")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
