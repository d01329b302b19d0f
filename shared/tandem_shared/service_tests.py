"""Tests every service passes, imported by each service's `tests/test_service_basics.py`.

They run once per service, against that service's own app, database and AsyncAPI document.
"""
from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import jwt
import pytest
import sqlalchemy as sa

from .harness import TokenFactory
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


def test_a_valid_token_opens_a_session_seen_by_the_service(service, tokens):
    response = service.client.get("/session", headers=tokens.headers("person-7", roles=["employee", "company_admin"]))
    assert response.status_code == 200, response.json
    assert response.json == {"subject": "person-7", "roles": ["company_admin", "employee"], "service": service.package}


def test_the_session_cookie_is_accepted_for_reading_the_session(service, tokens):
    service.client.set_cookie("tandem_session", tokens.mint("person-7"))
    response = service.client.get("/session")
    assert response.status_code == 200, response.json
    assert response.json["subject"] == "person-7"


def _tampered(tokens: TokenFactory) -> str:
    header, payload, signature = tokens.mint("person-7", roles=["employee"]).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["roles"] = ["platform_operator"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def _unsigned(tokens: TokenFactory) -> str:
    now = int(time.time())
    claims = {"sub": "person-7", "aud": tokens.audience, "iss": tokens.issuer, "iat": now, "exp": now + 300, "roles": ["employee"]}
    return jwt.encode(claims, None, algorithm="none")


_REFUSED_TOKENS = {
    "tampered": _tampered,
    "expired": lambda tokens: tokens.mint("person-7", ttl=-120),
    "alg-none": _unsigned,
    "another-audience": lambda tokens: tokens.mint("person-7", aud="another-platform"),
    "another-issuer": lambda tokens: tokens.mint("person-7", iss="someone-else"),
    "another-key": lambda tokens: TokenFactory().mint("person-7"),
    "not-a-jwt": lambda tokens: "ceci-n-est-pas-un-jeton",
}


@pytest.mark.parametrize("kind", list(_REFUSED_TOKENS))
def test_a_bad_token_is_refused_with_a_problem_document(service, tokens, kind):
    token = _REFUSED_TOKENS[kind](tokens)
    response = service.client.get("/session", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401, response.json
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == 401
    assert response.json["title"] == "Authentification requise"


def test_no_token_is_refused_with_a_problem_document(service):
    response = service.client.get("/session")
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


@pytest.mark.integration
def test_migrations_and_readiness_on_postgresql_and_rabbitmq(service_on_real_infrastructure):
    harness = service_on_real_infrastructure
    assert harness.runtime.db.engine.dialect.name == "postgresql"
    tables = set(sa.inspect(harness.runtime.db.engine).get_table_names())
    assert {"outbox", "inbox"} <= tables
    response = harness.client.get("/readyz")
    assert response.status_code == 200, response.json
