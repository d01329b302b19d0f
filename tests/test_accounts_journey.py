"""Accounts across the platform, in the embedded mode: the sign-up journey, and a log-out that counts everywhere."""
from __future__ import annotations

import pytest
from werkzeug.test import Client

from helpers import SERVICES, free_port, poll, publish_mission, settle, token_signed_with, werkzeug_post
from tandem_gateway.embedded import build_platform
from tandem_shared.testing import reset_memory_broker

PASSWORD = "une équipe solidaire 🌱"


@pytest.fixture
def platform(tmp_path):
    reset_memory_broker()
    platform = build_platform(tmp_path / "var", port=free_port(), base_environ={})
    platform.start_workers()
    # The demo data's first-start events (and their e-mails) go out before the journey begins.
    settle(platform)
    yield platform
    platform.stop()


class Browser:
    def __init__(self, app):
        self.client = Client(app)

    def call(self, method, path, **kwargs):
        csrf = self.client.get_cookie("tandem_csrf", domain="localhost")
        headers = {"X-CSRF-Token": csrf.value} if csrf else {}
        return self.client.open(path, method=method, base_url="https://localhost", headers=headers, **kwargs)


def mails_to(platform, address):
    return [m for m in platform.sink.store.all() if address in m["to"]]


def test_sign_up_verify_from_the_mailbox_log_in_then_preferences_favourites_and_dashboard(platform, tmp_path):
    browser = Browser(platform.gateway)
    options = browser.call("GET", "/api/engagement/signup-options?email=nouvelle.recrue@horizon.example").json
    entity = options["entities"][0]["id"]
    signed_up = browser.call("POST", "/api/engagement/accounts", json={
        "first_name": "Léa", "last_name": "Nouvelle", "email": "nouvelle.recrue@horizon.example", "password": PASSWORD,
        "password_confirmation": PASSWORD, "entity_id": entity, "consent": True,
    })
    assert signed_up.status_code == 202, signed_up.json

    (mail,), _ = poll(lambda: mails_to(platform, "nouvelle.recrue@horizon.example") or None, timeout=5)
    assert mail["subject"] == "Finalise ton inscription sur Tandem"
    (link,) = [link for link in mail["links"] if "/inscription/verification/" in link]
    assert browser.call("POST", "/api/engagement/email-verifications/" + link.rsplit("/", 1)[1]).status_code == 200

    assert browser.call("POST", "/api/engagement/session", json={"email": "nouvelle.recrue@horizon.example", "password": PASSWORD}).status_code == 200
    assert browser.call("GET", "/api/engagement/me/dashboard").json["todo"]["finalise_registration"] == 1
    preferences = {"professional_expertises": ["Informatique / Web"], "personal_expertises": ["Mentorat"], "themes": ["emploi / insertion"], "alerts_opt_in": True}
    assert browser.call("PUT", "/api/engagement/me/preferences", json=preferences).status_code == 200

    private_key = (tmp_path / "var" / "keys" / "jwt-private.pem").read_text()
    operator = {"Authorization": "Bearer " + token_signed_with(private_key, "op-1", ["platform_operator"])}
    mission = publish_mission(werkzeug_post(Client(platform.gateway)), operator, "Préparer des entretiens d'embauche", "contact@passerelle.example")
    poll(lambda: browser.call("PUT", f"/api/engagement/me/favorites/{mission}").status_code == 200 or None, timeout=5)
    favourites = browser.call("GET", "/api/engagement/me/favorites").json
    assert [f["title"] for f in favourites["items"]] == ["Préparer des entretiens d'embauche"]

    dashboard = browser.call("GET", "/api/engagement/me/dashboard").json
    assert dashboard["first_name"] == "Léa"
    assert dashboard["todo"]["finalise_registration"] == 0
    assert dashboard["allowance"]["label"] == "2 jours par an"


def test_after_logout_the_old_token_is_refused_by_every_service(platform):
    browser = Browser(platform.gateway)
    from engagement.demo import DEMO_PASSWORD

    assert browser.call("POST", "/api/engagement/session", json={"email": "camille.martin@horizon.example", "password": DEMO_PASSWORD}).status_code == 200
    token = browser.client.get_cookie("tandem_session", domain="localhost").value
    bearer = {"Authorization": f"Bearer {token}"}
    stranger = Client(platform.gateway)
    for service in SERVICES:
        assert stranger.get(f"/api/{service}/session", headers=bearer).status_code == 200, service
    assert browser.call("DELETE", "/api/engagement/session").status_code == 204

    def refused_everywhere():
        return all(stranger.get(f"/api/{service}/session", headers=bearer).status_code == 401 for service in SERVICES) or None

    poll(refused_everywhere, timeout=5)
