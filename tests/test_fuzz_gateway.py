"""Schemathesis through the gateway, as the people who use it (issue 17).

The embedded platform (every service, the gateway, the demo data) serves on 127.0.0.1. Each service's
OpenAPI document is read through `/api/<service>/openapi.json` and fuzzed through the gateway three
times: anonymous, as an employee (Camille) and as a company admin (Nathalie), each signed in with their
password so the token is the one the platform issues. Every check runs, `not_a_server_error` and the
response-schema checks included; the goal is no finding at all. `tests/test_fuzz_openapi.py` fuzzes
each app alone with every role at once; this one reaches the views' per-object rules with real people.
"""
from __future__ import annotations

import pytest
import requests

from helpers import SERVICES, free_port
from tandem_shared.fuzzing import _serving, fuzz_openapi

PEOPLE = {"employee": "camille.martin@horizon.example", "company_admin": "admin@horizon.example"}
# Signing out or deleting the account revokes the token the rest of the run uses.
REVOKING = ["DELETE /session", "DELETE /me"]


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from engagement.demo import DEMO_PASSWORD

    from tandem_gateway.embedded import build_platform
    from tandem_shared.testing import reset_memory_broker

    reset_memory_broker()
    port = free_port()
    platform = build_platform(tmp_path_factory.mktemp("fuzz-gateway"), port,
                              base_environ={"TANDEM_DEMO_DATA": "true", "TANDEM_LOG_LEVEL": "WARNING"})
    platform.start_workers()
    try:
        with _serving(platform.gateway) as base:
            tokens = {}
            for role, email in PEOPLE.items():
                answer = requests.post(f"{base}/api/engagement/session", json={"email": email, "password": DEMO_PASSWORD}, timeout=30)
                assert answer.status_code == 200, answer.text
                tokens[role] = answer.cookies["tandem_session"]
            yield platform, tokens
    finally:
        platform.stop()


@pytest.mark.parametrize("who", ["anonymous", "employee", "company_admin"])
@pytest.mark.parametrize("service", SERVICES)
def test_schemathesis_through_the_gateway_finds_nothing(platform, service, who):
    gateway_platform, tokens = platform
    headers = None if who == "anonymous" else {"Authorization": f"Bearer {tokens[who]}"}
    report = fuzz_openapi(gateway_platform.gateway, base_path=f"/api/{service}", headers=headers, max_examples=2,
                          exclude_operations=REVOKING if headers else ())
    assert report.scenarios > 0
    assert not report.errors, "\n".join(report.errors)
    assert not report.failures, "\n".join(report.failures)
    if headers:
        # The run was signed in from its first request to its last: the token still opens the session.
        with _serving(gateway_platform.gateway) as base:
            session = requests.get(f"{base}/api/{service}/session", headers=headers, timeout=10)
        assert session.status_code == 200, session.text
