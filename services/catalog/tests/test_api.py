"""Catalog's HTTP API through the Flask test client, on SQLite and the memory bus."""
MISSION = {
    "title": "Aide aux devoirs",
    "description": "Accompagner des collégiens deux soirs par semaine.",
    "association_name": "Les Petits Savants",
    "contact_email": "contact@petits-savants.org",
}


def referent(tokens, subject="referent-1"):
    return tokens.headers(subject, roles=["association_referent"])


def test_creating_a_mission_needs_a_session(service):
    response = service.client.post("/missions", json=MISSION)
    assert response.status_code == 401
    assert response.json["detail"] == "Connecte-toi pour continuer."


def test_an_employee_cannot_create_a_mission(service, tokens):
    response = service.client.post("/missions", json=MISSION, headers=tokens.headers(roles=["employee"]))
    assert response.status_code == 403
    assert service.published() == []


def test_a_draft_is_not_announced_nor_listed(service, tokens):
    response = service.client.post("/missions", json=MISSION, headers=referent(tokens))
    assert response.status_code == 201
    assert response.json["status"] == "draft"
    assert service.published() == []
    assert service.client.get("/missions").json == {"items": [], "total": 0}
    assert service.client.get(f"/missions/{response.json['id']}").status_code == 404


def test_publishing_writes_catalog_mission_published_in_the_same_transaction(service, tokens):
    created = service.client.post("/missions", json=MISSION, headers=referent(tokens)).json
    response = service.client.post(f"/missions/{created['id']}/publication", headers=referent(tokens))
    assert response.status_code == 200
    assert response.json["status"] == "published"
    (event,) = service.published("catalog.mission.published")
    assert event.subject == created["id"]
    assert event.source == "catalog"
    assert event.data["title"] == "Aide aux devoirs"
    assert event.data["contact_email"] == "contact@petits-savants.org"
    assert event.data["url"] == f"http://tandem.test/missions/{created['id']}"
    listed = service.client.get("/missions").json
    assert listed["total"] == 1 and listed["items"][0]["id"] == created["id"]


def test_creating_with_publish_publishes_at_once(service, tokens):
    response = service.client.post("/missions", json={**MISSION, "publish": True}, headers=referent(tokens))
    assert response.status_code == 201
    assert response.json["status"] == "published"
    assert len(service.published("catalog.mission.published")) == 1


def test_publishing_twice_is_refused_with_a_clear_message_and_no_second_event(service, tokens):
    created = service.client.post("/missions", json={**MISSION, "publish": True}, headers=referent(tokens)).json
    response = service.client.post(f"/missions/{created['id']}/publication", headers=referent(tokens))
    assert response.status_code == 409
    assert response.json["detail"] == "Cette mission est déjà publiée."
    assert len(service.published()) == 1


def test_a_referent_cannot_publish_another_referents_mission(service, tokens):
    created = service.client.post("/missions", json=MISSION, headers=referent(tokens, "referent-1")).json
    response = service.client.post(f"/missions/{created['id']}/publication", headers=referent(tokens, "referent-2"))
    assert response.status_code == 403
    assert service.published() == []


def test_invalid_input_gets_field_errors_in_french_and_writes_nothing(service, tokens):
    response = service.client.post("/missions", json={"title": "ab", "contact_email": "pas-une-adresse"}, headers=referent(tokens))
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.json["errors"] == {
        "title": ["Entre 3 et 200 caractères."],
        "contact_email": ["Cette adresse e-mail n'est pas valide."],
        "association_name": ["Ce champ est obligatoire."],
    }
    assert service.published() == []


def test_publishing_an_unknown_mission_is_a_404(service, tokens):
    response = service.client.post("/missions/inconnue/publication", headers=referent(tokens))
    assert response.status_code == 404
