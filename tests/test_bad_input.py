"""Bad input that every endpoint refuses cleanly: a 4xx problem document and nothing written (issue 17).

Every operation that reads a JSON body, in every service, is read from the service's own OpenAPI
document (a new endpoint is covered without touching this file) and receives, signed in with every
role so that only the body can be the reason of a refusal:
- a JSON document of 1 MB and one of 10 MB (413: over the JSON limit, and over the body limit);
- a JSON array nested 10,000 deep (400);
- bytes that are not UTF-8 (400).
No row of any table of the service may change, the outbox included.
"""
from __future__ import annotations

import json
import re

import pytest
from helpers import SERVICES
import sqlalchemy as sa

from tandem_shared.harness import ServiceHarness, TokenFactory
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.testing import reset_memory_broker

ROLES = ["employee", "company_admin", "platform_operator", "association_referent", "manager"]
BODY_METHODS = ("post", "put", "patch")
# Services whose API reads no body at all, and why; a JSON body added there is checked like the others.
NO_BODY = {"notifier": "its API only lists the e-mails sent (GET /emails)"}
# Signing out or deleting the account would revoke the token the rest of the run uses.
REVOKING = {("delete", "/session"), ("delete", "/me")}

ONE_MB = json.dumps({"description": "x" * 1_000_000}).encode()
TEN_MB = json.dumps({"description": "x" * 10_000_000}).encode()
DEEP = b"[" * 10_000 + b"]" * 10_000
NOT_UTF8 = b'{"title": "caf\xe9 \xff\xfe"}'
BODIES = [("1MB", ONE_MB, 413), ("10MB", TEN_MB, 413), ("nested-10000", DEEP, 400), ("invalid-utf8", NOT_UTF8, 400)]


def _json_operations(app) -> list[tuple[str, str]]:
    document = app.test_client().get("/openapi.json").get_json()
    operations = []
    for path, item in document["paths"].items():
        for method in BODY_METHODS:
            operation = item.get(method)
            content = (operation or {}).get("requestBody", {}).get("content", {})
            # SCIM endpoints answer a directory's client in RFC 7644's error format, after its SCIM token: the same
            # bodies are refused there in that format (services/engagement/tests/test_scim.py, hostile bodies).
            scim = "application/scim+json" in content
            if any(kind.endswith("json") for kind in content) and (method, path) not in REVOKING and not scim:
                operations.append((method, re.sub(r"\{[^}]+\}", "1", path)))
    return operations


def _row_counts(runtime) -> dict[str, int]:
    with runtime.db.reading() as session:
        tables = sa.inspect(session.get_bind()).get_table_names()
        return {table: session.scalar(sa.text(f'SELECT count(*) FROM "{table}"')) for table in tables}


@pytest.mark.parametrize("package", SERVICES)
def test_every_json_endpoint_refuses_oversized_deep_and_malformed_bodies_and_writes_nothing(package, tmp_path):
    reset_memory_broker()
    tokens = TokenFactory()
    harness = ServiceHarness(package, service_dir(package), f"sqlite:///{tmp_path / 'bad.db'}", tokens=tokens)
    try:
        client = harness.app.test_client()
        headers = {**tokens.headers("bad-input-person", roles=ROLES), "Content-Type": "application/json"}
        operations = _json_operations(harness.app)
        assert operations or package in NO_BODY, f"{package} documents no JSON body"
        before = _row_counts(harness.runtime)
        for method, path in operations:
            for name, body, status in BODIES:
                answer = client.open(path, method=method.upper(), data=body, headers=headers)
                assert answer.status_code == status, (package, method, path, name, answer.status_code,
                                                      answer.get_data(as_text=True)[:200])
                assert answer.content_type.startswith("application/problem+json"), (method, path, name)
                assert answer.get_json()["detail"], (method, path, name)
        assert _row_counts(harness.runtime) == before
    finally:
        harness.close(check_contract=False)
