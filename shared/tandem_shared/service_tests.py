"""Tests every service passes, imported by each service's `tests/test_service_basics.py`.

They run once per service, against that service's own app, database and AsyncAPI document.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from .pytest_plugin import service_dir
from .web import export_openapi


def test_the_service_says_it_is_alive(service):
    response = service.client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "service": service.package}


def test_the_service_is_ready_when_database_and_bus_answer(service):
    response = service.client.get("/readyz")
    assert response.status_code == 200
    assert response.json["checks"] == {"database": "ok", "broker": "ok"}


def test_the_service_is_not_ready_when_its_broker_is_unreachable(service_package, tmp_path, tokens):
    from .harness import ServiceHarness

    harness = ServiceHarness(
        service_package, service_dir(service_package), f"sqlite:///{tmp_path / 'nb.db'}",
        broker_url="amqp://guest:guest@127.0.0.1:1//", tokens=tokens,
    )
    try:
        response = harness.client.get("/readyz")
        assert response.status_code == 503
        assert response.mimetype == "application/problem+json"
        assert response.json["checks"] == {"database": "ok", "broker": "unavailable"}
    finally:
        harness.close()


def test_unknown_routes_answer_a_french_problem_document(service):
    response = service.client.get("/cette-adresse-n-existe-pas")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.json["title"] == "Introuvable"


def test_the_checked_in_openapi_document_matches_the_code(service):
    served = service.client.get("/openapi.json")
    assert served.status_code == 200
    checked_in = json.loads((service_dir(service.package) / "openapi.json").read_text(encoding="utf-8"))
    assert served.json == checked_in == export_openapi(service.app), (
        f"services/{service.package}/openapi.json is stale: run `make openapi`"
    )


def test_migrations_create_the_outbox_and_inbox(service):
    tables = set(sa.inspect(service.runtime.db.engine).get_table_names())
    assert {"outbox", "inbox", "alembic_version"} <= tables


def test_every_subscription_is_declared_in_the_asyncapi_document(service):
    assert set(service.runtime.subscriptions) == service.contract.consumed_types()


def test_every_published_message_example_matches_its_own_schema(service):
    for event_type in service.contract.published_types():
        examples = service.contract.examples(event_type)
        assert examples, f"{event_type} has no example in asyncapi.yaml"
        for example in examples:
            service.contract.validate(event_type, example)


def test_every_consumed_example_runs_through_its_handler(service):
    for event_type in service.contract.consumed_types():
        examples = service.contract.examples(event_type)
        assert examples, f"{event_type} has no example in asyncapi.yaml"
        for example in examples:
            assert service.deliver(event_type, example) == "processed"


@pytest.mark.integration
def test_migrations_and_readiness_on_postgresql_and_rabbitmq(service_on_real_infrastructure):
    harness = service_on_real_infrastructure
    assert harness.runtime.db.engine.dialect.name == "postgresql"
    tables = set(sa.inspect(harness.runtime.db.engine).get_table_names())
    assert {"outbox", "inbox"} <= tables
    response = harness.client.get("/readyz")
    assert response.status_code == 200, response.json
