"""Messaging housekeeping: sent outbox rows and old inbox rows are deleted after a while, in every worker.

Neither table is a history. A sent outbox row has done its work once the broker confirmed it; it keeps the event's
whole body (names, addresses, messages, single-use links), so keeping it for ever keeps personal data for nothing. An
inbox row only has to outlive any redelivery of its event (retries within minutes, a consumer down for hours). The
rows are deleted in chunks, each its own short transaction, so neither the relay nor the consumer waits behind a long
delete; the outbox's by `ix_outbox_unsent` (sent_at, position), the inbox's by `ix_inbox_processed_at`.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from .db import Database
from .messaging_tables import MessagingTables
from .timeutil import utcnow

log = logging.getLogger(__name__)

CHUNK = 1000
# Between two chunks of a pass (a first pass may have months of rows to delete).
CHUNK_PAUSE = 0.05


@dataclass(frozen=True)
class Retention:
    """How long sent outbox rows and inbox rows are kept (`TANDEM_OUTBOX_KEEP_DAYS`, `TANDEM_INBOX_KEEP_DAYS`)."""

    outbox_days: int = 7
    inbox_days: int = 30
    # The first pass waits a minute, so a starting worker does its real work first; then one pass an hour.
    first_pass_after: float = 60.0
    interval: float = 3600.0


@dataclass(frozen=True)
class Pruned:
    outbox: int
    inbox: int


def prune_messaging(db: Database, tables: MessagingTables, retention: Retention, now: datetime | None = None,
                    chunk: int = CHUNK, stop: threading.Event | None = None, pause: float = 0.0) -> Pruned:
    """Delete the outbox rows sent more than `retention.outbox_days` ago and the inbox rows processed more than
    `retention.inbox_days` ago; unsent rows stay whatever their age. Returns how many rows went.

    Between two chunks it waits `pause` seconds, so that a large backlog (the first pass after months) leaves room to
    the consumer and the relay, and it gives up as soon as `stop` is set; the next pass goes on where it left."""
    now = now or utcnow()
    outbox, inbox = tables.outbox, tables.inbox
    return Pruned(
        outbox=_delete_in_chunks(db, outbox, outbox.c.position,
                                 outbox.c.sent_at < now - timedelta(days=retention.outbox_days), chunk, stop, pause),
        inbox=_delete_in_chunks(db, inbox, inbox.c.event_id,
                                inbox.c.processed_at < now - timedelta(days=retention.inbox_days), chunk, stop, pause),
    )


def _delete_in_chunks(db: Database, table: sa.Table, key: sa.Column, condition: sa.ColumnElement[bool], chunk: int,
                      stop: threading.Event | None, pause: float) -> int:
    doomed = sa.select(key).where(condition).limit(chunk)
    if db.engine.dialect.name == "postgresql":
        # Several replicas of a worker prune the same tables: each chunk takes rows the others have not locked, instead
        # of waiting for their chunk and then finding it gone.
        doomed = doomed.with_for_update(skip_locked=True)
    doomed = doomed.scalar_subquery()
    statement = sa.delete(table).where(key.in_(doomed))
    deleted = 0
    while True:
        with db.transaction() as session:
            count = session.execute(statement, execution_options={"preserve_rowcount": True}).rowcount
        deleted += count
        if count < chunk or (stop is not None and stop.wait(pause)):
            return deleted


def housekeeping_loop(db: Database, tables: MessagingTables, retention: Retention, service: str):
    """The worker's loop: a pass after `first_pass_after` seconds, then every `interval`, until stopped."""

    def run(stop: threading.Event) -> None:
        wait = retention.first_pass_after
        while not stop.wait(wait):
            wait = retention.interval
            try:
                pruned = prune_messaging(db, tables, retention, stop=stop, pause=CHUNK_PAUSE)
            except Exception:  # noqa: BLE001 - the next pass tries again; nothing depends on these rows
                log.exception("%s: messaging housekeeping failed", service)
                continue
            if pruned.outbox or pruned.inbox:
                log.info("%s: deleted %d sent outbox rows older than %d days and %d inbox rows older than %d days",
                         service, pruned.outbox, retention.outbox_days, pruned.inbox, retention.inbox_days)

    return run
