"""SSO with OpenID Connect in Chromium (issue 14): the company admin plugs a real provider (the certified
`oidc-provider` package on loopback) into the demo company for one of its domains; a newcomer types only their
e-mail on « Se connecter », goes straight to the provider's own login page, comes back to the follow-up page
(entity, consent), and lands in their space. The new pages pass the screen checks (axe included) at 1280 and 375 px."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from browser_support import DEMO, ApiUser, check_screen, free_port, labelled
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
PROVIDER_DIR = REPO / "tests" / "sso" / "oidc-provider"
DOMAIN = "horizon-group.example"
PROFILE = "/api/engagement/me"


@pytest.fixture
def sso_provider(platform):
    assert (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir(), "run scripts/setup --for-tests"
    node_dir = subprocess.run([str(REPO / "scripts" / "web"), "--node-dir"], check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    people = {f"recrue{w}": {"email": f"nouvelle.recrue{w}@{DOMAIN}", "given_name": "Alix", "family_name": f"Recrue{w}",
                             "manager_email": "sophie.laurent@horizon.example"} for w in (1280, 375)}
    env = {**os.environ, "OIDC_PORT": str(port), "OIDC_CLIENT_ID": "tandem-browser", "OIDC_CLIENT_SECRET": "",
           "OIDC_REDIRECT_URI": f"{platform.base}/api/engagement/sso/oidc/callback", "OIDC_ACCOUNTS": json.dumps(people)}
    process = subprocess.Popen([str(Path(node_dir) / "node"), "server.mjs"], cwd=PROVIDER_DIR, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout.readline().startswith("ready")
    admin = ApiUser(platform.base, DEMO["admin"])
    company_id = admin.get(PROFILE)["company"]["id"]
    # The password stays allowed for the company's other people, so the other browser tests keep logging in.
    admin.call("PUT", f"/api/engagement/companies/{company_id}/sso-password-fallback", json={"sso_password_fallback": True})
    created = admin.post(f"/api/engagement/companies/{company_id}/identity-providers", {
        "protocol": "oidc", "display_name": "Annuaire Horizon", "domains": [DOMAIN],
        "oidc_issuer": f"http://127.0.0.1:{port}", "oidc_client_id": "tandem-browser"})
    try:
        yield created
    finally:
        admin.call("PATCH", f"/api/engagement/companies/{company_id}/identity-providers/{created['id']}", json={"enabled": False})
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("width", (1280, 375))
def test_a_newcomer_signs_in_through_the_company_provider(open_page, platform, sso_provider, width):
    watched = open_page(None, width)
    page = watched.page
    page.goto("/connexion")
    page.get_by_label("E-mail").fill(f"nouvelle.recrue{width}@{DOMAIN}")
    page.get_by_role("button", name="Se connecter", exact=True).click()
    # The provider's own login page (oidc-provider's dev interactions).
    page.wait_for_url("**/interaction/**")
    page.locator("input[name=login]").fill(f"recrue{width}")
    page.locator("input[name=password]").fill("peu importe")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/connexion/sso/suite**")
    expect(page.get_by_role("heading", name="Bienvenue sur Tandem")).to_be_visible()
    # The provider's page is not ours: its console noise (web fonts it cannot reach offline, its favicon) is dropped.
    watched.take_problems()
    check_screen(watched, f"95-sso-follow-up-{width}")
    page.get_by_label("Entité de rattachement").select_option(index=1)
    page.get_by_label("J'autorise l'utilisation de mes données personnelles", exact=False).check()
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url(lambda url: "/connexion" not in url)
    # Signed in with the same session as a password sign-in: the profile reads the new person.
    profile = page.evaluate(f"fetch('{PROFILE}', {{credentials: 'same-origin'}}).then(r => r.json())")
    assert profile["email"] == f"nouvelle.recrue{width}@{DOMAIN}"


@pytest.mark.parametrize("width", (1280, 375))
def test_the_refusal_page_and_the_company_link_pass_the_checks(open_page, platform, width):
    watched = open_page(None, width)
    page = watched.page
    page.goto("/connexion/sso/refus?motif=email_outside_domains")
    expect(page.get_by_role("heading", name="Connexion impossible")).to_be_visible()
    check_screen(watched, f"96-sso-refusal-{width}")


@pytest.mark.parametrize("width", (1280, 375))
def test_the_admin_reads_the_company_sso_screen(open_page, platform, sso_provider, width):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    page.goto("/entreprise/connexion-sso")
    expect(page.get_by_role("heading", name="Connexion SSO", exact=True)).to_be_visible()
    row = page.locator(".sso-providers li", has_text=sso_provider["oidc_issuer"])
    expect(row.get_by_text("sans secret (PKCE seul)", exact=False)).to_be_visible()
    expect(page.get_by_label("Autoriser le mot de passe en secours")).to_be_checked()
    check_screen(watched, f"97-company-sso-{width}")
    link = f"{platform.base}/connexion/horizon-group.example"  # the demo company's first domain
    expect(page.get_by_text(link)).to_be_visible()


def test_the_admin_changes_a_provider_and_its_secret_is_kept(open_page, platform, sso_provider):
    admin = ApiUser(platform.base, DEMO["admin"])
    company_id = admin.get(PROFILE)["company"]["id"]
    providers = f"/api/engagement/companies/{company_id}/identity-providers"
    admin.call("PATCH", f"{providers}/{sso_provider['id']}", json={"oidc_client_secret_ref": "env:HORIZON_OIDC_SECRET"})
    watched = open_page(DEMO["admin"], 1280)
    page = watched.page
    page.goto("/entreprise/connexion-sso")
    edit = page.locator(f"#sso-modifier-{sso_provider['id']}")  # each test's fixture adds its own « Annuaire Horizon »
    expect(edit).to_have_accessible_name("Modifier Annuaire Horizon")
    edit.click()
    expect(page.get_by_role("heading", name="Modifier « Annuaire Horizon »")).to_be_focused()
    expect(page.get_by_label("Protocole")).to_be_disabled()
    expect(page.get_by_label("Émetteur (issuer)")).to_have_value(sso_provider["oidc_issuer"])
    expect(page.get_by_label("Prénom", exact=True)).to_have_value("given_name")  # the protocol's usual claim, shown
    page.get_by_label("Nom affiché").fill("Annuaire Horizon (Entra ID)")
    page.get_by_label("Entité de rattachement").fill("service")
    check_screen(watched, "97-company-sso-edit-1280")
    page.get_by_role("button", name="Enregistrer les modifications").click()
    row = page.locator(".sso-providers li", has_text="Annuaire Horizon (Entra ID)")
    expect(row.get_by_text("Entité de rattachement ← service", exact=False)).to_be_visible()
    expect(row.get_by_text("secret enregistré", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Ajouter un fournisseur d'identité")).to_be_visible()
    saved = next(p for p in admin.get(providers)["items"] if p["id"] == sso_provider["id"])
    assert saved["display_name"] == "Annuaire Horizon (Entra ID)" and saved["claim_mapping"]["entity"] == "service"
    assert saved["oidc_client_secret_ref"] == "env:HORIZON_OIDC_SECRET"  # saving other fields never drops the secret
    assert saved["oidc_issuer"] == sso_provider["oidc_issuer"] and saved["domains"] == [DOMAIN]


def test_the_password_field_waits_for_the_address_to_be_known(open_page, platform, sso_provider):
    admin = ApiUser(platform.base, DEMO["admin"])
    company_id = admin.get(PROFILE)["company"]["id"]
    watched = open_page(None, 375)
    page = watched.page
    page.goto("/connexion")
    password = labelled(page, "Mot de passe")
    expect(password).to_have_count(0)
    page.get_by_label("E-mail").fill(DEMO["employee"])
    expect(password).to_be_visible()
    page.get_by_label("E-mail").fill(f"quelqu.un@{DOMAIN}")
    expect(page.get_by_text("Groupe Horizon utilise la connexion SSO", exact=False)).to_be_visible()
    expect(password).to_be_visible()  # the fixture allows the password as a fallback
    admin.call("PUT", f"/api/engagement/companies/{company_id}/sso-password-fallback", json={"sso_password_fallback": False})
    try:
        page.goto("/connexion")
        page.get_by_label("E-mail").fill(f"quelqu.un@{DOMAIN}")
        expect(page.get_by_text("Groupe Horizon utilise la connexion SSO", exact=False)).to_be_visible()
        expect(password).to_have_count(0)  # SSO only: never a password Tandem does not have
        check_screen(watched, "95-sso-log-in-375")
    finally:
        admin.call("PUT", f"/api/engagement/companies/{company_id}/sso-password-fallback", json={"sso_password_fallback": True})


def test_the_direct_link_names_the_company_by_its_domain(open_page, platform, sso_provider):
    watched = open_page(None, 1280)
    page = watched.page
    page.goto("/connexion/horizon-group.example")
    expect(page.get_by_role("heading", name="Se connecter — Groupe Horizon")).to_be_visible()
    page.get_by_role("button", name="Continuer avec Annuaire Horizon").click()
    page.wait_for_url("**/interaction/**")  # the provider's own login page
    watched.take_problems()  # the provider's page is not ours (its web fonts, its favicon)
