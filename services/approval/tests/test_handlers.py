"""How approval learns of requests and cancellations from engagement."""
from datetime import datetime, timedelta

import sqlalchemy as sa

from approval.models import AbsenceRequest, ActionLink
from tandem_shared.harness import ServiceHarness
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.timeutil import utcnow


def count(service, model):
    with service.runtime.db.reading() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model))


def request(service, request_id):
    with service.runtime.db.reading() as session:
        return session.get(AbsenceRequest, request_id)


def test_a_date_request_creates_the_request_and_its_link_once(service, payload):
    data = payload(manager_email="Sophie.Laurent@Horizon.example")
    assert service.deliver("engagement.dates.requested", data, event_id="event-1") == "processed"
    # The broker redelivers the same event; engagement republishes the same request under a new event id.
    assert service.deliver("engagement.dates.requested", data, event_id="event-1") == "duplicate"
    assert service.deliver("engagement.dates.requested", data) == "processed"
    assert count(service, AbsenceRequest) == 1
    assert count(service, ActionLink) == 1
    (created,) = service.published("approval.request.created")
    stored = request(service, data["request_id"])
    assert stored.status == "pending"
    assert stored.manager_email == "sophie.laurent@horizon.example"
    assert created.data["manager_email"] == "sophie.laurent@horizon.example"
    assert created.subject == data["request_id"]


def test_the_created_event_carries_the_link_to_the_web_page_and_its_expiry(service, payload):
    data = payload(kind="additional")
    before = utcnow()
    service.deliver("engagement.dates.requested", data)
    (created,) = service.published("approval.request.created")
    assert created.data["action_link"].startswith("http://tandem.test/manager/demandes/")
    expires = datetime.fromisoformat(created.data["link_expires_at"])
    assert before + timedelta(days=14) <= expires <= utcnow() + timedelta(days=14)
    assert created.data["kind"] == "additional"
    assert created.data["dates"] == data["dates"]
    assert created.data["message"] == data["message"]


def test_the_created_event_names_the_last_day_the_request_may_be_accepted_its_first_date(service, payload):
    # The e-mail says it when the link outlives it: a date passed, the request may only be refused.
    data = payload()
    first, second = (entry["date"] for entry in data["dates"])
    service.deliver("engagement.dates.requested", {**data, "dates": list(reversed(data["dates"]))})
    (created,) = service.published("approval.request.created")
    assert first < second and created.data["accept_until"] == first


def test_the_link_lifetime_is_configurable(service_package, tmp_path, tokens, payload):
    harness = ServiceHarness(service_package, service_dir(service_package), f"sqlite:///{tmp_path / 'short.db'}",
                             tokens=tokens, environ={"APPROVAL_LINK_DAYS": "2"})
    try:
        harness.deliver("engagement.dates.requested", payload())
        (created,) = harness.published("approval.request.created")
        expires = datetime.fromisoformat(created.data["link_expires_at"])
        assert timedelta(days=1, hours=23) < expires - utcnow() <= timedelta(days=2)
    finally:
        harness.close()


def test_dates_are_kept_in_calendar_order(service, payload):
    data = payload()
    data["dates"] = list(reversed(data["dates"]))
    service.deliver("engagement.dates.requested", data)
    stored = request(service, data["request_id"])
    assert [d["date"] for d in stored.dates] == sorted(d["date"] for d in data["dates"])


def test_a_cancellation_that_overtakes_its_request_keeps_it_closed(service, payload, cancel_request):
    data = payload()
    cancel_request(data["request_id"])
    service.deliver("engagement.dates.requested", data)
    stored = request(service, data["request_id"])
    assert stored.status == "cancelled"
    assert stored.person_email == "camille.martin@horizon.example"
    assert stored.mission_id == "mission-devoirs"
    assert service.published("approval.request.created") == []
    assert count(service, ActionLink) == 0


def test_a_withdrawal_after_approval_cancels_the_request(service, request_dates, cancel_request):
    request_id, secret = request_dates()
    service.client.post(f"/actions/{secret}", json={"decision": "accept"})
    cancel_request(request_id, reason="withdrawn")
    stored = request(service, request_id)
    assert stored.status == "cancelled" and stored.cancellation == "withdrawn"
    assert stored.decided_at is not None


def test_a_cancellation_after_a_refusal_changes_nothing(service, request_dates, cancel_request):
    request_id, secret = request_dates()
    service.client.post(f"/actions/{secret}", json={"decision": "refuse"})
    cancel_request(request_id)
    assert request(service, request_id).status == "refused"
    assert request(service, request_id).cancelled_at is None
