"""Helpers for the cross-service tests: free ports, HTTP polling, tokens signed with a platform's key."""
from __future__ import annotations

import importlib.util
import socket
import sys
import time
from pathlib import Path

import jwt
import pika
import requests

REPO_ROOT = Path(__file__).resolve().parent.parent


def load_topology():
    """deploy/local/topology.py, the one description of the local distributed mode (not a package)."""
    spec = importlib.util.spec_from_file_location("tandem_local_topology", REPO_ROOT / "deploy" / "local" / "topology.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


SERVICES = ("catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base_url: str, timeout: float = 60.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    pending = set(SERVICES)
    while pending:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the platform exited with {process.returncode} before answering")
        for service in list(pending):
            try:
                if requests.get(f"{base_url}/api/{service}/healthz", timeout=1).status_code == 200:
                    pending.discard(service)
            except requests.RequestException:
                pass
        if pending and time.monotonic() > deadline:
            raise AssertionError(f"not healthy within {timeout} s: {sorted(pending)}")
        if pending:
            time.sleep(0.2)


def token_signed_with(private_key_pem: str, subject: str, roles: list[str], ttl: int = 600, **claims) -> str:
    """A token as engagement issues them; `claims` adds others (e.g. `company_id`, as a company's people carry)."""
    now = int(time.time())
    claims = {**claims, "sub": subject, "aud": "tandem", "iss": "tandem-engagement", "iat": now, "exp": now + ttl, "roles": roles}
    return jwt.encode(claims, private_key_pem, algorithm="EdDSA")


def poll(fetch, timeout: float, interval: float = 0.02):
    """Call `fetch` until it returns something truthy; returns (value, seconds waited)."""
    started = time.monotonic()
    while True:
        value = fetch()
        if value:
            return value, time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"nothing within {timeout} s")
        time.sleep(interval)


ASSOCIATION = {
    "name": "Passerelle Emploi", "address": "14 rue de la République", "city": "Lyon", "department": "69",
    "contact_email": "contact@passerelle-emploi.example", "themes": ["emploi / insertion"],
    "description": "Accompagner les personnes éloignées de l'emploi.", "representative_name": "Karim Haddad",
    "representative_title": "Président", "general_interest_category": "social",
}


def publish_mission(post, operator_headers: dict, title: str, contact_email: str, association_name: str = "Passerelle Emploi",
                    **mission_fields) -> str:
    """As the platform operator: register and approve an association, then publish one mission; returns its id.

    `post(path, json, headers)` returns (status, body) — so it works with requests and werkzeug clients alike.
    `mission_fields` override the mission's own (e.g. `themes`, `open_to_all_companies`, `company_ids`).
    """
    status, association = post("/api/catalog/associations", {**ASSOCIATION, "name": association_name}, operator_headers)
    assert status == 201, association
    status, body = post(f"/api/catalog/associations/{association['id']}/vetting", {"decision": "approved"}, operator_headers)
    assert status == 200, body
    status, mission = post("/api/catalog/missions", {
        "association_id": association["id"], "title": title, "description": "Relire des CV et préparer des entretiens.",
        "themes": ["emploi / insertion"], "personal_expertises": ["Aide aux CV / Entretien RH"], "format": "full_day",
        "city": "Lyon", "department": "69", "contact_name": "Karim Haddad", "contact_email": contact_email, "publish": True,
        **mission_fields,
    }, operator_headers)
    assert status == 201, mission
    return mission["id"]


def requests_post(base: str):
    def post(path, json, headers):
        response = requests.post(f"{base}{path}", json=json, headers=headers)
        return response.status_code, response.json()
    return post


def load_engagement_demo(distributed) -> None:
    """engagement's demo company and people (Groupe Horizon, password `DEMO_PASSWORD`), loaded into the run's database
    and announced on the broker; loads nothing if a company is already there, so every test module may call it."""
    from engagement.bootstrap import build_runtime
    from engagement.config import Settings
    from engagement.demo import load_demo_data

    runtime = build_runtime(Settings.from_env({
        "ENGAGEMENT_DATABASE_URL": distributed["database_urls"]["engagement"], "TANDEM_BROKER_URL": distributed["broker_url"],
        "ENGAGEMENT_JWT_PRIVATE_KEY": distributed["private_key"],
    }))
    try:
        load_demo_data(runtime)
        runtime.relay.flush()
    finally:
        runtime.stop()


def werkzeug_post(client):
    def post(path, json, headers):
        response = client.post(path, json=json, headers=headers)
        return response.status_code, response.json
    return post


def settle(platform, timeout: float = 90.0) -> None:
    """Wait for the embedded platform to finish its start-up work (demo events relayed and handled, their e-mails
    sent)."""
    import time as _time

    deadline = _time.monotonic() + timeout
    stable_since, last = None, -1
    while _time.monotonic() < deadline:
        # Unsent outbox rows, queued messages and those a consumer holds: an event that sends no e-mail counts too.
        pending = sum(runtime.events_in_flight() for runtime in platform.runtimes.values())
        mails = len(platform.sink.store.all())
        if pending == 0 and mails == last:
            stable_since = stable_since or _time.monotonic()
            if _time.monotonic() - stable_since > 1.5:
                return
        else:
            stable_since, last = None, mails
        _time.sleep(0.2)
    raise AssertionError(f"the platform did not settle within {timeout} s")


def wait_for_consumers(broker_url: str, queues: tuple[str, ...], timeout: float = 60) -> None:
    """The workers bind their queues when they connect; publishing before that would lose nothing but fail the timing."""
    connection = pika.BlockingConnection(pika.URLParameters(broker_url))
    try:
        deadline = time.monotonic() + timeout
        for queue in queues:
            while True:
                channel = connection.channel()
                try:
                    if channel.queue_declare(queue=queue, passive=True).method.consumer_count > 0:
                        break
                except pika.exceptions.ChannelClosedByBroker:
                    pass
                finally:
                    if channel.is_open:
                        channel.close()
                if time.monotonic() > deadline:
                    raise AssertionError(f"no consumer on {queue} within {timeout} s")
                time.sleep(0.2)
    finally:
        connection.close()


