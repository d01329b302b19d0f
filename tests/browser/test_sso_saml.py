"""SSO with SAML 2.0 in Chromium (issue 14): the company admin plugs a real IdP (pysaml2's own, tests/sso/saml_idp.py,
on loopback) into the demo company by its metadata URL and gives it Tandem's SP metadata; a newcomer types only their
e-mail on « Se connecter », goes to the IdP's login page, whose answer is posted back to Tandem's ACS, then the
follow-up page (entity, consent), and lands in their space signed in. The admin's screen shows the SP metadata URL;
the screens pass the checks (axe included) at 1280 and 375 px."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import requests
from browser_support import DEMO, ApiUser, check_screen
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sso"))
from saml_idp import SamlIdentityProvider  # noqa: E402

pytestmark = pytest.mark.browser

DOMAIN = "horizon-group.example"
PROFILE = "/api/engagement/me"
EMPTY_SP = "<EntityDescriptor xmlns='urn:oasis:names:tc:SAML:2.0:metadata' entityID='pas-encore'/>"


@pytest.fixture
def saml_provider(platform):
    people = {f"saml{w}": {"urn:oid:0.9.2342.19200300.100.1.3": f"saml.recrue{w}@{DOMAIN}",
                           "urn:oid:2.5.4.42": "Sacha", "urn:oid:2.5.4.4": f"Recrue{w}",
                           "manager_email": "sophie.laurent@horizon.example"} for w in (1280, 375)}
    idp = SamlIdentityProvider(EMPTY_SP, people)
    admin = ApiUser(platform.base, DEMO["admin"])
    company_id = admin.get(PROFILE)["company"]["id"]
    # The password stays allowed for the company's other people, so the other browser tests keep logging in.
    admin.call("PUT", f"/api/engagement/companies/{company_id}/sso-password-fallback", json={"sso_password_fallback": True})
    created = admin.post(f"/api/engagement/companies/{company_id}/identity-providers", {
        "protocol": "saml", "display_name": "Annuaire SAML Horizon", "domains": [DOMAIN],
        "saml_idp_metadata_url": idp.metadata_url})
    # What the company's IT does with the URL the admin's screen shows: the IdP trusts Tandem's SP metadata.
    sp_metadata = requests.get(created["saml_sp_metadata_url"].replace("http://tandem.test", platform.base), timeout=20)
    assert sp_metadata.status_code == 200 and "WantAssertionsSigned" in sp_metadata.text
    idp.trust(sp_metadata.text)
    try:
        yield created
    finally:
        admin.call("PATCH", f"/api/engagement/companies/{company_id}/identity-providers/{created['id']}", json={"enabled": False})
        idp.stop()


@pytest.mark.parametrize("width", (1280, 375))
def test_a_newcomer_signs_in_through_the_company_saml_idp(open_page, platform, saml_provider, width):
    watched = open_page(None, width)
    page = watched.page
    page.goto("/connexion")
    page.get_by_label("E-mail").fill(f"saml.recrue{width}@{DOMAIN}")
    page.get_by_role("button", name="Se connecter", exact=True).click()
    page.wait_for_url("**/sso/redirect?SAMLRequest=**")  # the IdP's own login page
    page.get_by_label("Identifiant").fill(f"saml{width}")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/connexion/sso/suite**")  # posted back to the ACS, then the follow-up page
    expect(page.get_by_role("heading", name="Bienvenue sur Tandem")).to_be_visible()
    watched.take_problems()  # the IdP's pages are not ours
    check_screen(watched, f"98-sso-saml-follow-up-{width}")
    page.get_by_label("Entité de rattachement").select_option(index=1)
    page.get_by_label("J'autorise l'utilisation de mes données personnelles", exact=False).check()
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url(lambda url: "/connexion" not in url)
    profile = page.evaluate(f"fetch('{PROFILE}', {{credentials: 'same-origin'}}).then(r => r.json())")
    assert profile["email"] == f"saml.recrue{width}@{DOMAIN}" and profile["last_name"] == f"Recrue{width}"


@pytest.mark.parametrize("width", (1280, 375))
def test_the_admin_reads_the_sp_metadata_url_to_give_to_it(open_page, platform, saml_provider, width):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    page.goto("/entreprise/connexion-sso")
    row = page.locator(".sso-providers li", has_text="Annuaire SAML Horizon")
    expect(row.get_by_text(saml_provider["saml_sp_metadata_url"], exact=False)).to_be_visible()
    check_screen(watched, f"99-company-sso-saml-{width}")
