"""Reminders (« relances ») to managers: once per ISO week for a request still pending after N days, with a new link."""
from datetime import timedelta

import sqlalchemy as sa
from click.testing import CliRunner

from approval.models import AbsenceRequest, ActionLink, ReminderSent
from approval.reminders import send_reminders
from approval.worker import build_cli
from tandem_shared.timeutil import utcnow


def age(service, request_id, days):
    """Pretend the request arrived `days` days ago."""
    with service.runtime.unit_of_work() as uow:
        uow.session.execute(sa.update(AbsenceRequest).where(AbsenceRequest.id == request_id)
                            .values(created_at=utcnow() - timedelta(days=days)))


def secret_of(link):
    return link.rsplit("/", 1)[1]


def test_reminders_go_out_once_per_period_with_a_new_link_and_the_old_link_stops_working(service, request_dates):
    request_id, old_secret = request_dates()
    age(service, request_id, 4)
    assert send_reminders(service.runtime, service.settings) == 1
    assert send_reminders(service.runtime, service.settings) == 0  # the same week: never twice
    (reminded,) = service.published("approval.request.reminded")
    assert reminded.data["request_id"] == request_id
    assert reminded.data["manager_email"] == "sophie.laurent@horizon.example"
    assert reminded.data["person_name"] == "Camille Martin"
    assert reminded.data["accept_until"] == reminded.data["dates"][0]["date"]
    new_secret = secret_of(reminded.data["action_link"])
    assert new_secret != old_secret
    old = service.client.get(f"/actions/{old_secret}")
    assert old.status_code == 410
    assert old.json["detail"].startswith("Ce lien a été remplacé par un lien plus récent")
    assert service.client.post(f"/actions/{old_secret}", json={"decision": "accept"}).status_code == 410
    assert service.client.get(f"/actions/{new_secret}").json["reminders"] == 1
    assert service.client.post(f"/actions/{new_secret}", json={"decision": "accept"}).status_code == 200
    assert len(service.published("approval.request.approved")) == 1


def test_next_week_brings_another_reminder_while_the_request_waits(service, request_dates):
    request_id, _ = request_dates()
    now = utcnow() + timedelta(days=4)
    assert send_reminders(service.runtime, service.settings, now=now) == 1
    assert send_reminders(service.runtime, service.settings, now=now + timedelta(days=7)) == 1
    periods = [event.data["period"] for event in service.published("approval.request.reminded")]
    assert len(set(periods)) == 2
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ReminderSent)) == 2
        open_links = session.scalars(sa.select(ActionLink).where(ActionLink.revoked_at.is_(None))).all()
        assert len(open_links) == 1  # only the latest link works


def test_a_request_younger_than_n_days_is_not_reminded(service, request_dates):
    request_id, _ = request_dates()
    age(service, request_id, 2)
    assert send_reminders(service.runtime, service.settings) == 0
    assert send_reminders(service.runtime, service.settings, days=2) == 1
    assert service.settings.reminder_days == 3


def test_a_decided_or_cancelled_request_is_not_reminded(service, request_dates, cancel_request):
    decided, secret = request_dates()
    cancelled, _ = request_dates()
    service.client.post(f"/actions/{secret}", json={"decision": "refuse"})
    cancel_request(cancelled)
    for request_id in (decided, cancelled):
        age(service, request_id, 10)
    assert send_reminders(service.runtime, service.settings) == 0
    assert service.published("approval.request.reminded") == []


def test_the_reminders_command_runs_one_pass_and_exits(service, request_dates):
    request_dates()
    runner = CliRunner()
    result = runner.invoke(build_cli(service.settings), ["reminders", "--days", "0"])
    assert result.exit_code == 0, result.output
    assert "1 reminder(s) written" in result.output
    again = runner.invoke(build_cli(service.settings), ["reminders", "--days", "0"])
    assert "0 reminder(s) written" in again.output
    assert len(service.published("approval.request.reminded")) == 1


def test_the_reminders_command_refuses_a_negative_delay(service):
    result = CliRunner().invoke(build_cli(service.settings), ["reminders", "--days", "-1"])
    assert result.exit_code == 2
