"""Messages delivered together are handled in one transaction (`Inbox.handle_batch`), and one that fails holds back
and redoes nobody: on SQLite and PostgreSQL for the inbox, on RabbitMQ and on the memory bus for the consumer."""
from __future__ import annotations

import collections
import threading

import pytest
import sqlalchemy as sa
from tandem_tiny_service import (
    FAILED,
    HAPPENED,
    QUICK_RETRIES,
    SERVICE,
    FailSwitch,
    HandlerFailure,
    build_runtime,
    effect_rows,
    effects,
    inbox_ids,
    wait_until,
)

from tandem_shared.bus import RetryPolicy
from tandem_shared.config import messaging_settings
from tandem_shared.deadletter import list_dead
from tandem_shared.envelope import Event
from tandem_shared.inbox import DUPLICATE, IGNORED, PROCESSED, UnitOfWork
from tandem_shared.outbox import OUTBOX_ROWS
from tandem_shared.testing import deliver, make_event, published, rabbitmq_queue_messages, running
from tandem_shared.topology import Topology

ECHOED = "tiny.thing.echoed"


class Recorder:
    """Handlers that write an effect and publish an echo, count their calls per event, and (FAILED) raise while on."""

    def __init__(self) -> None:
        self.switch = FailSwitch(on=True)
        self.calls: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()

    def _effect_and_echo(self, event: Event, uow: UnitOfWork) -> None:
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type, n=event.data.get("n")))
        uow.publish(ECHOED, event.id, {"of": event.id})

    def subscriptions(self):
        def on_happened(event: Event, uow: UnitOfWork) -> None:
            with self._lock:
                self.calls[event.id] += 1
            self._effect_and_echo(event, uow)

        def on_failed(event: Event, uow: UnitOfWork) -> None:
            with self._lock:
                self.calls[event.id] += 1
            self.switch.hit()
            # Its effect and its echo are written before it fails: the rollback must take both back.
            self._effect_and_echo(event, uow)
            if self.switch.on:
                raise HandlerFailure(f"refusing {event.id} on purpose")

        return {HAPPENED: on_happened, FAILED: on_failed}


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def runtime(database_url, recorder):
    runtime = build_runtime(database_url, "memory://", subscriptions=recorder.subscriptions())
    yield runtime
    runtime.db.dispose()


def committed_rows(runtime) -> list[list[str]]:
    """Per commit of the runtime's database, the event ids of the outbox rows handed to the relay."""
    commits: list[list[str]] = []
    runtime.db.on_commit(lambda info: commits.append([row.event_id for row in info.get(OUTBOX_ROWS, [])]), with_info=True)
    return commits


def echoes(runtime) -> list[str]:
    return sorted(event.data["of"] for event in published(runtime, ECHOED))


# -- the inbox's batch ------------------------------------------------------------------------------------------------


def test_a_batch_records_every_event_and_commits_every_effect_in_one_transaction(runtime, recorder):
    events = [make_event(HAPPENED, {"n": n}) for n in range(5)]
    commits = committed_rows(runtime)

    outcome = runtime.inbox.handle_batch(events)

    assert outcome.outcomes == {event.id: PROCESSED for event in events}
    assert outcome.failed == {}
    assert len(commits) == 1 and len(commits[0]) == 5  # one COMMIT, and the relay is handed the five echoes
    assert [event_id for event_id, _ in effect_rows(runtime)] == [event.id for event in events]  # in delivery order
    assert sorted(inbox_ids(runtime)) == sorted(event.id for event in events)
    assert echoes(runtime) == sorted(event.id for event in events)


def test_a_batch_skips_an_id_already_handled_and_the_second_copy_of_an_id_it_holds_twice(runtime, recorder):
    seen, fresh, other = (make_event(HAPPENED, {"n": n}) for n in range(3))
    assert deliver(runtime, seen) == PROCESSED
    copy_of_fresh = Event.from_json(fresh.to_json())

    outcome = runtime.inbox.handle_batch([seen, fresh, copy_of_fresh, other])

    assert outcome.outcomes == {seen.id: DUPLICATE, fresh.id: PROCESSED, other.id: PROCESSED}
    assert recorder.calls == {seen.id: 1, fresh.id: 1, other.id: 1}
    assert sorted(event_id for event_id, _ in effect_rows(runtime)) == sorted([seen.id, fresh.id, other.id])


def test_a_poison_event_in_a_batch_leaves_nothing_behind_and_the_others_commit_without_running_twice(runtime, recorder):
    before = make_event(HAPPENED, {"n": 1})
    poison = make_event(FAILED, {"n": 2})
    after = make_event(HAPPENED, {"n": 3})
    commits = committed_rows(runtime)

    outcome = runtime.inbox.handle_batch([before, poison, after])

    assert outcome.outcomes == {before.id: PROCESSED, after.id: PROCESSED}
    assert list(outcome.failed) == [poison.id]
    assert isinstance(outcome.failed[poison.id], HandlerFailure)
    # The poison's effect, echo and inbox row are gone with its savepoint; the others' are committed.
    assert sorted(event_id for event_id, _ in effect_rows(runtime)) == sorted([before.id, after.id])
    assert sorted(inbox_ids(runtime)) == sorted([before.id, after.id])
    assert echoes(runtime) == sorted([before.id, after.id])
    # The relay's fast path is not handed the echo that was rolled back.
    assert len(commits) == 1 and len(commits[0]) == 2
    assert {event.id for event in published(runtime, ECHOED) if event.data["of"] in (before.id, after.id)} == set(commits[0])
    assert recorder.calls == {before.id: 1, poison.id: 1, after.id: 1}

    # Alone and fixed, the poison is handled as any event; the others are duplicates now.
    recorder.switch.on = False
    assert deliver(runtime, poison) == PROCESSED
    assert runtime.inbox.handle_batch([before, after]).outcomes == {before.id: DUPLICATE, after.id: DUPLICATE}
    assert recorder.calls == {before.id: 1, poison.id: 2, after.id: 1}


def test_a_database_fault_inside_a_handler_fails_the_whole_batch_and_writes_nothing(runtime, recorder):
    def unreachable(event: Event, uow: UnitOfWork) -> None:
        raise sa.exc.OperationalError("SELECT 1", {}, ConnectionError("the database went away"))

    runtime.inbox.subscriptions[FAILED] = unreachable
    events = [make_event(HAPPENED, {"n": 1}), make_event(FAILED, {"n": 2}), make_event(HAPPENED, {"n": 3})]

    with pytest.raises(sa.exc.OperationalError):
        runtime.inbox.handle_batch(events)

    # Not the message's fault: nothing is kept, so the consumer can hand each one over again once the database answers.
    assert effect_rows(runtime) == []
    assert inbox_ids(runtime) == []
    assert published(runtime, ECHOED) == []


def test_a_batch_ignores_types_the_service_does_not_handle_without_recording_them(runtime, recorder):
    known, unknown = make_event(HAPPENED, {"n": 1}), make_event("other.thing.happened", {"n": 2})

    outcome = runtime.inbox.handle_batch([unknown, known])

    assert outcome.outcomes == {unknown.id: IGNORED, known.id: PROCESSED}
    assert inbox_ids(runtime) == [known.id]


def test_the_batch_size_is_read_from_the_environment_and_refuses_what_is_not_a_positive_number():
    assert messaging_settings({})["consumer_batch"] == 20
    assert messaging_settings({"TANDEM_CONSUMER_BATCH": "1"})["consumer_batch"] == 1
    assert messaging_settings({"TANDEM_CONSUMER_BATCH": "64"})["consumer_batch"] == 64
    for wrong in ("0", "-3", "65", "vingt"):
        with pytest.raises(ValueError, match="TANDEM_CONSUMER_BATCH"):
            messaging_settings({"TANDEM_CONSUMER_BATCH": wrong})


# -- the consumer -----------------------------------------------------------------------------------------------------


def watch_batches(runtime) -> list[dict[str, str]]:
    """The outcomes of every batch the runtime's consumer hands its inbox, in order."""
    batches: list[dict[str, str]] = []
    handle_batch = runtime.inbox.handle_batch

    def recording(events, around=None):
        outcome = handle_batch(events, around)
        batches.append({**outcome.outcomes, **{event_id: "failed" for event_id in outcome.failed}})
        return outcome

    runtime.inbox.handle_batch = recording
    return batches


def queue_up(producer, count: int, poison_at: int) -> tuple[list[str], str]:
    """`count` events waiting in the consumer's queue before it starts, the one at `poison_at` a poison one."""
    Topology({SERVICE: (HAPPENED, FAILED)}).declare(producer.bus)
    good: list[str] = []
    with producer.unit_of_work() as uow:
        for n in range(count):
            event = uow.publish(FAILED if n == poison_at else HAPPENED, str(n), {"n": n})
            if n == poison_at:
                poison = event.id
            else:
                good.append(event.id)
    assert producer.relay.flush() == count
    producer.relay.close()
    return good, poison


@pytest.mark.integration
def test_on_rabbitmq_a_poison_message_in_a_batch_holds_back_and_redoes_none_of_the_others(vhost_url, pg_url):
    recorder = Recorder()
    producer = build_runtime(pg_url, vhost_url)
    good, poison = queue_up(producer, 40, poison_at=7)
    consumer = build_runtime(pg_url, vhost_url, create_tables=False, subscriptions=recorder.subscriptions())
    batches = watch_batches(consumer)

    with running(consumer):
        wait_until(lambda: list_dead(consumer.bus, SERVICE), 20, "the poison message in the dead queue", interval=0.1)
        wait_until(lambda: rabbitmq_queue_messages(vhost_url, SERVICE) == 0, 20, "the queue acked empty", interval=0.3)

    # The poison failed inside a batch whose other messages committed in that same transaction.
    with_poison = next(batch for batch in batches if poison in batch)
    assert with_poison[poison] == "failed"
    assert len(with_poison) > 1 and set(with_poison.values()) == {"failed", PROCESSED}
    assert max(len(batch) for batch in batches) > 1
    # Each good event was handled exactly once; the poison had exactly its policy's attempts, the batch's included.
    assert {event_id: recorder.calls[event_id] for event_id in good} == {event_id: 1 for event_id in good}
    assert recorder.calls[poison] == QUICK_RETRIES.attempts_per_message
    assert sorted(event_id for event_id, _ in effect_rows(producer)) == sorted(good)
    assert [dead.event_id for dead in list_dead(consumer.bus, SERVICE)] == [poison]
    consumer.db.dispose()
    producer.db.dispose()


@pytest.mark.integration
def test_on_rabbitmq_the_next_batch_is_delivered_while_one_is_being_handled(vhost_url, pg_url):
    """Room for two batches in the prefetch: while a batch is handled, the broker already sends the next one."""
    held, release = threading.Event(), threading.Event()

    def slow_first_batch(event: Event, uow: UnitOfWork) -> None:
        held.set()
        assert release.wait(20), "the test never let the batch go on"
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type, n=event.data.get("n")))

    producer = build_runtime(pg_url, vhost_url)
    Topology({SERVICE: (HAPPENED,)}).declare(producer.bus)
    with producer.unit_of_work() as uow:
        ids = [uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(100)]
    assert producer.relay.flush() == 100
    producer.relay.close()
    consumer = build_runtime(pg_url, vhost_url, create_tables=False, subscriptions={HAPPENED: slow_first_batch},
                             consumer_batch=20)
    handle_batch, sizes_after_release = consumer.inbox.handle_batch, []

    def recording(events, around=None):
        if release.is_set():
            sizes_after_release.append(len(events))
        return handle_batch(events, around)

    consumer.inbox.handle_batch = recording

    with running(consumer):
        assert held.wait(20), "the consumer never handled a message"
        # The first batch is held inside its transaction: the broker has handed over two batches, not one.
        wait_until(lambda: rabbitmq_queue_messages(vhost_url, SERVICE, counting="messages_unacknowledged") == 40, 15,
                   "40 messages delivered to the consumer and not acked", interval=0.3)
        release.set()
        wait_until(lambda: len(effect_rows(producer)) == 100, 30, "every effect")

    assert sorted(event_id for event_id, _ in effect_rows(producer)) == sorted(ids)
    # What was held (a batch, or a message that came alone) acked at most 20: the next batch was waiting whole.
    assert sizes_after_release[0] == 20
    consumer.db.dispose()
    producer.db.dispose()


def test_on_the_memory_bus_a_poison_message_waits_for_its_delayed_retry_while_the_batch_goes_on(sqlite_url):
    recorder = Recorder()
    # A long delay: the test ends while the poison waits for it, and no good event ever waits with it.
    slow_retry = RetryPolicy(immediate_retries=1, delays=(60.0,), database_probe_interval=0.2)
    producer = build_runtime(sqlite_url, "memory://", retry=slow_retry, subscriptions=recorder.subscriptions())
    good, poison = queue_up(producer, 30, poison_at=0)
    batches = watch_batches(producer)

    with running(producer):
        wait_until(lambda: len(effect_rows(producer)) == len(good), 20, "every good effect")
        wait_until(lambda: recorder.calls[poison] == 2, 5, "the poison's immediate retry")
        assert len(producer.consumer._timers) == 1  # the poison, waiting for its delayed retry

    assert batches[0][poison] == "failed" and len(batches[0]) > 1
    assert {event_id: recorder.calls[event_id] for event_id in good} == {event_id: 1 for event_id in good}
    assert recorder.calls[poison] == 1 + slow_retry.immediate_retries
    assert sorted(event_id for event_id, _ in effect_rows(producer)) == sorted(good)


def test_with_a_batch_size_of_one_the_consumer_handles_each_message_alone(sqlite_url):
    recorder = Recorder()
    runtime = build_runtime(sqlite_url, "memory://", subscriptions=recorder.subscriptions(), consumer_batch=1)
    good, poison = queue_up(runtime, 10, poison_at=5)
    recorder.switch.on = False
    batches = watch_batches(runtime)

    with running(runtime):
        wait_until(lambda: len(effect_rows(runtime)) == 10, 20, "every effect")

    assert batches == []
    assert sorted(event_id for event_id, _ in effect_rows(runtime)) == sorted([*good, poison])
