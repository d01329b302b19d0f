"""Approval on the real PostgreSQL and RabbitMQ: simultaneous clicks make exactly one decision."""
import threading

import pytest

pytestmark = pytest.mark.integration

CLICKS = 8


def _request(harness, payload) -> tuple[str, str]:
    data = payload()
    harness.deliver("engagement.dates.requested", data)
    (created,) = [e for e in harness.published("approval.request.created") if e.data["request_id"] == data["request_id"]]
    return data["request_id"], created.data["action_link"].rsplit("/", 1)[1]


def _decisions(harness, request_id):
    return [e for e in harness.published() if e.type in ("approval.request.approved", "approval.request.refused")
            and e.data["request_id"] == request_id]


def _at_once(calls):
    """Run every call in its own thread, released together; returns their results in call order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_concurrent_posts_on_one_link_produce_exactly_one_decision(service_on_real_infrastructure, payload):
    harness = service_on_real_infrastructure
    assert harness.runtime.db.engine.dialect.name == "postgresql"
    request_id, secret = _request(harness, payload)

    def click(decision):
        return lambda: harness.app.test_client().post(f"/actions/{secret}", json={"decision": decision}).status_code

    statuses = _at_once([click("accept" if i % 2 else "refuse") for i in range(CLICKS)])
    assert sorted(statuses) == [200] + [410] * (CLICKS - 1)
    assert len(_decisions(harness, request_id)) == 1


def test_a_click_and_the_team_view_at_once_produce_exactly_one_decision(service_on_real_infrastructure, payload, tokens):
    harness = service_on_real_infrastructure
    request_id, secret = _request(harness, payload)
    headers = tokens.headers("manager-sophie", email="sophie.laurent@horizon.example")
    statuses = _at_once([
        lambda: harness.app.test_client().post(f"/actions/{secret}", json={"decision": "accept"}).status_code,
        lambda: harness.app.test_client().post(f"/requests/{request_id}/decision", json={"decision": "refuse"}, headers=headers).status_code,
    ] * 3)
    assert statuses.count(200) == 1
    assert all(status in (200, 409, 410) for status in statuses)
    assert len(_decisions(harness, request_id)) == 1
