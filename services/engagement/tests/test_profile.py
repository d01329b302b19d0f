""""Mon compte": profile, preferences, favourites, dashboard, export and deletion, each only for its owner."""
import pytest

from engagement.models import MissionCopy, Person, Preferences
from tandem_shared.timeutil import utcnow

PREFERENCES = {
    "professional_expertises": ["Informatique / Web", "Audit / Conseil / MOA"],
    "personal_expertises": ["Jardinage"],
    "themes": ["environnement", "éducation / formation"],
    "alerts_opt_in": True,
}


@pytest.fixture
def camille(account, browser):
    email, password = account()
    person = browser()
    assert person.login(email, password).status_code == 200
    return person


@pytest.fixture
def mission(service):
    with service.runtime.unit_of_work() as uow:
        uow.session.add(MissionCopy(id="m-1", title="Aide aux devoirs", association_name="Les Petits Savants", status="published",
                                    url="http://tandem.test/missions/m-1", as_of=utcnow()))
    return "m-1"


def test_the_profile_fills_in_what_step_one_and_step_two_will_prefill(service, camille):
    response = camille.request("PATCH", "/me", json={"phone": "06 12 34 56 78", "entity_id": "e-dsi"})
    assert response.status_code == 200, response.json
    assert response.json["phone"] == "06 12 34 56 78"
    assert response.json["entity"] == {"id": "e-dsi", "name": "DSI"}
    (updated,) = service.published("engagement.person.updated")
    assert updated.data["entity_name"] == "DSI"


def test_the_profile_refuses_an_entity_of_another_company_and_choosing_ones_own_manager(camille):
    assert camille.request("PATCH", "/me", json={"entity_id": "e-sso"}).json["errors"] == {"entity_id": ["Choisis ton entité de rattachement dans la liste."]}
    for manager in ("camille.martin@horizon.test", "sophie.laurent@horizon.test", "camille@perso.example"):
        response = camille.request("PATCH", "/me", json={"manager_email": manager})
        assert response.status_code == 422
        assert response.json["errors"] == {"manager_email": [
            "Ton manager est enregistré par le responsable de l'engagement de ton entreprise : demande-lui de le modifier si besoin."]}
    assert camille.request("GET", "/me").json["manager_email"] is None


def test_a_new_retirement_date_waits_for_the_admins_confirmation(service, camille):
    response = camille.request("PATCH", "/me", json={"retirement_date": "2027-06-30"})
    assert response.json["retirement_date"] == "2027-06-30" and response.json["retirement_confirmed"] is False
    dashboard = camille.get("/me/dashboard").json
    assert dashboard["allowance"]["kind"] == "annual"


def test_preferences_use_exactly_the_guides_lists_and_are_published(service, camille):
    assert camille.get("/me/preferences").json == {"professional_expertises": [], "personal_expertises": [], "themes": [], "alerts_opt_in": False,
                                                   "quiz_opt_in": False}
    response = camille.request("PUT", "/me/preferences", json=PREFERENCES)
    assert response.status_code == 200
    # Stored in the guide's order, whatever order the boxes were ticked in.
    assert response.json["professional_expertises"] == ["Audit / Conseil / MOA", "Informatique / Web"]
    (event,) = service.published("engagement.preferences.updated")
    assert event.data["alerts_opt_in"] is True and event.data["email"] == "camille.martin@horizon.test"
    assert event.data["themes"] == ["éducation / formation", "environnement"]


def test_an_unknown_preference_is_refused_and_nothing_is_published(service, camille):
    response = camille.request("PUT", "/me/preferences", json={**PREFERENCES, "themes": ["astrologie"]})
    assert response.status_code == 422
    assert response.json["errors"] == {"themes": ["Choix inconnu : astrologie."]}
    assert service.published("engagement.preferences.updated") == []


def test_the_preference_lists_are_served_for_the_form(service):
    choices = service.client.get("/preference-choices").json
    assert len(choices["themes"]) == 12 and "senior / isolement" in choices["themes"]
    assert "Tri / Distribution alimentaire" in choices["personal_expertises"]


def test_favourites_take_their_titles_from_engagements_copy_of_missions(camille, mission):
    assert camille.request("PUT", f"/me/favorites/{mission}").status_code == 200
    assert camille.request("PUT", f"/me/favorites/{mission}").status_code == 200  # twice is harmless
    listed = camille.get("/me/favorites").json
    assert listed["total"] == 1
    assert listed["items"][0]["title"] == "Aide aux devoirs"
    assert camille.request("DELETE", f"/me/favorites/{mission}").status_code == 204
    assert camille.get("/me/favorites").json == {"items": [], "total": 0}


def test_an_unknown_mission_cannot_be_a_favourite(camille):
    response = camille.request("PUT", "/me/favorites/m-inconnue")
    assert response.status_code == 404
    assert response.json["detail"] == "Cette mission n'existe pas ou n'est plus en ligne."


def test_the_dashboard_greets_counts_days_and_lists_what_is_left_to_do(camille):
    dashboard = camille.get("/me/dashboard").json
    assert dashboard["first_name"] == "Camille"
    assert dashboard["days_used_label"] == "Tu as déjà utilisé 0 jour de mission."
    assert dashboard["allowance"] == {"kind": "annual", "days": 2.0, "label": "2 jours par an", "weekly_from": None}
    assert dashboard["days_remaining"] == 2.0
    assert dashboard["todo"] == {"finalise_registration": 1, "validate_team_dates": 0, "complete_bilan": 0, "conventions_to_sign": 0}
    camille.request("PUT", "/me/preferences", json=PREFERENCES)
    assert camille.get("/me/dashboard").json["todo"]["finalise_registration"] == 0


def test_each_person_sees_only_their_own_profile_favourites_and_dashboard(service, account, browser, mission):
    a_email, a_password = account("camille.martin@horizon.test")
    b_email, b_password = account("lucas.bernard@horizon.test", first_name="Lucas")
    a, b = browser(), browser("203.0.113.11")
    a.login(a_email, a_password)
    b.login(b_email, b_password)
    a.request("PUT", f"/me/favorites/{mission}")
    assert b.get("/me").json["email"] == b_email
    assert b.get("/me/favorites").json["total"] == 0
    assert b.get("/me/dashboard").json["first_name"] == "Lucas"
    # B cannot remove A's favourite: the path names only the mission, the owner is the token's subject.
    b.request("DELETE", f"/me/favorites/{mission}")
    assert a.get("/me/favorites").json["total"] == 1


def test_a_person_exports_their_data_as_json(camille):
    camille.request("PUT", "/me/preferences", json=PREFERENCES)
    response = camille.get("/me/export")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.json
    assert data["profile"]["email"] == "camille.martin@horizon.test"
    assert data["preferences"]["alerts_opt_in"] is True
    assert {"signed_up", "email_verified", "login_succeeded"} <= {e["action"] for e in data["security_events"]}
    assert "password_hash" not in response.get_data(as_text=True)


def test_deleting_an_account_anonymises_it_revokes_tokens_and_forbids_login(service, camille, browser):
    wrong = camille.request("DELETE", "/me", json={"password": "pas le bon"})
    assert wrong.status_code == 403
    token = camille.client.get_cookie("tandem_session", domain="localhost").value
    deleted = camille.request("DELETE", "/me", json={"password": "un jardin partagé au printemps"})
    assert deleted.status_code == 204
    # The browser is signed out too: the session, renewal and CSRF cookies are cleared.
    cleared = {cookie.split("=", 1)[0] for cookie in deleted.headers.getlist("Set-Cookie") if "Expires=Thu, 01 Jan 1970" in cookie}
    assert cleared == {"tandem_session", "tandem_refresh", "tandem_csrf"}
    with service.runtime.db.reading() as session:
        (person,) = session.query(Person).all()
        assert session.query(Preferences).count() == 0
    assert person.status == "deleted" and person.email.endswith("@invalid.tandem") and person.password_hash is None
    assert (person.first_name, person.last_name, person.phone) == ("Compte", "supprimé", None)
    assert service.client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert browser().login("camille.martin@horizon.test", "un jardin partagé au printemps").status_code == 401
    (disabled,) = service.published("engagement.person.disabled")
    assert disabled.data["person_id"] == person.id
    # The address she held, not the anonymised one: approval stops what was sent to it, and the next holder gets none of it.
    assert disabled.data["email"] == "camille.martin@horizon.test"
    # Her entity stays, named: impact files her days under it, not « Sans entité ».
    updated = service.published("engagement.person.updated")[-1]
    assert updated.data["status"] == "deleted" and updated.data["entity_id"] == person.entity_id
    assert updated.data["entity_name"] is not None and updated.data["entity_name"] == entity_name_of(service, person.entity_id)


def entity_name_of(service, entity_id):
    from engagement.models import Entity
    with service.runtime.db.reading() as session:
        return session.get(Entity, entity_id).name
