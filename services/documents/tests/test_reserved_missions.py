"""Issue 19, point 2, on documents's copy of missions: catalog's visibility rule does not apply here.

documents keeps missions only to write conventions, and answers for a convention, never for a mission: who reads is
`domain.may_read` (the parties), whatever the mission's reservation or status. A convention is the employee's and
their employer's: a mission later reserved to other companies, or closed, must not take it away from them, nor
show it to an employee of another company.
"""
OTHER_COMPANY = "7e7e7e7e-0000-4000-8000-000000000001"


def test_a_convention_on_a_reserved_mission_is_read_by_its_parties_and_by_nobody_else(service, approve, employee, tokens, story):
    reserved_to_horizon = story.example("catalog.mission.published", open_to_all_companies=False, company_ids=[story.company])
    service.deliver("engagement.company.updated", story.example("engagement.company.updated"))
    service.deliver("engagement.person.registered", story.example("engagement.person.registered"))
    assert service.deliver("catalog.mission.published", reserved_to_horizon) == "processed"
    approve(dates=(("2027-01-25", "full_day"),))
    # Then catalog reserves the mission to another company and closes it.
    assert service.deliver("catalog.mission.closed", {
        **reserved_to_horizon, "company_ids": [OTHER_COMPANY], "status": "closed", "updated_at": "2027-02-01T08:00:00+00:00",
    }) == "processed"

    (convention,) = service.client.get("/conventions", headers=employee).json["items"]
    paths = [f"/conventions/{convention['id']}", f"/conventions/{convention['id']}/versions/1.pdf"]
    parties = {
        "the employee": employee,
        "a referent of the association (no company)": tokens.headers("referent-nadia", roles=["association_referent"],
                                                                     associations=[story.association]),
        "an admin of the company": tokens.headers("admin-horizon", roles=["company_admin"], company_id=story.company),
    }
    for who, headers in parties.items():
        for path in paths:
            assert service.client.get(path, headers=headers).status_code == 200, f"{who} on {path}"
    # An employee of the company the mission is now reserved to is no party: told nothing exists.
    outsider = tokens.headers("employee-other", email="lea@autre.example", company_id=OTHER_COMPANY)
    for path in paths:
        assert service.client.get(path, headers=outsider).status_code == 404, path
    assert service.client.get("/conventions", headers=outsider).json == {"items": [], "total": 0}
