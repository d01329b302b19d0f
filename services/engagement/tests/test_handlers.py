"""Engagement's reactions to catalog's events, run through the inbox as the consumer runs them."""
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
