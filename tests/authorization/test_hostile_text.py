"""HTML and script typed into free text stay text everywhere people read them (issue 17).

A referent publishes a mission whose title and description carry markup and script; Camille applies and asks her
manager for dates with such a message, Sophie accepts, Camille signs, the referent attests her presence and her
bilan answers carry markup too. Then:
- every e-mail's HTML part shows the markup escaped (`&lt;script&gt;`), never as live markup;
- the convention and the bilan, read back with pdftotext, show the typed characters literally (WeasyPrint would
  have drawn `<b>gras</b>` as bold « gras » had it been interpreted);
- the web client never injects HTML: no `v-html` outside the FAQ's own answers, which are written in the code.
"""
from __future__ import annotations

import email
import email.policy
import importlib
import re
import subprocess
from datetime import date, timedelta

import pytest

from helpers import REPO_ROOT, free_port
from world import _ok, _poll, _sign_in, _working_days

SCRIPT = '<script>alert("tandem")</script>'
BOLD = "<b>gras</b>"
IMAGE = "<img src=x onerror=alert(1)>"
TITLE = f"Atelier {BOLD} {SCRIPT}"
DESCRIPTION = f"Une mission {BOLD}.\n{IMAGE}\n{SCRIPT}"
MESSAGE = f"Bonjour {BOLD}, je souhaite aider. {IMAGE}"
ANSWER = f"Très utile {BOLD} {SCRIPT}"


def pdf_text(pdf: bytes) -> str:
    return " ".join(subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
                    .stdout.decode().split())


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    from engagement.demo import DEMO_PASSWORD
    from werkzeug.test import Client

    from tandem_gateway.embedded import build_platform
    from tandem_shared.testing import reset_memory_broker

    reset_memory_broker()
    platform = build_platform(tmp_path_factory.mktemp("hostile"), free_port(),
                              base_environ={"TANDEM_DEMO_DATA": "true", "TANDEM_LOG_LEVEL": "WARNING"})
    platform.start_workers()
    client = Client(platform.gateway, use_cookies=False)
    try:
        as_ = {role: _sign_in(client, address, DEMO_PASSWORD) for role, address in (
            ("employee", "camille.martin@horizon.example"), ("manager", "sophie.laurent@horizon.example"),
            ("admin", "admin@horizon.example"), ("referent", "referente@petits-savants.example"))}
        call = lambda role, method, path, body=None: client.open(path, method=method, headers=as_[role], json=body)  # noqa: E731
        referent = _ok(call("referent", "GET", "/api/engagement/me"))
        hostile_mission = {
            "association_id": referent["association_ids"][0], "title": TITLE, "description": DESCRIPTION,
            "themes": ["éducation / formation"], "format": "full_day", "city": "Lyon", "department": "69",
            "contact_name": "Amina Benali", "contact_email": "referente@petits-savants.example", "publish": True, "all_jobs": True}
        # The catalog learns whom the referent speaks for from engagement's events, which the workers have only
        # begun to relay: a 403 creates nothing, so the creation is tried again until the catalog knows her.
        def create_mission():
            answer = call("referent", "POST", "/api/catalog/missions", hostile_mission)
            return None if answer.status_code == 403 else _ok(answer, 201)

        mission = _poll(create_mission, timeout=60, what="the catalog to know the referent")
        camille = _ok(call("employee", "GET", "/api/engagement/me"))
        _ok(call("admin", "PATCH", f"/api/engagement/people/{camille['id']}", {"manager_email": "sophie.laurent@horizon.example"}))
        _poll(lambda: call("employee", "GET", f"/api/engagement/missions/{mission['id']}").status_code == 200, what="the copy")
        year = date.today().year + 1
        days = _working_days(year, 1, date(year, 2, 2))
        participation = _ok(call("employee", "POST", "/api/engagement/applications", {
            "mission_id": mission["id"], "message": MESSAGE, "phone": "06 12 34 56 78", "year": year}), 201)["id"]
        _ok(call("employee", "POST", f"/api/engagement/participations/{participation}/date-requests", {
            "dates": [{"date": days[0].isoformat(), "format": "full_day"}], "message": MESSAGE}), 201)
        request = _poll(lambda: (call("manager", "GET", "/api/approval/requests").get_json() or {}).get("items"), what="the request")[0]
        _ok(call("manager", "POST", f"/api/approval/requests/{request['id']}/decision", {"decision": "accept"}))
        convention = _poll(lambda: (call("employee", "GET", f"/api/documents/conventions?participation={participation}")
                                    .get_json() or {}).get("items"), what="the convention")[0]
        version = convention["versions"][0]
        consent = client.get("/api/documents/consent").get_json()
        _ok(call("employee", "POST", f"/api/documents/conventions/{convention['id']}/signature", {
            "version": 1, "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]}), 201)
        _poll(lambda: call("employee", "GET", f"/api/engagement/participations/{participation}").get_json()["convention_state"] == "done",
              what="the signature in engagement")
        _ok(client.put("/dev/clock", json={"today": (days[0] + timedelta(days=1)).isoformat()}))
        try:
            _ok(call("referent", "POST", f"/api/engagement/participations/{participation}/attendance", {
                "dates": [{"date": days[0].isoformat(), "present": True}]}))
            questions = _ok(call("employee", "GET", "/api/engagement/bilan-questions"))["items"]
            answers = {q["key"]: q["choices"][0] if q.get("choices") else ANSWER for q in questions}
            _ok(call("employee", "POST", f"/api/engagement/participations/{participation}/bilan", {"answers": answers}))
        finally:
            client.delete("/dev/clock")
        bilan = _poll(lambda: (lambda r: r.status_code == 200 and r.data)(call("employee", "GET", f"/api/documents/bilans/{participation}.pdf")),
                      what="the bilan PDF")
        yield {"client": client, "convention": call("employee", "GET", version["pdf_url"]).data, "bilan": bilan}
    finally:
        platform.stop()


def test_the_pdfs_show_typed_markup_as_text(journey):
    convention, bilan = pdf_text(journey["convention"]), pdf_text(journey["bilan"])
    assert journey["convention"].startswith(b"%PDF") and journey["bilan"].startswith(b"%PDF")
    for typed in (BOLD, SCRIPT, IMAGE):
        assert typed in convention, typed
    assert f"Atelier {BOLD}" in convention
    assert BOLD in bilan and SCRIPT in bilan


def test_every_email_escapes_typed_markup_in_its_html_part(journey):
    client = journey["client"]

    def html_parts_carrying_markup():
        parts = []
        for item in client.get("/dev/mail.json").get_json()["items"]:
            if "gras" not in item["text"] and "gras" not in item["subject"]:
                continue
            message = email.message_from_bytes(client.get(f"/dev/mail/{item['id']}.eml").data, policy=email.policy.default)
            parts += [(item["subject"], part.get_content()) for part in message.walk()
                      if part.get_content_type() == "text/html" and "gras" in part.get_content()]
        return parts or None

    # The notifier sends in the background: wait for the journey's HTML e-mail (« Signe ta convention »).
    for subject, html in _poll(html_parts_carrying_markup, timeout=30, what="HTML e-mails carrying the typed text"):
        assert "<script" not in html and "<b>gras" not in html and "<img src=x" not in html, subject
        assert "&lt;b&gt;gras&lt;/b&gt;" in html, subject


def test_the_web_client_never_injects_html():
    injecting = []
    for source in (REPO_ROOT / "web" / "src").rglob("*.vue"):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bv-html\b|innerHTML\s*=", line):
                injecting.append(f"{source.relative_to(REPO_ROOT)}:{number}")
    # The FAQ's answers are written in the code (links inside answers); nothing a person typed reaches them.
    assert injecting == [p for p in injecting if p.startswith("web/src/pages/static/FaqPage.vue:")], injecting
    faq = (REPO_ROOT / "web" / "src" / "pages" / "static" / "FaqPage.vue").read_text(encoding="utf-8")
    assert "api" not in re.findall(r"import[^\n]+from '([^']+)'", faq), "the FAQ must not load its answers from an API"
