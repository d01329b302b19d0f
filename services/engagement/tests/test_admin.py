"""Administration through the HTTP API: companies, entities, people, invitations, end of career, the audit log."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from tandem_shared.timeutil import utcnow

from engagement.demo import ADMIN_EMAIL, DEMO_COMPANY_ID, DEMO_PASSWORD, demo_id, load_demo_data
from engagement.models import Person, PersonRole

OPERATOR = demo_id("person", "operateur@tandem.example")
ADMIN = demo_id("person", ADMIN_EMAIL)
CAMILLE = demo_id("person", "camille.martin@horizon.example")
LUCAS = demo_id("person", "lucas.bernard@horizon.example")
SOPHIE = demo_id("person", "sophie.laurent@horizon.example")

NEW_COMPANY = {
    "name": "Solvéa Assurances",
    "head_office_address": "4 rue de la Bourse, 75002 Paris",
    "siren": "421 987 654",
    "rcs": "RCS Paris 421 987 654",
    "representative_name": "Marc Olivier",
    "representative_title": "Directeur général",
    "email_domains": ["Solvea.Example"],
}


@pytest.fixture
def demo(service):
    """The embedded mode's demo company: an operator, an admin, employees; ids are stable."""
    assert load_demo_data(service.runtime, service.settings)
    return service


def as_operator(tokens):
    return tokens.headers(OPERATOR, roles=["platform_operator"])


def as_admin(tokens):
    return tokens.headers(ADMIN, roles=["company_admin", "employee"])


def as_employee(tokens, person_id=CAMILLE):
    return tokens.headers(person_id, roles=["employee"])


def add_person(service, email: str, roles: list[str], company_id: str | None) -> str:
    """A signed-up person straight in the database, for a token whose subject must exist."""
    now = utcnow()
    person_id = str(uuid.uuid4())
    with service.runtime.unit_of_work() as uow:
        person = Person(id=person_id, email=email, company_id=company_id, first_name="Bruno", last_name="Faure",
                        status="active", email_verified_at=now, created_at=now, updated_at=now)
        person.roles = [PersonRole(role=role) for role in roles]
        uow.session.add(person)
    return person_id


def create_company(service, tokens, **changes) -> dict:
    response = service.client.post("/companies", json={**NEW_COMPANY, **changes}, headers=as_operator(tokens))
    assert response.status_code == 201, response.json
    return response.json


def secret_of(service, email: str) -> str:
    sent = [event for event in service.published("engagement.invitation.sent") if event.data["email"] == email]
    return sent[-1].data["link"].rsplit("/", 1)[1]


# -- companies --------------------------------------------------------------------------------------


def test_an_operator_creates_a_company_and_it_is_published(demo, tokens):
    body = create_company(demo, tokens)
    assert body["siren"] == "421987654"
    assert body["email_domains"] == ["solvea.example"]
    assert body["days_per_year"] == 2.0
    assert body["end_of_career_enabled"] is True and body["uses_sso"] is False
    published = [event for event in demo.published("engagement.company.updated") if event.data["company_id"] == body["id"]]
    assert len(published) == 1
    assert published[0].data["representative_name"] == "Marc Olivier"
    assert published[0].data["email_domains"] == ["solvea.example"]


def test_a_domain_that_belongs_to_another_company_is_a_409(demo, tokens):
    response = demo.client.post("/companies", json={**NEW_COMPANY, "email_domains": ["solvea.example", "horizon.example"]},
                                headers=as_operator(tokens))
    assert response.status_code == 409
    assert "horizon.example" in response.json["detail"]
    assert "autre entreprise" in response.json["detail"]


def test_bad_company_fields_get_french_messages_field_by_field(demo, tokens):
    response = demo.client.post("/companies", json={**NEW_COMPANY, "siren": "1234", "days_per_year": 1.25,
                                                    "email_domains": ["pas un domaine"]}, headers=as_operator(tokens))
    assert response.status_code == 422
    errors = response.json["errors"]
    assert errors["siren"] == ["Le SIREN compte exactement 9 chiffres."]
    assert "demi-journée" in errors["days_per_year"][0]
    assert "nom de domaine" in errors["email_domains"]["0"][0]


def test_days_per_year_go_from_half_a_day_to_ten_by_half_days(demo, tokens):
    for accepted in (0.5, 1, 1.5, 10):
        response = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"days_per_year": accepted}, headers=as_admin(tokens))
        assert response.status_code == 200, accepted
        assert response.json["days_per_year"] == accepted
    for refused in (0, 0.25, 10.5, -1):
        assert demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"days_per_year": refused}, headers=as_admin(tokens)).status_code == 422


def test_only_operators_create_companies(demo, tokens):
    assert demo.client.post("/companies", json=NEW_COMPANY, headers=as_admin(tokens)).status_code == 403
    assert demo.client.post("/companies", json=NEW_COMPANY, headers=as_employee(tokens)).status_code == 403
    assert demo.client.post("/companies", json=NEW_COMPANY).status_code == 401


def test_an_admin_sees_and_updates_their_own_company_and_each_change_is_published(demo, tokens):
    listed = demo.client.get("/companies", headers=as_admin(tokens)).json
    assert [company["id"] for company in listed["items"]] == [DEMO_COMPANY_ID] and listed["total"] == 1
    before = len(demo.published("engagement.company.updated"))
    response = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"days_per_year": 1, "representative_title": "DRH"},
                                 headers=as_admin(tokens))
    assert response.status_code == 200
    assert response.json["days_per_year"] == 1.0
    published = demo.published("engagement.company.updated")
    assert len(published) == before + 1
    assert published[-1].data["days_per_year"] == 1.0 and published[-1].data["representative_title"] == "DRH"


def test_an_admin_cannot_change_the_company_domains(demo, tokens):
    response = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"email_domains": ["gmail.com"]}, headers=as_admin(tokens))
    assert response.status_code == 403
    operator = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"email_domains": ["horizon.example", "horizon.fr.example"]},
                                 headers=as_operator(tokens))
    assert operator.status_code == 200
    assert operator.json["email_domains"] == ["horizon.example", "horizon.fr.example"]


def test_an_operator_lists_every_company(demo, tokens):
    create_company(demo, tokens)
    listed = demo.client.get("/companies", headers=as_operator(tokens)).json
    assert listed["total"] == 3
    assert [company["name"] for company in listed["items"]] == ["Groupe Horizon", "Lumen Énergie", "Solvéa Assurances"]


# -- one company's data is out of another's reach ---------------------------------------------------


def test_an_admin_of_another_company_gets_404_on_this_one(demo, tokens):
    other = create_company(demo, tokens)
    other_admin = add_person(demo, "rh@solvea.example", ["company_admin", "employee"], other["id"])
    headers = tokens.headers(other_admin, roles=["company_admin", "employee"])
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}", headers=headers).status_code == 404
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people", headers=headers).status_code == 404
    assert demo.client.get(f"/people/{CAMILLE}", headers=headers).status_code == 404
    assert demo.client.patch(f"/people/{CAMILLE}", json={"status": "disabled"}, headers=headers).status_code == 404
    assert demo.client.post(f"/companies/{DEMO_COMPANY_ID}/entities", json={"name": "Audit"}, headers=headers).status_code == 404
    assert demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=headers).status_code == 404
    # The same answer as for nobody at all: existence does not leak.
    missing = demo.client.get(f"/people/{uuid.uuid4()}", headers=headers)
    assert missing.status_code == 404
    assert missing.json["detail"] == demo.client.get(f"/people/{CAMILLE}", headers=headers).json["detail"]
    # Their own company is theirs.
    assert demo.client.get(f"/companies/{other['id']}/people", headers=headers).json["total"] == 1


def test_someone_who_is_no_admin_gets_403(demo, tokens):
    headers = as_employee(tokens)
    assert demo.client.get("/companies", headers=headers).status_code == 403
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}", headers=headers).status_code == 403
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people", headers=headers).status_code == 403
    assert demo.client.get(f"/people/{LUCAS}", headers=headers).status_code == 403
    assert demo.client.patch(f"/people/{LUCAS}", json={"status": "disabled"}, headers=headers).status_code == 403
    assert demo.client.post("/invitations", json={"email": "x@horizon.example", "first_name": "X", "last_name": "Y",
                                                  "roles": ["employee"]}, headers=headers).status_code == 403
    assert demo.client.get("/audit", headers=headers).status_code == 403


def test_rights_come_from_the_stored_roles_not_from_what_the_token_claims(demo, tokens):
    forged = tokens.headers(CAMILLE, roles=["platform_operator", "company_admin"])
    assert demo.client.get("/companies", headers=forged).status_code == 403


# -- entities ---------------------------------------------------------------------------------------


def test_entities_are_added_renamed_and_deleted_with_an_event_each_time(demo, tokens):
    before = len(demo.published("engagement.company.updated"))
    created = demo.client.post(f"/companies/{DEMO_COMPANY_ID}/entities", json={"name": "Audit interne"}, headers=as_admin(tokens))
    assert created.status_code == 201
    entity_id = created.json["id"]
    assert demo.client.post(f"/companies/{DEMO_COMPANY_ID}/entities", json={"name": "audit INTERNE"},
                            headers=as_admin(tokens)).status_code == 409
    renamed = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}/entities/{entity_id}", json={"name": "Audit et contrôle"},
                                headers=as_admin(tokens))
    assert renamed.status_code == 200 and renamed.json["name"] == "Audit et contrôle"
    published = demo.published("engagement.company.updated")
    assert {"id": entity_id, "name": "Audit et contrôle"} in published[-1].data["entities"]
    assert demo.client.delete(f"/companies/{DEMO_COMPANY_ID}/entities/{entity_id}", headers=as_admin(tokens)).status_code == 204
    published = demo.published("engagement.company.updated")
    assert len(published) == before + 3
    assert entity_id not in [entity["id"] for entity in published[-1].data["entities"]]
    assert demo.client.delete(f"/companies/{DEMO_COMPANY_ID}/entities/{entity_id}", headers=as_admin(tokens)).status_code == 404


def test_an_entity_people_are_attached_to_cannot_be_deleted(demo, tokens):
    entity_id = demo_id("entity", "Direction financière")
    response = demo.client.delete(f"/companies/{DEMO_COMPANY_ID}/entities/{entity_id}", headers=as_admin(tokens))
    assert response.status_code == 409
    assert response.json["detail"].startswith("2 personnes sont rattachées")


# -- people -----------------------------------------------------------------------------------------


def test_a_company_people_are_listed_page_by_page(demo, tokens):
    first = demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people?per_page=4", headers=as_admin(tokens)).json
    second = demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people?per_page=4&page=2", headers=as_admin(tokens)).json
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == 4 and len(second["items"]) == 2
    names = [person["last_name"] for person in first["items"] + second["items"]]
    assert names == sorted(names)
    found = demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people?q=martin", headers=as_operator(tokens)).json
    assert [person["email"] for person in found["items"]] == ["camille.martin@horizon.example"]


def test_a_company_people_are_filtered_by_entity_and_role(demo, tokens):
    people = f"/companies/{DEMO_COMPANY_ID}/people"
    everyone = demo.client.get(f"{people}?per_page=100", headers=as_admin(tokens)).json["items"]
    finance = demo_id("entity", "Direction financière")
    in_finance = demo.client.get(f"{people}?entity_id={finance}", headers=as_admin(tokens)).json
    expected = sorted(person["email"] for person in everyone if (person.get("entity") or {}).get("id") == finance)
    assert expected and sorted(person["email"] for person in in_finance["items"]) == expected
    assert in_finance["total"] == len(expected)
    admins = demo.client.get(f"{people}?role=company_admin", headers=as_admin(tokens)).json
    assert admins["total"] == len([person for person in everyone if "company_admin" in person["roles"]]) >= 1
    assert all("company_admin" in person["roles"] for person in admins["items"])
    # Both filters and the search at once narrow the same list.
    both = demo.client.get(f"{people}?role=employee&entity_id={finance}&q=a", headers=as_admin(tokens)).json
    assert all("employee" in p["roles"] and p["entity"]["id"] == finance for p in both["items"])
    # An entity of no company of the caller finds no one; an unknown role is a French 422.
    assert demo.client.get(f"{people}?entity_id=inconnue", headers=as_admin(tokens)).json == {"items": [], "total": 0}
    refused = demo.client.get(f"{people}?role=roi", headers=as_admin(tokens))
    assert refused.status_code == 422
    # Another company's people stay out of reach whatever the filter.
    assert demo.client.get(f"{people}?role=employee", headers=as_employee(tokens)).status_code in (403, 404)


def test_disabling_a_person_publishes_it_and_their_old_token_is_refused(demo, tokens):
    camille = as_employee(tokens)
    assert demo.client.get("/me", headers=camille).status_code == 200
    response = demo.client.patch(f"/people/{CAMILLE}", json={"status": "disabled"}, headers=as_admin(tokens))
    assert response.status_code == 200
    assert response.json["status"] == "disabled"
    disabled = demo.published("engagement.person.disabled")
    assert [event.data["person_id"] for event in disabled] == [CAMILLE]
    # Approval stops the links e-mailed to the address she held (she may have been someone's manager).
    assert disabled[0].data["email"] == "camille.martin@horizon.example"
    assert demo.published("engagement.person.updated")[-1].data["status"] == "disabled"
    assert demo.client.get("/me", headers=camille).status_code == 401
    login = demo.client.post("/session", json={"email": "camille.martin@horizon.example", "password": DEMO_PASSWORD})
    assert login.status_code == 401
    # Back again: she logs in with her password.
    assert demo.client.patch(f"/people/{CAMILLE}", json={"status": "active"}, headers=as_admin(tokens)).status_code == 200
    assert demo.client.post("/session", json={"email": "camille.martin@horizon.example", "password": DEMO_PASSWORD}).status_code == 200


def test_an_admin_cannot_disable_themselves_nor_drop_their_own_admin_role(demo, tokens):
    assert demo.client.patch(f"/people/{ADMIN}", json={"status": "disabled"}, headers=as_admin(tokens)).status_code == 403
    assert demo.client.patch(f"/people/{ADMIN}", json={"roles": ["employee"]}, headers=as_admin(tokens)).status_code == 403


def test_an_admin_cannot_grant_platform_operator_but_an_operator_can(demo, tokens):
    refused = demo.client.patch(f"/people/{LUCAS}", json={"roles": ["employee", "platform_operator"]}, headers=as_admin(tokens))
    assert refused.status_code == 403
    assert "opérateur de la plateforme" in refused.json["detail"]
    granted = demo.client.patch(f"/people/{LUCAS}", json={"roles": ["employee", "company_admin"]}, headers=as_admin(tokens))
    assert granted.status_code == 200 and granted.json["roles"] == ["company_admin", "employee"]
    by_operator = demo.client.patch(f"/people/{LUCAS}", json={"roles": ["employee", "platform_operator"]}, headers=as_operator(tokens))
    assert by_operator.status_code == 200
    assert by_operator.json["roles"] == ["employee", "platform_operator"]
    assert demo.published("engagement.person.updated")[-1].data["roles"] == ["employee", "platform_operator"]


def test_withdrawing_a_role_ends_the_person_sessions(demo, tokens):
    demo.client.patch(f"/people/{LUCAS}", json={"roles": ["employee", "company_admin"]}, headers=as_admin(tokens))
    lucas = tokens.headers(LUCAS, roles=["employee", "company_admin"])
    assert demo.client.get("/me", headers=lucas).status_code == 200
    assert demo.client.patch(f"/people/{LUCAS}", json={"roles": ["employee"]}, headers=as_admin(tokens)).status_code == 200
    assert [event.data["person_id"] for event in demo.published("engagement.person.signed_out")] == [LUCAS]
    assert demo.client.get("/me", headers=lucas).status_code == 401


def test_taking_an_association_away_from_a_referent_ends_their_sessions(demo, tokens):
    referent = demo_id("person", "referente@petits-savants.example")
    kept, taken = str(uuid.uuid4()), str(uuid.uuid4())
    demo.client.patch(f"/people/{referent}", json={"roles": ["association_referent"], "association_ids": [kept, taken]},
                      headers=as_operator(tokens))
    before = len(demo.published("engagement.person.signed_out"))
    # An association added widens nothing that was signed: the sessions go on.
    widened = demo.client.patch(f"/people/{referent}", json={"association_ids": [kept, taken, str(uuid.uuid4())]},
                                headers=as_operator(tokens))
    assert widened.status_code == 200
    assert len(demo.published("engagement.person.signed_out")) == before
    # Documents and impact read the associations from the token: one taken away must end what was signed with it.
    narrowed = demo.client.patch(f"/people/{referent}", json={"association_ids": [kept]}, headers=as_operator(tokens))
    assert narrowed.status_code == 200 and narrowed.json["association_ids"] == [kept]
    assert [event.data["person_id"] for event in demo.published("engagement.person.signed_out")[before:]] == [referent]


def test_an_association_referent_needs_an_association_and_only_an_operator_links_one(demo, tokens):
    association = str(uuid.uuid4())
    missing = demo.client.patch(f"/people/{SOPHIE}", json={"roles": ["employee", "association_referent"]}, headers=as_operator(tokens))
    assert missing.status_code == 422 and "association_ids" in missing.json["errors"]
    by_admin = demo.client.patch(f"/people/{SOPHIE}", json={"roles": ["employee", "association_referent"], "association_ids": [association]},
                                 headers=as_admin(tokens))
    assert by_admin.status_code == 403
    linked = demo.client.patch(f"/people/{SOPHIE}", json={"roles": ["employee", "association_referent"], "association_ids": [association]},
                               headers=as_operator(tokens))
    assert linked.status_code == 200 and linked.json["association_ids"] == [association]


def test_an_admin_moves_a_person_to_another_entity_it_is_published_and_audited(demo, tokens):
    finance, hr = demo_id("entity", "Direction financière"), demo_id("entity", "Ressources humaines")
    before = len(demo.published("engagement.person.updated"))
    moved = demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": hr}, headers=as_admin(tokens))
    assert moved.status_code == 200, moved.json
    assert moved.json["entity"] == {"id": hr, "name": "Ressources humaines"}
    assert demo.client.get(f"/people/{CAMILLE}", headers=as_admin(tokens)).json["entity"]["id"] == hr
    updated = demo.published("engagement.person.updated")
    assert len(updated) == before + 1
    assert (updated[-1].data["person_id"], updated[-1].data["entity_id"], updated[-1].data["entity_name"]) == (CAMILLE, hr, "Ressources humaines")
    log = demo.client.get(f"/audit?person_id={CAMILLE}", headers=as_operator(tokens)).json["items"]
    assert log[0]["action"] == "person_entity_changed" and log[0]["actor_id"] == ADMIN
    assert log[0]["details"] == {"entity_before": finance, "entity_id": hr, "entity_name": "Ressources humaines"}
    # The same entity again changes nothing: no event, no audit entry.
    assert demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": hr}, headers=as_admin(tokens)).status_code == 200
    assert len(demo.published("engagement.person.updated")) == before + 1
    assert demo.client.get(f"/audit?person_id={CAMILLE}", headers=as_operator(tokens)).json["total"] == len(log)


def test_an_entity_of_another_company_is_refused_on_entity_id_and_nothing_changes(demo, tokens):
    other = create_company(demo, tokens)
    foreign = demo.client.post(f"/companies/{other['id']}/entities", json={"name": "Sinistres"}, headers=as_operator(tokens)).json["id"]
    before = len(demo.published("engagement.person.updated"))
    for entity_id in (foreign, str(uuid.uuid4())):
        refused = demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": entity_id, "roles": ["employee", "company_admin"]},
                                    headers=as_admin(tokens))
        assert refused.status_code == 422
        assert refused.json["errors"] == {"entity_id": ["Cette entité n'appartient pas à ton entreprise."]}
    by_operator = demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": foreign}, headers=as_operator(tokens))
    assert by_operator.status_code == 422
    assert by_operator.json["errors"]["entity_id"] == ["Cette entité n'appartient pas à l'entreprise de cette personne."]
    empty = demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": ""}, headers=as_admin(tokens))
    assert empty.status_code == 422 and empty.json["errors"]["entity_id"] == ["Choisis une entité dans la liste."]
    camille = demo.client.get(f"/people/{CAMILLE}", headers=as_admin(tokens)).json
    assert camille["entity"]["name"] == "Direction financière"
    assert camille["roles"] == ["employee"]
    assert len(demo.published("engagement.person.updated")) == before
    log = demo.client.get(f"/audit?person_id={CAMILLE}", headers=as_operator(tokens)).json["items"]
    assert not [entry for entry in log if entry["action"] in ("person_entity_changed", "person_roles_changed")]


def test_only_an_admin_of_the_company_or_an_operator_changes_an_entity(demo, tokens):
    hr, marketing = demo_id("entity", "Ressources humaines"), demo_id("entity", "Marketing et communication")
    assert demo.client.patch(f"/people/{LUCAS}", json={"entity_id": hr}, headers=as_employee(tokens)).status_code == 403
    assert demo.client.patch(f"/people/{CAMILLE}", json={"entity_id": hr}, headers=as_employee(tokens)).status_code == 403
    other = create_company(demo, tokens)
    other_admin = add_person(demo, "rh@solvea.example", ["company_admin", "employee"], other["id"])
    headers = tokens.headers(other_admin, roles=["company_admin", "employee"])
    assert demo.client.patch(f"/people/{LUCAS}", json={"entity_id": hr}, headers=headers).status_code == 404
    assert demo.client.get(f"/people/{LUCAS}", headers=as_admin(tokens)).json["entity"]["name"] == "Direction des systèmes d'information"
    by_operator = demo.client.patch(f"/people/{LUCAS}", json={"entity_id": marketing}, headers=as_operator(tokens))
    assert by_operator.status_code == 200 and by_operator.json["entity"]["name"] == "Marketing et communication"


def test_an_admin_records_a_person_manager_of_the_company_and_it_is_audited(demo, tokens):
    recorded = demo.client.patch(f"/people/{LUCAS}", json={"manager_email": "Nathalie.Roux@Horizon-Group.example"}, headers=as_admin(tokens))
    assert recorded.status_code == 200, recorded.json
    assert recorded.json["manager_email"] == "nathalie.roux@horizon-group.example"
    log = demo.client.get(f"/audit?person_id={LUCAS}", headers=as_operator(tokens)).json["items"]
    assert log[0]["action"] == "person_manager_changed" and log[0]["actor_id"] == ADMIN
    assert log[0]["details"] == {"manager_before": "sophie.laurent@horizon.example", "manager_email": "nathalie.roux@horizon-group.example"}
    cleared = demo.client.patch(f"/people/{LUCAS}", json={"manager_email": None}, headers=as_admin(tokens))
    assert cleared.status_code == 200 and cleared.json["manager_email"] is None


def test_a_recorded_manager_must_be_an_address_of_the_company_and_not_the_person(demo, tokens):
    for manager, message in (
        ("lucas.perso@gmail.example", "Le manager doit avoir une adresse de l'entreprise : une adresse @horizon-group.example ou @horizon.example."),
        ("chef@horizon.example.evil.example", "Le manager doit avoir une adresse de l'entreprise : une adresse @horizon-group.example ou @horizon.example."),
        ("Lucas.Bernard@horizon.example", "Une personne ne peut pas être son propre manager."),
    ):
        refused = demo.client.patch(f"/people/{LUCAS}", json={"manager_email": manager}, headers=as_admin(tokens))
        assert refused.status_code == 422, manager
        assert refused.json["errors"] == {"manager_email": [message]}
    assert demo.client.get(f"/people/{LUCAS}", headers=as_admin(tokens)).json["manager_email"] == "sophie.laurent@horizon.example"
    # Nobody but the company's admins (and operators) records it.
    assert demo.client.patch(f"/people/{LUCAS}", json={"manager_email": "nathalie.roux@horizon.example"},
                             headers=as_employee(tokens, LUCAS)).status_code == 403


def test_the_admin_sets_the_company_policy_on_other_managers(demo, tokens):
    company = demo.client.get(f"/companies/{DEMO_COMPANY_ID}", headers=as_admin(tokens)).json
    assert company["other_manager_policy"] == "allowed_notify_admin"
    changed = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"other_manager_policy": "refused"}, headers=as_admin(tokens))
    assert changed.status_code == 200 and changed.json["other_manager_policy"] == "refused"
    wrong = demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"other_manager_policy": "whatever"}, headers=as_admin(tokens))
    assert wrong.status_code == 422 and "other_manager_policy" in wrong.json["errors"]
    assert demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"other_manager_policy": "allowed"},
                             headers=as_employee(tokens)).status_code == 403
    created = create_company(demo, tokens)
    assert created["other_manager_policy"] == "allowed_notify_admin"


def test_only_the_company_admins_see_requests_sent_to_another_manager(demo, tokens):
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}/other-manager-requests", headers=as_admin(tokens)).json == {"items": [], "total": 0}
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}/other-manager-requests", headers=as_employee(tokens)).status_code == 403
    other = create_company(demo, tokens)
    other_admin = add_person(demo, "rh@solvea.example", ["company_admin", "employee"], other["id"])
    headers = tokens.headers(other_admin, roles=["company_admin", "employee"])
    assert demo.client.get(f"/companies/{DEMO_COMPANY_ID}/other-manager-requests", headers=headers).status_code == 404


# -- invitations ------------------------------------------------------------------------------------


def test_an_invitation_is_accepted_once_and_then_the_person_logs_in(demo, tokens):
    invited = demo.client.post("/invitations", json={"email": "Nouvelle.Recrue@horizon.example", "first_name": "Léa", "last_name": "Fabre",
                                                     "roles": ["employee"], "entity_id": demo_id("entity", "Ressources humaines")},
                               headers=as_admin(tokens))
    assert invited.status_code == 201, invited.json
    person = invited.json["person"]
    assert person["status"] == "invited" and person["email"] == "nouvelle.recrue@horizon.example"
    assert person["company"]["id"] == DEMO_COMPANY_ID and person["entity"]["name"] == "Ressources humaines"
    sent = demo.published("engagement.invitation.sent")[-1]
    assert sent.data["invited_by"] == "Nathalie Roux" and sent.data["company_name"] == "Groupe Horizon"
    assert demo.published("engagement.person.registered")[-1].data["status"] == "invited"
    secret = secret_of(demo, "nouvelle.recrue@horizon.example")

    preview = demo.client.get(f"/invitations/{secret}")
    assert preview.status_code == 200 and preview.json["first_name"] == "Léa"
    # Not yet: an invited person has no password to log in with.
    assert demo.client.post("/session", json={"email": "nouvelle.recrue@horizon.example", "password": "x" * 12}).status_code == 401

    password = "Une recrue 🌱 bien motivée"
    mismatch = demo.client.post(f"/invitations/{secret}/acceptance", json={"password": password, "password_confirmation": "autre chose !",
                                                                           "consent": True})
    assert mismatch.status_code == 422
    common = demo.client.post(f"/invitations/{secret}/acceptance", json={"password": "azertyuiop123", "password_confirmation": "azertyuiop123",
                                                                         "consent": True})
    assert common.status_code == 422 and "password" in common.json["errors"]
    sequential = demo.client.post(f"/invitations/{secret}/acceptance", json={"password": "123456789012", "password_confirmation": "123456789012",
                                                                             "consent": True})
    assert sequential.status_code == 422 and "trop facile à deviner" in sequential.json["errors"]["password"][0]
    accepted = demo.client.post(f"/invitations/{secret}/acceptance", json={"password": password, "password_confirmation": password,
                                                                           "consent": True})
    assert accepted.status_code == 200
    assert "activé" in accepted.json["detail"]
    again = demo.client.post(f"/invitations/{secret}/acceptance", json={"password": password, "password_confirmation": password,
                                                                        "consent": True})
    assert again.status_code == 410
    assert demo.client.get(f"/invitations/{secret}").status_code == 410

    client = demo.app.test_client()
    login = client.post("/session", json={"email": "nouvelle.recrue@horizon.example", "password": password}, base_url="https://localhost")
    assert login.status_code == 200
    assert login.json["person"]["email_verified"] is True and login.json["person"]["status"] == "active"
    assert client.get_cookie("tandem_session") is not None
    me = client.get("/me", base_url="https://localhost")
    assert me.status_code == 200 and me.json["first_name"] == "Léa"


def test_inviting_again_replaces_the_link_and_an_active_account_cannot_be_invited(demo, tokens):
    body = {"email": "julie.noel@horizon.example", "first_name": "Julie", "last_name": "Noël", "roles": ["employee"]}
    assert demo.client.post("/invitations", json=body, headers=as_admin(tokens)).status_code == 201
    first = secret_of(demo, "julie.noel@horizon.example")
    again = demo.client.post("/invitations", json={**body, "roles": ["employee", "company_admin"]}, headers=as_admin(tokens))
    assert again.status_code == 201 and again.json["person"]["roles"] == ["company_admin", "employee"]
    second = secret_of(demo, "julie.noel@horizon.example")
    assert first != second
    assert demo.client.get(f"/invitations/{first}").status_code == 410
    assert demo.client.get(f"/invitations/{second}").status_code == 200
    assert len(demo.published("engagement.person.registered")) == 9  # the demo's eight, then Julie once

    taken = demo.client.post("/invitations", json={**body, "email": "camille.martin@horizon.example"}, headers=as_admin(tokens))
    assert taken.status_code == 409


def test_what_an_admin_may_invite(demo, tokens):
    base = {"first_name": "Paul", "last_name": "Henry", "roles": ["employee"]}
    outside = demo.client.post("/invitations", json={**base, "email": "paul@ailleurs.example"}, headers=as_admin(tokens))
    assert outside.status_code == 422 and "email" in outside.json["errors"]
    referent = demo.client.post("/invitations", json={**base, "email": "paul@horizon.example", "roles": ["association_referent"],
                                                      "association_ids": [str(uuid.uuid4())]}, headers=as_admin(tokens))
    assert referent.status_code == 403
    other = create_company(demo, tokens)
    elsewhere = demo.client.post("/invitations", json={**base, "email": "paul@solvea.example", "company_id": other["id"]},
                                 headers=as_admin(tokens))
    assert elsewhere.status_code == 404


def test_an_operator_invites_a_referent_for_their_associations(demo, tokens):
    association = str(uuid.uuid4())
    base = {"email": "contact@jardins.example", "first_name": "Rémi", "last_name": "Blanc", "roles": ["association_referent"]}
    assert demo.client.post("/invitations", json=base, headers=as_operator(tokens)).status_code == 422
    invited = demo.client.post("/invitations", json={**base, "association_ids": [association]}, headers=as_operator(tokens))
    assert invited.status_code == 201
    assert invited.json["person"]["association_ids"] == [association]
    assert invited.json["person"]["company"] is None
    # Company roles need a company.
    admin = demo.client.post("/invitations", json={**base, "email": "rh@solvea.example", "roles": ["company_admin"]},
                             headers=as_operator(tokens))
    assert admin.status_code == 422 and "company_id" in admin.json["errors"]


def test_an_unknown_invitation_link_is_a_404(demo):
    assert demo.client.get("/invitations/nimportequoi").status_code == 404
    response = demo.client.post("/invitations/nimportequoi/acceptance", json={"password": "Une phrase assez longue",
                                                                              "password_confirmation": "Une phrase assez longue",
                                                                              "consent": True})
    assert response.status_code == 404


# -- end of career ----------------------------------------------------------------------------------


def dashboard_kind(service, headers) -> str:
    response = service.client.get("/me/dashboard", headers=headers)
    assert response.status_code == 200
    return response.json["allowance"]["kind"]


def test_a_confirmed_retirement_date_switches_the_allowance_to_one_day_a_week(demo, tokens):
    camille = as_employee(tokens)
    assert demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=as_admin(tokens)).status_code == 409
    retirement = (date.today() + timedelta(days=200)).isoformat()
    assert demo.client.patch("/me", json={"retirement_date": retirement}, headers=camille).status_code == 200
    assert dashboard_kind(demo, camille) == "annual"

    confirmed = demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=as_admin(tokens))
    assert confirmed.status_code == 200
    assert confirmed.json["retirement_confirmed"] is True and confirmed.json["retirement_confirmed_by"] == ADMIN
    assert dashboard_kind(demo, camille) == "weekly"
    assert demo.published("engagement.person.updated")[-1].data["person_id"] == CAMILLE

    withdrawn = demo.client.delete(f"/people/{CAMILLE}/retirement-confirmation", headers=as_admin(tokens))
    assert withdrawn.status_code == 200 and withdrawn.json["retirement_confirmed"] is False
    assert dashboard_kind(demo, camille) == "annual"


@pytest.mark.parametrize("retirement, weekly_from", [
    ("2031-03-03", "2030-03-03"),  # the same calendar day a year before
    ("2032-03-03", "2031-03-03"),  # across 29 February 2032, where 365 days before would be 2031-03-04
    ("2032-02-29", "2031-02-28"),
])
def test_the_admin_sees_the_day_one_a_week_begins_as_the_dates_are_checked(demo, tokens, retirement, weekly_from):
    """« FIN DE CARRIÈRE » shows the server's day, before and after the confirmation, so it never says one day while the
    dates page refuses or accepts by another."""
    camille = as_employee(tokens)
    assert demo.client.patch("/me", json={"retirement_date": retirement}, headers=camille).status_code == 200
    listed = demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people?q=camille", headers=as_admin(tokens))
    assert listed.status_code == 200
    [person] = [p for p in listed.json["items"] if p["id"] == CAMILLE]
    assert person["end_of_career_from"] == weekly_from and person["retirement_confirmed"] is False
    confirmed = demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=as_admin(tokens))
    assert confirmed.status_code == 200 and confirmed.json["end_of_career_from"] == weekly_from
    assert demo.client.patch("/me", json={"retirement_date": None}, headers=camille).status_code == 200
    again = demo.client.get(f"/companies/{DEMO_COMPANY_ID}/people?q=camille", headers=as_admin(tokens))
    assert [p["end_of_career_from"] for p in again.json["items"] if p["id"] == CAMILLE] == [None]


def test_only_another_admin_of_the_company_confirms_a_retirement(demo, tokens):
    assert demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=as_employee(tokens, LUCAS)).status_code == 403
    assert demo.client.post(f"/people/{ADMIN}/retirement-confirmation", headers=as_admin(tokens)).status_code == 403


def test_no_confirmation_when_the_company_has_no_end_of_career_policy(demo, tokens):
    demo.client.patch("/me", json={"retirement_date": (date.today() + timedelta(days=100)).isoformat()}, headers=as_employee(tokens))
    demo.client.patch(f"/companies/{DEMO_COMPANY_ID}", json={"end_of_career_enabled": False}, headers=as_admin(tokens))
    response = demo.client.post(f"/people/{CAMILLE}/retirement-confirmation", headers=as_admin(tokens))
    assert response.status_code == 409
    assert "pas activé" in response.json["detail"]


# -- the audit log ----------------------------------------------------------------------------------


def test_operators_read_the_audit_log_newest_first(demo, tokens):
    demo.client.patch(f"/people/{CAMILLE}", json={"status": "disabled"}, headers=as_admin(tokens))
    demo.client.patch(f"/people/{CAMILLE}", json={"status": "active"}, headers=as_admin(tokens))
    log = demo.client.get(f"/audit?person_id={CAMILLE}", headers=as_operator(tokens))
    assert log.status_code == 200
    assert [entry["action"] for entry in log.json["items"]] == ["person_enabled", "person_disabled"]
    assert log.json["items"][0]["actor_id"] == ADMIN
    assert demo.client.get("/audit", headers=as_admin(tokens)).status_code == 403
