"""A manager who lost access (disabled, or their account deleted) decides nothing more: the links already e-mailed
to their address stop, no reminder goes out, and whoever holds the address next does not see those requests. The same
person enabled again takes them back. (Found by a probe: a manager removed through SCIM still accepted with the link
e-mailed before, and the next holder of a freed address listed and decided the former manager's requests.)"""
from datetime import timedelta

import sqlalchemy as sa

from approval.models import AbsenceRequest
from approval.reminders import send_reminders
from tandem_shared.timeutil import utcnow

SOPHIE = "person-sophie"
MANAGER = "sophie.laurent@horizon.example"


def disable(service, email=MANAGER, person_id=SOPHIE, at=None):
    at = at or utcnow()
    assert service.deliver("engagement.person.disabled", {
        "person_id": person_id, "email": email, "not_before": at.isoformat(), "disabled_at": at.isoformat()}) == "processed"


def enable(service, email=MANAGER, person_id=SOPHIE, at=None):
    assert service.deliver("engagement.person.updated", {
        "person_id": person_id, "email": email, "first_name": "Sophie", "last_name": "Laurent", "company_id": None,
        "entity_id": None, "entity_name": None, "roles": ["employee"], "association_ids": [], "status": "active",
        "at": (at or utcnow()).isoformat()}) == "processed"


def status_of(service, request_id):
    with service.runtime.db.reading() as session:
        return session.get(AbsenceRequest, request_id).status


def age(service, request_id, days):
    with service.runtime.unit_of_work() as uow:
        uow.session.execute(sa.update(AbsenceRequest).where(AbsenceRequest.id == request_id)
                            .values(created_at=utcnow() - timedelta(days=days)))


def test_the_link_e_mailed_before_the_manager_was_disabled_no_longer_decides(service, request_dates):
    request_id, secret = request_dates()
    disable(service)
    shown = service.client.get(f"/actions/{secret}")
    assert shown.status_code == 410 and "n'a plus accès à Tandem" in shown.json["detail"]
    accepted = service.client.post(f"/actions/{secret}", json={"decision": "accept"})
    assert accepted.status_code == 410 and "n'a plus accès à Tandem" in accepted.json["detail"]
    assert status_of(service, request_id) == "pending"
    assert service.published("approval.request.approved") == []


def test_nobody_is_reminded_of_a_request_whose_manager_lost_access(service, request_dates):
    request_id, _ = request_dates()
    age(service, request_id, 4)
    disable(service)
    assert send_reminders(service.runtime, service.settings) == 0
    assert service.published("approval.request.reminded") == []


def test_the_next_holder_of_a_freed_address_neither_sees_nor_decides_the_former_managers_requests(service, request_dates, manager):
    earlier, _ = request_dates()
    disable(service)  # the account deleted: engagement publishes the address it held, then frees it
    # Someone new signs up with the address, and a colleague names them as manager afterwards.
    newcomer = manager(subject="person-new-sophie")
    later, later_secret = request_dates()
    listed = service.client.get("/requests", headers=newcomer)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json["items"]] == [later] and listed.json["pending"] == 1
    assert service.client.get(f"/requests/{earlier}", headers=newcomer).status_code == 404
    decided = service.client.post(f"/requests/{earlier}/decision", headers=newcomer, json={"decision": "accept"})
    assert decided.status_code == 404 and status_of(service, earlier) == "pending"
    # Enabling someone else at that address gives them nothing of the former holder's.
    enable(service, person_id="person-new-sophie")
    assert service.client.get(f"/requests/{earlier}", headers=newcomer).status_code == 404
    # What was sent to them after the address changed hands is theirs.
    assert service.client.post(f"/actions/{later_secret}", json={"decision": "accept"}).status_code == 200


def test_the_same_manager_enabled_again_decides_their_requests_again(service, request_dates, manager):
    request_id, old_secret = request_dates()
    disabled_at = utcnow()
    disable(service, at=disabled_at)
    # An older update (active) delivered late does not undo the withdrawal.
    enable(service, at=disabled_at - timedelta(seconds=5))
    assert service.client.get(f"/requests/{request_id}", headers=manager()).status_code == 404
    enable(service, at=disabled_at + timedelta(minutes=1))
    # The link sent before stays dead, as their tokens of before do; the team view and the next reminder serve.
    assert service.client.post(f"/actions/{old_secret}", json={"decision": "accept"}).status_code == 410
    assert service.client.get(f"/requests/{request_id}", headers=manager()).status_code == 200
    age(service, request_id, 4)
    assert send_reminders(service.runtime, service.settings) == 1
    (reminded,) = service.published("approval.request.reminded")
    assert service.client.post(f"/actions/{reminded.data['action_link'].rsplit('/', 1)[1]}", json={"decision": "accept"}).status_code == 200
    assert status_of(service, request_id) == "approved"


def test_an_event_without_the_address_still_cuts_the_tokens_off_and_changes_no_request(service, request_dates):
    request_id, secret = request_dates()
    at = utcnow().isoformat()
    assert service.deliver("engagement.person.disabled", {"person_id": SOPHIE, "not_before": at, "disabled_at": at}) == "processed"
    assert service.client.post(f"/actions/{secret}", json={"decision": "accept"}).status_code == 200
