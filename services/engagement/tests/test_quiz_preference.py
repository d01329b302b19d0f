"""MES PRÉFÉRENCES › « Préviens-moi quand un nouveau quiz est en ligne »: off by default, carried by
`engagement.preferences.updated` to the notifier, left unchanged by a client that does not send it."""
import pytest

from .test_profile import PREFERENCES


@pytest.fixture
def camille(account, browser):
    email, password = account()
    person = browser()
    assert person.login(email, password).status_code == 200
    return person


def test_the_quiz_preference_is_off_by_default_and_published_when_ticked(service, camille):
    response = camille.request("PUT", "/me/preferences", json=PREFERENCES)
    assert response.json["quiz_opt_in"] is False
    assert service.published("engagement.preferences.updated")[-1].data["quiz_opt_in"] is False
    response = camille.request("PUT", "/me/preferences", json={**PREFERENCES, "quiz_opt_in": True})
    assert response.status_code == 200 and response.json["quiz_opt_in"] is True
    assert camille.get("/me/preferences").json["quiz_opt_in"] is True
    assert service.published("engagement.preferences.updated")[-1].data["quiz_opt_in"] is True


def test_a_client_that_does_not_send_it_leaves_it_as_it_was(service, camille):
    camille.request("PUT", "/me/preferences", json={**PREFERENCES, "quiz_opt_in": True})
    response = camille.request("PUT", "/me/preferences", json={**PREFERENCES, "alerts_opt_in": False})
    assert response.json["quiz_opt_in"] is True and response.json["alerts_opt_in"] is False
    camille.request("PUT", "/me/preferences", json={**PREFERENCES, "quiz_opt_in": False})
    assert camille.get("/me/preferences").json["quiz_opt_in"] is False
