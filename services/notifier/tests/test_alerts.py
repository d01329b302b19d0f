"""Alerts: a published mission reaches, once, each opted-in active person whose preferences match it."""
import pytest

from notifier.models import AlertSent, Email

CONTACT = "contact@petits-savants.org"
OTHER_COMPANY = "1b2c3d4e-2222-4333-8444-955566677788"


def alerts(service) -> list[Email]:
    """The alert e-mails queued so far (the association contact's e-mail left aside), oldest first."""
    with service.runtime.db.reading() as session:
        return session.query(Email).filter(Email.recipient != CONTACT).order_by(Email.created_at, Email.recipient).all()


def alerted(service) -> list[str]:
    return [email.recipient for email in alerts(service)]


def publish(service, mission, event_id=None, **changes) -> str:
    return service.deliver("catalog.mission.published", {**mission, **changes}, event_id=event_id)


def test_an_opted_in_person_whose_preferences_match_receives_an_alert_with_the_mission_sheet_link(service, subscribe, mission_published):
    subscribe("alice")
    assert publish(service, mission_published) == "processed"
    (alert,) = alerts(service)
    assert alert.recipient == "alice@horizon.example"
    assert alert.event_type == "catalog.mission.published"
    assert alert.subject == "Une nouvelle mission correspond à tes préférences : « Aide aux devoirs pour collégiens »"
    body = alert.body_text
    assert body.startswith("Bonjour Alice,\n\nUne nouvelle mission correspond à tes préférences sur Tandem")
    assert "« Aide aux devoirs pour collégiens »" in body
    assert "Association : Les Petits Savants" in body
    assert "Lieu : Lyon (69)" in body
    assert "Format : 1/2 journée" in body
    assert mission_published["url"] in body
    assert "Mon compte > Mes préférences" in body


def test_each_matching_person_is_alerted_once_and_the_others_not_at_all(service, subscribe, person_updated, mission_published):
    subscribe("alice")
    subscribe("bruno", alerts_opt_in=False)
    subscribe("chloe", themes=["sports / loisirs"], personal_expertises=["Jardinage"], professional_expertises=["Marketing / Communication"])
    subscribe("denis", company_id=OTHER_COMPANY)
    subscribe("eva")
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    subscribe("farid")
    reserved = {"open_to_all_companies": False, "company_ids": ["9d8c7b6a-1111-4222-8333-944455566677"]}

    assert publish(service, mission_published, event_id="m-1", **reserved) == "processed"
    assert publish(service, mission_published, event_id="m-1", **reserved) == "duplicate"
    assert publish(service, mission_published, event_id="m-2", **reserved) == "processed"

    assert alerted(service) == ["alice@horizon.example", "farid@horizon.example"]


def test_the_same_event_delivered_twice_alerts_once(service, subscribe, mission_published):
    subscribe("alice")
    assert publish(service, mission_published, event_id="m-1") == "processed"
    assert publish(service, mission_published, event_id="m-1") == "duplicate"
    assert alerted(service) == ["alice@horizon.example"]


def test_a_mission_published_again_under_a_new_event_id_alerts_nobody_twice(service, subscribe, mission_published):
    subscribe("alice")
    publish(service, mission_published, event_id="m-1")
    subscribe("bruno")
    publish(service, mission_published, event_id="m-2")
    # Alice already knows; Bruno, who subscribed in between, hears of it once.
    assert alerted(service) == ["alice@horizon.example", "bruno@horizon.example"]
    publish(service, mission_published, event_id="m-3")
    assert alerted(service) == ["alice@horizon.example", "bruno@horizon.example"]
    with service.runtime.db.reading() as session:
        assert {(row.person_id, row.event_id) for row in session.query(AlertSent)} == {("alice", "m-1"), ("bruno", "m-2")}


def test_another_mission_alerts_the_same_person_again(service, subscribe, mission_published):
    subscribe("alice")
    publish(service, mission_published)
    publish(service, mission_published, id="6c1f8d2f-3a62-4b90-8a6d-7b4e3d2c1b00", title="Atelier lecture")
    assert alerted(service) == ["alice@horizon.example", "alice@horizon.example"]


def test_a_person_who_did_not_opt_in_gets_no_alert(service, subscribe, mission_published):
    subscribe("bruno", alerts_opt_in=False)
    publish(service, mission_published)
    assert alerted(service) == []


def test_a_person_who_opts_out_gets_no_more_alerts(service, subscribe, mission_published):
    subscribe("alice", updated_at="2026-11-26T10:00:00+00:00")
    subscribe("alice", updated_at="2026-11-26T11:00:00+00:00", alerts_opt_in=False)
    publish(service, mission_published)
    assert alerted(service) == []


def test_a_person_whose_preferences_do_not_match_gets_no_alert(service, subscribe, mission_published):
    subscribe("chloe", themes=["sports / loisirs"], personal_expertises=["Jardinage"], professional_expertises=["Marketing / Communication"])
    publish(service, mission_published)
    assert alerted(service) == []


@pytest.mark.parametrize("shared", [
    {"themes": ["enfance / famille"]},
    {"professional_expertises": ["Informatique / Web"]},
    {"personal_expertises": ["Soutien scolaire"]},
])
def test_one_shared_theme_or_expertise_is_enough_to_match(service, subscribe, mission_published, shared):
    nothing = {"themes": [], "professional_expertises": [], "personal_expertises": []}
    subscribe("alice", **{**nothing, **shared})
    publish(service, mission_published, themes=["enfance / famille"], professional_expertises=["Informatique / Web"],
            personal_expertises=["Soutien scolaire"])
    assert alerted(service) == ["alice@horizon.example"]


def test_a_mission_reserved_for_other_companies_alerts_nobody_outside_them(service, subscribe, mission_published):
    subscribe("alice")
    subscribe("denis", company_id=OTHER_COMPANY)
    subscribe("gaelle", company_id=None)
    publish(service, mission_published, open_to_all_companies=False, company_ids=[OTHER_COMPANY])
    assert alerted(service) == ["denis@horizon.example"]


def test_a_mission_reserved_for_no_company_alerts_nobody(service, subscribe, mission_published):
    subscribe("alice")
    publish(service, mission_published, open_to_all_companies=False, company_ids=[])
    assert alerted(service) == []


def test_a_disabled_person_gets_no_alert(service, subscribe, mission_published):
    subscribe("eva")
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    publish(service, mission_published)
    assert alerted(service) == []


def test_late_preferences_do_not_revive_the_alerts_of_a_disabled_person(service, subscribe, mission_published):
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    subscribe("eva", updated_at="2026-11-26T10:00:00+00:00")
    publish(service, mission_published)
    assert alerted(service) == []


def test_a_person_enabled_again_is_alerted_again(service, subscribe, person_updated, mission_published):
    subscribe("eva")
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    person_updated("eva", status="active", at="2026-11-28T09:00:00+00:00")
    publish(service, mission_published)
    assert alerted(service) == ["eva@horizon.example"]


def test_a_late_update_from_before_the_disabling_does_not_enable_the_person_again(service, subscribe, person_updated, mission_published):
    subscribe("eva")
    service.deliver("engagement.person.disabled", {"person_id": "eva", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    person_updated("eva", status="active", at="2026-11-26T12:00:00+00:00")
    publish(service, mission_published)
    assert alerted(service) == []


@pytest.mark.parametrize("status", ["disabled", "invited"])
def test_a_person_whose_status_is_not_active_gets_no_alert(service, subscribe, person_updated, mission_published, status):
    subscribe("eva")
    person_updated("eva", status=status, at="2026-11-27T09:00:00+00:00")
    publish(service, mission_published)
    assert alerted(service) == []


def test_the_alert_goes_to_the_address_the_person_has_now(service, subscribe, person_updated, mission_published):
    subscribe("alice", updated_at="2026-11-26T10:00:00+00:00")
    person_updated("alice", email="Alice.Durand@Horizon.example", first_name="Alicia", at="2026-11-27T09:00:00+00:00")
    publish(service, mission_published)
    (alert,) = alerts(service)
    assert alert.recipient == "alice.durand@horizon.example"
    assert alert.body_text.startswith("Bonjour Alicia,")


def test_a_deleted_account_is_forgotten_and_never_alerted(service, subscribe, person_updated, mission_published):
    from notifier.models import AlertSubscription

    subscribe("alice")
    service.deliver("engagement.person.disabled", {"person_id": "alice", "not_before": "2026-11-27T09:00:00+00:00",
                                                   "disabled_at": "2026-11-27T09:00:00+00:00"})
    person_updated("alice", email="supprime-alice@invalid.tandem", first_name="Compte", status="deleted",
                   company_id=None, at="2026-11-27T09:00:00+00:00")
    # Preferences saved before the deletion but delivered after it bring nothing back.
    subscribe("alice", updated_at="2026-11-27T08:00:00+00:00")
    publish(service, mission_published)
    assert alerted(service) == []
    with service.runtime.db.reading() as session:
        row = session.get(AlertSubscription, "alice")
        assert (row.email, row.first_name, row.themes, row.alerts_opt_in, row.status) == (None, None, [], False, "deleted")


def test_a_mission_published_before_the_catalog_extension_still_reaches_its_contact_and_alerts_nobody(service, subscribe):
    subscribe("alice")
    legacy = service.contract.examples("catalog.mission.published")[1]
    assert "themes" not in legacy
    assert service.deliver("catalog.mission.published", legacy) == "processed"
    with service.runtime.db.reading() as session:
        assert [email.recipient for email in session.query(Email)] == [CONTACT]


def test_the_association_contact_receives_one_email_even_when_also_alerted(service, subscribe, mission_published):
    subscribe("contact", email=CONTACT)
    publish(service, mission_published)
    with service.runtime.db.reading() as session:
        (email,) = session.query(Email).all()
    assert email.recipient == CONTACT
    assert email.subject.startswith("Ta mission")


def test_an_alert_without_a_known_place_or_format_leaves_those_lines_out(service, subscribe, mission_published):
    subscribe("alice")
    publish(service, mission_published, city=None, department=None, format=None)
    (alert,) = alerts(service)
    assert "Lieu :" not in alert.body_text
    assert "Format :" not in alert.body_text


def test_a_publication_announced_more_than_a_day_late_alerts_nobody(service, subscribe, mission_published):
    """Issue 16 (11): the demo announces at its first start missions published over the past weeks; that is not news.
    The association contact still hears of it."""
    from datetime import datetime, timedelta, timezone

    subscribe("alice")
    old = (datetime.now(timezone.utc) - timedelta(days=2)).isoformat()
    assert publish(service, mission_published, published_at=old) == "processed"
    assert alerted(service) == []
    with service.runtime.db.reading() as session:
        assert [email.recipient for email in session.query(Email).all()] == [mission_published["contact_email"]]
    # Published a moment ago, the same mission under another id alerts as usual.
    assert publish(service, mission_published, id="m-fresh") == "processed"
    assert alerted(service) == ["alice@horizon.example"]
