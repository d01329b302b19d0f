"""The embedded mode as `make run` starts it: one process, memory bus, SQLite files, SMTP sink, gateway routes."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from helpers import REPO_ROOT, SERVICES, free_port, poll, publish_mission, requests_post, token_signed_with, wait_until_healthy
from werkzeug.test import Client
from werkzeug.wrappers import Response

from tandem_gateway.embedded import demo_accounts
from tandem_gateway.routing import CONTENT_SECURITY_POLICY, SECURITY_HEADERS, Gateway

TITLE = "Atelier CV pour jeunes diplômés"
CONTACT = "referente@passerelle-emploi.example"


def start(data_dir: Path, port: int, demo: bool = False) -> subprocess.Popen:
    environ = {**os.environ, "TANDEM_PORT": str(port), "TANDEM_DATA_DIR": str(data_dir), "TANDEM_LOG_LEVEL": "WARNING",
               # The timing checks measure a platform at rest; the demo's first-start burst is checked on its own.
               "TANDEM_DEMO_DATA": "true" if demo else "false"}
    environ.pop("TANDEM_BROKER_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "tandem_gateway.embedded"], cwd=REPO_ROOT, env=environ,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        raise AssertionError("the embedded mode did not stop within 20 s of Ctrl-C:\n" + output[-3000:])
    return process.returncode, output


@pytest.fixture
def platform(tmp_path):
    port = free_port()
    process = start(tmp_path / "var", port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, timeout=60, process=process)
        yield base, tmp_path / "var", process
    finally:
        if process.poll() is None:
            stop(process)


def test_every_service_answers_health_and_openapi_through_the_gateway(platform):
    base, _, _ = platform
    for service in SERVICES:
        assert requests.get(f"{base}/api/{service}/healthz").json() == {"status": "ok", "service": service}
        assert requests.get(f"{base}/api/{service}/readyz").status_code == 200
        document = requests.get(f"{base}/api/{service}/openapi.json").json()
        assert document["openapi"].startswith("3.1")
    assert requests.get(f"{base}/api/inconnu/healthz").status_code == 404
    assert "Tandem" in requests.get(f"{base}/").text
    # Started without demo data: no demo accounts to offer.
    assert requests.get(f"{base}/dev/demo-accounts.json").status_code == 404


def test_a_mission_created_through_the_gateway_reaches_engagement_and_the_mailbox_within_two_seconds(platform):
    base, data_dir, _ = platform
    private_key = (data_dir / "keys" / "jwt-private.pem").read_text()
    headers = {"Authorization": "Bearer " + token_signed_with(private_key, "op-1", ["platform_operator"])}
    mission_id = publish_mission(requests_post(base), headers, TITLE, CONTACT)

    def both_effects():
        copy = requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=headers)
        mails = [m for m in requests.get(f"{base}/dev/mail.json").json()["items"] if TITLE in m["subject"] and m["to"] == [CONTACT]]
        return (copy.json(), mails) if copy.status_code == 200 and mails else None

    (copy, mails), waited = poll(both_effects, timeout=2.0)
    assert waited < 2.0
    assert copy["title"] == TITLE
    (mail,) = mails
    assert mail["to"] == [CONTACT]
    assert f"{base}/missions/{mission_id}" in mail["links"]
    page = requests.get(f"{base}/dev/mail")
    assert page.status_code == 200 and TITLE in page.text


def mailbox_settled(base: str, quiet_seconds: float = 2.0, timeout: float = 120.0) -> int:
    """The number of mails once none has arrived for `quiet_seconds`."""
    deadline, last, since = time.monotonic() + timeout, -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(requests.get(f"{base}/dev/mail.json").json()["items"])
        if count != last:
            last, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet_seconds:
            return count
        time.sleep(0.2)
    raise AssertionError("the mailbox kept changing")


def test_one_ctrl_c_delivered_twice_waits_for_the_events_and_a_later_second_one_stops_at_once(platform):
    """A terminal's Ctrl-C signals the whole process group and `uv run` (make run's launcher) forwards it again: measured,
    every Ctrl-C arrived twice, and the second copy skipped waiting for the events under way, with a traceback."""
    base, _, process = platform
    process.send_signal(signal.SIGINT)
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)  # the launcher's copy, a moment later, while the platform is stopping
    output, _ = process.communicate(timeout=40)
    assert process.returncode == 0, output[-2000:]
    assert "Arrêt de Tandem…" in output
    assert "Arrêt immédiat" not in output and "Traceback" not in output, output[-2000:]


def test_a_second_ctrl_c_a_while_later_stops_at_once_without_a_traceback(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start(tmp_path / "var", port)
    try:
        wait_until_healthy(base, timeout=60, process=process)
        process.send_signal(signal.SIGINT)
        time.sleep(1.5)
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=40)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in output, output[-2000:]
    # The second Ctrl-C stopped it at once (exit 130, said), or came once the platform had stopped: while the interpreter
    # was ending (Python then leaves SIGINT to the system: -2) or after (0).
    outcome = (process.returncode, "Arrêt immédiat" in output)
    assert outcome in ((130, True), (-signal.SIGINT, False), (0, False)), (process.returncode, output[-2000:])


def test_a_restart_keeps_the_data_loads_the_demo_once_and_ctrl_c_stops_cleanly(tmp_path):
    data_dir, port = tmp_path / "var", free_port()
    base = f"http://127.0.0.1:{port}"
    process = start(data_dir, port, demo=True)
    wait_until_healthy(base, timeout=60, process=process)
    private_key = (data_dir / "keys" / "jwt-private.pem").read_text()
    headers = {"Authorization": "Bearer " + token_signed_with(private_key, "op-1", ["platform_operator"])}
    mission_id = publish_mission(requests_post(base), headers, TITLE, CONTACT)
    poll(lambda: [m for m in requests.get(f"{base}/dev/mail.json").json()["items"] if TITLE in m["subject"] and m["to"] == [CONTACT]], timeout=60)
    # Engagement's copy of the mission comes from catalog's event: there before the stop, so the restart must keep it.
    poll(lambda: requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=headers).status_code == 200, timeout=60)
    mails_before = mailbox_settled(base)
    demo_missions = requests.get(f"{base}/api/catalog/missions?per_page=1", headers=headers).json()["total"]
    assert demo_missions > 100  # the published demo missions open to every company
    offered = requests.get(f"{base}/dev/demo-accounts.json").json()
    for account in offered["accounts"]:
        session = requests.post(f"{base}/api/engagement/session", json={"email": account["email"], "password": offered["password"]})
        assert session.status_code == 200, (account, session.text)
        assert session.json()["person"]["email"] == account["email"]
    code, output = stop(process)
    assert code == 0, output[-2000:]
    assert "Tandem est prêt" in output
    assert {p.name for p in data_dir.glob("*.db")} >= {f"{s}.db" for s in SERVICES}

    process = start(data_dir, port, demo=True)
    try:
        wait_until_healthy(base, timeout=60, process=process)
        assert requests.get(f"{base}/api/catalog/missions?per_page=1", headers=headers).json()["total"] == demo_missions
        assert requests.get(f"{base}/api/catalog/missions/{mission_id}", headers=headers).json()["title"] == TITLE
        assert requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=headers).status_code == 200
        # Nothing was sent again on restart, and the demo data loaded only once.
        assert mailbox_settled(base) == mails_before
    finally:
        code, output = stop(process)
    assert code == 0, output[-2000:]


# -- the gateway's own answers: no process, a fake service and a temporary web root ---------------


def _fake_service(environ, start_response):
    # A service sends its own nosniff header; the gateway keeps one copy, its own (as nginx does).
    return Response("{}", content_type="application/json", headers={"X-Content-Type-Options": "nosniff"})(environ, start_response)


def _gateway(tmp_path, accounts=None) -> Client:
    (tmp_path / "index.html").write_text("<!doctype html><title>Tandem</title>")
    (tmp_path / "app.js").write_text("export {};")
    return Client(Gateway({"catalog": _fake_service}, web_root=tmp_path, demo_accounts=accounts))


def test_every_answer_of_the_embedded_gateway_carries_the_security_headers(tmp_path):
    client = _gateway(tmp_path)
    for path in ("/", "/missions/42", "/assets/index.js", "/api/catalog/healthz", "/api/inconnu/x", "/dev/demo-accounts.json"):
        response = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.getlist(name) == [value], (path, name)


def test_the_embedded_gateway_sends_the_same_content_security_policy_as_nginx():
    nginx = (REPO_ROOT / "deploy" / "gateway" / "nginx.conf").read_text()
    framed = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors $tandem_frame_ancestors")
    assert f'add_header Content-Security-Policy "{framed}" always;' in nginx
    for name in ("X-Content-Type-Options", "Referrer-Policy"):
        assert f"add_header {name} {SECURITY_HEADERS[name]} always;" in nginx
    assert "add_header X-Frame-Options $tandem_frame_options always;" in nginx
    # The maps: DENY and 'none' by default, SAMEORIGIN and 'self' for the documents' PDFs, as the embedded gateway.
    assert re.search(r"map \$uri \$tandem_frame_options \{\s*default\s+DENY;\s*~\^/api/documents/\.\+\\\.pdf\$\s+SAMEORIGIN;", nginx)
    assert re.search(r"map \$uri \$tandem_frame_ancestors \{\s*default\s+\"'none'\";\s*~\^/api/documents/\.\+\\\.pdf\$\s+\"'self'\";", nginx)


def test_only_the_documents_pdfs_may_be_framed_and_only_by_this_site(tmp_path):
    client = Client(Gateway({"documents": _fake_service, "catalog": _fake_service}, web_root=tmp_path))
    pdf = client.get("/api/documents/conventions/c1/versions/2.pdf")
    assert pdf.headers["X-Frame-Options"] == "SAMEORIGIN" and "frame-ancestors 'self'" in pdf.headers["Content-Security-Policy"]
    for path in ("/api/documents/conventions/c1", "/api/catalog/x.pdf", "/", "/api/documents/conventions/c1/versions/2.pdf/x"):
        response = client.get(path)
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path


def test_the_content_security_policy_is_strict_and_the_built_client_needs_nothing_inline():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    # Compiled templates (Vite): no 'unsafe-eval'; one module by URL: no inline script, no hash; styles in files.
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY and "sha256-" not in CONTENT_SECURITY_POLICY
    index = REPO_ROOT / "web" / "dist" / "index.html"
    assert index.exists(), "web/dist is missing: scripts/setup builds it"
    html = index.read_text()
    assert not re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script in the built index.html"
    assert "<style" not in html and " style=" not in html
    assert re.search(r'<script type="module" crossorigin src="/assets/index-[\w-]+\.js"></script>', html)


def test_demo_accounts_are_offered_only_when_the_demo_data_is_loaded(tmp_path):
    without = _gateway(tmp_path)
    assert without.get("/dev/demo-accounts.json").status_code == 404
    # /dev/ is never the web client's index.html, as behind nginx.
    assert without.get("/dev/anything").status_code == 404
    response = _gateway(tmp_path, accounts=demo_accounts()).get("/dev/demo-accounts.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.json["password"] == "Tandem démo 2026 !"


def test_the_demo_accounts_name_one_login_per_role_of_the_readme_and_count_the_referents():
    offered = demo_accounts()
    by_email = {account["email"]: account for account in offered["accounts"]}
    assert by_email["camille.martin@horizon.example"] == {
        "role": "employee", "role_label": "Salariée", "name": "Camille Martin", "email": "camille.martin@horizon.example",
    }
    assert {account["role"] for account in offered["accounts"]} == {
        "employee", "manager", "company_admin", "platform_operator", "association_referent",
    }
    referents = [account for account in offered["accounts"] if account["role"] == "association_referent"]
    assert [account["email"] for account in referents] == ["referente@petits-savants.example"]
    assert offered["association_referents"]["count"] == 46
    readme = (REPO_ROOT / "README.md").read_text()
    for account in offered["accounts"]:
        assert f"| {account['role_label']} | `{account['email']}` |" in readme


def test_the_development_clock_runs_engagements_workflow_ahead_and_back(tmp_path):
    from datetime import datetime, timedelta

    from approval import clock as approval_clock
    from engagement import clock
    from quiz import clock as quiz_clock
    from tandem_gateway.embedded import workflow_clock_app

    client = Client(Gateway({"catalog": _fake_service}, web_root=tmp_path, dev_clock=workflow_clock_app))
    real_today = clock.today()
    try:
        ahead = real_today + timedelta(days=40)
        moved = client.put("/dev/clock", json={"today": ahead.isoformat()})
        assert moved.status_code == 200 and moved.json == {"today": ahead.isoformat(), "offset_days": 40}
        assert clock.today() == ahead and client.get("/dev/clock").json["today"] == ahead.isoformat()
        assert quiz_clock.today() == ahead, "quiz's schedule moves with the workflow's clock"
        assert approval_clock.today() == ahead, "approval's, which says whether a request's dates have passed, too"
        assert client.put("/dev/clock", json={"today": "demain"}).status_code == 422
        assert clock.today() == ahead, "a bad request leaves the clock alone"
        assert client.post("/dev/clock").status_code == 405
        back = client.delete("/dev/clock")
        assert back.json["offset_days"] == 0 and clock.today() == real_today and quiz_clock.today() == real_today
        assert approval_clock.today() == real_today
    finally:
        for moved in (clock, quiz_clock, approval_clock):
            moved.CLOCK.run_ahead_to(datetime.now(clock.FRANCE).date())
    # Without the embedded mode's clock (nginx in front of the distributed mode has no /dev/clock), it is just absent.
    assert _gateway(tmp_path).put("/dev/clock", json={"today": real_today.isoformat()}).status_code == 404


def test_the_development_mailbox_page_keeps_its_style_under_the_strict_policy(tmp_path):
    # Found by the move to a strict CSP: the page's inline <style> was refused once 'unsafe-inline' left style-src.
    from tandem_gateway.mailsink import MailSink

    sink = MailSink.__new__(MailSink)
    sink.store = type("Empty", (), {"all": staticmethod(lambda: [])})()
    client = Client(Gateway({}, web_root=tmp_path, dev_mail=sink.wsgi_app))
    page = client.get("/dev/mail")
    assert page.status_code == 200 and "<style" not in page.text and 'href="mail.css"' in page.text
    css = client.get("/dev/mail.css")
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css") and ".mail{" in css.text
