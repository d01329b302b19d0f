"""« Impact », « Valorisation » and the people table in the company space (issue 15), and the Tandem team's Impact.

Lucas gives a day to Les Petits Savants, driven through the platform's APIs (test_journey clicks that workflow):
applied, the manager accepts from the e-mail's link, the convention signed, presence attested by the referent. The
page's figures are then checked against the rows of the days export (streamed by impact, downloaded from the page's
own button): days done, people engaged and the association's row of its chart's table. The people table is filtered
by role and a person opened on their own page. Every screen passes the same checks as test_screens (one <h1>, axe,
no sideways scroll at 375 px, no console error: Chart.js draws under the strict CSP), at 1280 and 375 px.
"""
from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date, timedelta

import pytest
import requests
from browser_support import DEMO, WIDTHS, ApiUser, check_screen, link_in, mailbox, move_clock, poll, reset_clock, wait_for_mail, working_days
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
ENGAGED_STATES = {"validée", "réalisée", "absence"}


def french_days(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def export_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def days_of(row: dict) -> float:
    return float(row["Jours"].replace(",", "."))


@pytest.fixture(scope="module")
def lucas_day(platform):
    """Lucas's day given to a mission of Les Petits Savants, attested present; the clock reset afterwards."""
    base = platform.base
    lucas, referent = ApiUser(base, DEMO["employee2"]), ApiUser(base, DEMO["referent"])
    missions = lucas.get(f"/api/catalog/missions?association={PETITS_SAVANTS}&per_page=50")["items"]
    mission = missions[-1]
    (day,) = working_days(1, date.today() + timedelta(days=3))
    poll(lambda: lucas.status_of(f"/api/engagement/missions/{mission['id']}") == 200, what="engagement knows the mission")
    before = {m["id"] for m in mailbox(base)}
    participation = lucas.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "06 98 76 54 32", "year": day.year,
        "message": "Bonjour, je serais ravi de donner une journée à l'association. À bientôt !"})["id"]
    lucas.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": DEMO["manager"], "message": "Bonjour Sophie, peux-tu valider cette journée ?",
        "dates": [{"date": day.isoformat(), "format": "full_day"}]})
    link = link_in(wait_for_mail(base, DEMO["manager"], text_part=mission["title"], link_part="/manager/demandes/",
                                 after=before), "/manager/demandes/")
    decided = requests.post(f"{base}/api/approval/actions/{link.rsplit('/', 1)[1]}", json={"decision": "accept"}, timeout=20)
    assert decided.status_code == 200, decided.text
    convention = poll(lambda: (lucas.get(f"/api/engagement/participations/{participation}").get("convention") or {}).get("id"),
                      timeout=60, what="documents issues the convention")
    version = poll(lambda: next((v for v in lucas.get(f"/api/documents/conventions/{convention}")["versions"] if v["current"]), None),
                   what="the convention's current version")
    consent = lucas.get("/api/documents/consent")
    lucas.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    poll(lambda: any(d.get("convention_signed") for d in next(
        (p for p in referent.get(f"/api/engagement/associations/{PETITS_SAVANTS}/participations?per_page=100")["items"]
         if p["id"] == participation), {}).get("dates", [])), timeout=60, what="engagement learns the convention is signed")
    move_clock(base, day)
    try:
        referent.post(f"/api/engagement/participations/{participation}/attendance",
                      {"dates": [{"date": day.isoformat(), "present": True}]})
    finally:
        reset_clock(base)
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
    check_screen(watched, f"93-company-impact-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_people_table_filters_by_role_and_opens_a_person(open_page, lucas_day, width):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    company, admin = lucas_day["company"], lucas_day["admin"]
    page.goto("/entreprise/personnes")
    table = page.locator("table.people-table")
    expect(table.locator("tbody tr", has_text=DEMO["employee2"])).to_have_count(1)
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
    page.get_by_label("Fichier CSV des rémunérations").set_input_files(files=[{
        "name": "paie.csv", "mimeType": "text/csv",
        "buffer": f"email;salaire_brut_annuel;taux_charges_patronales\n{DEMO['employee2']};52000;45\npersonne@ailleurs.example;40000;42\n".encode()}])
    page.get_by_role("button", name="Importer").click()
    errors = page.locator("#paie-erreurs")
    expect(errors).to_contain_text("Ligne 3")
    expect(errors).not_to_contain_text("Ligne 2")
    check_screen(watched, f"97-company-valuation-line-errors-{width}")
    page.get_by_label("Fichier CSV des rémunérations").set_input_files(files=[{
        "name": "paie.csv", "mimeType": "text/csv",
        "buffer": f"email;salaire_brut_annuel;taux_charges_patronales\n{DEMO['employee2']};52000;45\n".encode()}])
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_text(f"1 rémunération importée pour {year}.")).to_be_visible()

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

        page.get_by_label("Administrateur de l'entreprise").select_option(label="Sophie Laurent (sophie.laurent@horizon.example)")
        page.get_by_role("button", name="Donner la permission").click()
        expect(page.get_by_text("Sophie Laurent voit maintenant les données de rémunération.")).to_be_visible()
        expect(holders.get_by_text("Sophie Laurent", exact=True)).to_be_visible()
        assert sophie_id in {holder["person_id"] for holder in admin.get(f"/api/impact/companies/{company}/pay-permissions")["holders"]}

        # Reading the year's pay is a deliberate act, written in the journal.
        page.get_by_role("button", name=f"Afficher les rémunérations de {year}").click()
        records = page.locator("#paie-releve")
        lucas = records.locator("tr", has_text="Lucas Bernard")
        expect(lucas).to_contain_text("52\u202f000,00\u00a0€")
        expect(lucas).to_contain_text(re.compile(r"45\s%"))
        journal = page.locator("#paie-journal-legende").locator("xpath=..")
        expect(journal.locator("tbody tr").first).to_contain_text("Rémunérations consultées")
        expect(journal.locator("tbody tr").first).to_contain_text("Nathalie Roux")
        check_screen(watched, f"99-company-pay-access-{width}")

        sophie_card = holders.locator("li", has_text="Sophie Laurent")
        sophie_card.get_by_role("button", name="Retirer la permission").click()
        page.get_by_role("button", name="Oui, retirer").click()
        expect(page.get_by_text("Sophie Laurent ne voit plus les données de rémunération.")).to_be_visible()
        expect(holders.get_by_text("Sophie Laurent")).to_have_count(0)
        expect(journal.locator("tbody tr").first).to_contain_text("Permission retirée")
        expect(journal.locator("tbody tr").first).to_contain_text("permission retirée à Sophie Laurent")
        trail = admin.get(f"/api/impact/companies/{company}/pay-audit")["lines"]
        assert [line["action"] for line in trail[:3]] == ["permission_revoked", "pay_read", "permission_granted"]
        assert all(line["actor_id"] == admin_id for line in trail[:3])
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
