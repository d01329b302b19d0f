"""The yearly bundle per association and company through the web client (issue 15).

Camille gives a day to Les Petits Savants (the workflow up to her bilan is driven through the API: test_journey
clicks it). Then, as the people concerned would click it: Camille downloads her « attestation de mission » from
« Mes documents »; the referent opens « Dossier annuel », checks the « état récapitulatif des journées » of Groupe
Horizon and confirms it; the company's admin finds it, sealed, in the company's « Dossier annuel ». Every screen passes
the same checks as test_screens (axe, one <h1>, no sideways scroll at 375 px, no console error).
"""
from __future__ import annotations

import re
import subprocess
import uuid
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from documents.rendering import euros_in_words
from browser_support import (
    DEMO,
    WIDTHS,
    ApiUser,
    check_screen,
    link_in,
    mailbox,
    move_clock,
    poll,
    reset_clock,
    wait_for_mail,
    wait_for_screen,
    working_days,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
# Missions the other browser tests use: this one takes another, so that no participation is shared.
TAKEN = {
    "Faites découvrir les sciences en menant des expériences avec des enfants",
    "Encadrez un atelier de programmation pour des collégiens",
    "Aidez des collégiens dans leurs devoirs après la classe",
    "Aidez-nous à créer un jardin pédagogique avec des écoliers",
}


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split())


def reload_until_present(page, locator, seconds: int = 30):
    for _ in range(seconds):
        if locator.count():
            return locator
        page.wait_for_timeout(1000)
        page.reload()
        wait_for_screen(page)
    raise AssertionError(f"{locator} did not appear on {page.url} within {seconds} s")


@pytest.fixture(scope="module")
def given_day(platform):
    """Camille's day given to Les Petits Savants, attested present, her bilan completed; the clock left on that day."""
    base = platform.base
    camille, referent = ApiUser(base, DEMO["employee"]), ApiUser(base, DEMO["referent"])
    missions = camille.get(f"/api/catalog/missions?association={PETITS_SAVANTS}&per_page=50")["items"]
    mission = next(m for m in missions if m["title"] not in TAKEN)
    (day,) = working_days(1, date.today() + timedelta(days=2))
    poll(lambda: camille.status_of(f"/api/engagement/missions/{mission['id']}") == 200, what="engagement knows the mission")
    before = {m["id"] for m in mailbox(base)}
    applied = camille.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "06 12 34 56 78", "year": day.year,
        "message": "Bonjour, je serais ravie de donner une journée à l'association. À bientôt !"})
    participation = applied["id"]
    camille.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": DEMO["manager"], "message": "Bonjour Sophie, peux-tu valider cette journée ?",
        "dates": [{"date": day.isoformat(), "format": "full_day"}]})
    link = link_in(wait_for_mail(base, DEMO["manager"], text_part=mission["title"], link_part="/manager/demandes/",
                                 after=before), "/manager/demandes/")
    decided = requests.post(f"{base}/api/approval/actions/{link.rsplit('/', 1)[1]}", json={"decision": "accept"}, timeout=20)
    assert decided.status_code == 200, decided.text
    convention = poll(lambda: (camille.get(f"/api/engagement/participations/{participation}").get("convention") or {}).get("id"),
                      timeout=60, what="documents issues the convention")
    version = poll(lambda: next((v for v in camille.get(f"/api/documents/conventions/{convention}")["versions"] if v["current"]), None),
                   what="the convention's current version")
    consent = camille.get("/api/documents/consent")
    camille.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    poll(lambda: any(d.get("convention_signed") for d in next(
        (p for p in referent.get(f"/api/engagement/associations/{PETITS_SAVANTS}/participations?per_page=100")["items"]
         if p["id"] == participation), {}).get("dates", [])), timeout=60, what="engagement learns the convention is signed")
    move_clock(base, day)
    try:
        referent.post(f"/api/engagement/participations/{participation}/attendance",
                      {"dates": [{"date": day.isoformat(), "present": True}]})
        questions = camille.get("/api/engagement/bilan-questions")["items"]
        answers = {q["key"]: (q["choices"][0] if q.get("choices") else "Une belle journée avec les enfants.")
                   for q in questions if q.get("required")}
        camille.post(f"/api/engagement/participations/{participation}/bilan", {"answers": answers})
        yield {"day": day, "mission": mission, "participation": participation}
    finally:
        reset_clock(base)


def test_camille_downloads_her_certificate_of_mission_from_my_documents(open_page, given_day, tmp_path):
    watched = open_page(DEMO["employee"], 1280)
    page = watched.page
    page.goto("/mon-compte/missions")
    wait_for_screen(page)
    documents = page.locator("section.documents")
    link = reload_until_present(page, documents.get_by_role("link", name="Télécharger mon attestation de mission (PDF)"))
    check_screen(watched, "bundle-01-my-documents-certificate-1280")
    with page.expect_download() as download:
        link.first.click()
    saved = tmp_path / "attestation.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved)
    assert "Attestation de mission de mécénat de compétences" in text and "Camille Martin" in text
    assert "Les Petits Savants" in text and given_day["mission"]["title"] in " ".join(text.split())
    assert "Soit 1 jour de mécénat de compétences" in text
    narrow = open_page(DEMO["employee"], 375)
    narrow.page.goto("/mon-compte/missions")
    wait_for_screen(narrow.page)
    expect(narrow.page.get_by_role("link", name="Télécharger mon attestation de mission (PDF)").first).to_be_visible()
    check_screen(narrow, "bundle-01-my-documents-certificate-375")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_referent_sees_the_year_of_each_company(open_page, given_day, width):
    watched = open_page(DEMO["referent"], width)
    page = watched.page
    page.goto(f"/association/dossier-annuel?annee={given_day['day'].year}")
    wait_for_screen(page)
    card = page.locator("li.bundle-item").filter(has_text="Groupe Horizon")
    expect(card).to_have_count(1)
    check_screen(watched, f"bundle-02-referent-dossier-annuel-{width}")


def test_the_referent_confirms_the_statement_and_the_company_finds_it_sealed(open_page, given_day, tmp_path):
    year = given_day["day"].year
    referent = open_page(DEMO["referent"], 1280)
    page = referent.page
    page.goto(f"/association/dossier-annuel?annee={year}")
    wait_for_screen(page)
    page.locator("li.bundle-item").filter(has_text="Groupe Horizon").get_by_role(
        "link", name=re.compile("Vérifier et confirmer|Voir l'état")).click()
    page.wait_for_url(re.compile(r"/association/dossier-annuel/[^/]+/[^/?]+"))
    wait_for_screen(page)
    expect(page.locator("table").get_by_role("rowheader", name="Camille Martin").first).to_be_visible()
    check_screen(referent, "bundle-03-statement-to-confirm-1280")
    # Without the box, the page says what is missing, next to it.
    page.get_by_role("button", name="Confirmer l'état récapitulatif").click()
    expect(page.get_by_text("Coche la case pour confirmer l'état récapitulatif.").first).to_be_visible()
    page.get_by_role("checkbox", name=re.compile("Je confirme, au nom de l'association Les Petits Savants")).check()
    page.get_by_role("button", name="Confirmer l'état récapitulatif").click()
    expect(page.locator("#etat-confirme .notice--success")).to_contain_text("C'est confirmé")
    check_screen(referent, "bundle-04-statement-confirmed-1280")
    narrow = open_page(DEMO["referent"], 375)
    narrow.page.goto(page.url)
    wait_for_screen(narrow.page)
    check_screen(narrow, "bundle-05-statement-confirmed-375")

    # The company values its days (the operator gives the admin the « données de rémunération » permission, the admin
    # sets a daily cost for every entity): the receipt's amount appears, and the referent confirms its data.
    base = page.url.split("/association/")[0]
    operator, admin_api = ApiUser(base, DEMO["operator"]), ApiUser(base, DEMO["admin"])
    company_id = admin_api.person["company"]["id"]
    operator.call("PUT", f"/api/impact/companies/{company_id}/pay-permissions/{admin_api.person['id']}")
    for entity in admin_api.get(f"/api/impact/companies/{company_id}/daily-costs?year={year}")["entities"]:
        admin_api.call("PUT", f"/api/impact/companies/{company_id}/daily-costs/{entity['entity_id']}",
                       json={"year": year, "daily_cost": 420.0})
    page.reload()
    wait_for_screen(page)
    # Other tests of the session may have given days (and pay data) to the same association this year: the page
    # must show the amount impact's own receipt API prefills, whatever it is.
    receipt = ApiUser(base, DEMO["referent"]).get(
        f"/api/impact/receipts/{company_id}/{given_day['mission']['association_id']}?year={year}")
    assert receipt["amount"] is not None, receipt
    receipt_amount = receipt["amount"]
    expected = f"{float(receipt['amount']):,.2f}".replace(",", "").replace(".", ",") + "€"
    expect(page.locator(".bundle-data")).to_contain_text("Montant")
    shown = page.locator(".bundle-data dt:has-text('Montant') + dd").inner_text()
    assert "".join(shown.split()).replace("\u202f", "").replace("\u00a0", "") == expected, (shown, expected)
    page.get_by_label(re.compile("Numéro d'ordre du reçu")).fill(f"{year}-001")
    page.get_by_role("checkbox", name="Je confirme ces données au nom de l'association.").check()
    page.get_by_role("button", name="Confirmer les données du reçu").click()
    expect(page.locator("#recu-confirme .notice--success")).to_contain_text("C'est confirmé")
    # Confirmed and unchanged: no form to fill again, only the way to correct the receipt's number.
    expect(page.get_by_role("button", name="Confirmer de nouveau")).to_have_count(0)
    expect(page.get_by_role("button", name="Corriger le numéro du reçu")).to_be_visible()
    check_screen(referent, "bundle-05b-receipt-confirmed-1280")

    for width in WIDTHS:
        admin = open_page(DEMO["admin"], width)
        apage = admin.page
        apage.goto(f"/entreprise/dossier-annuel?annee={year}")
        wait_for_screen(apage)
        card = apage.locator("li.bundle-item").filter(has_text="Les Petits Savants")
        check_screen(admin, f"bundle-06-company-dossier-annuel-{width}")
        link = reload_until_present(apage, card.get_by_role("link", name=re.compile("État récapitulatif")))
    with apage.expect_download() as download:
        link.first.click()
    saved = tmp_path / "etat.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved)
    assert "État récapitulatif des journées de mécénat de compétences" in text
    assert "Camille Martin" in text and "Groupe Horizon" in text and "scellé électroniquement" in text
    receipt = reload_until_present(apage, card.get_by_role("link", name=re.compile("Données du reçu")))
    with apage.expect_download() as download:
        receipt.first.click()
    saved = tmp_path / "recu.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved)
    # The amount in words, as the Cerfa asks, for the amount the receipt API gave (420 € when this test runs alone).
    # (documents' own wording, checked word for word in services/documents/tests/test_rendering.py; num2words's currency
    # mode wrote « … euros et zéro centimes » for a round amount.)
    in_words = euros_in_words(Decimal(str(receipt_amount)))
    assert "Cerfa n° 16216" in text and f"{year}-001" in text and in_words in " ".join(text.split()), (in_words, text)
    assert "Les Petits Savants" in text and "238 bis" in text
    # The whole year in one file: every association's latest statement and receipt data, each named after both parties.
    with apage.expect_download() as download:
        apage.get_by_role("link", name=f"Télécharger tout le dossier {year} (ZIP)").click()
    assert download.value.suggested_filename == f"dossier-annuel-mecenat-{year}-groupe-horizon.zip"
    saved = tmp_path / "dossier.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
    assert any(name.startswith(f"etat-recapitulatif-journees-{year}-les-petits-savants-groupe-horizon-v") for name in names), names
    assert any(name.startswith(f"donnees-recu-cerfa-16216-{year}-les-petits-savants-groupe-horizon-v") for name in names), names

    # The company sets another daily cost for the year afterwards: the data the association confirmed no longer match.
    # Its bundle and its valuation say so, and the referent confirms them again, with the same number.
    for entity in admin_api.get(f"/api/impact/companies/{company_id}/daily-costs?year={year}")["entities"]:
        admin_api.call("PUT", f"/api/impact/companies/{company_id}/daily-costs/{entity['entity_id']}",
                       json={"year": year, "daily_cost": 510.0})
    changed = ApiUser(base, DEMO["referent"]).get(
        f"/api/impact/receipts/{company_id}/{given_day['mission']['association_id']}?year={year}")
    assert changed["state"] == "changed" and changed["amount"] != receipt_amount, changed
    apage.reload()
    wait_for_screen(apage)
    expect(card).to_contain_text("Données du reçu : à confirmer de nouveau par l'association")
    apage.goto(f"/entreprise/valorisation?annee={year}")
    notice = apage.locator(".notice--warning").filter(has_text="ne correspondent plus à cette valorisation")
    expect(notice).to_contain_text("Les Petits Savants")
    expect(notice).to_contain_text(f"reçu n° {year}-001")
    check_screen(admin, f"bundle-08-valuation-receipt-changed-{WIDTHS[-1]}")
    # The association is e-mailed, with the link to its page for that company and year.
    mail = wait_for_mail(base, DEMO["referent"], subject_part=f"Reçu {year} pour Groupe Horizon : confirme de nouveau",
                         text_part="le montant ne correspond plus")
    page.goto(link_in(mail, f"/association/dossier-annuel/{company_id}/"))
    wait_for_screen(page)
    expect(page.locator(".notice--warning")).to_contain_text("Tu avais confirmé ces données")
    check_screen(referent, "bundle-09-receipt-changed-1280")
    page.get_by_role("checkbox", name="Je confirme ces données au nom de l'association.").check()
    page.get_by_role("button", name="Confirmer de nouveau").click()
    expect(page.locator("#recu-confirme .notice--success")).to_contain_text("C'est confirmé")
    expect(page.locator(".notice--warning")).to_have_count(0)
