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


# -- the fast path: the rows a commit wrote, handed to the running relay (issue 18, P1) ---------------------------


def outbox_statements(runtime) -> tuple[list[str], callable]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "outbox" in statement:
            seen.append(" ".join(statement.split())[:80])

    sa.event.listen(runtime.db.engine, "before_cursor_execute", record)
    return seen, lambda: sa.event.remove(runtime.db.engine, "before_cursor_execute", record)


def received_ids(tap, expected: int, timeout: float = 10.0) -> list[str]:
    ids: list[str] = []
    deadline = time.monotonic() + timeout
    while len(ids) < expected and time.monotonic() < deadline:
        message = tap.get(timeout=0.3)
        if message is not None:
            ids.append(json.loads(message.body)["id"])
    return ids


def test_a_running_relay_publishes_a_committed_row_without_claiming_it_first(runtime, broker_url, make_tap):
    tap = make_tap(broker_url)
    runtime.start_relay()
    wait_until(lambda: runtime.relay._running, 5, "the relay thread")
    time.sleep(0.3)  # the start's catch-up pass is over
    seen, stop = outbox_statements(runtime)
    try:
        with runtime.unit_of_work() as uow:
            event = uow.publish(HAPPENED, "1", {"n": 1})
        assert received_ids(tap, 1) == [event.id]
        wait_until(lambda: runtime.relay.pending_count() == 0, 5, "the row marked sent")
    finally:
        stop()
    relay_statements = [s for s in seen if not s.startswith("INSERT INTO outbox") and "count(" not in s]
    # One UPDATE marks it sent; no SELECT claimed it before (the polling pass's SELECT … FOR UPDATE).
    assert relay_statements and all(s.startswith("UPDATE outbox SET sent_at") for s in relay_statements), relay_statements
    assert outbox_rows(runtime)[0].attempts == 1


def test_a_row_the_fast_path_could_not_publish_is_published_by_the_polling_pass(runtime, broker_url, make_tap, monkeypatch):
    """As after a crash between the commit and the publish: the row is still unsent in the table, so the next polling
    pass (of this relay or any other) publishes it; nothing is lost."""
    tap = make_tap(broker_url)
    failures = []
    real_publish = runtime.relay._publish

    def broker_unreachable_once(row):
        if not failures:
            failures.append(row.event_id)
            raise ConnectionError("broker unreachable")
        real_publish(row)

    monkeypatch.setattr(runtime.relay, "_publish", broker_unreachable_once)
    runtime.start_relay()
    wait_until(lambda: runtime.relay._running, 5, "the relay thread")
    time.sleep(0.3)
    with runtime.unit_of_work() as uow:
        event = uow.publish(HAPPENED, "1", {"n": 1})
    assert received_ids(tap, 1) == [event.id]
    assert failures == [event.id]
    wait_until(lambda: runtime.relay.pending_count() == 0, 5, "the row marked sent")


def test_rows_handed_to_a_relay_that_died_are_published_by_another_relay(sqlite_url, broker_url, make_tap):
    """The writer's process dies after its commit, its handed rows with it: another process's relay publishes them."""
    tap = make_tap(broker_url)
    writer = build_runtime(sqlite_url, broker_url)
    writer.declare_topology()
    writer.relay._running = True  # a relay thread that will never run again (the process is gone)
    try:
        with writer.unit_of_work() as uow:
            events = [uow.publish(HAPPENED, str(n), {"n": n}) for n in range(3)]
        assert len(writer.relay._handed) == 3 and writer.relay.pending_count() == 3
        survivor = build_runtime(sqlite_url, broker_url, create_tables=False)
        try:
            assert survivor.relay.flush() == 3
        finally:
            survivor.relay.close()
            survivor.db.dispose()
        assert sorted(received_ids(tap, 3)) == sorted(e.id for e in events)
        assert writer.relay.pending_count() == 0
    finally:
        writer.relay.close()
        writer.db.dispose()


@pytest.mark.integration
def test_the_fast_path_and_another_relays_polling_pass_on_the_same_rows_lose_nothing(pg_url, make_tap):
    """The race the fast path accepts: another process's polling pass claims the same fresh rows while this
    process's relay publishes them. Every event goes out (at least once), every row ends sent, nothing fails."""
    writer = build_runtime(pg_url, "memory://")
    poller = build_runtime(pg_url, "memory://", create_tables=False)
    writer.declare_topology()
    tap = make_tap("memory://")
    stop = threading.Event()
    errors: list[BaseException] = []

    def poll_all_the_time():
        while not stop.is_set():
            try:
                poller.relay.flush()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    writer.start_relay()
    wait_until(lambda: writer.relay._running, 5, "the relay thread")
    racing = threading.Thread(target=poll_all_the_time)
    racing.start()
    try:
        ids = []
        for n in range(100):
            with writer.unit_of_work() as uow:
                ids.append(uow.publish(HAPPENED, str(n), {"n": n}).id)
        wait_until(lambda: writer.relay.pending_count() == 0, 20, "every row marked sent")
    finally:
        stop.set()
        racing.join(10)
        writer.stop()
        poller.relay.close()
        poller.db.dispose()
    assert errors == []
    received = received_ids(tap, 100, timeout=5)
    while (message := tap.get(timeout=0.3)) is not None:  # the copies, if any
        received.append(json.loads(message.body)["id"])
    assert set(received) == set(ids)


@pytest.mark.integration
def test_marking_rows_sent_does_not_wait_for_the_disk_but_writing_them_does(pg_url, make_tap):
    """The mark may be lost in a server crash (the row is published again, the inboxes drop the copy); the event may
    not. So only the relay's own transactions turn synchronous_commit off, and only for themselves (SET LOCAL)."""
    runtime = build_runtime(pg_url, "memory://", outbox_poll_interval=60.0)
    runtime.declare_topology()
    tap = make_tap("memory://")
    transactions: list[list[str]] = [[]]

    def record(conn, cursor, statement, parameters, context, executemany):
        transactions[-1].append(" ".join(statement.split())[:60])

    def committed(conn):
        transactions.append([])

    sa.event.listen(runtime.db.engine, "before_cursor_execute", record)
    sa.event.listen(runtime.db.engine, "commit", committed)
    try:
        with runtime.unit_of_work() as uow:  # written, then published by the polling pass
            first = uow.publish(HAPPENED, "1", {"n": 1})
        assert runtime.relay.flush() == 1
        runtime.start_relay()
        wait_until(lambda: runtime.relay._running, 5, "the relay thread")
        with runtime.unit_of_work() as uow:  # written, then published by the fast path
            second = uow.publish(HAPPENED, "2", {"n": 2})
        assert received_ids(tap, 2) == [first.id, second.id]
        wait_until(lambda: runtime.relay.pending_count() == 0, 5, "both rows marked sent")
        marking = [statements for statements in transactions if any(s.startswith("UPDATE outbox SET sent_at") for s in statements)]
        writing = [statements for statements in transactions if any(s.startswith("INSERT INTO outbox") for s in statements)]
        assert len(marking) == 2 and len(writing) == 2, transactions
        for statements in marking:
            turned_off = statements.index("SET LOCAL synchronous_commit TO OFF")
            assert turned_off < next(i for i, s in enumerate(statements) if s.startswith("UPDATE outbox SET sent_at"))
        assert not any("synchronous_commit" in s for statements in writing for s in statements)
        with runtime.db.engine.connect() as connection:  # the pool's connections are back to durable commits
            assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
    finally:
        sa.event.remove(runtime.db.engine, "before_cursor_execute", record)
        sa.event.remove(runtime.db.engine, "commit", committed)
        runtime.stop()
        runtime.relay.close()
        runtime.db.dispose()
