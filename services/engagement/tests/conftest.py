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


# -- the mission workflow ---------------------------------------------------------------------------
# People are written straight into the database and call the API with bearer tokens (no argon2 per test);
# the clock is engagement.clock.now, moved with monkeypatch (`clock` fixture).

import uuid as _uuid
from datetime import date as _date, datetime as _datetime, time as _time, timedelta as _timedelta


class Caller:
    """Someone calling engagement with a bearer token, as the web client would after logging in."""

    def __init__(self, service, tokens, person_id: str, email: str, roles: tuple[str, ...]):
        self.service, self.tokens, self.id, self.email, self.roles = service, tokens, person_id, email, roles

    def _headers(self) -> dict:
        return self.tokens.headers(self.id, roles=list(self.roles))

    def get(self, path, **kwargs):
        return self.service.client.get(path, headers=self._headers(), **kwargs)

    def post(self, path, json=None):
        return self.service.client.post(path, json=json if json is not None else {}, headers=self._headers())

    def put(self, path, json=None):
        return self.service.client.put(path, json=json, headers=self._headers())

    def patch(self, path, json=None):
        return self.service.client.patch(path, json=json, headers=self._headers())

    def delete(self, path):
        return self.service.client.delete(path, headers=self._headers())


@pytest.fixture
def person(service, company, tokens):
    """Write a person (employee of Groupe Horizon by default) and return a Caller for them."""
    from engagement.models import Person, PersonRole, ReferentLink
    from tandem_shared.timeutil import utcnow

    def _person(email="camille.martin@horizon.test", first_name="Camille", last_name="Martin", roles=("employee",),
                company_id="c-horizon", entity_id="e-finance", association_ids=(), phone=None, manager_email=None,
                retirement_date=None, retirement_confirmed=False) -> Caller:
        now = utcnow()
        person_id = str(_uuid.uuid4())
        with service.runtime.unit_of_work() as uow:
            row = Person(
                id=person_id, email=email, company_id=company_id, entity_id=entity_id, first_name=first_name, last_name=last_name,
                phone=phone, manager_email=manager_email, password_hash=None, status="active", email_verified_at=now,
                consent_at=now, retirement_date=retirement_date, retirement_confirmed_at=now if retirement_confirmed else None,
                created_at=now, updated_at=now,
            )
            row.roles = [PersonRole(role=role) for role in roles]
            row.referent_of = [ReferentLink(association_id=association) for association in association_ids]
            uow.session.add(row)
        return Caller(service, tokens, person_id, email, tuple(roles))

    return _person


ASSOCIATION_ID = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"


@pytest.fixture
def publish_mission(service):
    """Deliver catalog.mission.published for a mission (the full payload catalog sends); returns its id."""
    counter = iter(range(1, 1000))

    def _publish(mission_id=None, title="Aide aux devoirs pour collégiens", **overrides) -> str:
        example = dict(service.contract.examples("catalog.mission.updated")[0])
        mission_id = mission_id or f"m-{next(counter)}"
        payload = {**example, "id": mission_id, "title": title, "status": "published", "url": f"https://tandem.test/missions/{mission_id}",
                   "published_at": "2026-11-26T10:15:00+00:00", "updated_at": "2026-11-26T10:15:00+00:00", **overrides}
        assert service.deliver("catalog.mission.published", payload) == "processed"
        return mission_id

    return _publish


@pytest.fixture
def decide(service):
    """Deliver approval's decision on a request (as approval would after the manager's click)."""

    def _decide(request_id, outcome="approved", event_id=None, reason=None):
        example = dict(service.contract.examples(f"approval.request.{outcome}")[0])
        return service.deliver(f"approval.request.{outcome}", {**example, "request_id": request_id, "reason": reason}, event_id=event_id)

    return _decide


class Clock:
    """engagement's clock, moved by the test: `at(date)` is noon in Paris that day."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def at(self, day: _date, hour: int = 12):
        from zoneinfo import ZoneInfo

        moment = _datetime.combine(day, _time(hour), tzinfo=ZoneInfo("Europe/Paris")).astimezone(ZoneInfo("UTC"))
        self.set(moment)
        return moment

    def set(self, moment: _datetime):
        import engagement.clock

        self.monkeypatch.setattr(engagement.clock.CLOCK, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def next_year_days():
    """The first working days of next civil year from 12 January (by the holidays package, not engagement's code)."""
    import holidays

    year = _date.today().year + 1
    closed, day, found = holidays.France(years=year), _date(year, 1, 12), []
    while len(found) < 10:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += _timedelta(days=1)
    return found


@pytest.fixture
def sign_convention(service):
    """Step 3 done for a participation, through engagement's handlers: deliver documents.convention.issued, then
    documents.convention.signed, for a new version covering `days` ((date, format) pairs; by default every approved
    date of the participation), as documents publishes them once the employee has signed online. The association can
    then attest presence on those dates. Returns the version signed."""
    from engagement import domain
    from engagement.models import Participation, Person

    def _sign(participation_id: str, days: list[tuple[_date, str]] | None = None) -> int:
        with service.runtime.db.reading() as session:
            participation = session.get(Participation, participation_id)
            person = session.get(Person, participation.person_id)
            if days is None:
                days = [(d.day, d.format) for d in participation.dates if d.state == "approved"]
            convention = participation.convention
            convention_id = convention.convention_id if convention else str(_uuid.uuid5(_uuid.NAMESPACE_URL, f"convention/{participation_id}"))
            version = convention.issued_version + 1 if convention else 1
            person_id, email, year = person.id, person.email, participation.year
        dates = [{"date": day.isoformat(), "format": fmt} for day, fmt in sorted(days)]
        total = float(sum(domain.FORMAT_DAYS[fmt] for _, fmt in days))
        common = {"convention_id": convention_id, "participation_id": participation_id, "person_id": person_id, "year": year,
                  "version": version, "dates": dates, "total_days": total}
        issued = {**service.contract.examples("documents.convention.issued")[0], **common, "person_email": email,
                  "previous_version": version - 1 or None, "issued_at": f"{year - 1}-12-01T10:00:00+00:00",
                  "sign_url": f"https://tandem.example/mon-compte/conventions/{convention_id}"}
        signed = {**service.contract.examples("documents.convention.signed")[0], **common,
                  "signed_at": f"{year - 1}-12-02T08:00:00+00:00"}
        assert service.deliver("documents.convention.issued", issued) == "processed"
        assert service.deliver("documents.convention.signed", signed) == "processed"
        return version

    return _sign
