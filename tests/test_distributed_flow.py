"""The first flow with every service in its own process, on RabbitMQ and PostgreSQL, through nginx.

The processes are exactly those of the local distributed mode (deploy/local/topology.py): six
gunicorn web processes, six workers, the mail sink and the production nginx configuration.
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pika
import pytest
import requests
from helpers import REPO_ROOT, SERVICES, free_port, poll, publish_mission, requests_post, token_signed_with, wait_until_healthy

from tandem_shared.testing import postgres_database, rabbitmq_vhost

pytestmark = [pytest.mark.integration, pytest.mark.e2e]


def load_topology():
    spec = importlib.util.spec_from_file_location("tandem_local_topology", REPO_ROOT / "deploy" / "local" / "topology.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def distributed(tmp_path_factory):
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx is not installed: run `make test` (scripts/setup --for-tests installs it)")
    topology = load_topology()
    var_dir = tmp_path_factory.mktemp("distributed")
    ports = {name: free_port() for name in (*SERVICES, "gateway", "smtp", "mail_http")}
    with contextlib.ExitStack() as stack:
        broker_url = stack.enter_context(rabbitmq_vhost())
        database_urls = {service: stack.enter_context(postgres_database(prefix=f"tandem_e2e_{service}")) for service in SERVICES}
        topology.prepare_runtime_files(REPO_ROOT, var_dir, ports)
        commands = topology.process_commands(
            REPO_ROOT, var_dir, ports, broker_url=broker_url, database_urls=database_urls,
            base_env={**os.environ, "WEB_CONCURRENCY": "1", "WEB_THREADS": "4", "TANDEM_LOG_LEVEL": "WARNING",
                      "TANDEM_OUTBOX_POLL_SECONDS": "2"},
        )
        processes: dict[str, subprocess.Popen] = {}
        logs = var_dir / "logs"
        logs.mkdir()
        try:
            for name, (argv, env) in commands.items():
                log = open(logs / f"{name}.log", "wb")
                processes[name] = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, start_new_session=True)
            base = f"http://127.0.0.1:{ports['gateway']}"
            try:
                wait_until_healthy(base, timeout=150)
            except AssertionError:
                dead = {n: p.returncode for n, p in processes.items() if p.poll() is not None}
                tails = {n: (logs / f"{n}.log").read_text(errors="replace")[-1500:] for n in processes}
                raise AssertionError(f"distributed mode not healthy; exited: {dead}\n" + json.dumps(tails, indent=1)[:12000])
            # The workers declare their queues once connected: wait until both consumers are bound.
            yield {
                "base": base, "broker_url": broker_url, "ports": ports,
                "private_key": (var_dir / "keys" / "jwt-private.pem").read_text(),
                "processes": processes,
            }
        finally:
            for process in processes.values():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + 20
            for process in processes.values():
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


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


def test_every_service_answers_through_nginx(distributed):
    base = distributed["base"]
    for service in SERVICES:
        assert requests.get(f"{base}/api/{service}/readyz").json()["checks"] == {"database": "ok", "broker": "ok"}
        assert requests.get(f"{base}/api/{service}/openapi.json").json()["openapi"].startswith("3.1")


def test_a_mission_created_through_nginx_reaches_engagement_the_mailbox_and_any_amqp_client(distributed):
    base, broker_url = distributed["base"], distributed["broker_url"]
    wait_for_consumers(broker_url, ("engagement", "notifier"))
    headers = {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], "op-1", ["platform_operator"])}

    connection = pika.BlockingConnection(pika.URLParameters(broker_url))
    channel = connection.channel()
    tap = channel.queue_declare(queue="", exclusive=True).method.queue
    channel.queue_bind(queue=tap, exchange="tandem.events", routing_key="#")
    try:
        mission_id = publish_mission(requests_post(base), headers, "Maraude solidaire", "benevolat@main-tendue.example", "La Main Tendue")
        mailbox = f"http://127.0.0.1:{distributed['ports']['mail_http']}/dev/mail.json"

        def both_effects():
            copy = requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=headers)
            mails = [m for m in requests.get(mailbox).json()["items"] if "Maraude solidaire" in m["subject"] and m["to"] == ["benevolat@main-tendue.example"]]
            return (copy.json(), mails) if copy.status_code == 200 and mails else None

        (copy, mails), waited = poll(both_effects, timeout=2.0)
        assert waited < 2.0
        assert copy["title"] == "Maraude solidaire"
        assert [m["to"] for m in mails] == [["benevolat@main-tendue.example"]]

        def tapped():
            method, properties, body = channel.basic_get(tap, auto_ack=True)
            return (properties, body) if method else None

        def mission_published():
            while True:
                found = tapped()
                if found is None:
                    return None
                if json.loads(found[1])["type"] == "catalog.mission.published":
                    return found

        properties, body = poll(mission_published, timeout=5)[0]
        assert properties.content_type == "application/cloudevents+json"
        assert properties.headers["traceparent"].startswith("00-")
        envelope = json.loads(body)
        assert envelope["type"] == "catalog.mission.published" and envelope["subject"] == mission_id
        assert envelope["data"]["published_at"].endswith("+00:00")
        assert "__type__" not in body.decode()
    finally:
        connection.close()
