"""Token cut-off tests every service passes, imported by each service's `tests/test_revocation.py`.

They need one fixture from the importing module, `revoke`: a callable
`revoke(harness, person_id, not_before)` that sets a person's cut-off the way that service learns
of it. A consumer of engagement's events builds it with `revoke_by_event(event_type)`, one
parameter per event type (the event names are the service's business, not shared's):

    @pytest.fixture(params=["<producer>.person.signed_out", ...])
    def revoke(request):
        return revoke_by_event(request.param)

Times are explicit: `iat` has a resolution of one second, so the tests mint tokens with a whole
second `iat` in the recent past and place cut-offs relative to it, never relative to "now".
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime, timezone

import pytest

Revoke = Callable[..., None]


def revoke_by_event(event_type: str) -> Revoke:
    """A `revoke` that delivers `event_type` (its AsyncAPI example, with the person and time replaced)."""

    def revoke(harness, person_id: str, not_before: datetime) -> None:
        examples = harness.contract.examples(event_type)
        data = {**(examples[0] if examples else {}), "person_id": person_id, "not_before": not_before.isoformat(timespec="milliseconds")}
        assert harness.deliver(event_type, data) == "processed"

    return revoke


def _issued_a_minute_ago() -> int:
    return int(time.time()) - 60


def _at(epoch_seconds: float) -> datetime:
    return datetime.fromtimestamp(epoch_seconds, tz=timezone.utc)


def _session(harness, tokens, person_id: str, iat: int) -> int:
    return harness.client.get("/session", headers=tokens.headers(person_id, iat=iat)).status_code


def _refuses_older_tokens_and_accepts_newer_ones(harness, tokens, revoke: Revoke) -> None:
    person = str(uuid.uuid4())
    issued = _issued_a_minute_ago()
    assert _session(harness, tokens, person, issued) == 200

    revoke(harness, person, _at(issued + 0.5))

    refused = harness.client.get("/session", headers=tokens.headers(person, iat=issued))
    assert refused.status_code == 401
    assert refused.mimetype == "application/problem+json"
    assert _session(harness, tokens, person, issued + 1) == 200


def test_a_cutoff_refuses_the_tokens_issued_before_it_and_accepts_later_ones(service, tokens, revoke):
    _refuses_older_tokens_and_accepts_newer_ones(service, tokens, revoke)


def test_a_token_issued_exactly_at_the_cutoff_is_accepted(service, tokens, revoke):
    person = str(uuid.uuid4())
    issued = _issued_a_minute_ago()

    revoke(service, person, _at(issued))

    assert _session(service, tokens, person, issued) == 200
    assert _session(service, tokens, person, issued - 1) == 401


def test_an_older_cutoff_arriving_late_does_not_move_it_back(service, tokens, revoke):
    person = str(uuid.uuid4())
    issued = _issued_a_minute_ago()
    revoke(service, person, _at(issued + 0.5))

    revoke(service, person, _at(issued - 30))

    assert _session(service, tokens, person, issued) == 401
    assert _session(service, tokens, person, issued + 1) == 200


def test_a_later_cutoff_moves_it_forward(service, tokens, revoke):
    person = str(uuid.uuid4())
    issued = _issued_a_minute_ago()
    revoke(service, person, _at(issued - 10))
    assert _session(service, tokens, person, issued) == 200

    revoke(service, person, _at(issued + 5))

    assert _session(service, tokens, person, issued + 4) == 401
    assert _session(service, tokens, person, issued + 5) == 200


def test_a_cutoff_leaves_other_people_signed_in(service, tokens, revoke):
    person, someone_else = str(uuid.uuid4()), str(uuid.uuid4())
    issued = _issued_a_minute_ago()

    revoke(service, person, _at(issued + 30))

    assert _session(service, tokens, person, issued) == 401
    assert _session(service, tokens, someone_else, issued) == 200


@pytest.mark.integration
def test_a_cutoff_refuses_older_tokens_on_postgresql(service_on_real_infrastructure, tokens, revoke):
    harness = service_on_real_infrastructure
    _refuses_older_tokens_and_accepts_newer_ones(harness, tokens, revoke)
    person = str(uuid.uuid4())
    issued = _issued_a_minute_ago()
    revoke(harness, person, _at(issued + 0.5))
    revoke(harness, person, _at(issued - 30))
    assert _session(harness, tokens, person, issued) == 401
