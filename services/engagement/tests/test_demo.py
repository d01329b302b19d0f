"""The embedded mode's demo data: loaded once, published like the API would, every demo login works."""
from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa

from engagement.demo import (
    DEMO_ASSOCIATION_IDS, DEMO_COMPANY_ID, DEMO_LOGINS, DEMO_PASSWORD, END_OF_CAREER_EMAIL, demo_id, load_demo_data,
)
from engagement.models import Company, Person


def counts(service) -> tuple[int, int, int]:
    with service.runtime.db.reading() as session:
        companies = session.scalar(sa.select(sa.func.count()).select_from(Company))
        people = session.scalar(sa.select(sa.func.count()).select_from(Person))
    return companies, people, len(service.published())


def test_the_demo_data_loads_once_and_only_into_an_empty_database(service):
    assert load_demo_data(service.runtime, service.settings) is True
    loaded = counts(service)
    assert loaded[:2] == (2, 8)  # Groupe Horizon and Lumen Énergie (SSO only: its people come at their first sign-in)
    assert load_demo_data(service.runtime, service.settings) is False
    assert counts(service) == loaded


def test_the_demo_data_is_published_as_the_api_would(service):
    load_demo_data(service.runtime, service.settings)
    company, sso_company = service.published("engagement.company.updated")
    assert sso_company.data["name"] == "Lumen Énergie" and sso_company.data["email_domains"] == ["lumen.example"]
    assert company.data["company_id"] == DEMO_COMPANY_ID
    assert company.data["name"] == "Groupe Horizon"
    assert company.data["representative_name"] == "Claire Dumas"
    assert company.data["email_domains"] == ["horizon-group.example", "horizon.example"]
    assert len(company.data["entities"]) == 5
    assert len(company.data["siren"]) == 9 and company.data["rcs"].startswith("RCS Lyon")
    registered = service.published("engagement.person.registered")
    assert len(registered) == 8
    assert {event.data["email"] for event in registered} == {email for _label, email in DEMO_LOGINS} | {"thomas.girard@horizon-group.example"}
    assert len(service.published("engagement.preferences.updated")) == 2


def test_every_demo_login_logs_in_with_the_demo_password(service):
    load_demo_data(service.runtime, service.settings)
    for label, email in DEMO_LOGINS:
        client = service.app.test_client()
        response = client.post("/session", json={"email": email, "password": DEMO_PASSWORD}, base_url="https://localhost")
        assert response.status_code == 200, (label, response.json)
        assert response.json["person"]["email_verified"] is True
        assert client.get("/me", base_url="https://localhost").json["email"] == email


def test_the_demo_people_have_the_roles_the_readme_promises(service, tokens):
    load_demo_data(service.runtime, service.settings)
    with service.runtime.db.reading() as session:
        people = {person.email: person for person in session.scalars(sa.select(Person))}
        roles = {email: person.role_names for email, person in people.items()}
        manager_of = {email: person.manager_email for email, person in people.items()}
        referent_links = people["referente@petits-savants.example"].association_ids
    assert roles["admin@horizon.example"] == ["company_admin", "employee"]
    assert roles["operateur@tandem.example"] == ["platform_operator"]
    assert roles["referente@petits-savants.example"] == ["association_referent"]
    assert referent_links == [DEMO_ASSOCIATION_IDS["Les Petits Savants"]]
    assert DEMO_ASSOCIATION_IDS["Les Petits Savants"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
    assert manager_of["camille.martin@horizon.example"] == "sophie.laurent@horizon.example"
    assert roles["sophie.laurent@horizon.example"] == ["employee"]


def test_the_demo_end_of_career_employee_has_one_day_a_week(service, tokens):
    load_demo_data(service.runtime, service.settings)
    ines = tokens.headers(demo_id("person", END_OF_CAREER_EMAIL), roles=["employee"])
    dashboard = service.client.get("/me/dashboard", headers=ines).json
    assert dashboard["allowance"]["kind"] == "weekly"
    camille = tokens.headers(demo_id("person", "camille.martin@horizon.example"), roles=["employee"])
    dashboard = service.client.get("/me/dashboard", headers=camille).json
    assert dashboard["allowance"] == {"kind": "annual", "days": 2.0, "label": "2 jours par an", "weekly_from": None}
    # Her preferences are filled in and her address verified: nothing left to finalise.
    assert dashboard["todo"]["finalise_registration"] == 0


def test_demo_referents_are_added_once_with_their_associations(service):
    from engagement.demo import DEMO_PASSWORD, add_demo_referents, load_demo_data
    from engagement.models import Person

    load_demo_data(service.runtime)
    referents = [
        {"email": "referente@petits-savants.example", "first_name": "Amina", "last_name": "Benali", "phone": None, "association_id": "a-existing"},
        {"email": "contact@jardins.example", "first_name": "Paul", "last_name": "Girard", "phone": "01 23 45 67 89", "association_id": "a-jardins"},
    ]
    assert add_demo_referents(service.runtime, referents) == 1
    assert add_demo_referents(service.runtime, referents) == 0
    with service.runtime.db.reading() as session:
        paul = session.query(Person).filter_by(email="contact@jardins.example").one()
        assert paul.association_ids == ["a-jardins"] and paul.role_names == ["association_referent"]
        amina = session.query(Person).filter_by(email="referente@petits-savants.example").one()
        assert "a-existing" in amina.association_ids
    response = service.client.post("/session", base_url="https://localhost", json={"email": "contact@jardins.example", "password": DEMO_PASSWORD})
    assert response.status_code == 200


def test_the_second_demo_company_signs_in_through_the_dev_provider_only(service):
    from engagement.demo import SSO_DEMO_ISSUER, SSO_DEMO_PROVIDER_ID
    load_demo_data(service.runtime, service.settings)
    found = service.client.post("/sso/discover", json={"email": "lea.moreau@lumen.example"}).get_json()
    assert found == {"method": "sso", "provider_id": SSO_DEMO_PROVIDER_ID, "protocol": "oidc", "company_name": "Lumen Énergie",
                     "password_allowed": False}
    link = service.client.get("/sso/companies/lumen.example").get_json()
    assert [p["display_name"] for p in link["providers"]] == ["Annuaire Lumen (démo)"] and link["password_allowed"] is False
    makefile = (Path(__file__).resolve().parents[3] / "Makefile").read_text()
    assert f"OIDC_PORT={SSO_DEMO_ISSUER.rsplit(':', 1)[1]}" in makefile and "lumen.example" in makefile  # one documented command
