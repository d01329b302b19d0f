"""The memory bus keeps its messages in the process: the embedded mode lets the events under way be handled before it
stops its workers (`runtime.wait_until_settled`), or one still in a queue would be lost while its outbox row says sent."""
from __future__ import annotations

import threading
import time

from tandem_tiny_service import HAPPENED, SERVICE, build_runtime, effect_rows, effects

from tandem_shared.envelope import Event
from tandem_shared.inbox import UnitOfWork
from tandem_shared.runtime import wait_until_settled
from tandem_shared.topology import Topology

ECHOED = "tiny.thing.echoed"


def publish(runtime, count: int) -> list[str]:
    with runtime.unit_of_work() as uow:
        return [uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(count)]


def test_the_events_under_way_and_those_their_handlers_publish_are_handled_before_the_workers_stop(sqlite_url):
    def slow(event: Event, uow: UnitOfWork) -> None:
        time.sleep(0.01)  # a hundred events take a second: most are still queued when the stop is asked
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type, n=event.data.get("n")))
        if event.type == HAPPENED:
            uow.publish(ECHOED, event.id, {"of": event.id})

    runtime = build_runtime(sqlite_url, "memory://", subscriptions={HAPPENED: slow, ECHOED: slow})
    Topology({SERVICE: (HAPPENED, ECHOED)}).declare(runtime.bus)
    runtime.start_worker()
    assert runtime.wait_until_consuming()
    ids = publish(runtime, 100)
    try:
        assert wait_until_settled([runtime], timeout=30)
        assert runtime.events_in_flight() == 0
    finally:
        runtime.stop()

    handled = [event_id for event_id, _ in effect_rows(runtime)]
    assert len(handled) == 200  # each event once, and each echo its handler published once
    assert set(ids) <= set(handled)
    runtime.db.dispose()


def test_a_stop_waits_no_longer_than_its_bound_for_a_handler_that_hangs(database_url):
    # On SQLite the hanging handler holds the write lock: the outbox's count must read beside it, not wait for it.
    release = threading.Event()

    def hanging(event: Event, uow: UnitOfWork) -> None:
        release.wait(20)

    runtime = build_runtime(database_url, "memory://", subscriptions={HAPPENED: hanging})
    Topology({SERVICE: (HAPPENED,)}).declare(runtime.bus)
    runtime.start_worker()
    assert runtime.wait_until_consuming()
    publish(runtime, 3)
    try:
        started = time.monotonic()
        assert not wait_until_settled([runtime], timeout=0.5)
        assert time.monotonic() - started < 5
        assert runtime.events_in_flight() >= 1  # the message in the consumer's hands, and those behind it
    finally:
        release.set()
        runtime.stop()
    runtime.db.dispose()


def test_a_check_that_fails_counts_as_not_settled_and_the_wait_still_ends(sqlite_url, caplog):
    runtime = build_runtime(sqlite_url, "memory://")
    runtime.events_in_flight = lambda: (_ for _ in ()).throw(RuntimeError("the queue is gone"))

    assert not wait_until_settled([runtime], timeout=0.3)
    assert "could not count tiny's events under way" in caplog.text
    runtime.db.dispose()
