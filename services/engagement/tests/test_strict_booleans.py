"""Issue #19: a yes/no in a JSON body is `true` or `false`; `1` or "yes" counted as a ticked consent box."""
import pytest

from engagement.models import Preferences

from .test_accounts import people
from .test_profile import PREFERENCES

BOOLEAN_MESSAGE = "Oui ou non (true/false) est attendu."


@pytest.mark.parametrize("value", [1, "yes", "true", "on", 1.0])
def test_consent_is_given_only_by_json_true(service, sign_up, value):
    response = sign_up(consent=value)
    assert response.status_code == 422
    assert response.json["errors"] == {"consent": [BOOLEAN_MESSAGE]}
    assert people(service) == []
    assert service.published() == []


def test_consent_given_with_json_true_creates_the_account(service, sign_up):
    assert sign_up(consent=True).status_code == 202
    assert [person.email for person in people(service)] == ["camille.martin@horizon.test"]


@pytest.fixture
def camille(account, browser):
    email, password = account()
    person = browser()
    assert person.login(email, password).status_code == 200
    return person


@pytest.mark.parametrize("field", ["alerts_opt_in", "quiz_opt_in"])
@pytest.mark.parametrize("value", [1, 0, "yes", "false"])
def test_preferences_refuse_a_number_or_a_word_for_a_yes_no(service, camille, field, value):
    response = camille.request("PUT", "/me/preferences", json={**PREFERENCES, field: value})
    assert response.status_code == 422
    assert response.json["errors"] == {field: [BOOLEAN_MESSAGE]}
    with service.runtime.db.reading() as session:
        assert session.query(Preferences).count() == 0
    assert service.published("engagement.preferences.updated") == []


def test_preferences_take_json_true_and_false(service, camille):
    response = camille.request("PUT", "/me/preferences", json={**PREFERENCES, "alerts_opt_in": True, "quiz_opt_in": False})
    assert response.status_code == 200, response.json
    assert response.json["alerts_opt_in"] is True and response.json["quiz_opt_in"] is False
