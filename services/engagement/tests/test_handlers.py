"""Engagement's reactions to catalog's events, run through the inbox as the consumer runs them."""
from engagement import domain
from engagement.models import MissionCopy

def copies(service):
    with service.runtime.db.reading() as session:
        return session.query(MissionCopy).all()


def test_a_published_mission_is_copied(service, mission_published):
    assert service.deliver("catalog.mission.published", mission_published) == "processed"
    (copy,) = copies(service)
    assert (copy.id, copy.title, copy.association_name, copy.status) == ("m-1", "Aide aux devoirs", "Les Petits Savants", "published")


def test_the_same_event_delivered_twice_changes_nothing(service, mission_published):
    assert service.deliver("catalog.mission.published", mission_published, event_id="e-1") == "processed"
    assert service.deliver("catalog.mission.published", {**mission_published, "title": "Autre titre"}, event_id="e-1") == "duplicate"
    (copy,) = copies(service)
    assert copy.title == "Aide aux devoirs"


def test_an_older_event_arriving_late_does_not_overwrite_the_copy(service, mission_published):
    service.deliver("catalog.mission.published", {**mission_published, "title": "Titre récent", "published_at": "2026-11-26T12:00:00+00:00"})
    service.deliver("catalog.mission.published", {**mission_published, "title": "Titre ancien", "published_at": "2026-11-26T09:00:00+00:00"})
    (copy,) = copies(service)
    assert copy.title == "Titre récent"


def test_a_malformed_event_fails_and_leaves_nothing_behind(service, mission_published):
    import pytest
    from marshmallow import ValidationError

    with pytest.raises(ValidationError):
        service.deliver("catalog.mission.published", {"id": "m-2"}, event_id="bad-1")
    assert copies(service) == []
    # The failed attempt did not record the event as seen: a fixed replay will be processed.
    assert service.deliver("catalog.mission.published", {**mission_published, "id": "m-2"}, event_id="bad-1") == "processed"


def test_the_copy_keeps_what_the_workflow_needs_and_older_events_still_load(service, mission_published):
    older = {key: value for key, value in mission_published.items()
             if key not in ("association_id", "contact_name", "contact_email", "contact_phone", "open_to_all_companies", "company_ids")}
    assert service.deliver("catalog.mission.published", older) == "processed"
    (copy,) = copies(service)
    assert (copy.association_id, copy.contact_email, copy.open_to_all_companies, copy.company_ids) == (None, None, True, [])
    reserved = {**mission_published, "open_to_all_companies": False, "company_ids": ["c-horizon"], "updated_at": "2026-11-27T08:00:00+00:00"}
    assert service.deliver("catalog.mission.updated", reserved) == "processed"
    (copy,) = copies(service)
    assert copy.association_id == "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"
    assert (copy.contact_name, copy.contact_email, copy.contact_phone) == ("Amina Benali", "referente@petits-savants.example", "06 12 34 56 78")
    assert (copy.open_to_all_companies, copy.company_ids) == (False, ["c-horizon"])
    assert [domain.mission_visible_to(copy, domain.MissionViewer(company_id)) for company_id in ("c-horizon", "c-other", None)] == [True, False, False]


def test_a_decision_on_a_request_engagement_does_not_know_changes_nothing(service):
    example = service.contract.examples("approval.request.approved")[0]
    assert service.deliver("approval.request.approved", {**example, "request_id": "inconnue"}) == "processed"
    assert service.published() == []
