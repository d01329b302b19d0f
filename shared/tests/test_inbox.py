"""The idempotent inbox: an event id seen once changes nothing the second time, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from tandem_tiny_service import FAILED, HAPPENED, FailSwitch, HandlerFailure, build_runtime, effect_rows, effects, inbox_ids, messaging, metadata, wait_until

from tandem_shared.bus import RetryPolicy
from tandem_shared.envelope import Event
from tandem_shared.inbox import DUPLICATE, IGNORED, PROCESSED
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime
from tandem_shared.testing import deliver, make_event, running
from tandem_shared.timeutil import utcnow


@pytest.fixture
def switch():
    return FailSwitch(on=True)


@pytest.fixture
def runtime(database_url, switch):
    runtime = build_runtime(database_url, "memory://", switch=switch)
    yield runtime
    runtime.db.dispose()


def test_the_same_event_delivered_twice_has_one_effect_and_the_second_outcome_is_duplicate(runtime):
    event = make_event(HAPPENED, {"n": 1})

    first = deliver(runtime, event)
    second = deliver(runtime, event)

    assert (first, second) == (PROCESSED, DUPLICATE)
    assert effect_rows(runtime) == [(event.id, HAPPENED)]
    assert inbox_ids(runtime) == [event.id]


def test_a_redelivered_copy_decoded_again_from_json_is_still_a_duplicate(runtime):
    event = make_event(HAPPENED, {"n": 1})
    deliver(runtime, event)

    copy = Event.from_json(event.to_json())

    assert deliver(runtime, copy) == DUPLICATE
    assert len(effect_rows(runtime)) == 1


def test_different_events_each_have_their_effect(runtime):
    events = [make_event(HAPPENED, {"n": n}) for n in range(3)]

    outcomes = [deliver(runtime, event) for event in events]

    assert outcomes == [PROCESSED] * 3
    assert sorted(effect_rows(runtime)) == sorted((event.id, HAPPENED) for event in events)


def test_a_failing_handler_leaves_neither_its_effects_nor_the_inbox_row_so_a_retry_can_succeed(runtime, switch):
    event = make_event(FAILED, {"n": 1})

    with pytest.raises(HandlerFailure):
        deliver(runtime, event)
    assert effect_rows(runtime) == []
    assert inbox_ids(runtime) == []

    switch.on = False
    assert deliver(runtime, event) == PROCESSED
    assert deliver(runtime, event) == DUPLICATE
    assert effect_rows(runtime) == [(event.id, FAILED)]
    assert switch.attempts == 2  # the duplicate never reached the handler


def test_the_inbox_row_is_compiled_once_and_keeps_its_aware_utc_time(runtime):
    """The one-event INSERT comes from SQLAlchemy's statement cache after the first event (the dialects'
    ON CONFLICT constructs are never cached), and its processed_at reads back as the ORM would write it."""
    cache_of_inbox_inserts: list[str] = []

    def note_inbox_insert(_conn, _cursor, statement, _params, context, _executemany):
        if statement.lstrip().upper().startswith("INSERT INTO INBOX"):
            cache_of_inbox_inserts.append(context._get_cache_stats())

    # Every engine: on PostgreSQL the inbox has a pool of its own (`Database.transaction(check_connection=False)`).
    sa.event.listen(sa.Engine, "after_cursor_execute", note_inbox_insert)
    try:
        before = utcnow()
        events = [make_event(HAPPENED, {"n": n}) for n in range(3)]
        assert [deliver(runtime, event) for event in events] == [PROCESSED] * 3
        assert deliver(runtime, events[0]) == DUPLICATE
    finally:
        sa.event.remove(sa.Engine, "after_cursor_execute", note_inbox_insert)

    assert len(cache_of_inbox_inserts) == 4
    assert all(stats.startswith("cached since") for stats in cache_of_inbox_inserts[1:]), cache_of_inbox_inserts
    table = runtime.tables.inbox
    with runtime.db.engine.connect() as connection:
        times = connection.execute(sa.select(table.c.processed_at)).scalars().all()
    assert len(times) == 3
    assert all(before <= moment <= utcnow() and moment.utcoffset() == timedelta(0) for moment in times)


def test_an_event_type_the_service_does_not_handle_is_ignored_and_not_recorded(runtime):
    event = make_event("tiny.other.happened", {"n": 1})

    assert deliver(runtime, event) == IGNORED
    assert inbox_ids(runtime) == []
    assert effect_rows(runtime) == []


def test_events_a_handler_publishes_commit_with_its_effects(database_url):
    def forward(event, uow):
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type))
        uow.publish("tiny.thing.forwarded", event.subject, {"from": event.id})

    runtime = ServiceRuntime(
        settings=RuntimeSettings(service="tiny", database_url=database_url, broker_url="memory://", migrations_dir="unused"),
        metadata=metadata,
        tables=messaging,
        subscriptions={HAPPENED: forward},
    )
    metadata.create_all(runtime.db.engine)
    try:
        event = Event(type=HAPPENED, source="test", subject="s-1", data={"n": 1}, correlationid="corr-9")
        deliver(runtime, event)
        deliver(runtime, event)

        with runtime.db.engine.connect() as connection:
            bodies = connection.execute(sa.select(messaging.outbox.c.body)).scalars().all()
        assert len(bodies) == 1
        forwarded = Event.from_json(bodies[0])
        assert forwarded.type == "tiny.thing.forwarded"
        assert forwarded.data == {"from": event.id}
        # The consumer binds the incoming correlation id, so the follow-up event carries it on.
        assert forwarded.correlationid == "corr-9"
    finally:
        runtime.db.dispose()


@pytest.mark.integration
def test_two_concurrent_deliveries_of_one_event_on_postgresql_give_one_effect_and_one_duplicate(pg_url):
    """The race the select cannot see: the second delivery's insert waits on the first's row lock."""
    first_inside = threading.Event()
    calls = []

    def slow_first(event, uow):
        calls.append(event.id)
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type))
        if len(calls) == 1:
            first_inside.set()
            # Hold the transaction open until the second delivery is blocked on our inbox row.
            wait_until(lambda: lock_waiters() > 0, 10.0, "the second delivery to wait on the inbox row lock")

    runtime = ServiceRuntime(
        settings=RuntimeSettings(service="tiny", database_url=pg_url, broker_url="memory://", migrations_dir="unused"),
        metadata=metadata,
        tables=messaging,
        subscriptions={HAPPENED: slow_first},
    )
    metadata.create_all(runtime.db.engine)
    observer = sa.create_engine(pg_url)

    def lock_waiters() -> int:
        with observer.connect() as connection:
            return connection.execute(
                sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            ).scalar_one()

    try:
        event = make_event(HAPPENED, {"n": 1})
        outcomes: dict[str, str] = {}

        def run(name):
            outcomes[name] = deliver(runtime, event)

        first = threading.Thread(target=run, args=("first",))
        first.start()
        assert first_inside.wait(10)
        second = threading.Thread(target=run, args=("second",))
        second.start()
        first.join(15)
        second.join(15)

        assert outcomes == {"first": PROCESSED, "second": DUPLICATE}
        assert calls == [event.id]  # the handler ran once
        assert effect_rows(runtime) == [(event.id, HAPPENED)]
        assert inbox_ids(runtime) == [event.id]
    finally:
        observer.dispose()
        runtime.db.dispose()


@pytest.mark.integration
def test_a_connection_the_server_closed_costs_the_consumer_one_quiet_try_and_counts_against_no_message(pg_url):
    """The inbox does not test a pooled connection before using it (a round trip per message saved); one the server
    closed since is thrown away and the message handled again at once, without counting as a failure."""
    # No immediate retry and a long delayed one: a try counted against the message would hold it back 30 s.
    patient = RetryPolicy(immediate_retries=0, delays=(30.0,), database_probe_interval=0.2)
    runtime = build_runtime(pg_url, "memory://", retry=patient)
    tries: list[str] = []
    handle = runtime.inbox.handle

    def counting(event):
        tries.append(event.id)
        return handle(event)

    runtime.inbox.handle = counting
    observer = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with running(runtime):
            with runtime.unit_of_work() as uow:
                first = uow.publish(HAPPENED, "1", {"n": 1})
            wait_until(lambda: len(effect_rows(runtime)) == 1, 10, "the first effect")
            with observer.connect() as connection:
                closed = connection.execute(sa.text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )).scalar_one()
            assert closed >= 2  # the consumer's connection and the web side's
            # The web side's transactions keep the test: this one meets no closed connection.
            with runtime.unit_of_work() as uow:
                second = uow.publish(HAPPENED, "2", {"n": 2})
            wait_until(lambda: len(effect_rows(runtime)) == 2, 10, "the second effect, long before a delayed retry")
        assert effect_rows(runtime) == [(first.id, HAPPENED), (second.id, HAPPENED)]
        # The second event met the closed connection (nothing had tested it), then committed on a new one.
        assert tries == [first.id, second.id, second.id]
    finally:
        observer.dispose()
        runtime.db.dispose()
