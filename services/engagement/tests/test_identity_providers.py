"""The company admin configures the company's identity providers (issue 14): authorization per company, secrets
never shown back, domains of the company only and one enabled provider per domain, the password fallback."""
import json

import pytest
from cryptography.fernet import Fernet


@pytest.fixture
def admin(person):
    return person(email="claire.dumas@horizon.test", first_name="Claire", last_name="Dumas", roles=("company_admin",))


OIDC = {"protocol": "oidc", "display_name": "Entra ID", "domains": ["horizon.test"], "oidc_issuer": "https://login.example.test/horizon",
        "oidc_client_id": "tandem", "oidc_client_secret_ref": "env:HORIZON_OIDC_SECRET"}


def test_the_admin_adds_an_oidc_provider_and_never_sees_the_secret_again(service, admin):
    created = admin.post("/companies/c-horizon/identity-providers", json=OIDC)
    assert created.status_code == 201, created.json
    body = created.json
    assert body["has_client_secret"] is True and body["domains"] == ["horizon.test"]
    assert body["claim_mapping"]["first_name"] == "given_name"
    listed = admin.get("/companies/c-horizon/identity-providers").json
    assert listed["oidc_redirect_uri"].endswith("/api/engagement/sso/oidc/callback") and listed["sso_password_fallback"] is False
    assert listed["sign_in_link"] == "/connexion/horizon.test"  # the direct link people can read, by the company's domain
    assert [p["id"] for p in listed["items"]] == [body["id"]]
    from engagement.models import Company
    with service.runtime.db.reading() as session:
        assert session.get(Company, "c-horizon").uses_sso is True
    # A plain secret without the encryption key: a clear French refusal, nothing written.
    plain = admin.patch(f"/companies/c-horizon/identity-providers/{body['id']}", json={"oidc_client_secret": "s3cret-value"})
    assert plain.status_code == 422 and "ENGAGEMENT_SSO_SECRET_KEY" in json.dumps(plain.json)
    disabled = admin.patch(f"/companies/c-horizon/identity-providers/{body['id']}", json={"enabled": False})
    assert disabled.status_code == 200 and disabled.json["enabled"] is False
    with service.runtime.db.reading() as session:
        assert session.get(Company, "c-horizon").uses_sso is False


def test_a_secret_is_stored_encrypted_with_the_key_of_the_environment(service, admin):
    from dataclasses import replace

    from engagement.models import IdentityProvider
    key = Fernet.generate_key().decode()
    from tandem_shared.web import SETTINGS_KEY
    service.app.config[SETTINGS_KEY] = replace(service.app.config[SETTINGS_KEY], sso_secret_key=key)
    created = admin.post("/companies/c-horizon/identity-providers", json={**OIDC, "oidc_client_secret_ref": None, "oidc_client_secret": "s3cret-value"})
    assert created.status_code == 201, created.json
    assert "s3cret-value" not in json.dumps(created.json)
    with service.runtime.db.reading() as session:
        stored = session.get(IdentityProvider, created.json["id"]).oidc_client_secret_encrypted
    assert "s3cret-value" not in stored and Fernet(key.encode()).decrypt(stored.encode()) == b"s3cret-value"


def test_only_the_company_admin_or_operator_manages_providers(service, person, admin):
    employee = person(email="lucas.bernard@horizon.test", roles=("employee",))
    assert employee.post("/companies/c-horizon/identity-providers", json=OIDC).status_code == 403
    other_admin = person(email="jean.roy@sso.test", company_id="c-sso", entity_id="e-sso", roles=("company_admin",))
    assert other_admin.post("/companies/c-horizon/identity-providers", json=OIDC).status_code == 404
    assert other_admin.get("/companies/c-horizon/identity-providers").status_code == 404
    created = admin.post("/companies/c-horizon/identity-providers", json=OIDC).json
    assert other_admin.patch(f"/companies/c-horizon/identity-providers/{created['id']}", json={"enabled": False}).status_code == 404
    assert other_admin.patch(f"/companies/c-sso/identity-providers/{created['id']}", json={"enabled": False}).status_code == 404
    operator = person(email="ops@tandem.test", company_id=None, entity_id=None, roles=("platform_operator",))
    assert operator.put("/companies/c-horizon/sso-password-fallback", json={"sso_password_fallback": True}).json == {"sso_password_fallback": True}


def test_domains_belong_to_the_company_and_to_one_enabled_provider(service, admin):
    outside = admin.post("/companies/c-horizon/identity-providers", json={**OIDC, "domains": ["sso.test"]})
    assert outside.status_code == 422 and "n'est pas un domaine" in json.dumps(outside.json, ensure_ascii=False)
    assert admin.post("/companies/c-horizon/identity-providers", json=OIDC).status_code == 201
    second = admin.post("/companies/c-horizon/identity-providers", json={**OIDC, "display_name": "Autre"})
    assert second.status_code == 422 and "déjà servi" in json.dumps(second.json, ensure_ascii=False)
    assert admin.post("/companies/c-horizon/identity-providers", json={**OIDC, "display_name": "Autre", "enabled": False}).status_code == 201
    bad_ref = admin.post("/companies/c-horizon/identity-providers", json={**OIDC, "enabled": False, "oidc_client_secret_ref": "mon secret"})
    assert bad_ref.status_code == 422
