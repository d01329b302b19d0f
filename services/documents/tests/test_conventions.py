"""Conventions from approvals: one per participation × civil year, a new version for every approved request,
old versions kept as they were, never two versions for one request."""
import hashlib
import logging
import uuid

import pytest
import sqlalchemy as sa

from documents.domain import MissingParty
from documents.models import ApprovedRequest, Convention, ConventionVersion


def versions(service):
    with service.runtime.db.reading() as session:
        return session.execute(
            sa.select(ConventionVersion.number, ConventionVersion.dates, ConventionVersion.sha256, ConventionVersion.total_days)
            .order_by(ConventionVersion.number)).all()


def conventions_of(service, employee):
    response = service.client.get("/conventions", headers=employee)
    assert response.status_code == 200, response.json
    return response.json["items"]


def test_the_first_approval_renders_version_1_naming_both_parties_the_dates_and_the_total(
        service, parties, approve, issued, employee, pdf_text, story):
    data = approve(dates=(("2027-01-25", "full_day"), ("2027-01-28", "half_day")))
    (convention,) = conventions_of(service, employee)
    assert convention["state"] == "to_sign" and convention["current_version"] == 1 and convention["signed_version"] is None
    (version,) = convention["versions"]
    pdf = service.client.get(version["pdf_url"], headers=employee).data
    assert hashlib.sha256(pdf).hexdigest() == version["sha256"]
    text = pdf_text(pdf)
    for expected in ("Groupe Horizon", "Claire Dumas", "Les Petits Savants", "Hélène Moreau", "Camille Martin",
                     "Aide aux devoirs pour collégiens", "25 janvier 2027", "28 janvier 2027", "1,5 jour"):
        assert expected in text, f"« {expected} » missing from the convention"

    (event,) = issued()
    assert event == {
        "convention_id": convention["id"], "participation_id": data["participation_id"], "person_id": story.person,
        "person_name": "Camille Martin", "person_email": "camille.martin@horizon.example", "mission_id": story.mission,
        "mission_title": "Aide aux devoirs pour collégiens", "association_name": "Les Petits Savants", "year": 2027,
        "version": 1, "previous_version": None,
        "dates": [{"date": "2027-01-25", "format": "full_day"}, {"date": "2027-01-28", "format": "half_day"}],
        "total_days": 1.5, "sha256": version["sha256"], "issued_at": event["issued_at"],
        "sign_url": f"http://tandem.test/mon-compte/conventions/{convention['id']}",
    }
    (published,) = service.published("documents.convention.issued")
    assert published.subject == convention["id"]


def test_added_dates_make_version_2_with_every_date_and_version_1_stays_as_it_was(
        service, parties, approve, issued, employee, pdf_text):
    approve(dates=(("2027-01-25", "full_day"), ("2027-01-28", "half_day")))
    (convention,) = conventions_of(service, employee)
    v1_url, v1_sha = convention["versions"][0]["pdf_url"], convention["versions"][0]["sha256"]
    v1_pdf = service.client.get(v1_url, headers=employee).data

    approve(dates=(("2027-02-01", "full_day"),), kind="additional")
    (convention,) = conventions_of(service, employee)
    assert convention["current_version"] == 2 and convention["state"] == "to_sign"
    v1, v2 = convention["versions"]
    assert (v1["current"], v2["current"]) == (False, True)
    assert [d["date"] for d in v2["dates"]] == ["2027-01-25", "2027-01-28", "2027-02-01"]
    assert v2["dates"][2]["label"] == "Lundi 1er février 2027 — journée"
    assert v2["total_days"] == 2.5
    assert "1er février 2027" in pdf_text(service.client.get(v2["pdf_url"], headers=employee).data)

    again = service.client.get(v1_url, headers=employee).data
    assert again == v1_pdf and hashlib.sha256(again).hexdigest() == v1_sha == v1["sha256"]
    assert "février" not in pdf_text(again)
    assert [(e["version"], e["previous_version"], e["total_days"]) for e in issued()] == [(1, None, 1.5), (2, 1, 2.5)]


def test_a_redelivered_or_republished_approval_never_makes_a_second_version(service, parties, story, issued):
    data = story.approval((("2027-01-25", "full_day"),))
    assert service.deliver("approval.request.approved", data, event_id="approval-event-1") == "processed"
    # The broker redelivers the same event…
    assert service.deliver("approval.request.approved", data, event_id="approval-event-1") == "duplicate"
    # …and approval's relay republishes the same decision under a new event id.
    assert service.deliver("approval.request.approved", data, event_id="approval-event-2") == "processed"
    assert [number for number, *_ in versions(service)] == [1]
    assert len(issued()) == 1


def test_one_convention_per_participation_and_civil_year(service, parties, approve):
    first = approve()
    approve(participation_id=first["participation_id"], dates=(("2027-03-01", "full_day"),))
    approve(participation_id=str(uuid.uuid4()), dates=(("2027-03-02", "full_day"),))  # another participation
    with service.runtime.db.reading() as session:
        rows = session.execute(sa.select(Convention.participation_id, Convention.current_version)).all()
    assert sorted(version for _, version in rows) == [1, 2]


def test_a_date_outside_the_conventions_year_is_refused(service, parties, story):
    data = story.approval((("2028-01-10", "full_day"),), year=2027)
    with pytest.raises(Exception, match="n'est pas dans l'année 2027"):
        service.deliver("approval.request.approved", data)
    assert versions(service) == []


@pytest.mark.parametrize("missing", ["engagement.company.updated", "engagement.person.registered", "catalog.mission.published"])
def test_an_approval_naming_an_unknown_party_fails_loudly_and_changes_nothing(service, story, missing, caplog):
    for event_type in ("engagement.company.updated", "engagement.person.registered", "catalog.mission.published"):
        if event_type != missing:
            service.deliver(event_type, story.example(event_type))
    data = story.approval((("2027-01-25", "full_day"),))
    with caplog.at_level(logging.ERROR, logger="documents"), pytest.raises(MissingParty, match="missing party"):
        service.deliver("approval.request.approved", data, event_id="approval-event")
    assert any("missing party" in record.getMessage() for record in caplog.records)
    # Not acknowledged: nothing recorded, so the redelivery (or the replay from documents.dead) runs it again.
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ApprovedRequest)) == 0
    assert service.published() == []
    service.deliver(missing, story.example(missing))
    assert service.deliver("approval.request.approved", data, event_id="approval-event") == "processed"
    assert [number for number, *_ in versions(service)] == [1]


def test_the_next_version_follows_the_parties_changes(service, parties, approve, story, employee, pdf_text):
    approve(dates=(("2027-01-25", "full_day"),))
    service.deliver("engagement.company.updated", story.example(
        "engagement.company.updated", representative_name="Paul Girard", updated_at="2026-12-01T08:00:00+00:00"))
    # An older state arriving late changes nothing.
    service.deliver("engagement.company.updated", story.example(
        "engagement.company.updated", representative_name="Ancien Représentant", updated_at="2026-01-01T08:00:00+00:00"))
    approve(dates=(("2027-02-01", "full_day"),))
    (convention,) = conventions_of(service, employee)
    v1, v2 = (pdf_text(service.client.get(v["pdf_url"], headers=employee).data) for v in convention["versions"])
    assert "Claire Dumas" in v1 and "Paul Girard" not in v1
    assert "Paul Girard" in v2 and "Ancien Représentant" not in v2


def test_a_withdrawal_takes_the_dates_out_and_leaves_nothing_to_sign(service, parties, approve, employee, story, issued):
    data = approve(dates=(("2027-01-25", "full_day"),))
    cancelled = {**story.example("engagement.dates.cancelled"), "request_id": data["request_id"],
                 "participation_id": data["participation_id"], "dates": data["dates"], "reason": "withdrawn"}
    service.deliver("engagement.dates.cancelled", cancelled)
    (convention,) = conventions_of(service, employee)
    assert convention["state"] == "withdrawn"
    assert [v["current"] for v in convention["versions"]] == [False]
    assert len(issued()) == 1
    # The participation reopens (the employee applied again) and new dates are approved: a new version, only those.
    approve(participation_id=data["participation_id"], dates=(("2027-03-01", "half_day"),))
    (convention,) = conventions_of(service, employee)
    assert convention["state"] == "to_sign" and convention["current_version"] == 2
    assert [d["date"] for d in convention["versions"][1]["dates"]] == ["2027-03-01"]


def test_withdrawn_dates_leave_the_convention_in_a_new_version_when_others_remain(service, parties, approve, employee, story, issued):
    first = approve(dates=(("2027-01-25", "full_day"),))
    second = approve(participation_id=first["participation_id"], dates=(("2027-02-01", "half_day"),))
    cancelled = {**story.example("engagement.dates.cancelled"), "request_id": second["request_id"],
                 "participation_id": first["participation_id"], "dates": second["dates"]}
    service.deliver("engagement.dates.cancelled", cancelled)
    service.deliver("engagement.dates.cancelled", cancelled)  # under a new event id: nothing more
    (convention,) = conventions_of(service, employee)
    assert [[d["date"] for d in v["dates"]] for v in convention["versions"]] == [
        ["2027-01-25"], ["2027-01-25", "2027-02-01"], ["2027-01-25"]]
    assert convention["current_version"] == 3
    assert [e["version"] for e in issued()] == [1, 2, 3]


def test_a_cancellation_that_overtakes_its_approval_keeps_the_dates_out(service, parties, story, issued):
    data = story.approval((("2027-01-25", "full_day"),))
    service.deliver("engagement.dates.cancelled", {**story.example("engagement.dates.cancelled"), "request_id": data["request_id"],
                                                   "participation_id": data["participation_id"], "dates": data["dates"]})
    service.deliver("approval.request.approved", data)
    assert versions(service) == [] and issued() == []
