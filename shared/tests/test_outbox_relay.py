"""Transactional outbox and its relay, on the memory transport and on RabbitMQ."""
from __future__ import annotations

import json
import threading
import time

import pytest
import sqlalchemy as sa
from tandem_tiny_service import HAPPENED, build_runtime, wait_until

from tandem_shared import bus as bus_module
from tandem_shared.envelope import CONTENT_TYPE, Event
from tandem_shared.testing import published, rabbitmq_vhost


@pytest.fixture(scope="module")
def module_vhost_url():
    # One vhost for the module: each test has its own SQLite database and its own tap queue.
    with rabbitmq_vhost() as url:
        yield url


@pytest.fixture(params=["memory", pytest.param("rabbitmq", marks=pytest.mark.integration)])
def broker_url(request):
    if request.param == "memory":
        return "memory://"
    return request.getfixturevalue("module_vhost_url")


@pytest.fixture
def runtime(sqlite_url, broker_url):
    runtime = build_runtime(sqlite_url, broker_url, outbox_poll_interval=60.0)
    runtime.declare_topology()
    yield runtime
    runtime.stop()
    runtime.relay.close()


def outbox_rows(runtime) -> list:
    table = runtime.tables.outbox
    with runtime.db.engine.connect() as connection:
        return connection.execute(sa.select(table).order_by(table.c.position)).all()


def test_a_row_written_in_a_rolled_back_transaction_is_never_published(runtime, broker_url, make_tap):
    tap = make_tap(broker_url)

    with pytest.raises(RuntimeError, match="business rule broken"):
        with runtime.unit_of_work() as uow:
            uow.publish(HAPPENED, "1", {"n": 1})
            raise RuntimeError("business rule broken")

    assert outbox_rows(runtime) == []
    assert runtime.relay.flush() == 0
    assert tap.get(timeout=0.3) is None

    # The tap does see what is committed: the silence above is not a deaf tap.
    with runtime.unit_of_work() as uow:
        kept = uow.publish(HAPPENED, "2", {"n": 2})
    assert runtime.relay.flush() == 1
    message = tap.get()
    assert message is not None and Event.from_json(message.body).id == kept.id
    assert tap.get(timeout=0.2) is None


def test_a_committed_row_is_published_and_marked_sent_only_after_the_broker_confirmed_it(runtime, broker_url, make_tap, monkeypatch):
    tap = make_tap(broker_url)
    timeline: list[str] = []
    original_publish = bus_module.Publisher.publish

    def recording_publish(self, body, routing_key, headers, message_id, exchange=None):
        timeline.append("publish called")
        # At this point the row must still read as unsent, even inside the relay's own transaction.
        original_publish(self, body, routing_key, headers, message_id, exchange)
        timeline.append("publish returned (confirmed)")

    def record_sql(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE OUTBOX") and "sent_at" in statement:
            timeline.append("sent_at written")

    monkeypatch.setattr(bus_module.Publisher, "publish", recording_publish)
    sa.event.listen(runtime.db.engine, "before_cursor_execute", record_sql)
    try:
        with runtime.unit_of_work() as uow:
            event = uow.publish(HAPPENED, "7", {"n": 7})
        [row] = outbox_rows(runtime)
        assert row.event_id == event.id and row.sent_at is None and row.attempts == 0

        assert runtime.relay.flush() == 1
    finally:
        sa.event.remove(runtime.db.engine, "before_cursor_execute", record_sql)

    assert timeline == ["publish called", "publish returned (confirmed)", "sent_at written"]
    [row] = outbox_rows(runtime)
    assert row.sent_at is not None and row.sent_at >= row.created_at
    assert row.attempts == 1 and row.last_error is None
    assert runtime.relay.pending_count() == 0

    message = tap.get()
    assert message is not None
    assert message.content_type == CONTENT_TYPE
    assert message.delivery_info["routing_key"] == HAPPENED
    assert message.properties["message_id"] == event.id
    assert Event.from_json(message.body) == event
    # Sent rows are not sent again.
    assert runtime.relay.flush() == 0
    assert tap.get(timeout=0.2) is None


def test_a_row_whose_publish_fails_stays_unsent_and_goes_out_on_the_next_pass(runtime, broker_url, make_tap, monkeypatch):
    tap = make_tap(broker_url)
    original_publish = bus_module.Publisher.publish

    def failing_publish(self, *args, **kwargs):
        raise ConnectionError("broker said no")

    with runtime.unit_of_work() as uow:
        event = uow.publish(HAPPENED, "9", {"n": 9})

    monkeypatch.setattr(bus_module.Publisher, "publish", failing_publish)
    assert runtime.relay.flush() == 0
    [row] = outbox_rows(runtime)
    assert row.sent_at is None
    assert row.attempts == 1
    assert "broker said no" in row.last_error
    assert tap.get(timeout=0.2) is None

    monkeypatch.setattr(bus_module.Publisher, "publish", original_publish)
    assert runtime.relay.flush() == 1
    [row] = outbox_rows(runtime)
    assert row.sent_at is not None and row.attempts == 2 and row.last_error is None
    message = tap.get()
    assert message is not None and Event.from_json(message.body).id == event.id


def test_the_relay_wakes_on_commit_instead_of_waiting_for_its_sixty_second_poll(runtime, broker_url, make_tap):
    tap = make_tap(broker_url)
    assert runtime.settings.outbox_poll_interval == 60.0
    # Only the relay thread, and no initial wake-up: nothing but a commit can make it publish now.
    runtime.start_relay()

    latencies = []
    for n in range(3):
        committed_at = time.monotonic()
        with runtime.unit_of_work() as uow:
            event = uow.publish(HAPPENED, str(n), {"n": n})
        message = tap.get(timeout=5.0)
        latencies.append(time.monotonic() - committed_at)
        assert message is not None, "the relay did not publish after the commit"
        assert Event.from_json(message.body).id == event.id

    # The poll would take 60 s; a wake-up on commit takes milliseconds (1 s leaves room for a loaded machine).
    assert max(latencies) < 1.0, f"commit-to-delivery latencies {latencies}"
    wait_until(lambda: runtime.relay.pending_count() == 0, 2.0, "every row marked sent")


def test_events_are_published_in_commit_order(runtime, broker_url, make_tap):
    tap = make_tap(broker_url)
    ids = []
    with runtime.unit_of_work() as uow:
        ids += [uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(5)]
    for n in range(5, 10):
        with runtime.unit_of_work() as uow:
            ids.append(uow.publish(HAPPENED, str(n), {"n": n}).id)

    assert runtime.relay.flush() == 10

    received = []
    for _ in range(10):
        message = tap.get()
        assert message is not None
        received.append(json.loads(message.body)["id"])
    assert received == ids


def test_a_relay_publishes_more_than_one_batch_in_one_flush(runtime, broker_url, make_tap):
    tap = make_tap(broker_url)
    runtime.relay.batch_size = 7
    with runtime.unit_of_work() as uow:
        for n in range(20):
            uow.publish(HAPPENED, str(n), {"n": n})

    assert runtime.relay.flush() == 20
    assert runtime.relay.pending_count() == 0
    assert sum(1 for _ in range(20) if tap.get() is not None) == 20


@pytest.mark.integration
def test_two_relays_on_one_postgresql_database_publish_each_row_once(pg_url, make_tap):
    first = build_runtime(pg_url, "memory://")
    second = build_runtime(pg_url, "memory://", create_tables=False)
    first.declare_topology()
    tap = make_tap("memory://")
    first.relay.batch_size = second.relay.batch_size = 5
    try:
        with first.unit_of_work() as uow:
            ids = {uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(60)}

        counts: dict[str, int] = {}
        barrier = threading.Barrier(2)

        def relay(runtime, name):
            barrier.wait(timeout=5)
            counts[name] = runtime.relay.flush()

        threads = [threading.Thread(target=relay, args=(rt, name)) for rt, name in ((first, "first"), (second, "second"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
        # A relay that found every row locked by the other returns early; a last pass picks up leftovers.
        leftovers = first.relay.flush()

        assert counts["first"] + counts["second"] + leftovers == 60
        received = []
        while (message := tap.get(timeout=0.3)) is not None:
            received.append(json.loads(message.body)["id"])
        assert sorted(received) == sorted(ids)
        assert first.relay.pending_count() == 0
    finally:
        for rt in (first, second):
            rt.relay.close()
            rt.db.dispose()


def test_published_lists_what_the_service_wrote_to_its_outbox(sqlite_url):
    runtime = build_runtime(sqlite_url, "memory://")
    with runtime.unit_of_work() as uow:
        first = uow.publish(HAPPENED, "a", {"n": 1})
        second = uow.publish("tiny.other.happened", "b", {"n": 2})

    assert published(runtime) == [first, second]
    assert published(runtime, type="tiny.other.happened") == [second]
    runtime.db.dispose()
