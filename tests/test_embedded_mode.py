"""The embedded mode as `make run` starts it: one process, memory bus, SQLite files, SMTP sink, gateway routes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from helpers import REPO_ROOT, SERVICES, free_port, poll, publish_mission, requests_post, token_signed_with, wait_until_healthy

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


def test_a_restart_keeps_the_data_loads_the_demo_once_and_ctrl_c_stops_cleanly(tmp_path):
    data_dir, port = tmp_path / "var", free_port()
    base = f"http://127.0.0.1:{port}"
    process = start(data_dir, port, demo=True)
    wait_until_healthy(base, timeout=60, process=process)
    private_key = (data_dir / "keys" / "jwt-private.pem").read_text()
    headers = {"Authorization": "Bearer " + token_signed_with(private_key, "op-1", ["platform_operator"])}
    mission_id = publish_mission(requests_post(base), headers, TITLE, CONTACT)
    poll(lambda: [m for m in requests.get(f"{base}/dev/mail.json").json()["items"] if TITLE in m["subject"] and m["to"] == [CONTACT]], timeout=60)
    mails_before = mailbox_settled(base)
    demo_missions = requests.get(f"{base}/api/catalog/missions?per_page=1", headers=headers).json()["total"]
    assert demo_missions > 100  # the published demo missions open to every company
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
