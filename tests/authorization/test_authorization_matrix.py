"""The authorization matrix as a test (issue 17): who may do what to which object, in every service.

matrix.yaml holds one row per operation of every service's OpenAPI document; world.py builds the people and
the objects through the platform itself. Three checks:
- every documented operation has its row, and every row an operation: an endpoint added without its row fails;
- every cell answers the status the row states (reads for every role; changes for every role that must be
  refused, with a body that would be accepted from the right person, so only the caller can be the reason);
- every refusal leaves a line in the `tandem.access` log, with the route's template and the caller.
"""
from __future__ import annotations

import importlib
import json
import logging
from collections import defaultdict

import pytest

from helpers import REPO_ROOT, SERVICES, free_port
from matrix import cells, describe, documented_operations, load_bodies, load_rows, request_for
from world import ROLES, build_world

ROWS = load_rows()
CELLS = cells(ROWS)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from engagement.demo import DEMO_PASSWORD

    from tandem_gateway.embedded import build_platform
    from tandem_shared.testing import reset_memory_broker

    reset_memory_broker()
    platform = build_platform(tmp_path_factory.mktemp("authorization"), free_port(),
                              base_environ={"TANDEM_DEMO_DATA": "true", "TANDEM_LOG_LEVEL": "WARNING"})
    platform.start_workers()
    demo = importlib.import_module("catalog.demo_content")
    other = next(a for a in demo.ASSOCIATIONS if a["referent"]["email"] != "referente@petits-savants.example")
    try:
        built = build_world(platform, DEMO_PASSWORD, {"email": other["referent"]["email"], "association_id": other["id"]})
        built.objects.update(one="1")
        yield built
    finally:
        platform.stop()


def test_every_operation_of_every_service_has_its_row():
    documents = {service: json.loads((REPO_ROOT / "services" / service / "openapi.json").read_text()) for service in SERVICES}
    documented = documented_operations(documents)
    missing = sorted(documented - set(ROWS))
    stale = sorted(set(ROWS) - documented)
    assert not missing, "operations without a row in tests/authorization/matrix.yaml:\n" + "\n".join(missing)
    assert not stale, "rows for operations no OpenAPI document has:\n" + "\n".join(stale)


def test_every_row_states_a_refusal_for_the_roles_it_does_not_let_in():
    for operation, row in ROWS.items():
        allow = row.get("allow", [])
        everyone = allow == "all" or set(ROLES) - {"anonymous"} <= set(allow) | set(row.get("answers", {}))
        assert everyone or row.get("deny") in (401, 403, 404), f"{operation}: say what the others get (deny: 401, 403 or 404)"
        assert set(allow if allow != "all" else []) <= set(ROLES), operation


def test_every_cell_answers_as_the_matrix_says_and_every_refusal_is_logged(world, caplog):
    bodies = load_bodies()
    wrong, unlogged = [], []
    by_operation = defaultdict(list)
    for cell in CELLS:
        by_operation[cell.operation].append(cell)
    # Reads first, then the refused changes: a refused change must change nothing the reads see.
    ordered = sorted(by_operation, key=lambda operation: operation.split()[1] != "GET")
    caplog.set_level(logging.INFO, logger="tandem.access")
    for operation in ordered:
        method, path, body = request_for(operation, ROWS[operation], bodies, world.objects)
        for cell in by_operation[operation]:
            if not cell.run:
                continue
            caplog.clear()
            answer = world.call(cell.role, method, path, body)
            if answer.status_code != cell.expected:
                wrong.append(f"{operation} as {cell.role}: expected {cell.expected}, got {describe(answer)}")
            elif cell.expected in (401, 403, 404) and not any(
                    record.name == "tandem.access" and getattr(record, "http_status", None) == cell.expected
                    for record in caplog.records):
                unlogged.append(f"{operation} as {cell.role} ({cell.expected})")
    assert not wrong, f"{len(wrong)} cells differ from the matrix:\n" + "\n".join(wrong)
    assert not unlogged, "refusals without a line in the tandem.access log:\n" + "\n".join(unlogged)
