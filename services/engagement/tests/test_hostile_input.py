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


# -- dates at the ends of the calendar and lists without end (issue 17) ----------------------------------------------

@pytest.fixture
def participation(person, publish_mission):
    from datetime import date

    camille = person(phone=None, manager_email="sophie.laurent@horizon.test")
    answer = camille.post("/applications", json={"mission_id": publish_mission(), "message": "Bonjour, je souhaite aider.",
                                                  "phone": "06 12 34 56 78", "year": date.today().year + 1})
    assert answer.status_code == 201, answer.json
    return camille, answer.json["id"]


def _table_counts(service):
    import sqlalchemy as sa

    with service.runtime.db.reading() as session:
        names = sa.inspect(session.get_bind()).get_table_names()
        return {name: session.scalar(sa.text(f'SELECT count(*) FROM "{name}"')) for name in names}


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00", "10000-01-01"])
def test_a_date_request_at_either_end_of_the_calendar_is_refused_and_writes_nothing(service, participation, day):
    camille, participation_id = participation
    before = _table_counts(service)
    answer = camille.post(f"/participations/{participation_id}/date-requests", json={"dates": [{"date": day, "format": "full_day"}]})
    assert 400 <= answer.status_code < 500 and answer.status_code != 404, answer.get_data(as_text=True)
    assert answer.mimetype == PROBLEM and answer.json["detail"]
    assert _table_counts(service) == before


def test_ten_thousand_dates_in_one_request_are_refused_and_write_nothing(service, participation):
    from datetime import date, timedelta

    camille, participation_id = participation
    first = date(date.today().year + 1, 1, 1)
    days = [{"date": (first + timedelta(days=n)).isoformat(), "format": "half_day"} for n in range(10_000)]
    before = _table_counts(service)
    answer = camille.post(f"/participations/{participation_id}/date-requests", json={"dates": days})
    assert answer.status_code == 413, answer.get_data(as_text=True)[:300]  # 450 Ko of JSON: over the body limit
    answer = camille.post(f"/participations/{participation_id}/date-requests", json={"dates": days[:61]})
    assert answer.status_code == 422, answer.get_data(as_text=True)[:300]  # small enough to read: over the count limit
    assert "60" in str(answer.json["errors"])
    attendance = camille.post(f"/participations/{participation_id}/attendance", json={"dates": [
        {"date": d["date"], "present": True} for d in days]})
    assert 400 <= attendance.status_code < 500, attendance.get_data(as_text=True)[:300]
    assert _table_counts(service) == before


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_retirement_date_at_either_end_of_the_calendar_is_refused(service, person, day):
    camille = person()
    answer = camille.patch("/me", json={"retirement_date": day})
    assert answer.status_code == 422, answer.get_data(as_text=True)
    assert answer.mimetype == PROBLEM and "retirement_date" in answer.json["errors"]
    assert camille.get("/me").json["retirement_date"] is None
