"""A request one of whose dates has gone by can no longer be accepted, from the e-mailed link or the team view: the
guide has the manager validate the dates before the employee leaves on the mission. It can still be refused, which
closes it, and the pages say why the acceptance is gone."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from approval import clock
from approval.models import AbsenceRequest

# A Monday and a Thursday some weeks ahead, as every request of these tests asks for them.
FIRST = date.today() + timedelta(weeks=6, days=(7 - date.today().weekday()) % 7)
SECOND = FIRST + timedelta(days=3)
DATES = {"year": FIRST.year, "dates": [{"date": FIRST.isoformat(), "format": "full_day"},
                                       {"date": SECOND.isoformat(), "format": "half_day"}]}


def move_clock(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(clock.CLOCK, "now", lambda: moment)


@pytest.fixture
def day_after_first_date(monkeypatch):
    """Approval's clock at noon in Paris the day after the request's first date (its second date still ahead)."""
    move_clock(monkeypatch, datetime.combine(FIRST + timedelta(days=1), time(12), tzinfo=ZoneInfo("Europe/Paris")))
    return FIRST


def status_of(service, request_id):
    with service.runtime.db.reading() as session:
        return session.get(AbsenceRequest, request_id).status


def test_the_link_can_no_longer_accept_once_a_date_has_passed_but_can_still_refuse(service, request_dates, day_after_first_date):
    request_id, secret = request_dates(**DATES)
    shown = service.client.get(f"/actions/{secret}").json
    assert shown["acceptance_refused"].startswith(f"Le {_words(day_after_first_date)} est passé : tu ne peux plus accepter")
    assert shown["acceptance_refused"].endswith("Refuse-la : Camille Martin pourra demander d'autres dates.")

    accepted = service.client.post(f"/actions/{secret}", json={"decision": "accept"})
    assert accepted.status_code == 409
    assert accepted.json["detail"] == shown["acceptance_refused"]
    assert status_of(service, request_id) == "pending" and service.published("approval.request.approved") == []

    # Nothing was written: the same link still refuses the request, and the employee hears it.
    refused = service.client.post(f"/actions/{secret}", json={"decision": "refuse", "reason": "Trop tard, désolé."})
    assert refused.status_code == 200, refused.json
    assert refused.json["status"] == "refused" and refused.json["acceptance_refused"] is None
    (event,) = service.published("approval.request.refused")
    assert event.data["request_id"] == request_id


def test_the_team_view_says_it_and_refuses_the_acceptance(service, request_dates, manager, day_after_first_date):
    request_id, _ = request_dates(**DATES)
    (item,) = service.client.get("/requests", headers=manager()).json["items"]
    assert item["acceptance_refused"].startswith(f"Le {_words(day_after_first_date)} est passé")
    accepted = service.client.post(f"/requests/{request_id}/decision", json={"decision": "accept"}, headers=manager())
    assert accepted.status_code == 409 and "tu ne peux plus accepter cette demande" in accepted.json["detail"]
    assert status_of(service, request_id) == "pending"
    assert service.client.post(f"/requests/{request_id}/decision", json={"decision": "refuse"}, headers=manager()).status_code == 200


def test_on_its_first_date_a_request_is_still_accepted_as_the_pages_say(service, request_dates, manager, monkeypatch):
    move_clock(monkeypatch, datetime.combine(FIRST, time(23, 30), tzinfo=ZoneInfo("Europe/Paris")))
    request_id, secret = request_dates(**DATES)
    shown = service.client.get(f"/actions/{secret}").json
    assert shown["acceptance_refused"] is None and shown["accept_until"] == FIRST.isoformat()
    # The team view names the member's participation, so that it can follow the decision in engagement's view.
    (item,) = service.client.get("/requests", headers=manager()).json["items"]
    with service.runtime.db.reading() as session:
        participation_id = session.get(AbsenceRequest, request_id).participation_id
    assert item["accept_until"] == FIRST.isoformat() and item["participation_id"] == participation_id
    assert service.client.post(f"/actions/{secret}", json={"decision": "accept"}).status_code == 200
    assert status_of(service, request_id) == "approved"


def _words(day: date) -> str:
    weekdays = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
              "décembre")
    return f"{weekdays[day.weekday()]} {'1er' if day.day == 1 else day.day} {months[day.month - 1]} {day.year}"
