"""Pay data and the valuation through the API: the permission, the all-or-nothing import, the audit, the daily cost
per entity, the valuation's figures, its XLSX and PDF, and pay data kept out of logs, events and other exports."""
import contextlib
import io
import logging
import re
import subprocess

import openpyxl
import pytest
import sqlalchemy as sa
from alembic import command

from impact.bootstrap import MIGRATIONS_DIR
from impact.models import PersonEntity
from tandem_shared.migrations import alembic_config, upgrade
from tandem_shared.testing import postgres_database

from .conftest import ADMIN, COMPANY, ENTITY, OPERATOR, admin_headers, example

YEAR = 2026


def operator(tokens):
    return tokens.headers(OPERATOR, roles=("platform_operator",))


def upload(service, tokens, text: str, person=ADMIN, year=YEAR):
    return service.client.post(f"/companies/{COMPANY}/pay/import?year={year}", headers=admin_headers(tokens, person),
                               data={"file": (io.BytesIO(text.encode("utf-8")), "paie.csv")},
                               content_type="multipart/form-data")


@pytest.fixture
def company(feed, service, tokens):
    """Groupe Horizon: Nathalie the admin (holding the permission), Camille and Lucas who gave days."""
    feed.company(entities=((ENTITY, "Direction financière"), ("ent-rh", "Ressources humaines")))
    feed.person(ADMIN, roles=("employee", "company_admin"), email="nathalie@horizon.example", first_name="Nathalie")
    camille = feed.person(email="camille@horizon.example", first_name="Camille")
    lucas = feed.person(email="lucas@horizon.example", first_name="Lucas", entity=("ent-rh", "Ressources humaines"))
    feed.association("assoc-1", "Les Petits Savants")
    feed.association("assoc-2", "Les Restos du Cœur")
    tutoring = feed.mission(association_id="assoc-1", association_name="Les Petits Savants")
    meals = feed.mission(association_id="assoc-2", association_name="Les Restos du Cœur")
    feed.participation(camille, tutoring, [("2026-03-18", "full_day"), ("2026-03-25", "half_day")],
                       attend={"2026-03-18": True, "2026-03-25": True})
    feed.participation(lucas, meals, [("2026-04-02", "full_day"), ("2026-04-09", "full_day")],
                       attend={"2026-04-02": True, "2026-04-09": False})
    granted = service.client.put(f"/companies/{COMPANY}/pay-permissions/{ADMIN}", headers=operator(tokens))
    assert granted.status_code == 200, granted.get_json()
    return {"camille": camille, "lucas": lucas}


def test_the_import_is_all_or_nothing_and_names_each_bad_line(service, tokens, company):
    bad = ("email;salaire_brut_annuel;taux_charges_patronales\n"
           "camille@horizon.example;50 000;45 %\n"
           "inconnu@horizon.example;40000;0,42\n"
           "lucas@horizon.example;beaucoup;45\n"
           "camille@horizon.example;50000;45\n")
    response = upload(service, tokens, bad)
    assert response.status_code == 422
    body = response.get_json()
    assert body["detail"].startswith("Le fichier n'a pas été importé : 3 erreurs")
    assert body["errors"]["lines"] == [
        "Ligne 3 : aucun collaborateur de l'entreprise n'a l'e-mail inconnu@horizon.example.",
        "Ligne 4 : le salaire brut annuel « beaucoup » n'est pas un montant.",
        "Ligne 5 : camille@horizon.example est déjà à la ligne 2.",
    ]
    records = service.client.get(f"/companies/{COMPANY}/pay?year={YEAR}", headers=admin_headers(tokens)).get_json()
    assert records["records"] == []  # nothing half-imported
    missing_column = upload(service, tokens, "email;salaire\ncamille@horizon.example;1\n")
    assert missing_column.status_code == 422
    assert missing_column.get_json()["errors"]["lines"][0].startswith("Ligne 1 : il manque la colonne")


def test_an_import_then_the_valuation(service, tokens, company):
    good = ("\ufeffemail;salaire_brut_annuel;taux_charges_patronales;date_entree\n"
            "camille@horizon.example;50 000,00;45 %;\n"
            "lucas@horizon.example;300000;0,40;\n")
    response = upload(service, tokens, good)
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"year": YEAR, "imported": 2, "receipts_to_confirm_again": []}
    records = service.client.get(f"/companies/{COMPANY}/pay?year={YEAR}", headers=admin_headers(tokens)).get_json()["records"]
    assert {(r["email"], r["annual_gross_pay"], r["employer_charge_rate"]) for r in records} == {
        ("camille@horizon.example", 50000.0, 0.45), ("lucas@horizon.example", 300000.0, 0.4)}

    report = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    people = {p["name"].split()[0]: p for p in report["people"]}
    assert people["Camille"]["day_value"] == 332.57 and people["Camille"]["days"] == 1.5
    assert people["Camille"]["value"] == 498.86  # 332.57 × 1.5, rounded to the cent
    # Lucas's pay is capped at 3 PASS (144,180 €): (144,180 × 1.40) / 218 = 925.93 € a day; his absent day is not valued.
    assert people["Lucas"]["day_value"] == 925.93 and people["Lucas"]["days"] == 1.0
    assert report["total_value"] == round(498.86 + 925.93, 2)
    assert report["reduction"]["ceiling"] == 20000.0
    assert report["reduction"]["reduction"] == round(report["total_value"] * 0.6, 2)
    assert {a["name"]: a["value"] for a in report["associations"]} == {"Les Petits Savants": 498.86, "Les Restos du Cœur": 925.93}
    assert report["beneficiaries_above_threshold"] == []

    xlsx = service.client.get(f"/companies/{COMPANY}/valuation.xlsx?year={YEAR}", headers=admin_headers(tokens))
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.get_data()), read_only=True)
    summary = dict(workbook["Synthèse"].iter_rows(min_row=2, values_only=True))
    assert summary["Réduction d'impôt estimée (€)"] == report["reduction"]["reduction"]
    # Amounts carry the euro's number format, so a spreadsheet shows « 1 424,79 € », not a bare number.
    styled = openpyxl.load_workbook(io.BytesIO(xlsx.get_data()))["Par association (2069-RCI-SD)"]
    assert styled.cell(row=2, column=6).number_format == '#,##0.00 "€"' and styled.cell(row=2, column=6).value == 925.93
    pdf = service.client.get(f"/companies/{COMPANY}/valuation.pdf?year={YEAR}", headers=admin_headers(tokens))
    assert pdf.status_code == 200 and pdf.get_data().startswith(b"%PDF")
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf.get_data(), capture_output=True, check=True)
                    .stdout.decode().split())
    for expected in ("Valorisation du mécénat de compétences — 2026", "Les Petits Savants", "Les Restos du Cœur",
                     "Réduction d'impôt estimée", "498,86 €", "925,93 €", "Camille Martin"):
        assert expected in text, expected
    # The 2069-RCI-SD and per-person tables each end with their total (1 424,79 € here), once each.
    assert text.count("Total ") == 2 and text.count("424,79 €") == 5  # the summary thrice (value, within the ceiling, base at 60 %), then the two totals

    audit = service.client.get(f"/companies/{COMPANY}/pay-audit", headers=admin_headers(tokens)).get_json()["lines"]
    actions = [line["action"] for line in audit]
    assert {"permission_granted", "pay_imported", "pay_read", "valuation_read"} <= set(actions)
    # Counted in French, not « ligne(s) importée(s) ».
    assert all("(s)" not in line["detail"] for line in audit)
    assert any(re.fullmatch(r"\d+ lignes? importées? pour 2026", line["detail"]) for line in audit if line["action"] == "pay_imported")
    assert all("50000" not in line["detail"] and "300000" not in line["detail"] for line in audit)


def test_a_default_daily_cost_values_people_without_pay(service, tokens, company):
    missing = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    assert missing["people_without_value"] == 2 and missing["total_value"] == 0
    response = service.client.put(f"/companies/{COMPANY}/daily-costs/ent-rh", json={"year": YEAR, "daily_cost": 400},
                                  headers=admin_headers(tokens))
    assert response.status_code == 200
    assert {e["entity_id"]: (e["daily_cost"], e["set_for_year"]) for e in response.get_json()["entities"]} == {
        ENTITY: (None, None), "ent-rh": (400.0, YEAR)}
    report = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    lucas = next(p for p in report["people"] if p["name"].startswith("Lucas"))
    assert lucas["source"] == "entity_default" and lucas["value"] == 400.0
    assert service.client.put(f"/companies/{COMPANY}/daily-costs/nope", json={"year": YEAR, "daily_cost": 1},
                              headers=admin_headers(tokens)).status_code == 422
    missing_year = service.client.put(f"/companies/{COMPANY}/daily-costs/ent-rh", json={"daily_cost": 1}, headers=admin_headers(tokens))
    assert missing_year.status_code == 422 and missing_year.get_json()["errors"] == {"year": ["Ce champ est obligatoire."]}


def lucas_value(service, tokens, year):
    report = service.client.get(f"/companies/{COMPANY}/valuation?year={year}", headers=admin_headers(tokens)).get_json()
    return next(p["value"] for p in report["people"] if p["name"].startswith("Lucas"))


def set_cost(service, tokens, year, amount):
    response = service.client.put(f"/companies/{COMPANY}/daily-costs/ent-rh", json={"year": year, "daily_cost": amount},
                                  headers=admin_headers(tokens))
    assert response.status_code == 200, response.get_json()
    return {e["entity_id"]: (e["daily_cost"], e["set_for_year"]) for e in response.get_json()["entities"]}["ent-rh"]


def test_next_years_daily_cost_leaves_a_year_already_valued_as_it_was(service, tokens, company):
    """A past year's valuation (and the receipts drawn from it) must not move when the admin sets the cost of the year
    that begins: each cost is set for a year, and a year without its own takes the latest one before it."""
    assert set_cost(service, tokens, YEAR, 400) == (400.0, YEAR)
    assert lucas_value(service, tokens, YEAR) == 400.0
    assert set_cost(service, tokens, YEAR + 1, 450) == (450.0, YEAR + 1)
    assert lucas_value(service, tokens, YEAR) == 400.0
    later = service.client.get(f"/companies/{COMPANY}/daily-costs?year={YEAR + 3}", headers=admin_headers(tokens)).get_json()
    assert {e["entity_id"]: (e["daily_cost"], e["set_for_year"]) for e in later["entities"]}["ent-rh"] == (450.0, YEAR + 1)
    # A year before any cost was set takes the earliest one (a company that set one cost values every year with it).
    earlier = service.client.get(f"/companies/{COMPANY}/daily-costs?year={YEAR - 2}", headers=admin_headers(tokens)).get_json()
    assert {e["entity_id"]: e["set_for_year"] for e in earlier["entities"]}["ent-rh"] == YEAR
    # Removing the year's own cost falls back to the year before; the other year is untouched.
    assert set_cost(service, tokens, YEAR, None) == (450.0, YEAR + 1)
    assert set_cost(service, tokens, YEAR + 1, None) == (None, None)
    assert service.client.get(f"/companies/{COMPANY}/daily-costs", headers=admin_headers(tokens)).status_code == 422


def test_the_settings_give_the_ceiling_the_exceptions_and_the_carry_forward(service, tokens, company):
    upload(service, tokens, "email;salaire_brut_annuel;taux_charges_patronales\ncamille@horizon.example;50000;45\n"
                            "lucas@horizon.example;50000;45\n")
    response = service.client.put(f"/companies/{COMPANY}/valuation/settings?year={YEAR}", headers=admin_headers(tokens),
                                  json={"turnover_excl_tax": 10_000_000, "prior_excess": [{"year": 2023, "amount": 30000}],
                                        "exception_association_ids": ["assoc-2"]})
    assert response.status_code == 200, response.get_json()
    report = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    assert report["reduction"]["ceiling"] == 50000.0
    # 831.43 € given this year leaves room for 30,000 € carried from 2023.
    assert report["reduction"]["carry_forward_used"] == 30000.0
    assert next(a for a in report["associations"] if a["association_id"] == "assoc-2")["exception"] is True
    too_old = service.client.put(f"/companies/{COMPANY}/valuation/settings?year={YEAR}", headers=admin_headers(tokens),
                                 json={"turnover_excl_tax": None, "prior_excess": [{"year": 2020, "amount": 1}]})
    assert too_old.status_code == 422


def test_an_unknown_year_is_a_clear_refusal(service, tokens, company):
    response = service.client.get(f"/companies/{COMPANY}/valuation?year=2030", headers=admin_headers(tokens))
    assert response.status_code == 422
    assert "2030 n'est pas encore connu" in response.get_json()["detail"]


def test_pay_data_never_reaches_logs_events_or_the_report_exports(service, tokens, company, caplog):
    caplog.set_level(logging.DEBUG)
    upload(service, tokens, "email;salaire_brut_annuel;taux_charges_patronales\ncamille@horizon.example;51234;45\n")
    service.client.get(f"/companies/{COMPANY}/pay?year={YEAR}", headers=admin_headers(tokens))
    service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens))
    assert "51234" not in caplog.text and "51 234" not in caplog.text
    assert service.published() == []
    days = service.client.get(f"/companies/{COMPANY}/exports/days.csv?year={YEAR}", headers=admin_headers(tokens)).get_data(as_text=True)
    figures = service.client.get(f"/companies/{COMPANY}/exports/report.csv?year={YEAR}", headers=admin_headers(tokens)).get_data(as_text=True)
    assert "51234" not in days + figures and "332" not in days + figures


def test_a_holder_grants_another_admin_of_the_company_only(service, tokens, company, feed):
    other_admin = feed.person("admin-2", roles=("employee", "company_admin"), email="paul@horizon.example")
    assert service.client.put(f"/companies/{COMPANY}/pay-permissions/{company['camille']}",
                              headers=admin_headers(tokens)).status_code == 422
    assert service.client.put(f"/companies/{COMPANY}/pay-permissions/{other_admin}", headers=admin_headers(tokens)).status_code == 200
    holders = service.client.get(f"/companies/{COMPANY}/pay-permissions", headers=admin_headers(tokens)).get_json()["holders"]
    assert {h["person_id"] for h in holders} == {ADMIN, other_admin}
    assert service.client.delete(f"/companies/{COMPANY}/pay-permissions/{other_admin}", headers=admin_headers(tokens)).status_code == 204
    assert service.client.get(f"/companies/{COMPANY}/pay?year={YEAR}", headers=admin_headers(tokens, other_admin)).status_code == 403


def test_a_year_is_valued_at_the_entity_each_person_was_in_then(service, tokens, company, feed):
    """Lucas moved from « Ressources humaines » to « Direction financière » in 2027: his 2026 day keeps the HR cost and
    name, and the event saying so arriving late (or twice) changes nothing of it."""
    set_cost(service, tokens, YEAR, 400)  # ent-rh
    response = service.client.put(f"/companies/{COMPANY}/daily-costs/{ENTITY}", json={"year": YEAR, "daily_cost": 700},
                                  headers=admin_headers(tokens))
    assert response.status_code == 200
    moved = {**example("engagement.person.updated"), "person_id": company["lucas"], "email": "lucas@horizon.example",
             "first_name": "Lucas", "last_name": "Martin", "company_id": COMPANY, "entity_id": ENTITY,
             "entity_name": "Direction financière", "status": "active", "at": f"{YEAR + 1}-02-01T09:00:00+00:00"}
    assert service.deliver("engagement.person.updated", moved) == "processed"
    assert service.deliver("engagement.person.updated", moved) == "processed"  # another copy of the same change

    report = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    lucas = next(p for p in report["people"] if p["name"].startswith("Lucas"))
    assert (lucas["entity_name"], lucas["day_value"], lucas["value"]) == ("Ressources humaines", 400.0, 400.0)
    # A change dated within the year counts for it: the latest entity before the year ended.
    within = {**moved, "entity_id": "ent-rh", "entity_name": "Ressources humaines (Lyon)", "at": f"{YEAR}-11-01T09:00:00+00:00"}
    assert service.deliver("engagement.person.updated", within) == "processed"
    report = service.client.get(f"/companies/{COMPANY}/valuation?year={YEAR}", headers=admin_headers(tokens)).get_json()
    lucas = next(p for p in report["people"] if p["name"].startswith("Lucas"))
    assert (lucas["entity_name"], lucas["value"]) == ("Ressources humaines (Lyon)", 400.0)
    with service.runtime.db.reading() as session:
        history = session.execute(sa.select(PersonEntity.since, PersonEntity.entity_id)
                                  .where(PersonEntity.person_id == company["lucas"]).order_by(PersonEntity.since)).all()
    assert [entity for _, entity in history] == ["ent-rh", "ent-rh", ENTITY]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_costs_and_entities_known_before_they_had_years_keep_valuing_every_year_as_before(database, tmp_path):
    with (postgres_database() if database == "postgresql" else _sqlite(tmp_path)) as url:
        upgrade(MIGRATIONS_DIR, url, "0004_inbox_housekeeping")
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO entity_daily_costs (company_id, entity_id, daily_cost, updated_by, updated_at) "
                "VALUES ('c1', 'e1', 400, 'admin', :at)"), {"at": "2025-06-30 10:00:00+00:00"})
            connection.execute(sa.text(
                "INSERT INTO people (person_id, email, first_name, last_name, company_id, entity_id, entity_name, roles, status, as_of) "
                "VALUES ('p1', 'p1@horizon.example', 'Lucas', 'Bernard', 'c1', 'e1', 'Ressources humaines', '[]', 'active', :at)"),
                {"at": "2026-02-01 09:00:00+00:00"})
        upgrade(MIGRATIONS_DIR, url, "0006_person_entities")
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT entity_id, year, daily_cost FROM entity_daily_costs")).one()[:2] == ("e1", 2025)
            # Each person's entity as known, from their copy's time: the earliest row, which stands for the years before.
            assert connection.execute(sa.text("SELECT person_id, entity_id, entity_name FROM person_entities")).one() == (
                "p1", "e1", "Ressources humaines")
        with engine.begin() as connection:  # a second year of the same entity is now possible
            connection.execute(sa.text(
                "INSERT INTO entity_daily_costs (company_id, entity_id, year, daily_cost, updated_by, updated_at) "
                "VALUES ('c1', 'e1', 2026, 450, 'admin', :at)"), {"at": "2026-06-30 10:00:00+00:00"})
        command.downgrade(alembic_config(MIGRATIONS_DIR, url), "0004_inbox_housekeeping")
        with engine.connect() as connection:  # back to one cost per entity: the latest year's
            assert float(connection.execute(sa.text("SELECT daily_cost FROM entity_daily_costs")).scalar_one()) == 450.0
        engine.dispose()


@contextlib.contextmanager
def _sqlite(tmp_path):
    yield f"sqlite:///{tmp_path / 'migrations.db'}"
