"""Fixtures for approval's tests (the shared ones come from tandem_shared.pytest_plugin)."""
import uuid
from datetime import date, timedelta

import pytest

MANAGER = "sophie.laurent@horizon.example"


@pytest.fixture(scope="session")
def service_package() -> str:
    return "approval"


def working_days_ahead(count: int, weeks: int = 8) -> list[date]:
    """`count` weekdays, starting on a Monday some weeks from now (approval does not check holidays: engagement does)."""
    start = date.today() + timedelta(weeks=weeks)
    start += timedelta(days=(7 - start.weekday()) % 7)
    return [start + timedelta(days=i) for i in range(count)]


def dates_requested(**overrides) -> dict:
    """`engagement.dates.requested` as engagement publishes it."""
    first, second = working_days_ahead(2)
    return {
        "request_id": str(uuid.uuid4()),
        "participation_id": str(uuid.uuid4()),
        "person_id": "person-camille",
        "person_name": "Camille Martin",
        "person_email": "camille.martin@horizon.example",
        "manager_email": MANAGER,
        "mission_id": "mission-devoirs",
        "mission_title": "Aide aux devoirs pour collégiens",
        "association_name": "Les Petits Savants",
        "year": first.year,
        "kind": "initial",
        "dates": [{"date": first.isoformat(), "format": "full_day"}, {"date": second.isoformat(), "format": "half_day"}],
        "message": "Bonjour,\n\nPouvez-vous me valider ma(es) date(s) de mission suivante(s) ?",
        "requested_at": "2026-11-26T09:30:00+00:00",
        **overrides,
    }


def secret_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


@pytest.fixture
def request_dates(service):
    """Engagement asks for dates; returns (request id, the link's secret as the manager's e-mail carries it)."""

    def make(**overrides) -> tuple[str, str]:
        payload = dates_requested(**overrides)
        service.deliver("engagement.dates.requested", payload)
        (created,) = [e for e in service.published("approval.request.created") if e.data["request_id"] == payload["request_id"]]
        return payload["request_id"], secret_of(created.data["action_link"])

    return make


@pytest.fixture
def manager(tokens):
    """Headers of a signed-in person whose token carries `email` (the team view's key)."""

    def headers(email: str = MANAGER, subject: str = "manager-sophie") -> dict:
        return tokens.headers(subject, roles=["employee"], email=email)

    return headers


@pytest.fixture
def cancel_request(service):
    """Engagement tells approval the employee cancelled (`cancelled`) or withdrew (`withdrawn`)."""

    def cancel(request_id: str, reason: str = "cancelled", **overrides) -> None:
        service.deliver("engagement.dates.cancelled", {
            "request_id": request_id, "participation_id": "p-1", "person_id": "person-camille", "person_name": "Camille Martin",
            "manager_email": MANAGER, "mission_title": "Aide aux devoirs pour collégiens",
            "dates": [{"date": working_days_ahead(1)[0].isoformat(), "format": "full_day"}],
            "reason": reason, "cancelled_at": "2026-11-28T14:00:00+00:00", **overrides,
        })

    return cancel


@pytest.fixture
def payload():
    """A fresh `engagement.dates.requested` payload, with overrides."""
    return dates_requested
