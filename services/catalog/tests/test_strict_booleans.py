"""Issue #19: a yes/no in a JSON body is `true` or `false`; `1` or "yes" was read as « publier tout de suite »."""
import pytest

from .test_api import employee, referent

BOOLEAN_MESSAGE = "Oui ou non (true/false) est attendu."


@pytest.mark.parametrize("field", ["publish", "all_jobs", "remote_possible", "open_to_all_companies"])
@pytest.mark.parametrize("value", [1, 0, "yes", "true", "on"])
def test_a_mission_refuses_a_number_or_a_word_for_a_yes_no(service, tokens, mission_payload, field, value):
    response = service.client.post("/missions", json={**mission_payload, field: value}, headers=referent(tokens))
    assert response.status_code == 422
    assert response.json["errors"] == {field: [BOOLEAN_MESSAGE]}
    assert service.published() == []
    assert service.client.get("/missions/mine", headers=referent(tokens)).json["total"] == 0


def test_a_mission_takes_json_true_and_false(service, tokens, mission_payload):
    response = service.client.post("/missions", json={**mission_payload, "publish": True, "all_jobs": True, "remote_possible": False},
                                   headers=referent(tokens))
    assert response.status_code == 201, response.json
    assert response.json["status"] == "published" and response.json["all_jobs"] is True and response.json["remote_possible"] is False
    assert service.client.get(f"/missions/{response.json['id']}", headers=employee(tokens)).status_code == 200


def test_an_update_refuses_a_number_for_a_yes_no(service, tokens, mission_payload):
    created = service.client.post("/missions", json=mission_payload, headers=referent(tokens)).json
    refused = service.client.patch(f"/missions/{created['id']}", json={"all_jobs": 1}, headers=referent(tokens))
    assert refused.status_code == 422 and refused.json["errors"] == {"all_jobs": [BOOLEAN_MESSAGE]}
    accepted = service.client.patch(f"/missions/{created['id']}", json={"all_jobs": True}, headers=referent(tokens))
    assert accepted.status_code == 200 and accepted.json["all_jobs"] is True
