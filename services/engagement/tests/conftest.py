"""Fixtures for engagement's tests (the shared ones come from tandem_shared.pytest_plugin)."""
from pathlib import Path

import pytest

from tandem_shared.contract import AsyncApiDocument

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")


@pytest.fixture(scope="session")
def service_package() -> str:
    return "engagement"


@pytest.fixture
def mission_published() -> dict:
    """catalog.mission.published as engagement's AsyncAPI document shows it."""
    example = dict(CONTRACT.examples("catalog.mission.published")[0])
    return {**example, "id": "m-1", "title": "Aide aux devoirs", "published_at": "2026-11-26T10:00:00+00:00"}


@pytest.fixture
def company(service):
    """Groupe Horizon, whose people sign up with @horizon.test addresses, and its two entities."""
    from decimal import Decimal

    from engagement.models import Company, CompanyDomain, Entity
    from tandem_shared.timeutil import utcnow

    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        horizon = Company(
            id="c-horizon", name="Groupe Horizon", head_office_address="12 quai Perrache, 69002 Lyon", siren="552081317",
            rcs="RCS Lyon 552 081 317", representative_name="Claire Dumas", representative_title="DRH",
            days_per_year=Decimal("2"), end_of_career_enabled=True, uses_sso=False, created_at=now, updated_at=now,
        )
        horizon.domains = [CompanyDomain(domain="horizon.test")]
        horizon.entities = [Entity(id="e-finance", name="Direction financière"), Entity(id="e-dsi", name="DSI")]
        sso = Company(
            id="c-sso", name="Société SSO", head_office_address="1 rue de Paris, 75001 Paris", siren="123456789",
            rcs="RCS Paris 123 456 789", representative_name="Jean Roy", representative_title="PDG",
            days_per_year=Decimal("1"), end_of_career_enabled=False, uses_sso=True, created_at=now, updated_at=now,
        )
        sso.domains = [CompanyDomain(domain="sso.test")]
        sso.entities = [Entity(id="e-sso", name="Siège")]
        uow.session.add_all([horizon, sso])
    return horizon


GOOD_PASSWORD = "un jardin partagé au printemps"


@pytest.fixture
def sign_up(service, company):
    """Sign someone up through the API; returns the response."""

    def _sign_up(email="camille.martin@horizon.test", password=GOOD_PASSWORD, **overrides):
        payload = {
            "first_name": "Camille", "last_name": "Martin", "email": email, "password": password,
            "password_confirmation": password, "entity_id": "e-finance", "consent": True, **overrides,
        }
        return service.client.post("/accounts", json=payload)

    return _sign_up


def last_link(service, event_type: str, email: str) -> str:
    """The secret of the newest single-use link sent to `email` (as the notifier would put it in the mail)."""
    events = [e for e in service.published(event_type) if e.data["email"] == email]
    assert events, f"no {event_type} for {email}"
    return events[-1].data["link"].rsplit("/", 1)[1]


@pytest.fixture
def account(service, sign_up):
    """A verified account: (email, password)."""

    def _account(email="camille.martin@horizon.test", password=GOOD_PASSWORD, first_name="Camille"):
        assert sign_up(email=email, password=password, first_name=first_name).status_code == 202
        secret = last_link(service, "engagement.email_verification.requested", email)
        assert service.client.post(f"/email-verifications/{secret}").status_code == 200
        return email, password

    return _account


class Browser:
    """A browser on https: keeps the cookies and echoes the CSRF cookie like the web client."""

    def __init__(self, app, address="203.0.113.10"):
        self.client = app.test_client()
        self.address = address

    def _csrf(self):
        cookie = self.client.get_cookie("tandem_csrf", domain="localhost")
        return {"X-CSRF-Token": cookie.value} if cookie else {}

    def request(self, method, path, csrf=True, **kwargs):
        headers = {**(self._csrf() if csrf else {}), **kwargs.pop("headers", {})}
        return self.client.open(path, method=method, base_url="https://localhost", headers=headers,
                                environ_base={"REMOTE_ADDR": self.address}, **kwargs)

    def login(self, email, password):
        return self.request("POST", "/session", json={"email": email, "password": password})

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


@pytest.fixture
def browser(service):
    return lambda address="203.0.113.10": Browser(service.app, address)


@pytest.fixture
def link_of(service):
    return lambda event_type, email: last_link(service, event_type, email)
