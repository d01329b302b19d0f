"""Impact's figures from the real event flow: two employees of Groupe Horizon run through a mission of Les Petits
Savants with the real services talking over RabbitMQ, and the company's report and days export say what happened.

The services are composed as in the embedded mode (one process, so that `/dev/clock` can move the workflow's clock to
the mission's days: presence is attested only once a day has come), but every event travels through a RabbitMQ
virtual host: engagement, approval, documents and catalog publish, impact consumes from its own quorum queue.
"""
from __future__ import annotations

import csv
import io
import uuid
from datetime import date, timedelta

import holidays
import pytest
from werkzeug.test import Client

from helpers import free_port, poll, settle
from tandem_gateway.embedded import build_platform
from tandem_shared.testing import rabbitmq_vhost

pytestmark = [pytest.mark.integration]

PASSWORD = "Tandem démo 2026 !"
PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
COMPANY = "Groupe Horizon"


def working_days(count: int, year: int) -> list[date]:
    closed = holidays.France(years=year)
    day, found = date(year, 3, 2), []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += timedelta(days=1)
    return found


class User:
    """Signed in through engagement; the session token is sent as a bearer token (no CSRF needed)."""

    def __init__(self, client: Client, email: str, name: str = ""):
        self.client, self.name = client, name
        response = client.post("/api/engagement/session", json={"email": email, "password": PASSWORD})
        assert response.status_code == 200, response.get_data(as_text=True)
        token = response.headers.getlist("Set-Cookie")
        token = next(c.split(";")[0].split("=", 1)[1] for c in token if c.startswith("tandem_session="))
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **kwargs):
        return self.client.get(path, headers=self.headers, **kwargs)

    def post(self, path: str, body: dict):
        response = self.client.post(path, json=body, headers=self.headers)
        assert response.status_code in (200, 201), (path, response.get_data(as_text=True))
        return response.json


def mails(client: Client, to: str, text: str) -> list[dict]:
    return [m for m in client.get("/dev/mail.json").json["items"] if to in m["to"] and text in (m["text"] or "")]


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    with rabbitmq_vhost() as broker_url:
        platform = build_platform(tmp_path_factory.mktemp("impact-flow") / "var", port=free_port(),
                                  base_environ={"TANDEM_BROKER_URL": broker_url, "TANDEM_LOG_LEVEL": "WARNING",
                                                "TANDEM_OUTBOX_POLL_SECONDS": "1"})
        platform.start_workers()
        try:
            settle(platform, timeout=180)
            yield platform
        finally:
            Client(platform.gateway).delete("/dev/clock")
            platform.stop()


def run_through(client: Client, employee: User, mission: dict, days: list[date]) -> str:
    """Apply, ask a day and a half day, the manager accepts from the e-mail's link, sign the convention."""
    year = days[0].year
    participation = employee.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "06 12 34 56 78", "year": year,
        "message": "Bonjour, je serais ravie de donner de mon temps à l'association."})["id"]
    employee.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": "sophie.laurent@horizon.example", "message": "Bonjour Sophie, peux-tu valider ces dates ?",
        "dates": [{"date": days[0].isoformat(), "format": "full_day"}, {"date": days[1].isoformat(), "format": "half_day"}]})
    name = employee.name
    (mail,), _ = poll(lambda: [m for m in mails(client, "sophie.laurent@horizon.example", name)
                               if any("/manager/demandes/" in link for link in m["links"])] or None, timeout=60)
    secret = next(link for link in mail["links"] if "/manager/demandes/" in link).rsplit("/", 1)[1]
    decided = client.post(f"/api/approval/actions/{secret}", json={"decision": "accept"})
    assert decided.status_code == 200, decided.get_data(as_text=True)
    convention, _ = poll(lambda: (employee.get(f"/api/engagement/participations/{participation}").json.get("convention") or {}).get("id"),
                         timeout=60)
    version, _ = poll(lambda: next((v for v in employee.get(f"/api/documents/conventions/{convention}").json["versions"]
                                    if v["current"]), None), timeout=30)
    consent = client.get("/api/documents/consent").json
    employee.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    poll(lambda: employee.get(f"/api/engagement/participations/{participation}").json["convention_state"] == "done", timeout=60)
    return participation


def test_two_employees_through_a_mission_give_the_impact_figures_and_export_rows(platform):
    client = Client(platform.gateway)
    camille = User(client, "camille.martin@horizon.example", "Camille Martin")
    lucas = User(client, "lucas.bernard@horizon.example", "Lucas Bernard")
    referent = User(client, "referente@petits-savants.example")
    admin = User(client, "admin@horizon.example")
    from engagement.demo import DEMO_COMPANY_ID as company_id
    year = date.today().year + 1
    missions = camille.get(f"/api/catalog/missions?association={PETITS_SAVANTS}&per_page=50").json["items"]
    mission = missions[-1]
    report_path = f"/api/impact/companies/{company_id}/report?year={year}"

    def figures():
        response = admin.get(report_path)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.json

    before = figures()
    camille_days, lucas_days = working_days(2, year), working_days(4, year)[2:]
    camille_participation = run_through(client, camille, mission, camille_days)
    lucas_participation = run_through(client, lucas, mission, lucas_days)

    # Dates approved and conventions signed: impact knows it from approval's and documents' events.
    approved, _ = poll(lambda: (lambda f: f if f["days"]["approved"] - before["days"]["approved"] == 3.0
                                and next(s for s in f["funnel"] if s["step"] == "convention_signed")["count"]
                                - next(s for s in before["funnel"] if s["step"] == "convention_signed")["count"] == 2
                                else None)(figures()), timeout=60)
    assert approved["days"]["done"] == before["days"]["done"]

    # The days come; the referent attests; Camille completes her bilan.
    clock = client.put("/dev/clock", json={"today": lucas_days[-1].isoformat()})
    assert clock.status_code == 200, clock.get_data(as_text=True)
    referent.post(f"/api/engagement/participations/{camille_participation}/attendance",
                  {"dates": [{"date": d.isoformat(), "present": True} for d in camille_days]})
    referent.post(f"/api/engagement/participations/{lucas_participation}/attendance",
                  {"dates": [{"date": lucas_days[0].isoformat(), "present": True},
                             {"date": lucas_days[1].isoformat(), "present": False}]})
    questions = client.get("/api/engagement/bilan-questions").json["items"]
    answers = {q["key"]: (q["choices"][0] if q.get("choices") else "Une belle mission.") for q in questions if q.get("required")}
    camille.post(f"/api/engagement/participations/{camille_participation}/bilan", {"answers": answers})

    def done():
        f = figures()
        bilans = next(s for s in f["funnel"] if s["step"] == "bilan")["count"] - next(s for s in before["funnel"] if s["step"] == "bilan")["count"]
        return f if f["days"]["done"] - before["days"]["done"] == 2.5 and bilans == 1 else None

    after, _ = poll(done, timeout=60)
    delta = {key: after["days"][key] - before["days"][key] for key in ("asked", "approved", "done")}
    assert delta == {"asked": 3.0, "approved": 3.0, "done": 2.5}
    assert after["people_engaged"] - before["people_engaged"] == 2
    funnel = {s["step"]: s["count"] - next(b for b in before["funnel"] if b["step"] == s["step"])["count"] for s in after["funnel"]}
    assert funnel == {"applied": 2, "dates_approved": 2, "convention_signed": 2, "presence_attested": 2, "bilan": 1}
    savants = next(r for r in after["by_association"] if r["key"] == PETITS_SAVANTS)
    savants_before = next((r for r in before["by_association"] if r["key"] == PETITS_SAVANTS), {"done": 0.0})
    assert savants["label"] == "Les Petits Savants" and savants["done"] - savants_before["done"] == 2.5
    relevance = next(q for q in after["bilan"] if q["question"] == "relevance")
    relevance_before = next(q for q in before["bilan"] if q["question"] == "relevance")
    assert sum(a["count"] for a in relevance["answers"]) - sum(a["count"] for a in relevance_before["answers"]) == 1

    export = admin.get(f"/api/impact/companies/{company_id}/exports/days.csv?year={year}")
    assert export.status_code == 200
    rows = [r for r in csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
            if r["Mission"] == mission["title"] and r["E-mail"] in ("camille.martin@horizon.example", "lucas.bernard@horizon.example")]
    assert sorted((r["E-mail"].split(".")[0], r["Date"], r["Format"], r["État"], r["Association"]) for r in rows) == sorted([
        ("camille", camille_days[0].isoformat(), "journée", "réalisée", "Les Petits Savants"),
        ("camille", camille_days[1].isoformat(), "1/2 journée", "réalisée", "Les Petits Savants"),
        ("lucas", lucas_days[0].isoformat(), "journée", "réalisée", "Les Petits Savants"),
        ("lucas", lucas_days[1].isoformat(), "1/2 journée", "absence", "Les Petits Savants"),
    ])
    assert all(r["Entité"] and r["Personne"] for r in rows)
