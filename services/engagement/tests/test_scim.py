"""SCIM 2.0 provisioning (issue 14): the company admin's tokens, and every /scim/v2 operation and refusal."""
from __future__ import annotations

import pytest

from engagement.models import AuditEntry, Person, ScimToken

SCIM = "application/scim+json"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


@pytest.fixture
def admin(person):
    return person(email="claire.dumas@horizon.test", first_name="Claire", last_name="Dumas", roles=("company_admin",))


@pytest.fixture
def make_token(service, admin):
    def _make(company_id="c-horizon", caller=None, name="Annuaire RH"):
        answer = (caller or admin).post(f"/companies/{company_id}/scim-tokens", json={"name": name})
        assert answer.status_code == 201, answer.json
        return answer.json
    return _make


class Directory:
    """The HR directory's SCIM client, with its bearer token."""

    def __init__(self, service, token):
        self.client, self.token = service.client, token

    def call(self, method, path, json=None, **kwargs):
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        if json is not None:
            kwargs["data"] = __import__("json").dumps(json)
            headers["Content-Type"] = SCIM
        return self.client.open(f"/scim/v2{path}", method=method, headers=headers, **kwargs)


@pytest.fixture
def directory(service, make_token):
    return Directory(service, make_token()["token"])


def new_user(email="lea.nouvelle@horizon.test", **extra):
    return {"schemas": [USER, ENTERPRISE], "userName": email, "externalId": "hr-1042",
            "name": {"givenName": "Léa", "familyName": "Nouvelle"}, "active": True,
            ENTERPRISE: {"department": "DSI"}, **extra}


def assert_scim_error(answer, status, scim_type=None):
    assert answer.status_code == status, answer.get_data(as_text=True)
    assert answer.mimetype == SCIM
    body = answer.json
    assert body["schemas"] == [ERROR]
    assert body["status"] == str(status)
    assert body["detail"]
    if scim_type:
        assert body["scimType"] == scim_type
    return body


# -- tokens --------------------------------------------------------------------------------------------


def test_a_token_is_shown_once_and_stored_hashed(service, admin, make_token):
    made = make_token()
    assert made["token"].startswith("tandem-scim.")
    assert made["base_url"].endswith("/scim/v2")
    listed = admin.get("/companies/c-horizon/scim-tokens").json
    assert [t["name"] for t in listed["items"]] == ["Annuaire RH"]
    assert "token" not in listed["items"][0] and listed["items"][0]["last_used_at"] is None
    with service.runtime.db.reading() as session:
        row = session.get(ScimToken, made["id"])
        assert made["token"].split(".")[2] not in row.token_hash
        assert len(row.token_hash) == 64


def test_only_the_company_admin_or_operator_manages_tokens(service, person, make_token):
    employee = person(email="lucas.bernard@horizon.test", roles=("employee",))
    assert employee.post("/companies/c-horizon/scim-tokens", json={"name": "x"}).status_code == 403
    other_admin = person(email="jean.roy@sso.test", company_id="c-sso", entity_id="e-sso", roles=("company_admin",))
    assert other_admin.post("/companies/c-horizon/scim-tokens", json={"name": "x"}).status_code == 404
    assert other_admin.get("/companies/c-horizon/scim-tokens").status_code == 404
    operator = person(email="ops@tandem.test", company_id=None, entity_id=None, roles=("platform_operator",))
    assert make_token(caller=operator, name="Par l'équipe")["name"] == "Par l'équipe"


def test_a_revoked_token_is_refused(service, admin, make_token):
    made = make_token()
    directory = Directory(service, made["token"])
    answer = directory.call("GET", "/Users")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    assert admin.delete(f"/companies/c-horizon/scim-tokens/{made['id']}").status_code == 204
    assert_scim_error(directory.call("GET", "/Users"), 401)
    listed = admin.get("/companies/c-horizon/scim-tokens").json["items"]
    assert listed[0]["revoked_at"] is not None and listed[0]["last_used_at"] is not None


@pytest.mark.parametrize("presented", ["", "tandem-scim.nope.nope", "n'importe quoi"])
def test_an_unknown_or_missing_token_is_refused(service, presented):
    answer = service.client.get("/scim/v2/Users", headers={"Authorization": f"Bearer {presented}"} if presented else {})
    assert_scim_error(answer, 401)
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_session_token_is_not_a_scim_token(service, admin):
    assert_scim_error(service.client.get("/scim/v2/Users", headers=admin._headers()), 401)


def test_a_wrong_secret_for_a_real_token_id_is_refused(service, make_token):
    made = make_token()
    assert_scim_error(Directory(service, f"tandem-scim.{made['id']}.{'x' * 43}").call("GET", "/Users"), 401)


# -- /Users -------------------------------------------------------------------------------------------


def test_create_read_and_filter_a_user(service, directory):
    created = directory.call("POST", "/Users", json=new_user())
    assert created.status_code == 201, created.json
    assert created.mimetype == SCIM
    user = created.json
    assert user["userName"] == "lea.nouvelle@horizon.test" and user["active"] is True
    assert user["externalId"] == "hr-1042"
    assert user[ENTERPRISE]["department"] == "DSI"
    assert user["groups"][0]["value"] == "e-dsi"
    assert created.headers["Location"].endswith(f"/scim/v2/Users/{user['id']}")
    assert directory.call("GET", f"/Users/{user['id']}").json["name"]["familyName"] == "Nouvelle"

    found = directory.call("GET", '/Users?filter=userName eq "Lea.Nouvelle@horizon.test"').json
    assert found["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == user["id"]
    assert directory.call("GET", '/Users?filter=userName eq "personne@horizon.test"').json["totalResults"] == 0

    with service.runtime.db.reading() as session:
        person = session.get(Person, user["id"])
        assert person.company_id == "c-horizon" and person.entity_id == "e-dsi" and person.role_names == ["employee"]
        assert person.password_hash is None and person.email_verified_at is not None
    (registered,) = service.published("engagement.person.registered")
    assert registered.data["email"] == "lea.nouvelle@horizon.test"


def test_list_pages_with_start_index_and_count(service, directory, person):
    for index in range(3):
        assert directory.call("POST", "/Users", json=new_user(f"p{index}@horizon.test", externalId=f"hr-{index}")).status_code == 201
    everyone = directory.call("GET", "/Users").json
    # The admin who made the token, and the three provisioned.
    assert everyone["totalResults"] == 4 and everyone["startIndex"] == 1 and len(everyone["Resources"]) == 4
    second = directory.call("GET", "/Users?startIndex=2&count=1").json
    assert second["totalResults"] == 4 and second["itemsPerPage"] == 1 and second["startIndex"] == 2
    assert second["Resources"][0]["userName"] == everyone["Resources"][1]["userName"]
    counted = directory.call("GET", "/Users?count=0").json
    assert counted["totalResults"] == 4 and not counted.get("Resources")
    combined = directory.call("GET", '/Users?filter=externalId eq "hr-1" or userName sw "p2"').json
    assert sorted(r["userName"] for r in combined["Resources"]) == ["p1@horizon.test", "p2@horizon.test"]


@pytest.mark.parametrize("bad_filter", ['userName eqq "x"', 'userName eq', 'password eq "x"', 'active eq "yes"'])
def test_a_bad_filter_is_refused(service, directory, bad_filter):
    assert_scim_error(directory.call("GET", "/Users", query_string={"filter": bad_filter}), 400, "invalidFilter")


def test_a_non_integer_paging_argument_is_refused(service, directory):
    assert_scim_error(directory.call("GET", "/Users?count=beaucoup"), 400, "invalidValue")


def test_an_unknown_user_is_not_found(service, directory):
    assert_scim_error(directory.call("GET", "/Users/00000000-0000-0000-0000-000000000000"), 404)
    assert_scim_error(directory.call("PATCH", "/Users/nope", json={"schemas": [PATCH], "Operations": [{"op": "replace", "path": "active", "value": False}]}), 404)
    assert_scim_error(directory.call("DELETE", "/Users/nope"), 404)


def test_another_company_s_person_is_not_found_with_a_valid_token(service, directory, person):
    stranger = person(email="jean.roy@sso.test", company_id="c-sso", entity_id="e-sso")
    assert_scim_error(directory.call("GET", f"/Users/{stranger.id}"), 404)
    assert_scim_error(directory.call("PUT", f"/Users/{stranger.id}", json=new_user("jean.roy@horizon.test")), 404)
    assert_scim_error(directory.call("DELETE", f"/Users/{stranger.id}"), 404)
    assert directory.call("GET", '/Users?filter=userName eq "jean.roy@sso.test"').json["totalResults"] == 0
    with service.runtime.db.reading() as session:
        assert session.get(Person, stranger.id).status == "active"


def test_a_duplicate_user_name_is_a_uniqueness_conflict(service, directory, person):
    person(email="camille.martin@horizon.test")
    assert_scim_error(directory.call("POST", "/Users", json=new_user("Camille.Martin@horizon.test")), 409, "uniqueness")
    created = directory.call("POST", "/Users", json=new_user()).json
    assert_scim_error(directory.call("PUT", f"/Users/{created['id']}", json=new_user("camille.martin@horizon.test")), 409, "uniqueness")


@pytest.mark.parametrize("user_name", ["lea@autre-entreprise.test", "lea@sso.test", "pas-une-adresse", "lea@sub.horizon.test"])
def test_an_address_outside_the_company_domains_is_refused(service, directory, user_name):
    body = assert_scim_error(directory.call("POST", "/Users", json=new_user(user_name)), 400, "invalidValue")
    assert "userName" in body["detail"]
    with service.runtime.db.reading() as session:
        assert session.query(Person).filter(Person.email == user_name.lower()).count() == 0


def test_invalid_resources_are_refused_in_scim_format(service, directory):
    assert_scim_error(directory.call("POST", "/Users", json={"schemas": [USER]}), 400)
    assert_scim_error(directory.call("POST", "/Users", json=new_user(name={"givenName": "Léa"})), 400, "invalidValue")
    assert_scim_error(directory.call("POST", "/Users", json=new_user(**{ENTERPRISE: {"department": "x" * 201}})), 400, "invalidValue")
    answer = directory.client.post("/scim/v2/Users", data="{pas du json", headers={"Authorization": f"Bearer {directory.token}", "Content-Type": SCIM})
    assert_scim_error(answer, 400, "invalidSyntax")


def test_a_department_tandem_does_not_know_becomes_an_entity(service, directory):
    created = directory.call("POST", "/Users", json=new_user(**{ENTERPRISE: {"department": "Achats"}})).json
    assert created["groups"][0]["display"] == "Achats"
    again = directory.call("POST", "/Users", json=new_user("paul@horizon.test", **{ENTERPRISE: {"department": "ACHATS"}})).json
    assert again["groups"][0]["value"] == created["groups"][0]["value"]
    assert "Achats" in [e["name"] for e in service.published("engagement.company.updated")[-1].data["entities"]]
    assert directory.call("GET", '/Groups?filter=displayName eq "achats"').json["totalResults"] == 1


def test_the_manager_is_recorded_from_the_enterprise_extension(service, directory, person):
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    manager = {"value": sophie.id, "$ref": f"../Users/{sophie.id}"}
    created = directory.call("POST", "/Users", json=new_user(**{ENTERPRISE: {"department": "DSI", "manager": manager}})).json
    assert created[ENTERPRISE]["manager"]["value"] == sophie.id
    with service.runtime.db.reading() as session:
        assert session.get(Person, created["id"]).manager_email == "sophie.laurent@horizon.test"
    outside = {"value": "chef@ailleurs.test", "$ref": "../Users/x"}
    assert_scim_error(directory.call("PUT", f"/Users/{created['id']}", json=new_user(**{ENTERPRISE: {"manager": outside}})), 400, "invalidValue")


def test_what_a_directory_sends_beyond_tandem_s_attributes_is_dropped(service, directory, person):
    """Microsoft Entra ID's default mapping: attributes Tandem does not store, a manager without $ref."""
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    created = directory.call("POST", "/Users", json=new_user(
        title="Contrôleuse de gestion", preferredLanguage="fr-FR", phoneNumbers=[{"type": "work", "value": "04 72 10 20 31"}],
        **{ENTERPRISE: {"department": "DSI", "employeeNumber": "1042", "manager": {"value": sophie.id}}}))
    assert created.status_code == 201, created.json
    assert "title" not in created.json and "employeeNumber" not in created.json[ENTERPRISE]
    assert created.json[ENTERPRISE]["manager"]["value"] == sophie.id
    patched = directory.call("PATCH", f"/Users/{created.json['id']}", json={"schemas": [PATCH], "Operations": [
        {"op": "Replace", "path": f"{ENTERPRISE}:manager", "value": {"value": "lucas.bernard@horizon.test"}},
        {"op": "Add", "path": "title", "value": "Chef de projet"}]})
    assert patched.status_code == 200, patched.json
    with service.runtime.db.reading() as session:
        assert session.get(Person, created.json["id"]).manager_email == "lucas.bernard@horizon.test"


def test_replace_updates_the_person_and_says_so(service, directory):
    created = directory.call("POST", "/Users", json=new_user()).json
    replaced = directory.call("PUT", f"/Users/{created['id']}", json=new_user(
        name={"givenName": "Léa", "familyName": "Martin-Nouvelle"}, **{ENTERPRISE: {"department": "Direction financière"}}))
    assert replaced.status_code == 200, replaced.json
    assert replaced.json["name"]["familyName"] == "Martin-Nouvelle"
    assert replaced.json[ENTERPRISE]["department"] == "Direction financière"
    updated = service.published("engagement.person.updated")[-1].data
    assert updated["last_name"] == "Martin-Nouvelle" and updated["entity_id"] == "e-finance"


def test_patch_replace_active_false_disables_then_true_restores(service, directory):
    created = directory.call("POST", "/Users", json=new_user()).json
    off = directory.call("PATCH", f"/Users/{created['id']}", json={"schemas": [PATCH], "Operations": [{"op": "replace", "path": "active", "value": False}]})
    assert off.status_code == 200, off.json
    assert off.json["active"] is False
    (disabled,) = service.published("engagement.person.disabled")
    assert disabled.data["person_id"] == created["id"]
    with service.runtime.db.reading() as session:
        person = session.get(Person, created["id"])
        assert person.status == "disabled" and person.tokens_not_before is not None
        cutoff = person.tokens_not_before
    assert directory.call("GET", '/Users?filter=active eq false').json["totalResults"] == 1

    on = directory.call("PATCH", f"/Users/{created['id']}", json={"schemas": [PATCH], "Operations": [{"op": "replace", "value": {"active": True}}]})
    assert on.json["active"] is True
    with service.runtime.db.reading() as session:
        person = session.get(Person, created["id"])
        # Back to active; tokens issued before the disabling stay refused (the cut-off never moves back).
        assert person.status == "active" and person.tokens_not_before == cutoff
        actions = [row.action for row in session.query(AuditEntry).filter(AuditEntry.person_id == created["id"]).order_by(AuditEntry.id)]
    assert actions == ["person_provisioned", "person_disabled", "person_enabled"]
    assert service.published("engagement.person.updated")[-1].data["status"] == "active"


def test_patch_changes_names_by_path(service, directory):
    created = directory.call("POST", "/Users", json=new_user()).json
    patched = directory.call("PATCH", f"/Users/{created['id']}", json={"schemas": [PATCH], "Operations": [
        {"op": "replace", "path": "name.givenName", "value": "Léonie"}]})
    assert patched.json["name"]["givenName"] == "Léonie"
    assert_scim_error(directory.call("PATCH", f"/Users/{created['id']}", json={"schemas": [PATCH], "Operations": [
        {"op": "remove", "path": "userName"}]}), 400)


def test_delete_anonymises_and_keeps_the_row(service, directory):
    created = directory.call("POST", "/Users", json=new_user()).json
    assert directory.call("DELETE", f"/Users/{created['id']}").status_code == 204
    assert_scim_error(directory.call("GET", f"/Users/{created['id']}"), 404)
    with service.runtime.db.reading() as session:
        person = session.get(Person, created["id"])
        assert person.status == "deleted" and person.email.endswith("@invalid.tandem") and person.scim_external_id is None
    assert [e.data["person_id"] for e in service.published("engagement.person.disabled")] == [created["id"]]
    # The address is free again: the directory may provision the person anew.
    assert directory.call("POST", "/Users", json=new_user()).status_code == 201


# -- /Groups and discovery ----------------------------------------------------------------------------


def test_groups_are_the_company_entities(service, directory):
    created = directory.call("POST", "/Users", json=new_user()).json
    groups = directory.call("GET", "/Groups").json
    assert sorted(g["displayName"] for g in groups["Resources"]) == ["DSI", "Direction financière"]
    dsi = directory.call("GET", "/Groups/e-dsi").json
    assert [m["value"] for m in dsi["members"]] == [created["id"]]
    assert directory.call("GET", '/Groups?filter=displayName eq "dsi"').json["totalResults"] == 1
    assert_scim_error(directory.call("GET", "/Groups/e-sso"), 404)


def test_discovery_endpoints(service, directory):
    config = directory.call("GET", "/ServiceProviderConfig")
    assert config.mimetype == SCIM and config.json["patch"]["supported"] is True and config.json["bulk"]["supported"] is False
    types = directory.call("GET", "/ResourceTypes").json
    assert sorted(t["name"] for t in types["Resources"]) == ["Group", "User"]
    assert directory.call("GET", "/ResourceTypes/User").json["schemaExtensions"][0]["schema"] == ENTERPRISE
    schemas = directory.call("GET", "/Schemas").json
    assert {s["id"] for s in schemas["Resources"]} >= {USER, ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group"}
    assert directory.call("GET", f"/Schemas/{USER}").json["name"] == "User"
    assert_scim_error(directory.call("GET", "/Schemas/urn:inconnu"), 404)


# -- hostile bodies (tests/test_bad_input.py's cases, answered in SCIM's format) --------------------------

HOSTILE = [
    ("1MB", __import__("json").dumps({"userName": "x" * 1_000_000}).encode(), 413, None),
    ("10MB", __import__("json").dumps({"userName": "x" * 10_000_000}).encode(), 413, None),
    ("nested-10000", b"[" * 10_000 + b"]" * 10_000, 400, "invalidSyntax"),
    ("invalid-utf8", b'{"userName": "caf\xe9 \xff\xfe"}', 400, "invalidSyntax"),
    ("not-an-object", b'["userName"]', 400, "invalidSyntax"),
    ("empty", b"", 400, "invalidSyntax"),
]


@pytest.mark.parametrize(("name", "body", "status", "scim_type"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_bodies_are_refused_in_scim_format_and_nothing_is_written(service, directory, person, name, body, status, scim_type):
    target = person(email="paul.durand@horizon.test")
    with service.runtime.db.reading() as session:
        before = session.query(Person).count()
    for method, path in (("POST", "/Users"), ("PUT", f"/Users/{target.id}"), ("PATCH", f"/Users/{target.id}"), ("POST", "/Users/.search")):
        answer = directory.client.open(f"/scim/v2{path}", method=method, data=body,
                                       headers={"Authorization": f"Bearer {directory.token}", "Content-Type": SCIM})
        assert_scim_error(answer, status, scim_type)
    with service.runtime.db.reading() as session:
        assert session.query(Person).count() == before
        assert session.get(Person, target.id).email == "paul.durand@horizon.test"


def test_hostile_query_text_is_refused_in_scim_format(service, directory):
    assert_scim_error(directory.call("GET", "/Users", query_string={"filter": 'userName eq "a\x00b"'}), 400)


def test_the_scim_operations_on_postgresql(service_on_real_infrastructure, tokens):
    """The queries PostgreSQL runs differently (filters with lower() and LIKE, paging, locks, token ordering)."""
    from decimal import Decimal

    from engagement.models import Company, CompanyDomain, Entity, PersonRole
    from tandem_shared.timeutil import utcnow

    service = service_on_real_infrastructure
    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        company = Company(id="c-pg", name="Groupe PG", head_office_address="1 rue de Lyon, 69001 Lyon", siren="552081317",
                          rcs="RCS Lyon 552 081 317", representative_name="Claire Dumas", representative_title="DRH",
                          days_per_year=Decimal("2"), end_of_career_enabled=False, uses_sso=True, created_at=now, updated_at=now)
        company.domains = [CompanyDomain(domain="pg.example")]
        company.entities = [Entity(id="e-pg", name="Siège")]
        admin = Person(id="p-admin-pg", email="admin@pg.example", company_id="c-pg", entity_id="e-pg", first_name="Claire",
                       last_name="Dumas", status="active", email_verified_at=now, consent_at=now, created_at=now, updated_at=now)
        admin.roles = [PersonRole(role="company_admin")]
        uow.session.add(company)
        uow.session.flush()
        uow.session.add(admin)
    headers = tokens.headers("p-admin-pg", roles=["company_admin"])
    first = service.client.post("/companies/c-pg/scim-tokens", json={"name": "Ancien"}, headers=headers).json
    assert service.client.delete(f"/companies/c-pg/scim-tokens/{first['id']}", headers=headers).status_code == 204
    made = service.client.post("/companies/c-pg/scim-tokens", json={"name": "Entra ID"}, headers=headers).json
    assert [t["name"] for t in service.client.get("/companies/c-pg/scim-tokens", headers=headers).json["items"]] == ["Entra ID", "Ancien"]
    directory = Directory(service, made["token"])
    for index in range(3):
        answer = directory.call("POST", "/Users", json=new_user(f"Agent.{index}@PG.example", externalId=f"hr-{index}", **{ENTERPRISE: {"department": "Siège"}}))
        assert answer.status_code == 201, answer.json
    found = directory.call("GET", '/Users?filter=userName co "AGENT." and not (externalId eq "hr-0")&startIndex=2&count=1').json
    assert found["totalResults"] == 2 and found["Resources"][0]["userName"] == "agent.2@pg.example"
    assert directory.call("GET", '/Users?filter=userName sw "a_" or userName ew "%"').json["totalResults"] == 0
    user_id = found["Resources"][0]["id"]
    off = directory.call("PATCH", f"/Users/{user_id}", json={"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": "False"}]})
    assert off.status_code == 200 and off.json["active"] is False
    assert directory.call("GET", "/Users?filter=active eq false").json["totalResults"] == 1
    assert_scim_error(directory.call("POST", "/Users", json=new_user("agent.1@pg.example")), 409, "uniqueness")
    assert directory.call("DELETE", f"/Users/{user_id}").status_code == 204
    assert directory.call("GET", "/Groups/e-pg").json["members"].__len__() == 3  # the admin and the two left
