"""Engagement's HTTP API through the Flask test client."""

def test_the_mission_copy_needs_a_session(service):
    assert service.client.get("/missions/m-1").status_code == 401


def test_an_unknown_mission_is_a_french_404(service, tokens):
    response = service.client.get("/missions/m-404", headers=tokens.headers())
    assert response.status_code == 404
    assert response.json["detail"] == "Cette mission n'est pas (encore) connue."


def test_the_copy_is_served_once_the_event_arrived(service, tokens, mission_published):
    service.deliver("catalog.mission.published", mission_published)
    response = service.client.get("/missions/m-1", headers=tokens.headers())
    assert response.status_code == 200
    assert response.json["title"] == "Aide aux devoirs"
    assert response.json["as_of"] == "2026-11-26T10:00:00+00:00"
