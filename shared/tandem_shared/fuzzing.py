"""Schemathesis against a service's app, in process: every check, every phase, a bounded number of examples.

A test calls `fuzz_openapi(app, ...)` and asserts the returned list is empty; each entry says which
operation failed which check, and how to reproduce it.
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from werkzeug.serving import make_server

# A Hypothesis bug (reading a lambda's source) that stops one operation inside schemathesis 4.32 on
# Python 3.11; it says nothing about the service, so it is counted apart from real failures.
_HYPOTHESIS_AST_BUG = "AST constructor recursion depth mismatch"


@dataclass
class FuzzReport:
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tool_bugs: list[str] = field(default_factory=list)
    scenarios: int = 0


def fuzz_openapi(
    app: Flask | Callable,
    *,
    base_path: str = "",
    headers: dict[str, str] | None = None,
    max_examples: int = 10,
    exclude_operations: Iterable[str] = (),
    seed: int = 19,
    max_time: float | None = None,
    excluded_checks: Iterable[str] = (),
) -> FuzzReport:
    """Run schemathesis with all its checks against `app`'s own `/openapi.json`.

    `exclude_operations` are `"METHOD /path"` labels left out of this run (e.g. log-out, which would
    revoke the token the run uses). `app` may be a gateway (any WSGI app) serving the service under
    `base_path` (`/api/<service>`): the document is read there and every request goes through it.
    """
    import schemathesis
    from schemathesis.config import SchemathesisConfig

    settings: dict[str, Any] = {
        "seed": seed,
        "checks": {
            "enabled": True,
            # A schema-valid request can still break a rule no schema states (a weak password, an unknown
            # single-use link, a company that is not a partner): those answer 400, 410 or 422, as documented. An upload
            # of random bytes is a schema-valid file that is not a JPEG, PNG or WebP image: 415, as documented.
            "positive_data_acceptance": {"expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "410", "415", "422", "429"]},
        },
        # Every service refuses NUL in text (PostgreSQL cannot store it): not a case to call valid.
        "generation": {"max-examples": max_examples, "mode": "all", "deterministic": True, "database": "none", "allow-x00": False},
        "phases": {"stateful": {"enabled": False}},
        "suppress-health-check": ["all"],
        "continue-on-failure": True,
    }
    for check in excluded_checks:
        settings["checks"][check] = {"enabled": False}
    if max_time is not None:
        settings["max-time"] = max_time
    if headers:
        settings["headers"] = dict(headers)
    with _serving(app) as base_url:
        settings["base-url"] = f"{base_url}{base_path}"
        schema = schemathesis.openapi.from_url(f"{base_url}{base_path}/openapi.json", config=SchemathesisConfig.from_dict(settings))
        return _run(schema, exclude_operations)


@contextlib.contextmanager
def _serving(app: Flask | Callable) -> Iterator[str]:
    """The app on 127.0.0.1 over real HTTP (schemathesis's WSGI transport fails some checks), for one run."""
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, name="fuzz-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def _run(schema, exclude_operations: Iterable[str]) -> FuzzReport:
    from schemathesis.engine import Status, events, from_schema

    excluded = set(exclude_operations)
    if excluded:
        schema = schema.exclude(func=lambda ctx: f"{ctx.operation.method.upper()} {ctx.operation.path}" in excluded)

    report = FuzzReport()
    seen: set[tuple[str, str, str]] = set()  # one failure per (operation, check, title) is enough to read
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            report.scenarios += 1
            for case_id, checks in event.recorder.checks.items():
                for check in checks:
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        interaction = event.recorder.interactions.get(case_id)
                        request = interaction.request if interaction else None
                        sent = f"{request.method} {request.uri} body={request.body!r:.300}" if request else "?"
                        key = (event.recorder.label, check.name, failure.title)
                        if key not in seen:
                            seen.add(key)
                            report.failures.append(
                                f"[{event.recorder.label}] {check.name}: {failure.title} — {failure.message[:300]}\n    sent: {sent}"
                            )
        elif isinstance(event, events.NonFatalError):
            text = f"[{event.label}] {type(event.value).__name__}: {event.value}"
            (report.tool_bugs if _HYPOTHESIS_AST_BUG in str(event.value) else report.errors).append(text)
        elif isinstance(event, events.FatalError):
            report.errors.append(f"fatal: {type(event.exception).__name__}: {event.exception}")
    return report
