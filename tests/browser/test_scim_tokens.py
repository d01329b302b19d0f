"""« Synchronisation SCIM » in the company space (issue 14): the admin reads the address to give the HR directory,
makes a token (shown once, copied with the button), the directory reaches /scim/v2 with it, then the admin revokes it
and the directory is refused. Every state of the screen passes the same checks as test_screens (one <h1>, axe, no
sideways scroll at 375 px, no console error), at 1280 and 375 px."""
from __future__ import annotations

import re

import pytest
import requests
from browser_support import DEMO, WIDTHS, check_screen
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREEN = "/entreprise/synchronisation-scim"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_admin_makes_copies_and_revokes_a_scim_token(open_page, platform, width):
    watched = open_page(DEMO["admin"], width)
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=platform.base)
    page.goto(SCREEN)
    expect(page.get_by_role("heading", name="Synchronisation SCIM")).to_be_visible()
    address = page.get_by_label("Adresse du service SCIM")
    expect(address).to_have_value(f"{platform.base}/api/engagement/scim/v2")
    check_screen(watched, f"90-company-scim-{width}")

    name = f"Annuaire RH {width} px"
    page.get_by_label("Nom du jeton").fill(name)
    page.get_by_role("button", name="Créer le jeton").click()
    secret_field = page.get_by_label(f"Valeur du jeton « {name} »")
    expect(secret_field).to_have_value(re.compile(r"^tandem-scim\."))
    expect(page.get_by_text("il ne sera plus jamais affiché").first).to_be_visible()
    secret = secret_field.input_value()
    page.get_by_role("button", name="Copier le jeton").click()
    # The visible status beside the field (a hidden live region says it to screen readers too).
    expect(page.locator(".scim-secret").get_by_text("Jeton copié dans le presse-papiers.", exact=True)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret
    check_screen(watched, f"91-company-scim-token-shown-{width}")

    directory = {"Authorization": f"Bearer {secret}"}
    users = requests.get(f"{platform.base}/api/engagement/scim/v2/Users", headers=directory, timeout=10)
    assert users.status_code == 200 and users.headers["Content-Type"].startswith("application/scim+json")
    assert users.json()["totalResults"] >= 1

    row = page.locator(".scim-tokens li", has_text=name)
    expect(row.get_by_text("actif", exact=True)).to_be_visible()
    # The secret is not shown again: a fresh visit lists the token without it.
    page.reload()
    expect(page.get_by_label(f"Valeur du jeton « {name} »")).to_have_count(0)
    row = page.locator(".scim-tokens li", has_text=name)
    expect(row).to_contain_text("dernière utilisation le")
    row.get_by_role("button", name="Révoquer").click()
    page.get_by_role("button", name="Oui, révoquer").click()
    expect(page.get_by_text(f"Le jeton « {name} » est révoqué").first).to_be_visible()
    expect(page.locator(".scim-tokens li", has_text=name).get_by_text("révoqué", exact=True)).to_be_visible()
    refused = requests.get(f"{platform.base}/api/engagement/scim/v2/Users", headers=directory, timeout=10)
    assert refused.status_code == 401 and refused.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    check_screen(watched, f"92-company-scim-revoked-{width}")
