"""Schemathesis against every service's own OpenAPI document, anonymous and signed in (issue #19).

Every check runs (server errors, content types, status codes, response schemas, auth, methods…) on
each of the six apps, served over HTTP on 127.0.0.1; a bounded number of examples keeps the whole
fuzz within a few minutes on two cores.
"""
from __future__ import annotations

import pytest

from tandem_shared.fuzzing import fuzz_openapi
from tandem_shared.harness import ServiceHarness, TokenFactory
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.testing import reset_memory_broker

SERVICES = ["catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact"]
# Every role, so the signed-in run reaches every operation's own authorisation.
ROLES = ["employee", "company_admin", "platform_operator", "association_referent", "manager"]
# Signing out or deleting the account revokes the token the rest of the run uses.
REVOKING = ["DELETE /session", "DELETE /me"]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
@pytest.mark.parametrize("package", SERVICES)
def test_schemathesis_finds_nothing(package, signed_in, tmp_path):
    reset_memory_broker()
    tokens = TokenFactory()
    harness = ServiceHarness(package, service_dir(package), f"sqlite:///{tmp_path / 'fuzz.db'}", tokens=tokens)
    try:
        headers = tokens.headers("fuzz-person", roles=ROLES) if signed_in else None
        report = fuzz_openapi(harness.app, headers=headers, max_examples=3,
                              exclude_operations=REVOKING if signed_in else ())
    finally:
        harness.close(check_contract=False)
    assert report.scenarios > 0
    assert not report.errors, "\n".join(report.errors)
    assert not report.failures, "\n".join(report.failures)
