"""SSO with SAML 2.0 (issue 14) against a real IdP: pysaml2's own identity provider (saml2.server.Server) on loopback,
from tests/sso/saml_idp.py, with a key and certificate made for the test run."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests" / "sso"))
from saml_idp import SamlIdentityProvider  # noqa: E402

PROVIDER_ID = "idp-saml"
EMAIL, GIVEN, SURNAME, UNIT = ("urn:oid:0.9.2342.19200300.100.1.3", "urn:oid:2.5.4.42", "urn:oid:2.5.4.4",
                               "urn:oid:2.5.4.11")
PEOPLE = {
    "lea": {EMAIL: "lea.saml@sso.test", GIVEN: "Léa", SURNAME: "Fournier", UNIT: "Siège", "manager_email": "marc.chef@sso.test"},
    "noe": {EMAIL: "noe.saml@sso.test", GIVEN: "Noé", SURNAME: "Garnier"},
    "outsider": {EMAIL: "intrus@ailleurs.test", GIVEN: "Ivan", SURNAME: "Intrus"},
}


@pytest.fixture
def saml_company(service, company):
    """Société SSO (sso.test) signs in through the SAML IdP, whose metadata Tandem fetches from its URL."""
    from engagement.models import IdentityProvider, IdentityProviderDomain
    from tandem_shared.timeutil import utcnow

    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        uow.session.add(IdentityProvider(
            id=PROVIDER_ID, company_id="c-sso", protocol="saml", display_name="Annuaire SAML", enabled=True,
            saml_idp_metadata_url="http://127.0.0.1:1/pas-encore", claim_mapping={}, created_at=now, updated_at=now,
            domains=[IdentityProviderDomain(domain="sso.test")]))
    return PROVIDER_ID


@pytest.fixture
def idp(service, saml_company):
    from engagement import saml
    from engagement.models import IdentityProvider

    sp_metadata = service.client.get(f"/sso/saml/{PROVIDER_ID}/metadata")
    assert sp_metadata.status_code == 200, sp_metadata.data
    running = SamlIdentityProvider(sp_metadata.get_data(as_text=True), PEOPLE)
    with service.runtime.unit_of_work() as uow:
        uow.session.get(IdentityProvider, PROVIDER_ID).saml_idp_metadata_url = running.metadata_url
    saml._metadata.clear()
    yield running
    running.stop()


def _start(client, return_path="/mon-espace"):
    answer = client.post("/sso/saml/start", json={"provider_id": PROVIDER_ID, "return_path": return_path})
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["redirect_url"]


def _sign_in_at_idp(url: str, login: str) -> tuple[str, str]:
    """Through the IdP's login page as a person would: answers (ACS URL, SAMLResponse) of the page it posts back."""
    browser = requests.Session()
    page = browser.get(url)
    assert page.status_code == 200 and 'name="login"' in page.text
    action = re.search(r'<form method="post" action="([^"]+)"', page.text).group(1)
    request = re.search(r'name="SAMLRequest" value="([^"]+)"', page.text).group(1)
    back = browser.post(action, data={"SAMLRequest": request, "login": login})
    assert back.status_code == 200, back.text
    acs = re.search(r'<form id="retour" method="post" action="([^"]+)"', back.text).group(1)
    return acs, re.search(r'name="SAMLResponse" value="([^"]+)"', back.text).group(1)


def _acs(client, acs_url, saml_response):
    path = urlsplit(acs_url).path.removeprefix("/api/engagement")
    return client.post(path, data={"SAMLResponse": saml_response})


def _person(service, email):
    import sqlalchemy as sa
    from engagement.models import Person
    with service.runtime.db.reading() as session:
        return session.scalar(sa.select(Person).where(Person.email == email))


def _refusal(answer) -> str:
    assert answer.status_code == 303, answer.data
    location = answer.headers["location"]
    assert "/connexion/sso/refus?motif=" in location, location
    return parse_qs(urlsplit(location).query)["motif"][0]


def test_our_sp_metadata_names_the_acs_and_wants_signed_assertions(service, idp):
    xml = service.client.get(f"/sso/saml/{PROVIDER_ID}/metadata").get_data(as_text=True)
    assert 'entityID="http://tandem.test/api/engagement/sso/saml/idp-saml/metadata"' in xml
    assert 'WantAssertionsSigned="true"' in xml
    assert 'Location="http://tandem.test/api/engagement/sso/saml/idp-saml/acs"' in xml
    assert service.client.get("/sso/saml/inconnu/metadata").status_code == 404


def test_first_sign_in_creates_the_person_after_the_follow_up_then_a_second_updates_fields(service, idp):
    url = _start(service.client)
    assert url.startswith(f"{idp.base}/sso/redirect?SAMLRequest=")
    answer = _acs(service.client, *_sign_in_at_idp(url, "lea"))
    assert answer.status_code == 303, answer.data
    follow_up = parse_qs(urlsplit(answer.headers["location"]).query)["tentative"][0]
    assert _person(service, "lea.saml@sso.test") is None  # never a half-created person before the consent
    options = service.client.get(f"/sso/follow-ups/{follow_up}").get_json()
    assert options["entity_id"] == "e-sso" and options["first_name"] == "Léa"
    done = service.client.post(f"/sso/follow-ups/{follow_up}", json={"entity_id": None, "consent": True})
    assert done.status_code == 200, done.get_json()
    person = _person(service, "lea.saml@sso.test")
    assert person.company_id == "c-sso" and person.entity_id == "e-sso" and person.manager_email == "marc.chef@sso.test"
    assert person.last_name == "Fournier" and person.password_hash is None

    idp.people["lea"] = {**PEOPLE["lea"], SURNAME: "Fournier-Blanc", "manager_email": "nina.chef@sso.test"}
    try:
        second = _acs(service.client, *_sign_in_at_idp(_start(service.client), "lea"))
    finally:
        idp.people["lea"] = PEOPLE["lea"]
    assert second.status_code == 303 and second.headers["location"] == "http://tandem.test/mon-espace"
    assert any(c.startswith("tandem_") for c in second.headers.getlist("Set-Cookie"))
    person = _person(service, "lea.saml@sso.test")
    assert person.last_name == "Fournier-Blanc" and person.manager_email == "nina.chef@sso.test"


def test_an_unsigned_assertion_is_refused(service, idp):
    idp.tweaks["sign_assertion"] = False
    assert _refusal(_acs(service.client, *_sign_in_at_idp(_start(service.client), "noe"))) == "assertion_refused"
    assert _person(service, "noe.saml@sso.test") is None


def test_an_assertion_for_another_audience_is_refused(service, idp):
    idp.tweaks["audience"] = "https://autre-sp.test/metadata"
    assert _refusal(_acs(service.client, *_sign_in_at_idp(_start(service.client), "noe"))) == "assertion_refused"


def test_another_issuer_is_refused(service, idp):
    idp.tweaks["issuer"] = "https://idp-pirate.test/idp"
    assert _refusal(_acs(service.client, *_sign_in_at_idp(_start(service.client), "noe"))) == "assertion_refused"


def test_a_replayed_assertion_is_refused(service, idp):
    from engagement.models import SsoSeenAssertion
    import sqlalchemy as sa
    acs, response = _sign_in_at_idp(_start(service.client), "noe")
    assert "tentative=" in _acs(service.client, acs, response).headers["location"]
    # The same response again: its request id is spent...
    assert _refusal(_acs(service.client, acs, response)) == "attempt_expired"
    with service.runtime.db.reading() as session:
        kept = session.scalars(sa.select(SsoSeenAssertion)).all()
    assert len(kept) == 1 and kept[0].provider_id == PROVIDER_ID


def test_an_assertion_id_already_seen_is_refused_even_for_a_new_request(service, idp, monkeypatch):
    """The replay check itself: an assertion id accepted once is refused while it is kept."""
    from engagement import saml
    acs, response = _sign_in_at_idp(_start(service.client), "noe")
    assert "tentative=" in _acs(service.client, acs, response).headers["location"]
    from engagement.models import SsoSeenAssertion
    import sqlalchemy as sa
    with service.runtime.db.reading() as session:
        seen = session.scalar(sa.select(SsoSeenAssertion.assertion_id))
    real = saml._remember_assertion

    def same_id(session, provider, parsed):
        parsed.assertion.id = seen
        return real(session, provider, parsed)
    monkeypatch.setattr(saml, "_remember_assertion", same_id)
    assert _refusal(_acs(service.client, *_sign_in_at_idp(_start(service.client), "noe"))) == "assertion_replayed"


def test_an_expired_assertion_is_refused(service, idp, monkeypatch):
    import saml2.time_util
    acs, response = _sign_in_at_idp(_start(service.client), "noe")
    real_now = saml2.time_util.utc_now
    monkeypatch.setattr(saml2.time_util, "utc_now", lambda: real_now() + 3600)  # an hour later at the SP
    assert _refusal(_acs(service.client, acs, response)) == "assertion_expired"
    assert _person(service, "noe.saml@sso.test") is None


@pytest.mark.parametrize("in_response_to", ["_inconnu", None])
def test_an_unknown_in_response_to_is_refused(service, idp, in_response_to):
    _start(service.client)  # an attempt exists, but the response does not answer it
    idp.tweaks["in_response_to"] = in_response_to
    acs, response = _sign_in_at_idp(_start(service.client), "noe")
    assert _refusal(_acs(service.client, acs, response)) == "attempt_expired"


def test_an_address_outside_the_company_domains_is_refused_and_nothing_is_created(service, idp):
    answer = _acs(service.client, *_sign_in_at_idp(_start(service.client), "outsider"))
    assert _refusal(answer) == "email_outside_domains"
    assert _person(service, "intrus@ailleurs.test") is None


def test_start_refuses_an_unknown_or_oidc_provider(service, idp):
    answer = service.client.post("/sso/saml/start", json={"provider_id": "inconnu", "return_path": "/"})
    assert answer.status_code == 422


def test_the_admin_configures_saml_by_url_or_xml_and_unusable_metadata_is_refused_in_french(service, person):
    admin = person(email="claire.dumas@horizon.test", first_name="Claire", last_name="Dumas", roles=("company_admin",))
    running = SamlIdentityProvider("<EntityDescriptor xmlns='urn:oasis:names:tc:SAML:2.0:metadata' entityID='x'/>", PEOPLE)
    try:
        base = {"protocol": "saml", "display_name": "ADFS", "domains": ["horizon.test"]}
        broken = admin.post("/companies/c-horizon/identity-providers", json={**base, "saml_idp_metadata_xml": "<pas du xml"})
        assert broken.status_code == 422 and "métadonnées SAML ne sont pas lisibles" in json.dumps(broken.json, ensure_ascii=False)
        insecure = admin.post("/companies/c-horizon/identity-providers",
                              json={**base, "saml_idp_metadata_url": "http://idp.example.test/metadata"})
        assert insecure.status_code == 422 and "https://" in json.dumps(insecure.json)
        unreachable = admin.post("/companies/c-horizon/identity-providers",
                                 json={**base, "saml_idp_metadata_url": "http://127.0.0.1:1/metadata"})
        assert unreachable.status_code == 422
        by_url = admin.post("/companies/c-horizon/identity-providers", json={**base, "saml_idp_metadata_url": running.metadata_url})
        assert by_url.status_code == 201, by_url.json
        assert by_url.json["saml_idp_entity_id"] == running.entity_id
        assert by_url.json["saml_sp_metadata_url"] == f"http://tandem.test/api/engagement/sso/saml/{by_url.json['id']}/metadata"
        by_xml = admin.patch(f"/companies/c-horizon/identity-providers/{by_url.json['id']}",
                             json={"saml_idp_metadata_url": None, "saml_idp_metadata_xml": running.metadata()})
        assert by_xml.status_code == 200 and by_xml.json["saml_idp_entity_id"] == running.entity_id
    finally:
        running.stop()
