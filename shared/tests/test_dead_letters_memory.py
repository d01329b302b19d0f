"""Retries and dead letters in the embedded mode: the memory transport has no TTL queues, so the consumer holds the
delayed retries in timers of its process; the stages and the numbers are those of RabbitMQ."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from tandem_tiny_service import (
    FAILED,
    HAPPENED,
    QUICK_RETRIES,
    SERVICE,
    FailSwitch,
    build_runtime,
    effect_rows,
    effects,
    messaging,
    metadata,
    wait_until,
)

from tandem_shared.bus import RetryPolicy

from tandem_shared.bus import Publisher
from tandem_shared.deadletter import list_dead, replay_dead
from tandem_shared.envelope import Event
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime
from tandem_shared.testing import running
from tandem_shared.worker import worker_cli

MEMORY = "memory://"


@pytest.fixture
def switch():
    return FailSwitch(on=True)


@pytest.fixture
def runtime(sqlite_url, switch):
    runtime = build_runtime(sqlite_url, MEMORY, switch=switch, delivery_limit=2)
    with running(runtime):
        yield runtime


def test_a_message_that_keeps_failing_is_dead_lettered_after_its_immediate_and_delayed_retries(runtime, switch):
    with runtime.unit_of_work() as uow:
        event = uow.publish(FAILED, "a", {"n": 1})

    [dead] = wait_until(lambda: list_dead(runtime.bus, SERVICE), 10, "the message in tiny.dead")

    # (1 + 1 immediate retry) x (1 + 2 delayed retries): the sixth failure dead-letters it, as on RabbitMQ.
    assert QUICK_RETRIES.attempts_per_message == 6
    assert switch.attempts == 6
    assert dead.event_id == event.id
    assert dead.type == FAILED
    assert dead.reason.startswith("failed 6 times (2 delayed retries)")
    assert "refusing" in dead.reason  # the handler's error travels with it
    assert Event.from_json(dead.body) == event
    assert effect_rows(runtime) == []
    # Listing does not take the message away.
    assert [m.event_id for m in list_dead(runtime.bus, SERVICE)] == [event.id]


def test_a_replayed_dead_message_is_handled_once_its_handler_is_fixed_and_leaves_the_dead_queue(runtime, switch):
    with runtime.unit_of_work() as uow:
        event = uow.publish(FAILED, "a", {"n": 1})
    wait_until(lambda: list_dead(runtime.bus, SERVICE), 10, "the message in tiny.dead")

    switch.on = False
    assert replay_dead(runtime.bus, SERVICE) == [event.id]

    wait_until(lambda: effect_rows(runtime) == [(event.id, FAILED)], 10, "the replayed message to be handled")
    assert list_dead(runtime.bus, SERVICE) == []


def test_replaying_one_id_leaves_the_other_dead_messages_where_they_are(runtime, switch):
    with runtime.unit_of_work() as uow:
        first = uow.publish(FAILED, "a", {"n": 1})
        second = uow.publish(FAILED, "b", {"n": 2})
    wait_until(lambda: len(list_dead(runtime.bus, SERVICE)) == 2, 15, "both messages in tiny.dead")

    switch.on = False
    assert replay_dead(runtime.bus, SERVICE, event_id=second.id) == [second.id]

    wait_until(lambda: effect_rows(runtime) == [(second.id, FAILED)], 10, "the replayed message to be handled")
    assert [m.event_id for m in list_dead(runtime.bus, SERVICE)] == [first.id]


def test_the_worker_cli_lists_and_replays_dead_messages_on_memory(runtime, switch, sqlite_url):
    with runtime.unit_of_work() as uow:
        event = uow.publish(FAILED, "a", {"n": 1})
    wait_until(lambda: list_dead(runtime.bus, SERVICE), 10, "the message in tiny.dead")
    cli = worker_cli(SERVICE, lambda: runtime)
    cli_runner = CliRunner()

    listed = cli_runner.invoke(cli, ["dead", "list"])
    assert listed.exit_code == 0, listed.output
    [line] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert line["id"] == event.id and line["type"] == FAILED and line["deaths"] == 1

    switch.on = False
    replayed = cli_runner.invoke(cli, ["dead", "replay", "--all"])
    assert replayed.exit_code == 0, replayed.output
    assert replayed.stdout.split() == [event.id]
    wait_until(lambda: effect_rows(runtime) == [(event.id, FAILED)], 10, "the replayed message to be handled")

    missing = cli_runner.invoke(cli, ["dead", "replay", "no-such-id"])
    assert missing.exit_code == 1


def test_a_message_that_is_not_a_cloudevent_goes_straight_to_the_dead_queue(runtime, switch):
    publisher = Publisher(runtime.bus)
    try:
        publisher.publish('{"hello": "world"}', routing_key=HAPPENED, headers={}, message_id="not-an-event")
    finally:
        publisher.close()

    [dead] = wait_until(lambda: list_dead(runtime.bus, SERVICE), 10, "the invalid message in tiny.dead")

    assert dead.reason.startswith("invalid envelope")
    assert dead.event_id == "not-an-event"
    assert json.loads(dead.body) == {"hello": "world"}
    assert effect_rows(runtime) == []


def test_a_message_that_fails_past_its_immediate_retries_succeeds_at_a_delayed_retry_and_is_not_dead_lettered(sqlite_url):
    calls = []
    other_handled = []

    def flaky(event, uow):
        calls.append(event.id)
        if len(calls) < 4:  # the first try and its immediate retry fail, then the first delayed retry fails once more
            raise RuntimeError("transient")
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type))

    def steady(event, uow):
        other_handled.append(event.id)

    runtime = ServiceRuntime(
        settings=RuntimeSettings(service=SERVICE, database_url=sqlite_url, broker_url=MEMORY, migrations_dir="unused",
                                 retry=RetryPolicy(immediate_retries=1, delays=(0.5,))),
        metadata=metadata,
        tables=messaging,
        subscriptions={HAPPENED: flaky, FAILED: steady},
    )
    metadata.create_all(runtime.db.engine)
    with running(runtime):
        with runtime.unit_of_work() as uow:
            event = uow.publish(HAPPENED, "x", {"n": 1})
            behind = uow.publish(FAILED, "y", {"n": 2})
        # The message waiting for its delayed retry holds nobody up: the one behind it is handled meanwhile.
        wait_until(lambda: other_handled, 5, "the message behind the failing one")
        assert not effect_rows(runtime)
        wait_until(lambda: effect_rows(runtime), 10, "the delayed retry to succeed")
        assert list_dead(runtime.bus, SERVICE) == []

    assert other_handled == [behind.id]
    assert calls == [event.id] * 4  # 2 at once, then the delayed round: 1 failure, its immediate retry succeeds
    assert effect_rows(runtime) == [(event.id, HAPPENED)]
