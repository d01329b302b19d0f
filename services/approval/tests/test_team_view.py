"""« Les missions de mon équipe »: the requests whose manager address is the caller's, and deciding from there."""
import logging

from approval.models import AbsenceRequest


def status_of(service, request_id):
    with service.runtime.db.reading() as session:
        return session.get(AbsenceRequest, request_id).status


def test_the_team_view_lists_pending_first_and_only_the_callers_requests(service, request_dates, manager):
    first, first_secret = request_dates(person_name="Alice Durand")
    second, _ = request_dates(person_name="Bruno Petit")
    third, _ = request_dates(person_name="Chloé Roux")
    request_dates(person_name="Nina Autre", manager_email="autre.manager@horizon.example")
    # The oldest is decided: it goes after the pending ones.
    service.client.post(f"/actions/{first_secret}", json={"decision": "accept"})
    listed = service.client.get("/requests", headers=manager())
    assert listed.status_code == 200, listed.json
    assert [item["id"] for item in listed.json["items"]] == [third, second, first]
    assert [item["status"] for item in listed.json["items"]] == ["pending", "pending", "approved"]
    assert listed.json["total"] == 3
    assert listed.json["pending"] == 2
    assert "Nina Autre" not in {item["person_name"] for item in listed.json["items"]}
    item = listed.json["items"][0]
    assert item["person_email"] == "camille.martin@horizon.example"
    assert item["dates"][0]["label"].endswith("— journée")
    assert item["days"] == 1.5


def test_the_team_view_pages_and_filters_by_status(service, request_dates, manager):
    ids = [request_dates()[0] for _ in range(3)]
    page = service.client.get("/requests?page=2&per_page=2", headers=manager()).json
    assert [item["id"] for item in page["items"]] == [ids[0]]
    assert page["total"] == 3 and page["pending"] == 3
    service.client.post(f"/requests/{ids[1]}/decision", json={"decision": "refuse"}, headers=manager())
    refused = service.client.get("/requests?status=refused", headers=manager()).json
    assert [item["id"] for item in refused["items"]] == [ids[1]]
    assert refused["total"] == 1 and refused["pending"] == 2


def test_the_pending_count_drives_the_to_do_and_matches_the_address_whatever_its_case(service, request_dates, manager):
    request_dates(manager_email="Sophie.Laurent@Horizon.example")
    listed = service.client.get("/requests", headers=manager(email="SOPHIE.LAURENT@horizon.example")).json
    assert listed["pending"] == 1 and listed["total"] == 1


def test_a_person_without_requests_sees_an_empty_team_view(service, request_dates, manager, tokens):
    request_dates()
    assert service.client.get("/requests", headers=manager(email="quelquun@horizon.example")).json == {"items": [], "total": 0, "pending": 0}
    # A token without an address has no team.
    assert service.client.get("/requests", headers=tokens.headers("someone")).json["total"] == 0


def test_the_team_view_needs_a_login(service, request_dates):
    request_id, _ = request_dates()
    assert service.client.get("/requests").status_code == 401
    assert service.client.get(f"/requests/{request_id}").status_code == 401
    assert service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"}).status_code == 401


def test_deciding_from_the_team_view_publishes_who_decided(service, request_dates, manager):
    request_id, _ = request_dates()
    response = service.client.post(f"/requests/{request_id}/decision", json={"decision": "refuse", "reason": "Inventaire ce jour-là"},
                                   headers=manager(subject="manager-sophie"))
    assert response.status_code == 200, response.json
    assert response.json["status"] == "refused" and response.json["via"] == "team_view"
    (event,) = service.published("approval.request.refused")
    assert event.data["via"] == "team_view"
    assert event.data["decided_by"] == "manager-sophie"
    assert event.data["decided_by_email"] == "sophie.laurent@horizon.example"
    assert event.data["reason"] == "Inventaire ce jour-là"
    assert service.client.get(f"/requests/{request_id}", headers=manager()).json["status"] == "refused"


def test_deciding_from_the_team_view_then_clicking_the_link_gets_a_clear_refusal_and_no_second_decision(service, request_dates, manager):
    request_id, secret = request_dates()
    assert service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"}, headers=manager()).status_code == 200
    for response in (service.client.get(f"/actions/{secret}"), service.client.post(f"/actions/{secret}", json={"decision": "refuse"})):
        assert response.status_code == 410
        assert response.json["detail"].startswith("Cette demande a déjà été acceptée le ")
        assert "depuis « Les missions de mon équipe »" in response.json["detail"]
    assert len(service.published("approval.request.approved")) == 1
    assert service.published("approval.request.refused") == []


def test_a_request_decided_with_the_link_cannot_be_decided_again_from_the_team_view(service, request_dates, manager):
    request_id, secret = request_dates()
    service.client.post(f"/actions/{secret}", json={"decision": "accept"})
    again = service.client.post(f"/requests/{request_id}/decision", json={"decision": "refuse"}, headers=manager())
    assert again.status_code == 409
    assert again.json["detail"].startswith("Cette demande a déjà été acceptée le ")
    assert status_of(service, request_id) == "approved"
    assert len(service.published("approval.request.approved")) == 1
    assert service.published("approval.request.refused") == []


def test_a_cancelled_request_cannot_be_decided_from_the_team_view(service, request_dates, manager, cancel_request):
    request_id, _ = request_dates()
    cancel_request(request_id, reason="withdrawn")
    response = service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"}, headers=manager())
    assert response.status_code == 409
    assert response.json["detail"] == "Cette demande a été annulée par Camille Martin, qui ne participe plus à la mission : il n'y a plus rien à valider."


def test_someone_who_is_not_the_manager_gets_404_and_the_denial_is_logged(service, request_dates, manager, caplog):
    request_id, _ = request_dates()
    stranger = manager(email="curieux@horizon.example", subject="person-curious")
    with caplog.at_level(logging.WARNING, logger="approval.api"):
        shown = service.client.get(f"/requests/{request_id}", headers=stranger)
        decided = service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"}, headers=stranger)
    assert shown.status_code == 404 and decided.status_code == 404
    assert shown.json["detail"] == decided.json["detail"] == "Cette demande n'existe pas."
    # Same answer as a request that does not exist at all.
    assert service.client.get("/requests/inconnue", headers=stranger).json["detail"] == "Cette demande n'existe pas."
    denials = [r for r in caplog.records if "not its manager" in r.getMessage()]
    assert len(denials) == 2 and "person-curious" in denials[0].getMessage()
    assert status_of(service, request_id) == "pending"
    assert service.published("approval.request.approved") == []


def test_an_employee_who_typed_their_own_address_cannot_validate_their_dates(service, request_dates, manager):
    request_id, _ = request_dates(manager_email="camille.martin@horizon.example")
    response = service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"},
                                   headers=manager(email="camille.martin@horizon.example", subject="person-camille"))
    assert response.status_code == 403
    assert response.json["detail"] == "Tu ne peux pas valider tes propres dates : c'est à ton manager de le faire."
    assert status_of(service, request_id) == "pending"
    assert service.published("approval.request.approved") == []
