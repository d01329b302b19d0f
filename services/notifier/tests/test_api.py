"""The delivery log is for platform operators only."""


def test_the_delivery_log_needs_a_session(service):
    assert service.client.get("/emails").status_code == 401


def test_an_employee_cannot_read_the_delivery_log(service, tokens):
    assert service.client.get("/emails", headers=tokens.headers(roles=["employee"])).status_code == 403


def test_an_operator_reads_the_delivery_log(service, tokens, mission_published):
    service.deliver("catalog.mission.published", mission_published)
    response = service.client.get("/emails?status=pending", headers=tokens.headers(roles=["platform_operator"]))
    assert response.status_code == 200
    assert response.json["total"] == 1
    assert response.json["items"][0]["recipient"] == "contact@petits-savants.org"
    assert "body_text" not in response.json["items"][0]


def test_an_unknown_status_filter_is_refused_in_french(service, tokens):
    response = service.client.get("/emails?status=lost", headers=tokens.headers(roles=["platform_operator"]))
    assert response.status_code == 422
    assert response.json["errors"] == {"status": ["Valeur attendue parmi : pending, sent, failed."]}
