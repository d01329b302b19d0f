"""Issue 19, point 2: a mission reserved to some companies is, in engagement, what it is in catalog.

Catalog answers 404 to an employee of another company; engagement's copy of the mission must not tell them more:
not the copy, not a favourite, not a share, not an application. The person who already participates keeps
their participation in « MES MISSIONS » whatever happens to the mission afterwards.
"""
from datetime import date

import pytest

from engagement import domain

ASSOCIATION_ID = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"  # the association of catalog's mission example
NEXT_YEAR = date.today().year + 1
UNKNOWN_COPY = "Cette mission n'est pas (encore) connue."
NOT_ONLINE = "Cette mission n'existe pas ou n'est plus en ligne."


@pytest.fixture
def horizon_employee(person):
    return person(email="camille.martin@horizon.test")


@pytest.fixture
def sso_employee(person):
    return person(email="jean.roy@sso.test", first_name="Jean", last_name="Roy", company_id="c-sso", entity_id="e-sso")


@pytest.fixture
def reserved_to_sso(publish_mission):
    """A mission Groupe Horizon's people do not see in catalog: reserved to Société SSO."""
    return publish_mission(title="Mentorat réservé", open_to_all_companies=False, company_ids=["c-sso"])


def share(caller, mission_id):
    return caller.post(f"/missions/{mission_id}/share", json={"recipients": ["lucas.bernard@horizon.test"], "message": "Regarde !"})


def apply(caller, mission_id):
    return caller.post("/applications", json={"mission_id": mission_id, "message": "Bonjour, je souhaite vous aider.",
                                              "phone": "06 12 34 56 78", "year": NEXT_YEAR})


def test_an_employee_of_another_company_gets_the_same_404_as_for_an_unknown_mission(service, horizon_employee, reserved_to_sso):
    for mission_id in (reserved_to_sso, "m-inconnue"):
        copy = horizon_employee.get(f"/missions/{mission_id}")
        assert (copy.status_code, copy.json["detail"]) == (404, UNKNOWN_COPY)
        for response in (horizon_employee.put(f"/me/favorites/{mission_id}"), share(horizon_employee, mission_id),
                         horizon_employee.get(f"/applications/draft?mission_id={mission_id}"), apply(horizon_employee, mission_id)):
            assert (response.status_code, response.json["detail"]) == (404, NOT_ONLINE)
    # Nothing was written nor sent: no favourite, no share e-mail, no application.
    assert horizon_employee.get("/me/favorites").json == {"items": [], "total": 0}
    assert service.published("engagement.mission.shared") == []
    assert service.published("engagement.application.submitted") == []


def test_an_employee_of_the_company_it_is_reserved_to_uses_it_as_any_other(service, sso_employee, reserved_to_sso):
    copy = sso_employee.get(f"/missions/{reserved_to_sso}")
    assert (copy.status_code, copy.json["title"]) == (200, "Mentorat réservé")
    assert sso_employee.put(f"/me/favorites/{reserved_to_sso}").status_code == 200
    assert [item["mission_id"] for item in sso_employee.get("/me/favorites").json["items"]] == [reserved_to_sso]
    assert share(sso_employee, reserved_to_sso).status_code == 202
    (shared,) = service.published("engagement.mission.shared")
    assert shared.data["mission_id"] == reserved_to_sso
    assert apply(sso_employee, reserved_to_sso).status_code == 201


def test_a_favourite_is_listed_only_while_its_mission_is_visible(service, sso_employee, publish_mission):
    mission_id = publish_mission(title="Ouverte à tous")
    assert sso_employee.put(f"/me/favorites/{mission_id}").status_code == 200
    reserved = {"open_to_all_companies": False, "company_ids": ["c-horizon"]}
    publish_mission(mission_id, title="Ouverte à tous", updated_at="2026-11-27T08:00:00+00:00", **reserved)
    assert sso_employee.get("/me/favorites").json == {"items": [], "total": 0}
    # Open to every company again: the favourite, still saved, is back.
    publish_mission(mission_id, title="Ouverte à tous", updated_at="2026-11-28T08:00:00+00:00")
    assert sso_employee.get("/me/favorites").json["total"] == 1


def test_a_participant_keeps_their_mission_when_it_is_reserved_elsewhere_or_closed(service, sso_employee, reserved_to_sso, publish_mission):
    applied = apply(sso_employee, reserved_to_sso)
    assert applied.status_code == 201
    publish_mission(reserved_to_sso, title="Mentorat réservé", status="closed", updated_at="2026-12-01T08:00:00+00:00",
                    open_to_all_companies=False, company_ids=["c-horizon"])
    (mine,) = sso_employee.get("/me/participations").json["items"]
    assert mine["id"] == applied.json["id"]
    assert sso_employee.get(f"/participations/{applied.json['id']}").status_code == 200
    # …but the mission itself is no longer theirs to see, share or favourite, as in catalog.
    assert sso_employee.get(f"/missions/{reserved_to_sso}").status_code == 404
    assert share(sso_employee, reserved_to_sso).status_code == 404


def test_the_associations_referents_and_operators_see_its_reserved_and_closed_missions(person, horizon_employee, publish_mission):
    referent = person(email="amina@petits-savants.example", roles=("association_referent",), company_id=None, entity_id=None,
                      association_ids=(ASSOCIATION_ID,))
    other_referent = person(email="paul@autre.example", roles=("association_referent",), company_id=None, entity_id=None,
                            association_ids=("autre-association",))
    operator = person(email="ops@tandem.example", roles=("platform_operator",), company_id=None, entity_id=None)
    reserved = publish_mission(open_to_all_companies=False, company_ids=["c-sso"])
    closed = publish_mission(status="closed")
    for mission_id in (reserved, closed):
        assert referent.get(f"/missions/{mission_id}").status_code == 200
        assert operator.get(f"/missions/{mission_id}").status_code == 200
        assert other_referent.get(f"/missions/{mission_id}").status_code == 404
        assert horizon_employee.get(f"/missions/{mission_id}").status_code == 404
    # Seeing a closed mission is not acting on it: nobody shares or favourites a mission that is no longer online.
    assert referent.put(f"/me/favorites/{closed}").status_code == 404
    assert share(operator, closed).status_code == 404


def test_engagements_record_of_roles_decides_not_the_tokens_claims(service, tokens, person, publish_mission):
    from engagement.models import Person, PersonRole

    amina = person(email="amina@petits-savants.example", roles=("employee",), company_id="c-horizon", association_ids=(ASSOCIATION_ID,))
    reserved = publish_mission(open_to_all_companies=False, company_ids=["c-sso"])
    headers = tokens.headers(amina.id, roles=["association_referent"], associations=[ASSOCIATION_ID], company_id="c-horizon")
    # Her token claims the referent role, engagement has withdrawn it: she sees what any Groupe Horizon employee sees.
    assert service.client.get(f"/missions/{reserved}", headers=headers).status_code == 404
    with service.runtime.unit_of_work() as uow:
        row = uow.session.get(Person, amina.id)
        row.roles.append(PersonRole(role="association_referent"))
    assert service.client.get(f"/missions/{reserved}", headers=headers).status_code == 200


def test_a_token_for_someone_engagement_keeps_no_record_of_is_read_as_catalog_reads_it(service, tokens, reserved_to_sso):
    """Service tooling (and the cross-service tests) read copies with a bare operator token."""
    assert service.client.get(f"/missions/{reserved_to_sso}", headers=tokens.headers("outil", company_id="c-horizon")).status_code == 404
    assert service.client.get(f"/missions/{reserved_to_sso}", headers=tokens.headers("outil", company_id="c-sso")).status_code == 200
    assert service.client.get(f"/missions/{reserved_to_sso}", headers=tokens.headers("op-1", roles=["platform_operator"])).status_code == 200
    # Association rights are engagement's records only, never a token's claim.
    claimed = tokens.headers("outil", roles=["association_referent"], associations=[ASSOCIATION_ID])
    assert service.client.get(f"/missions/{reserved_to_sso}", headers=claimed).status_code == 404


def test_a_disabled_person_is_not_a_viewer(service, horizon_employee, publish_mission):
    from engagement.models import Person

    mission_id = publish_mission()
    with service.runtime.unit_of_work() as uow:
        uow.session.get(Person, horizon_employee.id).status = domain.PersonStatus.DISABLED.value
    assert horizon_employee.get(f"/missions/{mission_id}").status_code == 401
