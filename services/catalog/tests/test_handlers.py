"""Catalog's copies of engagement's facts: referents, companies, preferences."""
from catalog.models import CompanyCopy, PreferencesCopy, Referent


def referents(service):
    with service.runtime.db.reading() as session:
        return sorted((r.person_id, r.association_id) for r in session.query(Referent).all())


def test_a_referents_associations_follow_engagements_events(service, referent_of):
    referent_of("p-1", ["a-1", "a-2"])
    assert referents(service) == [("p-1", "a-1"), ("p-1", "a-2")]
    referent_of("p-1", ["a-2"], at="2026-11-27T10:00:00+00:00")
    assert referents(service) == [("p-1", "a-2")]


def test_an_older_person_event_does_not_undo_a_newer_one(service, referent_of):
    referent_of("p-1", ["a-2"], at="2026-11-27T10:00:00+00:00")
    referent_of("p-1", ["a-1"], at="2026-11-26T10:00:00+00:00")
    assert referents(service) == [("p-1", "a-2")]


def test_a_disabled_person_no_longer_acts_for_any_association(service, referent_of):
    referent_of("p-1", ["a-1"])
    service.deliver("engagement.person.disabled", {"person_id": "p-1", "not_before": "2026-11-27T10:00:00+00:00", "disabled_at": "2026-11-27T10:00:00+00:00"})
    assert referents(service) == []


def test_companies_and_preferences_are_copied(service):
    example = service.contract.examples("engagement.company.updated")[0]
    service.deliver("engagement.company.updated", example)
    service.deliver("engagement.preferences.updated", service.contract.examples("engagement.preferences.updated")[0])
    with service.runtime.db.reading() as session:
        assert session.get(CompanyCopy, example["company_id"]).name == "Groupe Horizon"
        assert session.query(PreferencesCopy).one().themes == ["éducation / formation", "environnement"]
