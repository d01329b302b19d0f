"""The notifier's copy of alert subscriptions follows engagement's events, and never goes back in time."""
from datetime import datetime, timezone

from notifier.models import AlertSubscription


def copy_of(service, person_id: str) -> AlertSubscription:
    with service.runtime.db.reading() as session:
        return session.get(AlertSubscription, person_id)


def test_preferences_are_copied_as_engagement_sent_them(service):
    data = service.contract.examples("engagement.preferences.updated")[0]
    assert service.deliver("engagement.preferences.updated", data) == "processed"
    row = copy_of(service, data["person_id"])
    assert row.email == "camille.martin@horizon.example"
    assert row.first_name == "Camille"
    assert row.company_id == "9d8c7b6a-1111-4222-8333-944455566677"
    assert row.themes == ["éducation / formation", "environnement"]
    assert row.professional_expertises == ["Audit / Conseil / MOA"]
    assert row.personal_expertises == ["Soutien scolaire", "Jardinage"]
    assert row.alerts_opt_in is True
    assert row.status == "active"
    assert row.as_of == datetime(2026, 11, 26, 10, 20, tzinfo=timezone.utc)


def test_newer_preferences_replace_the_copy(service, subscribe):
    subscribe("alice", updated_at="2026-11-26T10:00:00+00:00", themes=["environnement"])
    subscribe("alice", updated_at="2026-11-26T11:00:00+00:00", themes=["sports / loisirs"], alerts_opt_in=False)
    row = copy_of(service, "alice")
    assert (row.themes, row.alerts_opt_in) == (["sports / loisirs"], False)


def test_an_older_preferences_event_does_not_overwrite_a_newer_copy(service, subscribe):
    subscribe("alice", updated_at="2026-11-26T11:00:00+00:00", themes=["sports / loisirs"], alerts_opt_in=False,
              email="alice.new@horizon.example")
    subscribe("alice", updated_at="2026-11-26T10:00:00+00:00", themes=["environnement"], alerts_opt_in=True,
              email="alice.old@horizon.example")
    row = copy_of(service, "alice")
    assert (row.themes, row.alerts_opt_in, row.email) == (["sports / loisirs"], False, "alice.new@horizon.example")
    assert row.as_of == datetime(2026, 11, 26, 11, tzinfo=timezone.utc)


def test_an_older_person_update_does_not_bring_back_an_old_address(service, subscribe, person_updated):
    subscribe("alice", updated_at="2026-11-26T11:00:00+00:00", email="alice.new@horizon.example")
    person_updated("alice", email="alice.old@horizon.example", at="2026-11-26T09:00:00+00:00")
    assert copy_of(service, "alice").email == "alice.new@horizon.example"


def test_older_preferences_keep_their_interests_but_not_an_older_address(service, subscribe, person_updated):
    person_updated("alice", email="alice.new@horizon.example", at="2026-11-26T12:00:00+00:00")
    subscribe("alice", updated_at="2026-11-26T10:00:00+00:00", email="alice.old@horizon.example", themes=["environnement"])
    row = copy_of(service, "alice")
    assert (row.email, row.themes, row.alerts_opt_in) == ("alice.new@horizon.example", ["environnement"], True)


def test_disabling_a_person_keeps_their_token_cutoff_and_stops_their_alerts_in_one_event(service, subscribe):
    from notifier.models import token_cutoffs

    subscribe("eva")
    data = {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00", "disabled_at": "2026-11-27T09:00:00+00:00"}
    assert service.deliver("engagement.person.disabled", data) == "processed"
    assert copy_of(service, "eva").status == "disabled"
    with service.runtime.db.reading() as session:
        assert session.execute(token_cutoffs.select()).one().person_id == "eva"


def test_a_disabling_without_disabled_at_uses_not_before(service):
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00"})
    row = copy_of(service, "eva")
    assert (row.status, row.status_as_of) == ("disabled", datetime(2026, 11, 27, 9, tzinfo=timezone.utc))
