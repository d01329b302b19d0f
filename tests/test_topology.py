"""The broker topology has one source: every service's `subscriptions(settings)`, declared by `tandem-topology`.

deploy/topology.json is what docker-compose and Kubernetes declare (their images hold one service each): it must
say what the code says, and name every service of the repository.
"""
from __future__ import annotations

import json
import re

from helpers import REPO_ROOT

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
