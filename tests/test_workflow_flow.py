"""The heart of the product across processes: apply, request two dates, the manager's link, the decision.

Every service runs as its own process on RabbitMQ and PostgreSQL, behind the production nginx
configuration (the `distributed` fixture in conftest.py).
"""
from __future__ import annotations

import email
import email.policy
import hashlib
import subprocess
from datetime import date, timedelta

import holidays
import pytest
import requests
from helpers import load_engagement_demo, poll, publish_mission, requests_post, token_signed_with, wait_for_consumers
from icalendar import Calendar

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

PASSWORD = "une belle journée solidaire"


def working_days(count: int, year: int) -> list[date]:
    """The first `count` working days of `year` after mid-January (no weekend, no French public holiday)."""
    closed = holidays.France(years=year)
    day, found = date(year, 1, 15), []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += timedelta(days=1)
    return found


class Api:
    def __init__(self, base: str, headers: dict | None = None):
        self.base, self.headers = base, dict(headers or {})

    def call(self, method: str, path: str, **kwargs):
        return requests.request(method, f"{self.base}{path}", headers=self.headers, timeout=10, **kwargs)


def mails(distributed, to: str, subject_part: str):
    items = requests.get(f"http://127.0.0.1:{distributed['ports']['mail_http']}/dev/mail.json").json()["items"]
    return [m for m in items if to in m["to"] and subject_part in m["subject"]]


@pytest.fixture(scope="module")
def people(distributed):
    """A company, its employee (signed up and verified through the mailbox) and two published missions."""
    base = distributed["base"]
    wait_for_consumers(distributed["broker_url"], ("engagement", "approval", "notifier", "catalog", "documents"))
    operator = {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], "op-1", ["platform_operator"])}
    post = requests_post(base)
    missions = [
        publish_mission(post, operator, "Accompagner des jeunes vers l'emploi", "referente@passerelle.example", "Passerelle Emploi"),
        publish_mission(post, operator, "Trier des dons alimentaires", "benevoles@banque-partage.example", "Banque du Partage"),
    ]
    # The company and its people come from engagement's demo set, loaded into this run's database.
    load_engagement_demo(distributed)
    options = requests.get(f"{base}/api/engagement/signup-options", params={"email": "camille.nouvelle@horizon.example"}).json()
    entity_id = options["entities"][0]["id"]
    signed_up = requests.post(f"{base}/api/engagement/accounts", json={
        "first_name": "Camille", "last_name": "Martin", "email": "camille.nouvelle@horizon.example", "password": PASSWORD,
        "password_confirmation": PASSWORD, "entity_id": entity_id, "consent": True,
    })
    assert signed_up.status_code == 202, signed_up.text
    (verification,), _ = poll(lambda: mails(distributed, "camille.nouvelle@horizon.example", "Finalise ton inscription") or None, timeout=15)
    link = next(link for link in verification["links"] if "/inscription/verification/" in link)
    assert requests.post(f"{base}/api/engagement/email-verifications/{link.rsplit('/', 1)[1]}").status_code == 200
    for process in ("gateway", "engagement-web"):
        assert link.rsplit("/", 1)[1] not in (distributed["logs"] / f"{process}.log").read_text(errors="replace"), process
    login = requests.post(f"{base}/api/engagement/session", json={"email": "camille.nouvelle@horizon.example", "password": PASSWORD})
    assert login.status_code == 200, login.text
    employee = Api(base, {"Authorization": f"Bearer {login.cookies['tandem_session']}"})
    # The company admin records her manager (issue 19): her dates go to Sophie by default, and to no one she picks.
    from engagement.demo import ADMIN_EMAIL, DEMO_PASSWORD, MANAGER_EMAIL

    admin_login = requests.post(f"{base}/api/engagement/session", json={"email": ADMIN_EMAIL, "password": DEMO_PASSWORD})
    assert admin_login.status_code == 200, admin_login.text
    admin = Api(base, {"Authorization": f"Bearer {admin_login.cookies['tandem_session']}"})
    recorded = admin.call("PATCH", f"/api/engagement/people/{login.json()['person']['id']}", json={"manager_email": MANAGER_EMAIL})
    assert recorded.status_code == 200, recorded.text
    # engagement learns the missions from catalog's events.
    poll(lambda: all(employee.call("GET", f"/api/engagement/missions/{m}").status_code == 200 for m in missions) or None, timeout=15)
    return {"employee": employee, "missions": missions, "base": base}


def request_dates(distributed, people, mission_id: str, days: list[date], formats=("full_day", "half_day")) -> tuple[str, str]:
    """Apply to the mission and ask the manager for `days`; returns (participation id, the manager's link secret)."""
    employee = people["employee"]
    applied = employee.call("POST", "/api/engagement/applications", json={
        "mission_id": mission_id, "message": "Bonjour, je suis Camille, contrôleuse de gestion.", "phone": "06 12 34 56 78",
        "year": days[0].year,
    })
    assert applied.status_code == 201, applied.text
    participation = applied.json()["id"]
    requested = employee.call("POST", f"/api/engagement/participations/{participation}/date-requests", json={
        "message": "Bonjour Sophie, peux-tu valider ces dates ?",
        "dates": [{"date": day.isoformat(), "format": fmt} for day, fmt in zip(days, formats)],
    })
    assert requested.status_code in (200, 201), requested.text
    title = employee.call("GET", f"/api/engagement/missions/{mission_id}").json()["title"]

    def manager_mail():
        found = [m for m in mails(distributed, "sophie.laurent@horizon.example", "Demande d'absence") if title in m["text"]]
        return found or None

    (mail,), _ = poll(manager_mail, timeout=15)
    link = next(link for link in mail["links"] if "/manager/demandes/" in link)
    return participation, link.rsplit("/", 1)[1]


def test_apply_request_two_dates_and_the_manager_accepts_from_the_link(distributed, people):
    base, employee = people["base"], people["employee"]
    year = date.today().year + 1
    first, second = working_days(2, year)
    participation, secret = request_dates(distributed, people, people["missions"][0], [first, second])

    # The link opens a page that shows the request; a GET never decides.
    shown = requests.get(f"{base}/api/approval/actions/{secret}")
    assert shown.status_code == 200, shown.text
    assert shown.json()["status"] == "pending"
    assert len(shown.json()["dates"]) == 2
    assert employee.call("GET", f"/api/engagement/participations/{participation}").json()["days_pending"] == 1.5

    accepted = requests.post(f"{base}/api/approval/actions/{secret}", json={"decision": "accept"})
    assert accepted.status_code == 200, accepted.text

    def approved():
        view = employee.call("GET", f"/api/engagement/participations/{participation}").json()
        return view if view["days_approved"] == 1.5 and view["days_pending"] == 0 else None

    view, _ = poll(approved, timeout=10)
    assert [r["status"] for r in view["requests"]] == ["approved"]

    # The employee's e-mail carries a valid .ics with both dates.
    (mail,), _ = poll(lambda: mails(distributed, "camille.nouvelle@horizon.example", "Tes dates sont validées") or None, timeout=15)
    raw = requests.get(f"http://127.0.0.1:{distributed['ports']['mail_http']}/dev/mail/{mail['id']}.eml").content
    message = email.message_from_bytes(raw, policy=email.policy.default)
    (attachment,) = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert starts == [first, second]

    # A second POST on the same link: 410, and no second decision.
    again = requests.post(f"{base}/api/approval/actions/{secret}", json={"decision": "refuse", "reason": "trop tard"})
    assert again.status_code == 410
    assert employee.call("GET", f"/api/engagement/participations/{participation}").json()["days_approved"] == 1.5
    people["approved"] = {"participation": participation, "dates": [first, second]}

    # The link's secret reached nginx and approval, yet neither access log kept it.
    for process in ("gateway", "approval-web"):
        log = (distributed["logs"] / f"{process}.log").read_text(errors="replace")
        assert "/actions/[redacted]" in log, process
        assert secret not in log, process


def test_the_link_of_one_request_cannot_act_on_another(distributed, people):
    base = people["base"]
    year = date.today().year + 1
    # Half a day is all that is left of the two-day allowance after the first test's 1.5 days.
    later = working_days(12, year)[-1:]
    participation_y, secret_y = request_dates(distributed, people, people["missions"][1], later, formats=("half_day",))
    # Each secret is bound to its own request: it shows and decides that one only.
    shown = requests.get(f"{base}/api/approval/actions/{secret_y}").json()
    assert shown["status"] == "pending"
    assert [d["date"] for d in shown["dates"]] == [later[0].isoformat()]
    assert requests.post(f"{base}/api/approval/actions/{secret_y[:-2]}xx", json={"decision": "accept"}).status_code == 404
    refused = requests.post(f"{base}/api/approval/actions/{secret_y}", json={"decision": "refuse", "reason": "Période chargée"})
    assert refused.status_code == 200
    def refused_in_engagement():
        view = people["employee"].call("GET", f"/api/engagement/participations/{participation_y}").json()
        return view if view["requests"][0]["status"] == "refused" else None

    view, _ = poll(refused_in_engagement, timeout=10)
    assert view["days_approved"] == 0
    # The first participation's approved dates are untouched by Y's refusal.
    first = people["employee"].call("GET", "/api/engagement/me/participations").json()["items"]
    assert sorted(p["days_approved"] for p in first) == [0, 1.5]


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_the_approved_dates_become_a_convention_the_employee_signs(distributed, people):
    """Step 3 across processes: approval -> documents renders v1 -> notifier e-mails « Signe ta convention » ->
    the employee signs -> documents' worker seals the signed copy -> engagement shows the step done."""
    base, employee = people["base"], people["employee"]
    participation = people["approved"]["participation"]
    first, second = people["approved"]["dates"]

    def issued():
        items = employee.call("GET", "/api/documents/conventions", params={"participation": participation}).json()["items"]
        return items[0] if items and items[0]["current_version"] == 1 else None

    convention, _ = poll(issued, timeout=30)
    assert convention["state"] == "to_sign" and [v["number"] for v in convention["versions"]] == [1]
    version = convention["versions"][0]
    assert version["pdf_url"].startswith("/api/documents/")
    pdf = employee.call("GET", version["pdf_url"]).content
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == version["sha256"]
    text = " ".join(pdf_text(pdf).split())
    for expected in ("Groupe Horizon", "Passerelle Emploi", "Camille Martin", "1,5 jour", str(first.year)):
        assert expected in text, expected

    # The e-mail links to the convention's page; the dashboard counts one convention to sign.
    (mail,), _ = poll(lambda: mails(distributed, "camille.nouvelle@horizon.example", "Signe ta convention") or None, timeout=15)
    assert any(link.endswith(f"/mon-compte/conventions/{convention['id']}") for link in mail["links"])
    # Engagement counts it from documents' event, on its own queue: the e-mail having arrived does not prove it.
    poll(lambda: employee.call("GET", "/api/engagement/me/dashboard").json()["todo"]["conventions_to_sign"] == 1 or None, timeout=15)

    # Someone else gets nothing, whatever the document.
    stranger = Api(base, {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], "someone-else", ["employee"])})
    assert stranger.call("GET", version["pdf_url"]).status_code == 404
    assert stranger.call("GET", f"/api/documents/conventions/{convention['id']}").status_code == 404

    consent = requests.get(f"{base}/api/documents/consent").json()
    browser = Api(base, {**employee.headers, "User-Agent": "Tandem-e2e/1.0"})
    signed = browser.call("POST", f"/api/documents/conventions/{convention['id']}/signature", json={
        "version": 1, "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"],
    })
    assert signed.status_code == 201, signed.text
    assert signed.json()["pdf_sha256"] == hashlib.sha256(pdf).hexdigest()

    def signed_copy():
        item = employee.call("GET", f"/api/documents/conventions/{convention['id']}").json()
        return item if item["versions"][0]["signed_pdf_url"] else None

    item, _ = poll(signed_copy, timeout=30)
    assert item["state"] == "signed" and item["signed_version"] == 1
    copy = employee.call("GET", item["versions"][0]["signed_pdf_url"]).content
    pages = [page for page in pdf_text(copy).split("\f") if page.strip()]
    certificate = " ".join(pages[-1].split())
    assert "Certificat de signature" in certificate and version["sha256"] in certificate and "Tandem-e2e/1.0" in certificate

    def step_three_done():
        view = employee.call("GET", f"/api/engagement/participations/{participation}").json()
        return view if view["convention_state"] == "done" else None

    view, _ = poll(step_three_done, timeout=15)
    assert employee.call("GET", "/api/engagement/me/dashboard").json()["todo"]["conventions_to_sign"] == 0
