""""Je propose mes compétences" and sharing a mission by e-mail."""
import pytest


@pytest.fixture
def camille(account, browser):
    email, password = account()
    person = browser()
    assert person.login(email, password).status_code == 200
    return person


@pytest.fixture
def association(service):
    example = service.contract.examples("catalog.association.approved")[0]
    assert service.deliver("catalog.association.approved", example) == "processed"
    return example


@pytest.fixture
def mission(service):
    example = service.contract.examples("catalog.mission.published")[0]
    service.deliver("catalog.mission.published", example)
    return example


def test_the_proposal_form_is_prefilled_with_the_guides_message_and_my_company(camille, association):
    draft = camille.get(f"/proposals/draft?association_id={association['id']}").json
    assert draft["association_name"] == "Les Petits Savants"
    assert draft["message"].startswith("Bonjour,\nJe suis collaborateur·rice de l'entreprise Groupe Horizon")
    assert "Pouvez-vous me dire si mon aide vous serait utile ?" in draft["message"]


def test_sending_a_proposal_tells_both_sides_through_one_event(service, camille, association):
    message = "Bonjour, je suis disponible en janvier pour vous aider sur vos outils informatiques."
    response = camille.request("POST", "/proposals", json={"association_id": association["id"], "message": message})
    assert response.status_code == 201, response.json
    assert response.json["association_email"] == association["contact_email"]
    (event,) = service.published("engagement.proposal.sent")
    assert event.data["person_email"] == "camille.martin@horizon.test"
    assert event.data["company_name"] == "Groupe Horizon"
    assert event.data["association_email"] == association["contact_email"]
    assert event.data["message"] == message


def test_the_same_association_is_not_contacted_twice_within_a_month(service, camille, association):
    body = {"association_id": association["id"], "message": "Bonjour, je peux vous aider sur la communication."}
    assert camille.request("POST", "/proposals", json=body).status_code == 201
    again = camille.request("POST", "/proposals", json=body)
    assert again.status_code == 409
    assert "Tu as déjà contacté Les Petits Savants" in again.json["detail"]
    assert len(service.published("engagement.proposal.sent")) == 1


def test_an_unknown_or_unapproved_association_cannot_be_contacted(service, camille, association):
    assert camille.request("POST", "/proposals", json={"association_id": "inconnue", "message": "Bonjour, je peux vous aider."}).status_code == 404
    pending = {**association, "id": "a-pending", "vetting_status": "pending"}
    service.deliver("catalog.association.registered", pending)
    assert camille.request("POST", "/proposals", json={"association_id": "a-pending", "message": "Bonjour, je peux vous aider."}).status_code == 404


def test_a_too_short_message_is_refused_in_french(camille, association):
    response = camille.request("POST", "/proposals", json={"association_id": association["id"], "message": "Salut"})
    assert response.status_code == 422
    assert response.json["errors"]["message"] == ["Ton message doit faire entre 20 et 5 000 caractères."]


def test_sharing_a_mission_publishes_one_event_with_the_link_and_message(service, camille, mission):
    response = camille.request("POST", f"/missions/{mission['id']}/share",
                               json={"recipients": ["Lucas.Bernard@horizon.test", "camille.martin@horizon.test"], "message": "Ça te dirait ?"})
    assert response.status_code == 202
    (event,) = service.published("engagement.mission.shared")
    assert event.data["recipients"] == ["camille.martin@horizon.test", "lucas.bernard@horizon.test"]
    assert event.data["mission_url"] == mission["url"]
    assert event.data["message"] == "Ça te dirait ?"


def test_a_closed_mission_cannot_be_shared_nor_added_to_favourites(service, camille, mission):
    closed = {**mission, "status": "closed", "updated_at": "2026-12-20T08:00:00+00:00"}
    assert service.deliver("catalog.mission.closed", closed) == "processed"
    assert camille.request("POST", f"/missions/{mission['id']}/share", json={"recipients": ["x@horizon.test"]}).status_code == 404
    assert camille.request("PUT", f"/me/favorites/{mission['id']}").status_code == 404


def test_sharing_needs_one_to_ten_valid_addresses(camille, mission):
    assert camille.request("POST", f"/missions/{mission['id']}/share", json={"recipients": []}).status_code == 422
    assert camille.request("POST", f"/missions/{mission['id']}/share", json={"recipients": ["pas-une-adresse"]}).status_code == 422


def test_a_referent_or_the_operator_cannot_send_a_proposal(service, person, association):
    """« Je propose » offers a company's skills: someone of no company is refused, and no e-mail goes out."""
    referent = person(email="referente@graines.test", roles=("association_referent",), company_id=None, entity_id=None)
    operator = person(email="operateur@tandem.test", roles=("platform_operator",), company_id=None, entity_id=None)
    for caller in (referent, operator):
        response = caller.post("/proposals", json={"association_id": association["id"], "message": "Bonjour, je peux aider."})
        assert response.status_code == 403, response.json
        assert "collaborateurs d'une entreprise" in response.json["detail"]
    assert service.published("engagement.proposal.sent") == []


def test_the_association_is_greeted_and_reached_as_one_person_its_referent(service, camille, person, association):
    """Issue 16 (1): the e-mail went to the referent's address but greeted the president (the legal representative)."""
    person(email=association["contact_email"], first_name="Clémence", last_name="Marie", roles=("association_referent",),
           company_id=None, entity_id=None, association_ids=(association["id"],))
    body = {"association_id": association["id"], "message": "Bonjour, je peux vous aider sur la communication."}
    assert camille.request("POST", "/proposals", json=body).status_code == 201
    (event,) = service.published("engagement.proposal.sent")
    assert event.data["association_email"] == association["contact_email"]
    assert event.data["association_contact_name"] == "Clémence Marie"
    assert association["representative_name"] not in str(event.data)


def test_with_no_referent_account_for_the_address_nobody_else_is_named(service, camille, association):
    body = {"association_id": association["id"], "message": "Bonjour, je peux vous aider sur la communication."}
    assert camille.request("POST", "/proposals", json=body).status_code == 201
    (event,) = service.published("engagement.proposal.sent")
    assert event.data["association_email"] == association["contact_email"]
    assert event.data["association_contact_name"] is None


def test_the_form_shows_the_latest_number_and_sends_the_one_confirmed(service, camille, association, publish_mission):
    """Issue 16 (2): apply with one number, re-apply with another, propose: the latest goes out, or the one typed."""
    assert camille.request("PATCH", "/me", json={"phone": "06 11 11 11 11"}).status_code == 200
    response = camille.request("POST", "/applications", json={
        "mission_id": publish_mission(), "phone": "07 22 22 22 22", "message": "Bonjour, je suis disponible pour cette mission."})
    assert response.status_code == 201, response.json
    draft = camille.get(f"/proposals/draft?association_id={association['id']}").json
    assert draft["phone"] == "07 22 22 22 22"
    body = {"association_id": association["id"], "message": "Bonjour, je peux vous aider sur la communication.", "phone": "01 33 33 33 33"}
    assert camille.request("POST", "/proposals", json=body).status_code == 201
    (event,) = service.published("engagement.proposal.sent")
    assert event.data["person_phone"] == "01 33 33 33 33"
    assert camille.get("/me").json["phone"] == "01 33 33 33 33"


def test_an_empty_phone_field_asks_for_a_number(camille, association):
    body = {"association_id": association["id"], "message": "Bonjour, je peux vous aider sur la communication.", "phone": "  "}
    response = camille.request("POST", "/proposals", json=body)
    assert response.status_code == 422
    assert response.json["errors"]["phone"] == ["Indique ton numéro de téléphone : l'association en a besoin pour te joindre."]
