"""Who reads a convention, its PDFs and the bilan: the employee, the manager who approved, the association's
referents and the company's admins. Anyone else gets 404, as if nothing existed, and the refusal is logged."""
import logging
from datetime import timedelta

import pytest

from tandem_shared.timeutil import utcnow

OTHER_COMPANY = "7e7e7e7e-0000-4000-8000-000000000001"
OTHER_ASSOCIATION = "7e7e7e7e-0000-4000-8000-000000000002"


@pytest.fixture
def documents(service, parties, approve, employee, story):
    """Camille's convention, signed with its signed copy rendered, and her bilan; returns every document route."""
    data = approve(dates=(("2027-01-25", "full_day"),), decided_by=story.manager_id, via="team_view")
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    version = item["versions"][0]
    consent = service.client.get("/consent").json
    signed = service.client.post(f"/conventions/{item['id']}/signature", headers=employee, json={
        "version": 1, "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    assert signed.status_code == 201, signed.json
    (event,) = service.published("documents.convention.signed")
    service.deliver_event(event)
    service.deliver("engagement.bilan.completed", story.example("engagement.bilan.completed",
                                                                participation_id=data["participation_id"]))
    return [
        f"/conventions?participation={data['participation_id']}",
        f"/conventions/{item['id']}",
        f"/conventions/{item['id']}/versions/1.pdf",
        f"/conventions/{item['id']}/versions/1/signed.pdf",
        f"/bilans?participation={data['participation_id']}",
        f"/bilans/{data['participation_id']}.pdf",
    ]


def _readers(tokens, story):
    return {
        "the employee": tokens.headers(story.person, email="camille.martin@horizon.example", company_id=story.company),
        "the manager who approved (address)": tokens.headers("manager-sophie", email=story.manager.upper(), company_id=story.company),
        "the manager who approved (team view)": tokens.headers(story.manager_id, email="sophie.l@other-alias.example"),
        "a referent of the association": tokens.headers("referent-nadia", roles=["association_referent"],
                                                        email="referente@petits-savants.example", associations=[story.association]),
        "an admin of the company": tokens.headers("admin-horizon", roles=["employee", "company_admin"],
                                                  email="rh@horizon.example", company_id=story.company),
    }


def _strangers(tokens, story):
    return {
        "another employee of the company": tokens.headers("employee-bruno", email="bruno.petit@horizon.example", company_id=story.company),
        "a referent of another association": tokens.headers("referent-other", roles=["association_referent"],
                                                            email="ref@autre.example", associations=[OTHER_ASSOCIATION]),
        "an admin of another company": tokens.headers("admin-other", roles=["company_admin"], email="rh@autre.example",
                                                      company_id=OTHER_COMPANY),
        "an employee claiming the association without the role": tokens.headers("employee-claims", associations=[story.association]),
        "a platform operator": tokens.headers("operator", roles=["platform_operator"], email="ops@tandem.example"),
    }


def test_the_parties_read_every_document(service, documents, tokens, story):
    for who, headers in _readers(tokens, story).items():
        for path in documents:
            response = service.client.get(path, headers=headers)
            assert response.status_code == 200, f"{who} on {path}: {response.status_code}"
            if path.startswith(("/conventions?", "/bilans?")):
                assert response.json["total"] == 1, f"{who} on {path}"


def test_anyone_else_is_told_nothing_exists_and_the_refusal_is_logged(service, documents, tokens, story, caplog):
    for who, headers in _strangers(tokens, story).items():
        for path in documents:
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="documents"):
                response = service.client.get(path, headers=headers)
            if path.startswith(("/conventions?", "/bilans?")):
                assert response.status_code == 200 and response.json == {"items": [], "total": 0}, f"{who} on {path}"
            else:
                assert response.status_code == 404, f"{who} on {path}: {response.status_code}"
                assert response.mimetype == "application/problem+json"
            denials = [r for r in caplog.records if r.levelno == logging.WARNING and "denied to" in r.getMessage()]
            assert denials, f"no log line for {who} on {path}"


def test_an_unknown_document_and_a_forbidden_one_look_the_same(service, documents, tokens, story):
    stranger = _strangers(tokens, story)["another employee of the company"]
    forbidden = service.client.get(documents[1], headers=stranger)
    unknown = service.client.get("/conventions/00000000-0000-4000-8000-000000000000", headers=stranger)
    assert forbidden.status_code == unknown.status_code == 404
    assert forbidden.json == unknown.json


def test_without_a_participation_the_list_is_the_callers_own(service, documents, tokens, story, employee):
    assert service.client.get("/conventions", headers=employee).json["total"] == 1
    assert service.client.get("/bilans", headers=employee).json["total"] == 1
    # The manager reads Camille's convention through its participation, not as their own.
    manager = _readers(tokens, story)["the manager who approved (address)"]
    assert service.client.get("/conventions", headers=manager).json == {"items": [], "total": 0}


def test_every_document_route_needs_a_login(service, documents):
    for path in documents:
        assert service.client.get(path).status_code == 401, path


def test_the_manager_reader_is_who_decided_not_the_address_the_request_was_sent_to(service, parties, approve, employee, tokens, story):
    """Issue 19: the reader list follows the decision. An address that was only sent the request reads nothing."""
    approve(dates=(("2027-01-25", "full_day"),), manager_email="camille.perso@gmail.example", decided_by_email=story.manager.upper())
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    sent_to = tokens.headers("someone-perso", email="camille.perso@gmail.example")
    decider = tokens.headers("manager-sophie", email=story.manager, company_id=story.company)
    assert service.client.get(f"/conventions/{item['id']}", headers=sent_to).status_code == 404
    assert service.client.get(f"/conventions/{item['id']}", headers=decider).status_code == 200


def test_an_approval_from_before_decided_by_email_lets_its_manager_address_read(service, parties, employee, tokens, story):
    import uuid

    older = {**service.contract.examples("approval.request.approved")[0], "request_id": str(uuid.uuid4())}
    del older["decided_by_email"]
    assert service.deliver("approval.request.approved", older) == "processed"
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    manager = tokens.headers("manager-sophie", email=older["manager_email"], company_id=story.company)
    assert service.client.get(f"/conventions/{item['id']}", headers=manager).status_code == 200


def _disable(service, person_id, email, at):
    assert service.deliver("engagement.person.disabled", {
        "person_id": person_id, "email": email, "not_before": at.isoformat(), "disabled_at": at.isoformat()}) == "processed"


def _enable(service, person_id, email, at):
    assert service.deliver("engagement.person.updated", {
        "person_id": person_id, "email": email, "first_name": "Sophie", "last_name": "Laurent", "company_id": None,
        "entity_name": None, "roles": ["employee"], "association_ids": [], "status": "active", "at": at.isoformat()}) == "processed"


def test_the_next_holder_of_a_freed_address_reads_nothing_the_former_manager_decided(service, parties, approve, employee,
                                                                                        tokens, story):
    """Sophie decided with the e-mailed link (no person id), then her account was deleted and her address freed: whoever
    holds it next reads neither the convention nor the bilan. (Found by a review: `may_read` matched the address.)"""
    data = approve(dates=(("2027-01-25", "full_day"),), decided_by=None, via="link")
    service.deliver("engagement.bilan.completed", story.example("engagement.bilan.completed",
                                                                participation_id=data["participation_id"]))
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    paths = [f"/conventions/{item['id']}", f"/conventions/{item['id']}/versions/1.pdf", f"/bilans/{data['participation_id']}.pdf",
             f"/conventions?participation={data['participation_id']}"]
    sophie = tokens.headers("manager-sophie", email=story.manager, company_id=story.company)
    assert [service.client.get(path, headers=sophie).status_code for path in paths] == [200, 200, 200, 200]

    _disable(service, "manager-sophie", story.manager, utcnow() - timedelta(seconds=5))
    next_holder = tokens.headers("someone-new", email=story.manager.upper(), company_id=story.company)
    assert [service.client.get(path, headers=next_holder).status_code for path in paths[:3]] == [404, 404, 404]
    assert service.client.get(paths[3], headers=next_holder).json == {"items": [], "total": 0}
    # The next holder registering with the address takes nothing back; the same person enabled again does.
    _enable(service, "someone-new", story.manager, utcnow() + timedelta(seconds=1))
    assert service.client.get(paths[0], headers=next_holder).status_code == 404
    _enable(service, "manager-sophie", story.manager, utcnow() + timedelta(seconds=2))
    sophie_again = tokens.headers("manager-sophie", email=story.manager, company_id=story.company)
    assert service.client.get(paths[0], headers=sophie_again).status_code == 200


def test_an_approval_decided_after_the_address_changed_hands_is_read_by_its_new_holder(service, parties, approve, tokens,
                                                                                       story, employee):
    _disable(service, "manager-sophie", story.manager, utcnow() - timedelta(seconds=5))
    approve(dates=(("2027-02-15", "full_day"),), decided_by=None, via="link", decided_at=utcnow().isoformat())
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    next_holder = tokens.headers("someone-new", email=story.manager, company_id=story.company)
    assert service.client.get(f"/conventions/{item['id']}", headers=next_holder).status_code == 200


def test_a_manager_who_decided_from_the_team_view_keeps_reading_by_person_id_only(service, parties, approve, employee,
                                                                                   tokens, story):
    approve(dates=(("2027-01-25", "full_day"),), decided_by=story.manager_id, via="team_view")
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    _disable(service, story.manager_id, story.manager, utcnow() - timedelta(seconds=5))
    by_id = tokens.headers(story.manager_id, email="sophie.l@other-alias.example")
    by_address = tokens.headers("someone-new", email=story.manager)
    assert service.client.get(f"/conventions/{item['id']}", headers=by_id).status_code == 200
    assert service.client.get(f"/conventions/{item['id']}", headers=by_address).status_code == 404
