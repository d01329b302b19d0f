"""The broker topology has one source: every service's `subscriptions(settings)`, declared by `tandem-topology`.

deploy/topology.json is what docker-compose and Kubernetes declare (their images hold one service each): it must
say what the code says, and name every service of the repository.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pika
import pytest
from helpers import REPO_ROOT

from tandem_shared.testing import rabbitmq_vhost
from tandem_shared.topology import Topology, discover, installed_services

TOPOLOGY_FILE = REPO_ROOT / "deploy" / "topology.json"
REGENERATE = "regenerate it with: uv run --frozen --no-sync tandem-topology export > deploy/topology.json"


def repository_services() -> set[str]:
    """Every service folder whose pyproject installs a `<name>-worker` running `<name>.worker:main`."""
    found = set()
    for pyproject in (REPO_ROOT / "services").glob("*/pyproject.toml"):
        name = pyproject.parent.name
        if re.search(rf'^{name}-worker\s*=\s*"{name}\.worker:main"', pyproject.read_text(encoding="utf-8"), re.MULTILINE):
            found.add(name)
    return found


def test_the_exported_topology_is_what_the_services_subscriptions_say():
    assert TOPOLOGY_FILE.read_text(encoding="utf-8") == discover({}).to_json(), f"deploy/topology.json is stale: {REGENERATE}"


def test_every_service_of_the_repository_is_installed_and_in_the_topology():
    exported = Topology.from_json(TOPOLOGY_FILE.read_text(encoding="utf-8"))
    assert set(installed_services()) == repository_services(), "a service is not installed: run scripts/setup (uv sync)"
    assert set(exported.services) == repository_services(), f"a service's queue is missing from deploy/topology.json: {REGENERATE}"
    assert all(exported.services.values()), "every service consumes something: a queue with no binding is a mistake"


def test_the_file_names_event_types_only():
    document = json.loads(TOPOLOGY_FILE.read_text(encoding="utf-8"))
    for service, types in document["services"].items():
        assert types == sorted(set(types)), service
        assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+\.[a-z_]+", event_type) for event_type in types), types


@pytest.mark.integration
def test_the_command_the_deployments_run_declares_every_queue_from_the_file():
    with rabbitmq_vhost() as broker_url:
        done = subprocess.run(
            [sys.executable, "-m", "tandem_shared.topology", "declare", "--from", str(TOPOLOGY_FILE)],
            env={**os.environ, "TANDEM_BROKER_URL": broker_url, "TANDEM_RETRY_DELAYS": "5,30"},
            capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        exported = Topology.from_json(TOPOLOGY_FILE.read_text(encoding="utf-8"))
        connection = pika.BlockingConnection(pika.URLParameters(broker_url))
        try:
            for service in exported.services:
                for queue in (service, f"{service}.retry.5s", f"{service}.retry.30s", f"{service}.dead"):
                    channel = connection.channel()
                    channel.queue_declare(queue, passive=True)  # raises if the queue is missing
                    channel.close()
            # A message for a service that never started waits in its queue.
            channel = connection.channel()
            channel.confirm_delivery()
            channel.basic_publish("tandem.events", "catalog.mission.published", b"{}", mandatory=True)
            waiting = {service: channel.queue_declare(service, passive=True).method.message_count for service in exported.services}
        finally:
            connection.close()
    bound = {service for service, types in exported.services.items() if "catalog.mission.published" in types}
    assert bound and {service for service, count in waiting.items() if count} == bound
    assert "declared" in done.stderr
