"""The worker's messaging housekeeping deletes sent outbox rows and inbox rows past their retention, and nothing else:
unsent rows stay whatever their age (`housekeeping.prune_messaging`), on SQLite and PostgreSQL."""
from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from tandem_tiny_service import build_runtime, messaging, wait_until

from tandem_shared.config import messaging_settings
from tandem_shared.housekeeping import Pruned, Retention, prune_messaging
from tandem_shared.testing import running
from tandem_shared.timeutil import utcnow

RETENTION = Retention(outbox_days=7, inbox_days=30)


def outbox_row(created, sent=None) -> dict:
    return {"event_id": str(uuid.uuid4()), "type": "tiny.thing.happened", "body": "{}", "headers": {},
            "created_at": created, "sent_at": sent, "attempts": 1 if sent else 0}


def inbox_row(processed) -> dict:
    return {"event_id": str(uuid.uuid4()), "type": "tiny.thing.happened", "processed_at": processed}


def fill(runtime, outbox: list[dict], inbox: list[dict]) -> None:
    with runtime.db.transaction() as session:
        if outbox:
            session.execute(messaging.outbox.insert(), outbox)
        if inbox:
            session.execute(messaging.inbox.insert(), inbox)


def event_ids(runtime, table: sa.Table) -> set[str]:
    with runtime.db.reading() as session:
        return set(session.scalars(sa.select(table.c.event_id)))


@pytest.fixture
def runtime(database_url):
    runtime = build_runtime(database_url, "memory://")
    yield runtime
    runtime.db.dispose()


def test_rows_past_their_retention_go_and_unsent_or_recent_ones_stay(runtime):
    now = utcnow()
    old_sent = outbox_row(now - timedelta(days=9), sent=now - timedelta(days=8))
    recent_sent = outbox_row(now - timedelta(days=6), sent=now - timedelta(days=6))
    old_unsent = outbox_row(now - timedelta(days=40))  # never confirmed: the relay still has to publish it
    old_handled, recent_handled = inbox_row(now - timedelta(days=31)), inbox_row(now - timedelta(days=29))
    fill(runtime, [old_sent, recent_sent, old_unsent], [old_handled, recent_handled])

    pruned = prune_messaging(runtime.db, runtime.tables, RETENTION, now=now)

    assert (pruned.outbox, pruned.inbox) == (1, 1)
    assert event_ids(runtime, messaging.outbox) == {recent_sent["event_id"], old_unsent["event_id"]}
    assert event_ids(runtime, messaging.inbox) == {recent_handled["event_id"]}
    # A second pass finds nothing more.
    assert prune_messaging(runtime.db, runtime.tables, RETENTION, now=now) == Pruned(outbox=0, inbox=0)


def test_more_rows_than_a_chunk_are_deleted_in_several_transactions(runtime):
    now = utcnow()
    commits = []
    runtime.db.on_commit(lambda: commits.append(1))
    fill(runtime, [outbox_row(now - timedelta(days=20), sent=now - timedelta(days=10)) for _ in range(25)],
         [inbox_row(now - timedelta(days=60)) for _ in range(23)])
    commits.clear()

    pruned = prune_messaging(runtime.db, runtime.tables, RETENTION, now=now, chunk=10)

    assert (pruned.outbox, pruned.inbox) == (25, 23)
    assert event_ids(runtime, messaging.outbox) == set() and event_ids(runtime, messaging.inbox) == set()
    assert len(commits) == 3 + 3  # chunks of at most 10: 10, 10, 5 and 10, 10, 3


def test_a_pass_gives_up_between_chunks_once_asked_to_stop(runtime):
    now = utcnow()
    fill(runtime, [outbox_row(now - timedelta(days=20), sent=now - timedelta(days=10)) for _ in range(25)], [])
    stop = threading.Event()
    stop.set()

    pruned = prune_messaging(runtime.db, runtime.tables, RETENTION, now=now, chunk=10, stop=stop)

    assert pruned.outbox == 10  # one chunk, then the stop was seen
    assert len(event_ids(runtime, messaging.outbox)) == 15


@pytest.mark.integration
def test_two_replicas_pruning_at_once_share_the_rows_instead_of_waiting_for_each_other(pg_url):
    runtime = build_runtime(pg_url, "memory://")
    try:
        now = utcnow()
        old = [outbox_row(now - timedelta(days=20), sent=now - timedelta(days=10)) for _ in range(30)]
        fill(runtime, old, [])
        # The other replica's chunk: ten of the rows, locked by its transaction, still open.
        other = runtime.db.engine.connect()
        taken = other.execute(sa.select(messaging.outbox.c.event_id).where(messaging.outbox.c.event_id.in_(
            [row["event_id"] for row in old[:10]])).with_for_update()).scalars().all()
        assert len(taken) == 10
        pruned: list[Pruned] = []
        pass_ = threading.Thread(target=lambda: pruned.append(prune_messaging(runtime.db, runtime.tables, RETENTION, now=now, chunk=10)))
        pass_.start()
        pass_.join(timeout=10)
        other.rollback()
        other.close()
        pass_.join(timeout=10)
        assert pruned == [Pruned(outbox=20, inbox=0)]  # it did not wait for the other's ten
        assert event_ids(runtime, messaging.outbox) == {row["event_id"] for row in old[:10]}
    finally:
        runtime.db.dispose()


def test_the_worker_runs_the_housekeeping_on_its_own(sqlite_url):
    runtime = build_runtime(sqlite_url, "memory://", retention=Retention(outbox_days=7, inbox_days=30,
                                                                          first_pass_after=0.1, interval=0.2))
    now = utcnow()
    old = outbox_row(now - timedelta(days=9), sent=now - timedelta(days=8))
    fill(runtime, [old], [inbox_row(now - timedelta(days=31))])
    with running(runtime):
        wait_until(lambda: not event_ids(runtime, messaging.outbox) and not event_ids(runtime, messaging.inbox), 10,
                   "the worker's housekeeping pass")
    runtime.db.dispose()


def test_the_retention_is_read_from_the_environment_and_refuses_what_is_not_a_number_of_days():
    assert (messaging_settings({})["outbox_keep_days"], messaging_settings({})["inbox_keep_days"]) == (7, 30)
    settings = messaging_settings({"TANDEM_OUTBOX_KEEP_DAYS": "2", "TANDEM_INBOX_KEEP_DAYS": "90"})
    assert (settings["outbox_keep_days"], settings["inbox_keep_days"]) == (2, 90)
    for name in ("TANDEM_OUTBOX_KEEP_DAYS", "TANDEM_INBOX_KEEP_DAYS"):
        for wrong in ("0", "-1", "sept", "3651"):
            with pytest.raises(ValueError, match=name):
                messaging_settings({name: wrong})
