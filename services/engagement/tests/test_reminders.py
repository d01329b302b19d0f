"""`engagement-worker reminders`: nudges for applications without dates and pending bilans, once per ISO week."""
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from engagement.reminders import send_reminders
from engagement.worker import build_cli

MONDAY = date(2030, 3, 4)  # the clock is engagement's, moved by the test: these dates never depend on today
ASSOCIATION_ID = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"


@pytest.fixture
def camille(person):
    return person(manager_email="sophie.laurent@horizon.test")


@pytest.fixture
def applied(camille, publish_mission, clock):
    clock.at(MONDAY)
    response = camille.post("/applications", json={"mission_id": publish_mission(), "message": "Bonjour, je souhaite vous aider.",
                                                   "phone": "06 12 34 56 78"})
    assert response.status_code == 201, response.json
    return response.json["id"]


def reminders(service, kind=None):
    return [e.data for e in service.published("engagement.reminder.due") if kind is None or e.data["kind"] == kind]


def at(clock, day, hour=12):
    return clock.at(day, hour)


def test_an_application_without_dates_is_reminded_after_n_days_once_per_week(service, camille, applied, clock):
    runtime = service.runtime
    send_reminders(runtime, at(clock, MONDAY + timedelta(days=6)), application_days=7, bilan_days=7)
    assert reminders(service) == []

    result = send_reminders(runtime, at(clock, MONDAY + timedelta(days=7)), application_days=7, bilan_days=7)
    assert result.sent == {"application_without_dates": 1, "bilan_pending": 0}
    (reminder,) = reminders(service)
    assert reminder["participation_id"] == applied and reminder["period"] == "2030-W11"
    assert reminder["person_email"] == camille.email
    assert reminder["referent_email"] == "referente@petits-savants.example"
    assert reminder["due_since"].startswith("2030-03-11T11:00:00")  # noon in Paris, seven days after applying

    again = send_reminders(runtime, at(clock, MONDAY + timedelta(days=11)), application_days=7, bilan_days=7)
    assert again.sent["application_without_dates"] == 0 and again.already_sent == 1
    assert len(reminders(service)) == 1

    send_reminders(runtime, at(clock, MONDAY + timedelta(days=14)), application_days=7, bilan_days=7)
    assert [r["period"] for r in reminders(service)] == ["2030-W11", "2030-W12"]


def test_an_application_with_dates_is_not_reminded(service, camille, applied, clock):
    body = {"dates": [{"date": (MONDAY + timedelta(days=15)).isoformat(), "format": "full_day"}]}
    assert camille.post(f"/participations/{applied}/date-requests", json=body).status_code == 201
    send_reminders(service.runtime, at(clock, MONDAY + timedelta(days=8)), application_days=7, bilan_days=7)
    assert reminders(service) == []


def test_a_pending_bilan_is_reminded_once_per_week_until_it_is_done(service, camille, applied, person, decide, clock, sign_convention):
    mission_day = MONDAY + timedelta(days=1)
    request = camille.post(f"/participations/{applied}/date-requests", json={"dates": [{"date": mission_day.isoformat(), "format": "full_day"}]})
    decide(request.json["id"])
    sign_convention(applied)
    referent = person(email="referente@petits-savants.test", roles=("association_referent",), company_id=None, entity_id=None,
                      association_ids=(ASSOCIATION_ID,))
    at(clock, mission_day, hour=18)
    assert referent.post(f"/participations/{applied}/attendance", json={"dates": [{"date": mission_day.isoformat(), "present": True}]}).status_code == 200

    send_reminders(service.runtime, at(clock, mission_day + timedelta(days=3)), application_days=7, bilan_days=3)
    send_reminders(service.runtime, at(clock, mission_day + timedelta(days=4)), application_days=7, bilan_days=3)
    assert [(r["kind"], r["period"]) for r in reminders(service)] == [("bilan_pending", "2030-W10")]

    answers = {"relevance": "Bonne", "welcome": "Bonne", "expertise_match": "Oui", "advice_to_colleague": "Vas-y !", "would_do_again": "Oui"}
    assert camille.post(f"/participations/{applied}/bilan", json={"answers": answers}).status_code == 200
    send_reminders(service.runtime, at(clock, mission_day + timedelta(days=14)), application_days=7, bilan_days=3)
    assert len(reminders(service)) == 1


def test_the_worker_command_does_one_pass_and_exits(service, applied, clock):
    at(clock, MONDAY + timedelta(days=1))
    cli = build_cli(service.settings, build=lambda: service.runtime)
    runner = CliRunner()
    first = runner.invoke(cli, ["reminders", "--application-days", "1"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, ["reminders", "--application-days", "1"])
    assert second.exit_code == 0, second.output
    assert len(reminders(service, "application_without_dates")) == 1
    assert "already sent this week: 1" in second.stderr


def test_the_reminder_delays_come_from_the_settings():
    from engagement.config import Settings

    settings = Settings.from_env({"ENGAGEMENT_REMINDER_APPLICATION_DAYS": "10", "ENGAGEMENT_REMINDER_BILAN_DAYS": "3"})
    assert (settings.reminder_application_days, settings.reminder_bilan_days) == (10, 3)
    assert (Settings.from_env({}).reminder_application_days, Settings.from_env({}).reminder_bilan_days) == (7, 7)
