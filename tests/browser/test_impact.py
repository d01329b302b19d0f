"""« Impact », « Valorisation » and the people table in the company space (issue 15), and the Tandem team's Impact.

Lucas gives a day to Les Petits Savants, driven through the platform's APIs (test_journey clicks that workflow):
applied, the manager accepts from the e-mail's link, the convention signed, presence attested by the referent. The
page's figures are then checked against the rows of the days export (streamed by impact, downloaded from the page's
own button): days done, people engaged and the association's row of its chart's table. The people table is filtered
by role and a person opened on their own page. Every screen passes the same checks as test_screens (one <h1>, axe,
no sideways scroll at 375 px, no console error: Chart.js draws under the strict CSP), at 1280 and 375 px.

Last, the receipt data an association confirmed going stale: a newcomer, Margaux, gives two days to Les Voisins d'argent,
whose referent confirms Horizon's year; a move to another entity, then a presence corrected, each send the referent one
e-mail naming its cause, read from /dev/mail, whose link opens the page that says to confirm again.
"""
from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date, timedelta

import pytest
import requests
from PIL import Image
from browser_support import (
    DEMO,
    DEMO_PASSWORD,
    SCREENSHOTS,
    WIDTHS,
    ApiUser,
    check_screen,
    link_in,
    long_date,
    mailbox,
    move_clock,
    poll,
    reset_clock,
    wait_for_mail,
    wait_for_quiet_mailbox,
    wait_for_screen,
    working_days,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
VOISINS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Voisins d'argent"))
VOISINS_REFERENT = "claire.vasseur@voisins-argent.example"  # the catalog's demo referent of Les Voisins d'argent
ENGAGED_STATES = {"validée", "réalisée", "absence"}


def french_days(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def export_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def days_of(row: dict) -> float:
    return float(row["Jours"].replace(",", "."))


def days_given(base: str, employee: ApiUser, referent: ApiUser, association_id: str, days: list[date], message: str) -> str:
    """`employee` applies to the association's last mission and asks the demo manager for `days` (full days), who accepts
    from the e-mail's link; the convention signed, `referent` attests every day present (the clock moved to the last
    one, then reset). Returns the participation's id."""
    missions = employee.get(f"/api/catalog/missions?association={association_id}&per_page=50")["items"]
    mission = missions[-1]
    poll(lambda: employee.status_of(f"/api/engagement/missions/{mission['id']}") == 200, what="engagement knows the mission")
    before = {m["id"] for m in mailbox(base)}
    participation = employee.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "06 98 76 54 32", "year": days[0].year, "message": message})["id"]
    employee.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": DEMO["manager"],
        "message": "Bonjour Sophie, peux-tu valider " + ("cette journée ?" if len(days) == 1 else "ces journées ?"),
        "dates": [{"date": day.isoformat(), "format": "full_day"} for day in days]})
    link = link_in(wait_for_mail(base, DEMO["manager"], text_part=mission["title"], link_part="/manager/demandes/",
                                 after=before), "/manager/demandes/")
    decided = requests.post(f"{base}/api/approval/actions/{link.rsplit('/', 1)[1]}", json={"decision": "accept"}, timeout=20)
    assert decided.status_code == 200, decided.text
    convention = poll(lambda: (employee.get(f"/api/engagement/participations/{participation}").get("convention") or {}).get("id"),
                      timeout=60, what="documents issues the convention")
    version = poll(lambda: next((v for v in employee.get(f"/api/documents/conventions/{convention}")["versions"] if v["current"]), None),
                   what="the convention's current version")
    consent = employee.get("/api/documents/consent")
    employee.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    poll(lambda: any(d.get("convention_signed") for d in next(
        (p for p in referent.get(f"/api/engagement/associations/{association_id}/participations?per_page=100")["items"]
         if p["id"] == participation), {}).get("dates", [])), timeout=60, what="engagement learns the convention is signed")
    move_clock(base, days[-1])
    try:
        referent.post(f"/api/engagement/participations/{participation}/attendance",
                      {"dates": [{"date": day.isoformat(), "present": True} for day in days]})
    finally:
        reset_clock(base)
    return participation


@pytest.fixture(scope="module")
def lucas_day(platform):
    """Lucas's day given to a mission of Les Petits Savants, attested present; the clock reset afterwards."""
    base = platform.base
    lucas, referent = ApiUser(base, DEMO["employee2"]), ApiUser(base, DEMO["referent"])
    (day,) = working_days(1, date.today() + timedelta(days=3))
    days_given(base, lucas, referent, PETITS_SAVANTS, [day],
               "Bonjour, je serais ravi de donner une journée à l'association. À bientôt !")
    admin = ApiUser(base, DEMO["admin"])
    company = admin.get("/api/engagement/me")["company"]["id"]

    def lucas_done():
        answer = admin.http.get(f"{base}/api/impact/companies/{company}/exports/days.csv?year={day.year}", timeout=30)
        return any(row["E-mail"] == DEMO["employee2"] and row["État"] == "réalisée" for row in export_rows(answer.text))
    poll(lucas_done, timeout=60, what="impact counts Lucas's day as done")
    return {"day": day, "company": company, "admin": admin}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_impact_page_shows_the_days_the_export_lists(open_page, lucas_day, width, tmp_path):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    year = lucas_day["day"].year
    page.goto(f"/entreprise/impact?annee={year}")
    expect(page.get_by_role("heading", name=f"Les chiffres de {year}")).to_be_visible()
    expect(page.locator(".chart canvas").first).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name=f"Les jours (CSV) — {year}").click()
    rows = export_rows(download.value.path().read_text(encoding="utf-8"))
    assert any(row["E-mail"] == DEMO["employee2"] and row["État"] == "réalisée" for row in rows)
    done = sum(days_of(row) for row in rows if row["État"] == "réalisée")
    engaged = len({row["E-mail"] for row in rows if row["État"] in ENGAGED_STATES})

    def figure(label: str):
        return page.locator(".impact-figures > div").filter(has=page.get_by_text(label, exact=True)).locator("dd")
    expect(figure("Jours réalisés")).to_have_text(french_days(done))
    expect(figure("Personnes engagées")).to_have_text(str(engaged))
    petits_savants = sum(days_of(row) for row in rows if row["Association"] == "Les Petits Savants" and row["État"] == "réalisée")
    association_row = page.locator("#impact-associations-legende").locator("xpath=..").locator("tr", has_text="Les Petits Savants")
    expect(association_row.locator("td").nth(2)).to_have_text(french_days(petits_savants))
    # Every name beside the bars is whole on the canvas: a long one (« Direction des systèmes d'information » at
    # 375 px) ran off its left edge, cut. Drawn text would touch that edge; the canvas's first columns stay blank.
    for chart in ("impact-themes", "impact-associations", "impact-entites", "impact-entonnoir"):
        canvas = page.locator(f"figure[aria-labelledby='{chart}-titre'] canvas")
        canvas.scroll_into_view_if_needed()
        drawn = Image.open(io.BytesIO(canvas.screenshot())).convert("L")
        edge = [drawn.getpixel((x, y)) for x in range(3) for y in range(drawn.height)]
        assert min(edge) > 200, f"{chart}: a name beside the bars is cut at the canvas's left edge"
    # A theme's name keeps its slash with the word before it in the table (« / » was alone on a line at 375 px).
    themes = page.locator("#impact-themes-legende").locator("xpath=..").locator("tbody th").evaluate_all(
        "cells => cells.map((cell) => cell.textContent)")
    assert any("\u00a0/" in theme for theme in themes) and not any(" /" in theme for theme in themes), themes
    check_screen(watched, f"93-company-impact-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_people_table_filters_by_role_and_opens_a_person(open_page, lucas_day, width):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    company, admin = lucas_day["company"], lucas_day["admin"]
    page.goto("/entreprise/personnes")
    table = page.locator("table.people-table")
    expect(table.locator("tbody tr", has_text=DEMO["employee2"])).to_have_count(1)
    # Nothing to scroll sideways for, even on a phone, where each person is a card of « Entité : … » lines: the
    # link to a person's page is on the screen (at 375 px it was off it, in the table's last column).
    lucas = table.locator("tbody tr", has_text=DEMO["employee2"])
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    link = lucas.get_by_role("link", name="Modifier Lucas Bernard").bounding_box()
    assert link["x"] >= 0 and link["x"] + link["width"] <= width
    expect(page.get_by_role("table", name="Personnes de l'entreprise").get_by_role("columnheader", name="Entité")).to_have_count(1)
    expect(lucas.get_by_role("cell").first).to_have_text(DEMO["employee2"])
    if width == 375:
        assert lucas.get_by_role("cell").nth(1).evaluate("c => getComputedStyle(c, '::before').content") == '"Entité\u00a0: "'
    check_screen(watched, f"94-company-people-{width}")

    expected = admin.get(f"/api/engagement/companies/{company}/people?role=company_admin&per_page=100")
    page.get_by_label("Rôle").select_option("company_admin")
    page.get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"role=company_admin"))
    expect(table.locator("tbody tr")).to_have_count(len(expected["items"]))
    for person in expected["items"]:
        expect(table.locator("tbody tr", has_text=person["email"])).to_have_count(1)
    expect(table.locator("tbody tr", has_text=DEMO["employee2"])).to_have_count(0)

    page.get_by_role("button", name="Tout afficher").click()
    table.locator("tbody tr", has_text=DEMO["employee2"]).get_by_role("link").click()
    expect(page.get_by_role("heading", name="Lucas Bernard")).to_be_visible()
    expect(page.get_by_label("Manager de Lucas Bernard")).to_be_visible()
    check_screen(watched, f"95-company-person-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_valuation_screens_import_pay_and_value_lucass_day(open_page, platform, lucas_day, width):
    base, company, admin = platform.base, lucas_day["company"], lucas_day["admin"]
    operator = ApiUser(base, DEMO["operator"])
    admin_id = admin.get("/api/engagement/me")["id"]
    year = lucas_day["day"].year
    # Without the « données de rémunération » permission the page says why, in French.
    operator.call("DELETE", f"/api/impact/companies/{company}/pay-permissions/{admin_id}", expected=(204, 404))
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    page.goto(f"/entreprise/valorisation?annee={year}")
    expect(page.get_by_text("permission « données de rémunération »").first).to_be_visible()
    check_screen(watched, f"96-company-valuation-refused-{width}")

    operator.call("PUT", f"/api/impact/companies/{company}/pay-permissions/{admin_id}", json={})
    page.reload()
    expect(page.get_by_role("heading", name=f"Importer les rémunérations de {year}")).to_be_visible()
    # A wrong line refuses the whole file (a 422 on purpose), and the page lists it with its line.
    watched.allow(r"/api/impact/companies/[^/]+/pay/import$")
    # « Importer » before any file: the page asks for one, in French as the field itself, and goes back to it.
    pay_file = page.get_by_label("Fichier CSV des rémunérations")
    expect(page.locator(".file-picker")).to_contain_text(["Choisir un fichier"])
    expect(page.locator(".file-picker__name")).to_have_text("Aucun fichier choisi")
    page.get_by_role("button", name="Importer").click()
    expect(page.locator("#paie-erreurs")).to_contain_text("Choisis le fichier CSV des rémunérations.")
    expect(pay_file).to_be_focused()
    expect(pay_file).to_have_attribute("aria-invalid", "true")
    pay_file.set_input_files(files=[{
        "name": "paie-lignes.csv", "mimeType": "text/csv",
        "buffer": f"email;salaire_brut_annuel;taux_charges_patronales\n{DEMO['employee2']};52000;45\npersonne@ailleurs.example;40000;42\n".encode()}])
    expect(page.locator(".file-picker")).to_contain_text("paie-lignes.csv")
    page.get_by_role("button", name="Importer").click()
    errors = page.locator("#paie-erreurs")
    expect(errors).to_contain_text("Ligne 3")
    expect(errors).not_to_contain_text("Ligne 2")
    # Days done by someone with no value yet are counted as days done, and said to be without value.
    valuation = admin.get(f"/api/impact/companies/{company}/valuation?year={year}")
    unvalued = sum(p["days"] for p in valuation["people"] if p["source"] == "missing")
    done = page.locator(".impact-figures > div").filter(has=page.get_by_text("Jours réalisés", exact=True)).locator("dd")
    if unvalued:
        expect(done).to_contain_text(f"dont {french_days(unvalued)} sans valeur")
    else:
        expect(done).not_to_contain_text("sans valeur")
    check_screen(watched, f"97-company-valuation-line-errors-{width}")
    page.get_by_label("Fichier CSV des rémunérations").set_input_files(files=[{
        "name": "paie.csv", "mimeType": "text/csv",
        "buffer": f"email;salaire_brut_annuel;taux_charges_patronales\n{DEMO['employee2']};52000;45\n".encode()}])
    # The journal below follows what the page just did, without a reload: read again once the import is done.
    with page.expect_response(lambda response: response.url.endswith("/pay-audit") and response.ok) as journal_read:
        page.get_by_role("button", name="Importer").click()
        expect(page.get_by_text(f"1 rémunération importée pour {year}.")).to_be_visible()
    # Newest first: the valuation read again after the import, then the import.
    assert [line["action"] for line in journal_read.value.json()["lines"][:2]] == ["valuation_read", "pay_imported"]
    journal = page.locator("#paie-journal-legende").locator("xpath=..")
    expect(journal.locator("tbody tr", has_text="Rémunérations importées").first).to_contain_text(f"1 ligne importée pour {year}")

    valuation = admin.get(f"/api/impact/companies/{company}/valuation?year={year}")
    lucas = next(person for person in valuation["people"] if person["name"] == "Lucas Bernard")
    assert lucas["source"] == "pay" and lucas["days"] >= 1 and lucas["value"] > 0
    euros = lambda value: f"{value:,.2f}".replace(",", "\u202f").replace(".", ",") + "\u00a0€"  # noqa: E731
    row = page.locator("#valorisation-personnes").locator("xpath=..").locator("tr", has_text="Lucas Bernard")
    expect(row.locator("td").nth(3)).to_have_text(euros(lucas["value"]))
    expect(row).to_contain_text("rémunération importée")
    figure = page.locator(".impact-figures > div").filter(has=page.get_by_text("Valeur totale", exact=True)).locator("dd")
    expect(figure).to_have_text(euros(valuation["total_value"]))
    # The year's turnover sets the reduction's ceiling (the greater of 20 000 € and 0.5 % of it).
    page.get_by_label(f"Chiffre d'affaires hors taxes de {year} (en euros)").fill("10 000 000")
    page.get_by_role("button", name="Enregistrer le chiffre d'affaires").click()
    expect(page.get_by_text(f"Chiffre d'affaires de {year} :")).to_be_visible()
    settled = admin.get(f"/api/impact/companies/{company}/valuation?year={year}")
    assert settled["turnover_excl_tax"] == 10_000_000 and settled["reduction"]["ceiling"] == 50_000
    ceiling = page.locator(".impact-figures > div").filter(has=page.get_by_text("Plafond de la réduction", exact=True)).locator("dd")
    expect(ceiling).to_have_text(euros(50_000))
    association = page.locator("#valorisation-associations").locator("xpath=..").locator("tr", has_text="Les Petits Savants")
    expect(association).to_have_count(1)
    check_screen(watched, f"98-company-valuation-{width}")

    # A default daily cost is set for the year shown; the year before, which has none of its own, says whose it takes.
    expect(page.get_by_role("heading", name=f"Coût d'une journée par entité en {year}")).to_be_visible()
    field = page.get_by_label(re.compile(r"^Coût d'une journée — ")).first
    label = field.evaluate("element => element.labels[0].textContent.trim()")
    field.fill("380")
    field.locator("xpath=ancestor::form").get_by_role("button", name=re.compile("Enregistrer")).click()
    expect(page.get_by_text(re.compile(rf"en {year} : 380,00"))).to_be_visible()
    page.goto(f"/entreprise/valorisation?annee={year - 1}")
    earlier = page.get_by_label(label, exact=True)
    expect(earlier).to_have_value(re.compile(r"^\d"))
    expect(page.get_by_text(f"Repris du coût fixé pour {year} : enregistre-le pour le fixer pour {year - 1}.").first).to_be_visible()
    check_screen(watched, f"98-company-valuation-cost-of-another-year-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_tandem_team_sees_a_companys_impact(open_page, platform, lucas_day, width):
    company, admin, year = lucas_day["company"], lucas_day["admin"], lucas_day["day"].year
    answer = admin.http.get(f"{platform.base}/api/impact/companies/{company}/exports/days.csv?year={year}", timeout=30)
    done = sum(days_of(row) for row in export_rows(answer.text) if row["État"] == "réalisée")
    watched = open_page(DEMO["operator"], width)
    page = watched.page
    page.goto("/operateur/quiz")
    if width < 800:  # the header's links are behind « Menu » on a phone
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Impact des entreprises").first.click()
    expect(page).to_have_url(re.compile(r"/operateur/impact$"))
    page.get_by_label("Entreprise", exact=True).select_option(label="Groupe Horizon")
    page.get_by_role("button", name="Voir son impact").click()
    expect(page.get_by_role("heading", name=f"Les chiffres de {year}")).to_be_visible()
    figure = page.locator(".impact-figures > div").filter(has=page.get_by_text("Jours réalisés", exact=True)).locator("dd")
    expect(figure).to_have_text(french_days(done))
    # The operator reads another company's figures: named, not « ton entreprise ».
    expect(page.get_by_text("Ce qu'a donné Groupe Horizon sur une année civile", exact=False)).to_be_visible()
    check_screen(watched, f"99-operator-impact-{width}")


def pay_holder(base: str, company: str, admin: ApiUser) -> tuple[ApiUser, str]:
    """The operator, and the admin's id once the operator has given the admin the « données de rémunération »
    permission."""
    operator = ApiUser(base, DEMO["operator"])
    admin_id = admin.get("/api/engagement/me")["id"]
    operator.call("PUT", f"/api/impact/companies/{company}/pay-permissions/{admin_id}", json={})
    return operator, admin_id


@pytest.mark.parametrize("width", WIDTHS)
def test_a_holder_gives_and_withdraws_the_pay_permission_reads_the_years_pay_and_every_access_is_journaled(open_page, platform, lucas_day, width):
    base, company, admin = platform.base, lucas_day["company"], lucas_day["admin"]
    operator, admin_id = pay_holder(base, company, admin)
    year = lucas_day["day"].year
    admin.call("POST", f"/api/impact/companies/{company}/pay/import?year={year}", files={"file": (
        "paie.csv", f"email;salaire_brut_annuel;taux_charges_patronales\n{DEMO['employee2']};52000;45\n".encode(), "text/csv")})
    # Sophie becomes an admin of Horizon too, so the permission can be given to her (once impact's copy knows it).
    sophie_id = ApiUser(base, DEMO["manager"]).get("/api/engagement/me")["id"]
    roles = admin.get(f"/api/engagement/people/{sophie_id}")["roles"]
    admin.call("PATCH", f"/api/engagement/people/{sophie_id}", json={"roles": sorted({*roles, "company_admin"})})
    poll(lambda: "person_id" in (operator.call("PUT", f"/api/impact/companies/{company}/pay-permissions/{sophie_id}", json={},
                                               expected=(200, 422)) or {}), timeout=20, what="impact to know Sophie as an admin")
    operator.call("DELETE", f"/api/impact/companies/{company}/pay-permissions/{sophie_id}")
    try:
        watched = open_page(DEMO["admin"], width)
        page = watched.page
        page.goto(f"/entreprise/valorisation?annee={year}")
        holders = page.get_by_role("list", name="Qui voit les rémunérations")
        expect(holders.get_by_text("Nathalie Roux")).to_be_visible()
        expect(holders.get_by_text("Sophie Laurent")).to_have_count(0)

        page.get_by_label("Responsable de l'engagement").select_option(label="Sophie Laurent (sophie.laurent@horizon.example)")
        page.get_by_role("button", name="Donner la permission").click()
        expect(page.get_by_text("Sophie Laurent voit maintenant les données de rémunération.")).to_be_visible()
        expect(holders.get_by_text("Sophie Laurent", exact=True)).to_be_visible()
        assert sophie_id in {holder["person_id"] for holder in admin.get(f"/api/impact/companies/{company}/pay-permissions")["holders"]}

        # An entity's daily cost saved again (as it is): the journal will name that entity.
        first = admin.get(f"/api/impact/companies/{company}/daily-costs?year={year}")["entities"][0]
        admin.call("PUT", f"/api/impact/companies/{company}/daily-costs/{first['entity_id']}",
                   json={"year": year, "daily_cost": first["daily_cost"]})
        # Reading the year's pay is a deliberate act, written in the journal.
        page.get_by_role("button", name=f"Afficher les rémunérations de {year}").click()
        records = page.locator("#paie-releve")
        lucas = records.locator("tr", has_text="Lucas Bernard")
        expect(lucas).to_contain_text("52\u202f000,00\u00a0€")
        expect(lucas).to_contain_text(re.compile(r"45\s%"))
        journal = page.locator("#paie-journal-legende").locator("xpath=..")
        expect(journal.locator("tbody tr").first).to_contain_text("Rémunérations consultées")
        expect(journal.locator("tbody tr").first).to_contain_text("Nathalie Roux")
        # A daily cost set earlier names its entity, not « une personne partie » (the entity's id was taken for a person's).
        expect(journal.locator("tbody tr").filter(has_text="coût journalier de l'entité").first).to_contain_text(
            f"coût journalier de l'entité « {first['entity_name']} » pour {year} modifié")
        expect(journal).not_to_contain_text("l'entité une personne partie")
        check_screen(watched, f"99-company-pay-access-{width}")

        sophie_card = holders.locator("li", has_text="Sophie Laurent")
        sophie_card.get_by_role("button", name="Retirer la permission").click()
        page.get_by_role("button", name="Oui, retirer").click()
        expect(page.get_by_text("Sophie Laurent ne voit plus les données de rémunération.")).to_be_visible()
        expect(holders.get_by_text("Sophie Laurent")).to_have_count(0)
        expect(journal.locator("tbody tr").first).to_contain_text("Permission retirée")
        expect(journal.locator("tbody tr").first).to_contain_text("permission retirée à Sophie Laurent")
        trail = admin.get(f"/api/impact/companies/{company}/pay-audit")["lines"]
        # (The daily cost saved above, and its reading, come in between.)
        assert [line["action"] for line in trail if not line["action"].startswith("daily_cost")][:3] == [
            "permission_revoked", "pay_read", "permission_granted"]
        assert all(line["actor_id"] == admin_id for line in trail[:3])

        # The journal shows its 20 newest lines, the older ones on demand (it holds up to 200: four screens of a phone).
        for _ in range(max(0, 25 - len(trail))):
            admin.get(f"/api/impact/companies/{company}/valuation?year={year}")  # each read is a line of the journal
        page.reload()
        page.wait_for_load_state("networkidle")  # the page's own reads are lines too, and the journal is read after them
        total = len(admin.get(f"/api/impact/companies/{company}/pay-audit")["lines"])
        hidden = total - 20
        assert hidden >= 5
        rows = journal.locator("tbody tr")
        expect(rows).to_have_count(20)
        expect(journal.locator("caption")).to_have_text("Les 20 accès les plus récents, du plus récent au plus ancien")
        older = page.get_by_role("button", name=f"Afficher les {hidden} accès plus anciens")
        older.click()
        expect(rows).to_have_count(20 + hidden)
        expect(rows.nth(20)).to_be_focused()
        assert journal.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")  # a card per line on a phone
        expect(older).to_have_count(0)
        expect(journal.locator("caption")).to_have_text("Les derniers accès, du plus récent au plus ancien")
    finally:
        permission = f"/api/impact/companies/{company}/pay-permissions/{sophie_id}"
        operator.call("DELETE", permission, expected=(204,))
        admin.call("PATCH", f"/api/engagement/people/{sophie_id}", json={"roles": roles})

        def impact_knows_she_is_no_admin() -> bool:
            # Impact learns it from engagement's event. Until it has, the other width's run could find Sophie an admin
            # in impact's older copy, then lose her there in the middle of its steps. A grant that goes through
            # meanwhile is taken back at once.
            if "person_id" in (operator.call("PUT", permission, json={}, expected=(200, 422)) or {}):
                operator.call("DELETE", permission, expected=(204,))
                return False
            return True

        poll(impact_knows_she_is_no_admin, timeout=20, what="impact to know Sophie is no longer an admin")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_years_carried_excess_and_exception_associations_are_checked_then_saved(open_page, platform, lucas_day, width):
    base, company, admin = platform.base, lucas_day["company"], lucas_day["admin"]
    pay_holder(base, company, admin)
    year = lucas_day["day"].year
    before = admin.get(f"/api/impact/companies/{company}/valuation/settings?year={year}")
    try:
        watched = open_page(DEMO["admin"], width)
        page = watched.page
        page.goto(f"/entreprise/valorisation?annee={year}")
        form = page.get_by_role("form", name=f"Excédents reportés et exceptions de {year}")
        form.get_by_role("button", name="Ajouter un excédent").click()
        form.get_by_label("Année", exact=True).fill(str(year - 6))
        form.get_by_label("Excédent encore reportable (en euros)").fill("12 500")
        form.get_by_role("button", name="Enregistrer les excédents et les exceptions").click()
        expect(form.get_by_text(f"L'année doit être l'une des cinq avant {year}")).to_be_visible()
        assert admin.get(f"/api/impact/companies/{company}/valuation/settings?year={year}")["prior_excess"] == before["prior_excess"]

        form.get_by_label("Année", exact=True).fill(str(year - 1))
        form.get_by_role("checkbox", name="Les Petits Savants").check()
        form.get_by_role("button", name="Enregistrer les excédents et les exceptions").click()
        expect(form.get_by_text("Enregistré : 12\u202f500,00\u00a0€ d'excédents reportés, 1 association en exception.")).to_be_visible()
        saved = admin.get(f"/api/impact/companies/{company}/valuation/settings?year={year}")
        assert saved["prior_excess"] == [{"year": year - 1, "amount": 12500.0}]
        assert saved["exception_association_ids"] == [PETITS_SAVANTS]
        assert saved["turnover_excl_tax"] == before["turnover_excl_tax"]  # sent back as it was
        check_screen(watched, f"99-company-valuation-extras-{width}")

        page.reload()
        form = page.get_by_role("form", name=f"Excédents reportés et exceptions de {year}")
        expect(form.get_by_label("Année", exact=True)).to_have_value(str(year - 1))
        expect(form.get_by_role("checkbox", name="Les Petits Savants")).to_be_checked()
        form.get_by_role("button", name=f"Retirer l'excédent {year - 1}").click()
        form.get_by_role("button", name="Enregistrer les excédents et les exceptions").click()
        expect(form.get_by_text("Enregistré : aucun excédent reporté, 1 association en exception.")).to_be_visible()
        assert admin.get(f"/api/impact/companies/{company}/valuation/settings?year={year}")["prior_excess"] == []
    finally:
        admin.call("PUT", f"/api/impact/companies/{company}/valuation/settings?year={year}", json={
            "turnover_excl_tax": before["turnover_excl_tax"], "prior_excess": before["prior_excess"],
            "exception_association_ids": before["exception_association_ids"]})


# -- the association hears why the receipt it confirmed no longer matches ------------------------------------------------

# The notifier's words for each cause (services/notifier/notifier/templates/receipt_outdated.txt); the subject is the
# same for every cause.
OUTDATED_BECAUSE = {
    "person": "Depuis, Groupe Horizon a mis à jour une personne qui a donné ces journées (son entité ou son nom) : "
              "l'état récapitulatif ou les données du reçu ne correspondent plus à ce que tu as confirmé.",
    "attendance": "Depuis, une présence de ces journées a été attestée ou corrigée : les journées du reçu ne "
                  "correspondent plus.",
    "valuation": "a modifié la valorisation de ces journées",
}


@pytest.fixture(scope="module")
def margaux_days(platform):
    """Margaux joins Horizon's « Marketing et communication » on the admin's invitation and gives two days to Les
    Voisins d'argent, attested present by its referent (days_given, as for Lucas). Not Lucas's day: Les Petits Savants'
    receipt for Horizon's year is the one test_yearly_bundle confirms for the first time, and Lucas's two days of the
    year are taken (lucas_day, test_screens)."""
    base = platform.base
    admin = ApiUser(base, DEMO["admin"])
    company = admin.get("/api/engagement/me")["company"]["id"]
    address = f"margaux.lefevre.{uuid.uuid4().hex[:8]}@horizon.example"
    options = requests.get(f"{base}/api/engagement/signup-options", params={"email": address}, timeout=10).json()
    entities = {entity["name"]: entity["id"] for entity in options["entities"]}
    admin.post("/api/engagement/invitations", {"email": address, "first_name": "Margaux", "last_name": "Lefèvre",
                                               "roles": ["employee"], "entity_id": entities["Marketing et communication"]})
    secret = link_in(wait_for_mail(base, address, link_part="/invitation/"), "/invitation/").rsplit("/", 1)[1]
    accepted = requests.post(f"{base}/api/engagement/invitations/{secret}/acceptance", timeout=20, json={
        "password": DEMO_PASSWORD, "password_confirmation": DEMO_PASSWORD, "consent": True})
    assert accepted.status_code == 200, accepted.text
    margaux = ApiUser(base, address)
    days = working_days(2, date.today() + timedelta(days=3))
    participation = days_given(base, margaux, ApiUser(base, VOISINS_REFERENT), VOISINS, days,
                               "Bonjour, je serais ravie de donner deux journées à l'association. À bientôt !")

    def both_done():
        answer = admin.http.get(f"{base}/api/impact/companies/{company}/exports/days.csv?year={days[0].year}", timeout=30)
        return sum(row["E-mail"] == address and row["État"] == "réalisée" for row in export_rows(answer.text)) == 2
    poll(both_done, timeout=60, what="impact counts Margaux's two days as done")
    return {"days": days, "participation": participation, "company": company, "admin": admin, "entities": entities,
            "person_id": margaux.person["id"]}


def receipt_mails(base: str, year: int, before: set[str]) -> list[dict]:
    """The « confirme de nouveau » e-mails to the referent of Les Voisins d'argent since `before` (ids)."""
    return [mail for mail in mailbox(base) if VOISINS_REFERENT in mail["to"] and mail["id"] not in before
            and mail["subject"] == f"Reçu {year} pour Groupe Horizon : confirme de nouveau ses données"]


def the_one_mail_naming(base: str, year: int, because: str, before: set[str]) -> dict:
    """The referent's « confirme de nouveau » e-mail since `before`, naming `because` and neither other cause; once the
    mailbox is quiet, the only one: one e-mail for one change."""
    mail = wait_for_mail(base, VOISINS_REFERENT, subject_part=f"Reçu {year} pour Groupe Horizon : confirme de nouveau ses données",
                         text_part=OUTDATED_BECAUSE[because], after=before)
    assert not any(OUTDATED_BECAUSE[other] in mail["text"] for other in OUTDATED_BECAUSE if other != because), mail["text"]
    wait_for_quiet_mailbox(base)
    assert [m["id"] for m in receipt_mails(base, year, before)] == [mail["id"]], "one e-mail for one change"
    return mail


def confirm_the_year(page, number: str, button: str, *, statement_too: bool) -> None:
    """On the referent's page of the company's year, as test_yearly_bundle clicks it: the statement first when its days
    changed, then the receipt's data with its number."""
    if statement_too:
        page.get_by_role("checkbox", name=re.compile("^Je confirme, au nom de l'association Les Voisins d'argent")).check()
        page.get_by_role("button", name="Confirmer l'état récapitulatif").click()
        expect(page.locator("#etat-confirme .notice--success")).to_contain_text("C'est confirmé")
    page.get_by_label(re.compile("Numéro d'ordre du reçu")).fill(number)
    page.get_by_role("checkbox", name="Je confirme ces données au nom de l'association.").check()
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.locator("#recu-confirme .notice--success")).to_contain_text("C'est confirmé")


def open_the_mail(page, mail: dict, picture: str) -> None:
    """/dev/mail as a tester reads it: the e-mail pictured on its own (the page holds every e-mail of the session), then
    its link followed."""
    page.goto("/dev/mail")
    article = page.locator("article.mail", has=page.locator(f'a[href="mail/{mail["id"]}.eml"]'))
    expect(article).to_contain_text(f"À : {VOISINS_REFERENT}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    article.screenshot(path=str(SCREENSHOTS / f"{picture}.png"))
    article.locator('a[href*="/association/dossier-annuel/"]').click()
    wait_for_screen(page)


@pytest.mark.timeout(600)
def test_the_association_hears_which_change_outdated_the_receipt_it_confirmed(open_page, platform, margaux_days):
    """Les Voisins d'argent confirmed the receipt data of Horizon's year. The company then moves Margaux to an entity whose
    day costs more, and later the referent corrects one of her presences: each time the referent receives one e-mail
    whose text names that cause as the notifier words it, and its link opens the company's year, which says to confirm
    again; she does. A change to Margaux's roles touches no receipt: no e-mail."""
    base, days = platform.base, margaux_days["days"]
    company, admin, entities, margaux_id = (margaux_days[key] for key in ("company", "admin", "entities", "person_id"))
    year = days[0].year
    claire = ApiUser(base, VOISINS_REFERENT)
    receipt_path = f"/api/impact/receipts/{company}/{VOISINS}?year={year}"
    # Every entity's day at 400 €, the one Margaux will move to at 460 €.
    operator, _ = pay_holder(base, company, admin)
    for entity_id in entities.values():
        admin.call("PUT", f"/api/impact/companies/{company}/daily-costs/{entity_id}", json={"year": year, "daily_cost": 400.0})
    admin.call("PUT", f"/api/impact/companies/{company}/daily-costs/{entities['Réseau commercial Sud-Est']}",
               json={"year": year, "daily_cost": 460.0})

    referent = open_page(VOISINS_REFERENT, 1280)
    page = referent.page
    page.goto(f"/association/dossier-annuel/{company}/{VOISINS}?annee={year}")
    wait_for_screen(page)
    expect(page.locator("table").get_by_role("rowheader", name="Margaux Lefèvre")).to_have_count(2)
    number = f"{year}-027"
    confirm_the_year(page, number, "Confirmer les données du reçu", statement_too=True)
    confirmed = claire.get(receipt_path)
    assert confirmed["state"] == "confirmed", confirmed

    # Her roles only: impact learns them (the pay permission goes to an admin only), no receipt changes, no e-mail.
    before = {mail["id"] for mail in mailbox(base)}
    person, permission = f"/api/engagement/people/{margaux_id}", f"/api/impact/companies/{company}/pay-permissions/{margaux_id}"
    admin.call("PATCH", person, json={"roles": ["employee", "company_admin"]})
    poll(lambda: "person_id" in (operator.call("PUT", permission, json={}, expected=(200, 422)) or {}), timeout=20,
         what="impact to know Margaux as an admin")
    operator.call("DELETE", permission, expected=(204,))
    admin.call("PATCH", person, json={"roles": ["employee"]})
    wait_for_quiet_mailbox(base)
    assert receipt_mails(base, year, before) == []
    assert claire.get(receipt_path)["state"] == "confirmed"

    # Her entity: her days now cost 460 € each, the amount confirmed no longer matches.
    before = {mail["id"] for mail in mailbox(base)}
    admin.call("PATCH", person, json={"entity_id": entities["Réseau commercial Sud-Est"]})
    mail = the_one_mail_naming(base, year, "person", before)
    assert f"Les Voisins d'argent a confirmé les données du reçu fiscal (Cerfa n° 16216) n° {number}" in mail["text"]
    outdated = claire.get(receipt_path)
    assert outdated["state"] == "changed" and outdated["statement_state"] == "confirmed", outdated
    assert outdated["amount"] == confirmed["amount"] + 2 * 60 and outdated["confirmed"]["amount"] == confirmed["amount"]
    open_the_mail(page, mail, "99-referent-receipt-outdated-person-mail-1280")
    warning = page.locator(".notice--warning")
    expect(warning).to_contain_text("Tu avais confirmé ces données")
    expect(warning).to_contain_text(f"reçu n° {number}")
    expect(warning).to_contain_text("Depuis, le montant (800,00 € → 920,00 €) a changé : vérifie les données")
    check_screen(referent, "99-referent-receipt-outdated-person-1280")
    page.goto(f"/association/dossier-annuel?annee={year}")
    wait_for_screen(page)
    card = page.locator("li.bundle-item").filter(has_text="Groupe Horizon")
    expect(card).to_contain_text("Données du reçu à confirmer de nouveau")
    check_screen(referent, "99-referent-dossier-annuel-receipt-outdated-1280")
    card.get_by_role("link", name="Vérifier et confirmer pour Groupe Horizon").click()
    wait_for_screen(page)
    confirm_the_year(page, number, "Confirmer de nouveau", statement_too=False)
    confirmed = claire.get(receipt_path)
    assert confirmed["state"] == "confirmed" and confirmed["amount"] == outdated["amount"], confirmed

    # A presence corrected afterwards: Margaux was absent on her second day after all.
    before = {mail["id"] for mail in mailbox(base)}
    move_clock(base, days[1])
    try:
        claire.post(f"/api/engagement/participations/{margaux_days['participation']}/attendance",
                    {"dates": [{"date": days[1].isoformat(), "present": False}]})
    finally:
        reset_clock(base)
    mail = the_one_mail_naming(base, year, "attendance", before)
    assert f"n° {number}" in mail["text"]
    outdated = claire.get(receipt_path)
    assert outdated["state"] == "changed" and outdated["statement_state"] == "changed", outdated
    assert outdated["total_days"] == confirmed["total_days"] - 1, outdated
    open_the_mail(page, mail, "99-referent-receipt-outdated-attendance-mail-1280")
    expect(page.get_by_text("À confirmer de nouveau (des journées ont changé)")).to_be_visible()
    expect(page.locator("table").get_by_role("rowheader", name="Margaux Lefèvre")).to_have_count(1)
    # One day left: the gift is that day, not « du jeudi 10 … au jeudi 10 … ».
    gift_date = page.locator("dt", has_text="Date du don").locator("xpath=following-sibling::dd[1]")
    expect(gift_date).to_have_text(long_date(days[0]))
    expect(page.locator(".notice--warning")).to_contain_text(
        "Depuis, le montant (920,00 € → 460,00 €) et les journées (2 jours → 1 jour) ont changé")
    check_screen(referent, "99-referent-receipt-outdated-attendance-1280")
    confirm_the_year(page, number, "Confirmer de nouveau", statement_too=True)
    assert claire.get(receipt_path)["state"] == "confirmed"
