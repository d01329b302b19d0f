"""Hostile input answers a French 4xx problem document, never a 500 (issue #19, point 3)."""
import pytest

PROBLEM = "application/problem+json"
DEEP = "[" * 1000 + "]" * 1000


def _is_french_400(response, words):
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    assert words in response.json["detail"]


def test_json_nested_a_thousand_deep_on_the_anonymous_login(service):
    response = service.client.post("/session", data='{"email": ' + DEEP + ', "password": "x"}', content_type="application/json")
    _is_french_400(response, "trop imbriqué")


def test_a_lone_surrogate_in_the_login(service):
    response = service.client.post("/session", data=r'{"email": "a\ud800@horizon.test", "password": "x"}', content_type="application/json")
    _is_french_400(response, "Unicode mal formé")


def test_a_lone_surrogate_in_my_profile(service, person):
    camille = person()
    headers = camille._headers()
    response = service.client.patch("/me", data=r'{"first_name": "Cam\udc00ille"}', content_type="application/json", headers=headers)
    _is_french_400(response, "Unicode mal formé")
    assert camille.get("/me").json["first_name"] == "Camille"


def test_patching_my_profile_with_no_body_is_refused(service, person):
    _is_french_400(service.client.patch("/me", headers=person()._headers()), "corps de la requête est vide")


@pytest.mark.parametrize("path", ["/audit", "/companies/c-horizon/people", "/me/participations"])
def test_a_page_number_past_any_integer_column(service, company, tokens, path):
    headers = tokens.headers("operator-1", roles=["platform_operator"])
    response = service.client.get(f"{path}?page=1000000000000000000", headers=headers)
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    assert "page" in response.json["errors"]
