"""SSO with OpenID Connect (issue 14) against a real provider: the certified `oidc-provider` npm package, started on
loopback from tests/sso/oidc-provider (installed by `scripts/setup --for-tests`), through its own login page."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from authlib.jose import JsonWebKey, jwt

REPO = Path(__file__).resolve().parents[3]
PROVIDER_DIR = REPO / "tests" / "sso" / "oidc-provider"
# The test harness sets TANDEM_PUBLIC_URL to http://tandem.test (shared/tandem_shared/harness.py).
CALLBACK = "http://tandem.test/api/engagement/sso/oidc/callback"
CLIENT_ID, CLIENT_SECRET = "tandem-tests", "un secret de test assez long"

PEOPLE = {
    "lea": {"email": "lea.sso@sso.test", "given_name": "Léa", "family_name": "Fournier", "department": "Siège",
            "manager_email": "marc.chef@sso.test"},
    "noe": {"email": "noe.sso@sso.test", "given_name": "Noé", "family_name": "Garnier"},
    "outsider": {"email": "intrus@ailleurs.test", "given_name": "Ivan", "family_name": "Intrus"},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _node() -> str:
    node_dir = subprocess.run([str(REPO / "scripts" / "web"), "--node-dir"], check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(node_dir) / "node")


class RealProvider:
    def __init__(self, key, people, ttl=3600):
        assert (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir(), "run scripts/setup --for-tests (npm ci of tests/sso/oidc-provider)"
        self.key = key
        self.port = _free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "OIDC_PORT": str(self.port), "OIDC_CLIENT_ID": CLIENT_ID, "OIDC_CLIENT_SECRET": CLIENT_SECRET,
               "OIDC_REDIRECT_URI": CALLBACK, "OIDC_ACCOUNTS": json.dumps(people), "OIDC_ID_TOKEN_TTL": str(ttl),
               "OIDC_JWKS": json.dumps({"keys": [key.as_dict(is_private=True)]})}
        self.process = subprocess.Popen([_node(), "server.mjs"], cwd=PROVIDER_DIR, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("ready"), line

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def sign_in(self, authorization_url: str, login: str) -> str:
        """Through the provider's own login page, as a person would: answers the redirect back to Tandem."""
        browser = requests.Session()
        answer = browser.get(authorization_url, allow_redirects=False)
        while answer.status_code in (302, 303) and not answer.headers["location"].startswith(CALLBACK):
            answer = browser.get(requests.compat.urljoin(answer.url, answer.headers["location"]), allow_redirects=False)
        if answer.status_code == 200:  # the login form
            action = re.search(r'<form[^>]*action="([^"]+)"', answer.text).group(1)
            answer = browser.post(action, data={"prompt": "login", "login": login, "password": "nimporte"}, allow_redirects=False)
            while answer.status_code in (302, 303) and not answer.headers["location"].startswith(CALLBACK):
                answer = browser.get(requests.compat.urljoin(answer.url, answer.headers["location"]), allow_redirects=False)
        location = answer.headers.get("location", "")
        assert location.startswith(CALLBACK), (answer.status_code, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer.text))[-300:])
        return location


@pytest.fixture(scope="module")
def signing_key():
    return JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "tests-key"})


@pytest.fixture(scope="module")
def provider(signing_key):
    running = RealProvider(signing_key, PEOPLE)
    yield running
    running.stop()


@pytest.fixture
def sso_company(service, company, provider, monkeypatch):
    """Société SSO (sso.test) signs in through the provider; its secret is a reference to the environment."""
    from engagement.models import IdentityProvider, IdentityProviderDomain
    from tandem_shared.timeutil import utcnow

    monkeypatch.setenv("TANDEM_TEST_OIDC_SECRET", CLIENT_SECRET)
    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        uow.session.add(IdentityProvider(
            id="idp-sso", company_id="c-sso", protocol="oidc", display_name="Annuaire SSO", enabled=True,
            oidc_issuer=provider.issuer, oidc_client_id=CLIENT_ID, oidc_client_secret_ref="env:TANDEM_TEST_OIDC_SECRET",
            oidc_scopes="openid email profile", claim_mapping={}, created_at=now, updated_at=now,
            domains=[IdentityProviderDomain(domain="sso.test")]))
    return "idp-sso"


def _start(client, provider_id="idp-sso", return_path="/mon-espace"):
    answer = client.post("/sso/oidc/start", json={"provider_id": provider_id, "return_path": return_path})
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["redirect_url"]


def _callback(client, location):
    query = urlsplit(location).query
    return client.get(f"/sso/oidc/callback?{query}")


def _person(service, email):
    from engagement.models import Person
    import sqlalchemy as sa
    with service.runtime.db.reading() as session:
        return session.scalar(sa.select(Person).where(Person.email == email))


def test_discovery_says_sso_for_the_company_domain_and_password_elsewhere(service, sso_company):
    sso = service.client.post("/sso/discover", json={"email": "Qui.Que.Ce.Soit@SSO.test"}).get_json()
    assert sso["method"] == "sso" and sso["provider_id"] == "idp-sso" and sso["company_name"] == "Société SSO"
    assert service.client.post("/sso/discover", json={"email": "camille@horizon.test"}).get_json()["method"] == "password"


def test_first_sign_in_creates_the_person_after_the_follow_up_then_a_second_updates_fields(service, sso_company, provider):
    url = _start(service.client)
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    answer = _callback(service.client, provider.sign_in(url, "lea"))
    assert answer.status_code == 303
    follow_up = parse_qs(urlsplit(answer.headers["location"]).query)["tentative"][0]
    assert _person(service, "lea.sso@sso.test") is None  # never a half-created person before the consent
    options = service.client.get(f"/sso/follow-ups/{follow_up}").get_json()
    assert options["entity_id"] == "e-sso" and options["first_name"] == "Léa"
    refused = service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": None, "consent": False})
    assert refused.status_code == 422
    done = service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": None, "consent": True})
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["return_path"] == "/mon-espace"
    assert service.client.get_cookie("tandem_refresh") is not None or any("tandem" in c for c in done.headers.getlist("Set-Cookie"))
    person = _person(service, "lea.sso@sso.test")
    assert person.company_id == "c-sso" and person.entity_id == "e-sso" and person.manager_email == "marc.chef@sso.test"
    assert person.email_verified_at is not None and person.consent_at is not None and person.password_hash is None
    # The follow-up works once.
    assert service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": None, "consent": True}).status_code == 410

    PEOPLE["lea"]["family_name"] = "Fournier-Blanc"  # not seen by the running provider: restart with new claims
    changed = RealProvider(provider.key, {**PEOPLE, "lea": {**PEOPLE["lea"], "manager_email": "nina.chef@sso.test"}})
    try:
        with service.runtime.unit_of_work() as uow:
            from engagement.models import IdentityProvider
            uow.session.get(IdentityProvider, "idp-sso").oidc_issuer = changed.issuer
        second = _callback(service.client, changed.sign_in(_start(service.client), "lea"))
    finally:
        changed.stop()
        PEOPLE["lea"]["family_name"] = "Fournier"
    assert second.status_code == 303 and second.headers["location"].endswith("/mon-espace")
    assert any(c.startswith("tandem_") for c in second.headers.getlist("Set-Cookie"))
    person = _person(service, "lea.sso@sso.test")
    assert person.last_name == "Fournier-Blanc" and person.manager_email == "nina.chef@sso.test"


def test_a_state_works_once(service, sso_company, provider):
    location = provider.sign_in(_start(service.client), "noe")
    assert "tentative=" in _callback(service.client, location).headers["location"]
    replay = _callback(service.client, location)
    assert replay.status_code == 303 and replay.headers["location"].endswith("/connexion/sso/refus?motif=attempt_expired")


def test_an_address_outside_the_provider_domains_is_refused_and_nothing_is_created(service, sso_company, provider):
    answer = _callback(service.client, provider.sign_in(_start(service.client), "outsider"))
    assert answer.headers["location"].endswith("motif=email_outside_domains")
    assert _person(service, "intrus@ailleurs.test") is None


def _claims(provider, **overrides):
    now = int(time.time())
    return {"iss": provider.issuer, "sub": "lea", "aud": CLIENT_ID, "iat": now, "exp": now + 600, "nonce": "le-bon-nonce",
            "email": "lea.sso@sso.test", **overrides}


def _signed(key, claims):
    return jwt.encode({"alg": "RS256", "kid": key.as_dict()["kid"]}, claims, key).decode()


def _verify(service, provider, token, nonce="le-bon-nonce"):
    from engagement import oidc
    from engagement.models import IdentityProvider
    with service.app.app_context(), service.runtime.db.reading() as session:
        record = session.get(IdentityProvider, "idp-sso")
        return oidc.verify_id_token(record, oidc.discover(record), token, nonce)


def test_a_token_signed_by_the_provider_key_passes(service, sso_company, provider):
    assert _verify(service, provider, _signed(provider.key, _claims(provider)))["email"] == "lea.sso@sso.test"


def test_the_provider_documents_are_fetched_once_then_kept(service, sso_company, provider, monkeypatch):
    from engagement import oidc
    fetched = []
    real_get = requests.get
    monkeypatch.setattr(oidc.requests, "get", lambda url, **kw: fetched.append(url) or real_get(url, **kw))
    oidc._provider_documents.clear()
    for _ in range(3):
        assert _verify(service, provider, _signed(provider.key, _claims(provider)))["email"] == "lea.sso@sso.test"
    assert sorted(fetched) == sorted([f"{provider.issuer}/.well-known/openid-configuration", _jwks_uri(service)])


def test_a_key_the_kept_set_lacks_is_fetched_again_as_after_a_rotation(service, sso_company, provider):
    from engagement import oidc
    retired = JsonWebKey.generate_key("RSA", 2048, is_private=False, options={"kid": "retired-key"})
    oidc._provider_documents.clear()
    jwks_uri = _jwks_uri(service)
    oidc._provider_documents[jwks_uri] = {"keys": [retired.as_dict()]}  # what was kept before the provider rotated
    assert _verify(service, provider, _signed(provider.key, _claims(provider)))["email"] == "lea.sso@sso.test"
    assert [key["kid"] for key in oidc._provider_documents[jwks_uri]["keys"]] == ["tests-key"]


def _jwks_uri(service):
    from engagement import oidc
    from engagement.models import IdentityProvider
    with service.app.app_context(), service.runtime.db.reading() as session:
        return oidc.discover(session.get(IdentityProvider, "idp-sso"))["jwks_uri"]


@pytest.mark.parametrize("case", ["wrong_nonce", "other_issuer", "expired", "other_audience", "tampered", "other_key"])
def test_a_bad_id_token_is_refused(service, sso_company, provider, case):
    from engagement.domain.federation import FederationRefused
    key = provider.key
    claims = _claims(provider)
    if case == "other_issuer":
        claims["iss"] = "http://127.0.0.1:1/autre"
    if case == "expired":
        claims.update(iat=int(time.time()) - 7200, exp=int(time.time()) - 3600)
    if case == "other_audience":
        claims["aud"] = "un-autre-client"
    if case == "other_key":
        key = JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "tests-key"})
    token = _signed(key, claims)
    if case == "tampered":
        header, payload, signature = token.split(".")
        import base64
        forged = json.loads(base64.urlsafe_b64decode(payload + "=="))
        forged["email"] = "pdg@sso.test"
        payload = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
        token = ".".join((header, payload, signature))
    with pytest.raises(FederationRefused):
        _verify(service, provider, token, nonce="un-autre-nonce" if case == "wrong_nonce" else "le-bon-nonce")


def test_password_sign_in_and_reset_are_refused_for_an_sso_company_unless_fallback(service, sso_company, provider, link_of):
    from engagement.models import Company, Person, PersonRole
    from tandem_shared.timeutil import utcnow
    from engagement import identity
    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        person = Person(id=str(uuid.uuid4()), email="ancien@sso.test", company_id="c-sso", entity_id="e-sso", first_name="Ancien",
                        last_name="Compte", password_hash=identity.hash_password("un jardin partagé au printemps"),
                        status="active", email_verified_at=now, consent_at=now, created_at=now, updated_at=now)
        person.roles = [PersonRole(role="employee")]
        uow.session.add(person)
    login = {"email": "ancien@sso.test", "password": "un jardin partagé au printemps"}
    refused = service.client.post("/session", json=login)
    assert refused.status_code == 403 and "SSO" in refused.get_json()["detail"]
    assert service.client.post("/password-resets", json={"email": "ancien@sso.test"}).status_code == 202
    assert not [e for e in service.published("engagement.password_reset.requested") if e.data["email"] == "ancien@sso.test"]

    with service.runtime.unit_of_work() as uow:
        uow.session.get(Company, "c-sso").sso_password_fallback = True
    assert service.client.post("/session", json=login).status_code == 200
    assert service.client.post("/password-resets", json={"email": "ancien@sso.test"}).status_code == 202
    assert link_of("engagement.password_reset.requested", "ancien@sso.test")


def test_sign_up_stays_refused_for_an_sso_company(service, sso_company, sign_up):
    answer = sign_up(email="nouveau@sso.test", entity_id="e-sso")
    assert answer.status_code == 422 and "SSO" in json.dumps(answer.get_json(), ensure_ascii=False)


def test_the_direct_link_names_the_company_by_its_domain_or_its_id(service, sso_company):
    by_domain = service.client.get("/sso/companies/SSO.test")
    assert by_domain.status_code == 200, by_domain.get_json()
    assert by_domain.get_json()["company_id"] == "c-sso"
    assert [p["id"] for p in by_domain.get_json()["providers"]] == ["idp-sso"]
    assert by_domain.get_json()["password_allowed"] is False
    assert service.client.get("/sso/companies/c-sso").get_json()["company_name"] == "Société SSO"
    unknown = service.client.get("/sso/companies/inconnue.test")
    assert unknown.status_code == 404 and "lien" in unknown.get_json()["detail"]


def test_a_refused_follow_up_is_audited_like_the_callback_refusals(service, sso_company, provider):
    import sqlalchemy as sa
    from engagement.models import AuditEntry
    answer = _callback(service.client, provider.sign_in(_start(service.client), "noe"))
    follow_up = parse_qs(urlsplit(answer.headers["location"]).query)["tentative"][0]
    assert service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": "e-sso", "consent": True}).status_code == 200
    again = service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": "e-sso", "consent": True})
    assert again.status_code == 410 and "recommence" in again.get_json()["detail"]
    with service.runtime.db.reading() as session:
        refusals = [row.details for row in session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "sso_login_refused"))]
    assert refusals == [{"reason": "attempt_expired"}]
