"""Transactional outbox: events are rows written with the state change, then relayed with confirms."""
from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any, NamedTuple

import sqlalchemy as sa
from opentelemetry.trace import SpanKind
from sqlalchemy.orm import Session

from . import telemetry
from .bus import RELAY_RETRY_POLICY, Bus, Publisher
from .db import READ_ONLY, Database
from .envelope import Event
from .messaging_tables import MessagingTables
from .timeutil import utcnow

log = logging.getLogger(__name__)


OUTBOX_WRITTEN = "tandem.outbox_written"
# The rows a transaction wrote, as the relay publishes them: handed to the relay after the commit (the fast path).
OUTBOX_ROWS = "tandem.outbox_rows"


class WrittenRow(NamedTuple):
    """An outbox row as its writer knows it: the columns the relay publishes, named as in the table."""

    event_id: str
    type: str
    body: str
    headers: dict[str, Any]


class Outbox:
    """Writes events into the service's `outbox` table inside the caller's transaction."""

    def __init__(self, tables: MessagingTables, source: str):
        self.table = tables.outbox
        self.source = source

    def add(self, session: Session, type: str, subject: str, data: dict[str, Any]) -> Event:
        event = Event(
            type=type,
            source=self.source,
            subject=str(subject),
            data=data,
            correlationid=telemetry.current_correlation_id() or "",
        )
        row = WrittenRow(event_id=event.id, type=event.type, body=event.to_json(),
                         # The writer's trace context, so the publish span joins the request's trace.
                         headers=telemetry.inject_headers())
        session.execute(self.table.insert().values(**row._asdict(), created_at=utcnow()))
        session.info[OUTBOX_WRITTEN] = True
        session.info.setdefault(OUTBOX_ROWS, []).append(row)
        return event


def _mark_without_waiting_for_the_disk(connection) -> None:
    """Marking rows sent need not wait for PostgreSQL's disk flush: if the server crashed before it, the rows would be
    unsent again and published a second time, which the consumers' inboxes drop (the relay is at least once anyway).
    Waiting would put one more flush beside the consumers' own on every hop (bench/README.md, P1). The events
    themselves are written by the caller's transaction, with the server's durable commit."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")


class OutboxRelay:
    """Publishes unsent outbox rows and marks each sent only after the broker confirms it.

    The fast path: after every commit of the service's database, `hand_over` gives the running relay thread the
    rows that transaction wrote; it publishes them as they are, with confirms, then marks them sent in one
    UPDATE, with no `SELECT … FOR UPDATE` before (bench/README.md, P1: that claim was ~0.9 ms of every hop).
    The polling pass (`flush`: claim the unsent rows in order, publish, mark) is the safety net: it runs at every
    poll interval, on start, and whenever the fast path could not publish, so a row whose process died between
    its commit and its publish is published by the next pass of any relay. A row may then go out twice (the fast
    path of one process and the poll of another in the same milliseconds); consumers' inboxes drop the copy.
    Nothing is marked sent before its confirm, so nothing is lost.
    """

    def __init__(self, db: Database, tables: MessagingTables, bus: Bus, poll_interval: float = 5.0, batch_size: int = 200):
        self.db = db
        self.table = tables.outbox
        self.bus = bus
        self.poll_interval = poll_interval
        self.batch_size = batch_size
        self._wake = threading.Event()
        self._publisher: Publisher | None = None
        self._lock = threading.Lock()
        self._tracer = telemetry.tracer("tandem.outbox")
        self._handed: deque[WrittenRow] = deque()
        self._handed_lock = threading.Lock()
        self._running = False

    def wake(self) -> None:
        self._wake.set()

    def hand_over(self, written: dict[str, Any]) -> None:
        """After a commit (`Database.on_commit(..., with_info=True)`): the rows that transaction wrote go to the
        running relay thread's fast path. Without a relay thread in this process (tests and one-pass commands
        that flush by hand), a plain wake-up: the rows wait for a `flush`."""
        rows = written.get(OUTBOX_ROWS) or ()
        if rows and self._running:
            with self._handed_lock:
                self._handed.extend(rows)
        self._wake.set()

    def run(self, stop: threading.Event) -> None:
        self._running = True
        try:
            while not stop.is_set():
                self._wake.wait(self.poll_interval)
                self._wake.clear()
                if stop.is_set():
                    break
                try:
                    handed = self._take_handed()
                    if not handed or self._relay_handed(handed) < len(handed):
                        # A poll, a wake-up without rows (start, stop), or a fast path that could not publish.
                        self.flush()
                except Exception:
                    log.exception("outbox relay pass failed; retrying at the next wake-up or poll")
                    stop.wait(1.0)
        finally:
            self._running = False
            self._handed.clear()  # still unsent in the table: the next relay's polling pass publishes them
            self.close()

    def _take_handed(self) -> list[WrittenRow]:
        with self._handed_lock:
            taken = list(self._handed)
            self._handed.clear()
        return taken

    def _forget_handed(self, event_ids: list[str]) -> None:
        """Rows a polling pass of this relay published: its fast path must not publish them again."""
        if not self._handed:
            return
        published = set(event_ids)
        with self._handed_lock:
            kept = [row for row in self._handed if row.event_id not in published]
            self._handed.clear()
            self._handed.extend(kept)

    def _relay_handed(self, rows: list[WrittenRow]) -> int:
        """The fast path: publish the rows as their writer handed them, then mark the confirmed ones sent (those
        another relay marked meanwhile stay as they are). Returns how many were confirmed; on the first failure
        the rest are left unsent for the polling pass."""
        confirmed: list[str] = []
        with self._lock:
            if self._publisher is None:
                self._publisher = Publisher(self.bus, RELAY_RETRY_POLICY)
            for row in rows:
                try:
                    self._publish(row)
                except Exception as exc:
                    log.warning("outbox fast-path publish failed for %s %s: %s", row.type, row.event_id, exc)
                    self._reset_publisher()
                    break
                confirmed.append(row.event_id)
            if confirmed:
                with self.db.engine.begin() as connection:
                    _mark_without_waiting_for_the_disk(connection)
                    connection.execute(
                        self.table.update()
                        .where(self.table.c.event_id.in_(confirmed), self.table.c.sent_at.is_(None))
                        .values(sent_at=utcnow(), attempts=self.table.c.attempts + 1, last_error=None)
                    )
        return len(confirmed)

    def flush(self) -> int:
        """Publish everything unsent; returns how many rows were confirmed."""
        total = 0
        with self._lock:
            while True:
                sent = self._flush_batch()
                total += sent
                if sent < self.batch_size:
                    return total

    def _flush_batch(self) -> int:
        if self._publisher is None:
            self._publisher = Publisher(self.bus, RELAY_RETRY_POLICY)
        confirmed: list[int] = []
        with self.db.engine.begin() as connection:
            query = (
                sa.select(self.table.c.position, self.table.c.event_id, self.table.c.type, self.table.c.body, self.table.c.headers)
                .where(self.table.c.sent_at.is_(None))
                .order_by(self.table.c.position)
                .limit(self.batch_size)
            )
            if connection.dialect.name == "postgresql":
                # Several relays (web processes and the worker) may run: each row goes to one of them.
                query = query.with_for_update(skip_locked=True)
            rows = connection.execute(query).all()
            for row in rows:
                try:
                    self._publish(row)
                except Exception as exc:
                    log.warning("outbox publish failed for %s %s: %s", row.type, row.event_id, exc)
                    connection.execute(
                        self.table.update()
                        .where(self.table.c.position == row.position)
                        .values(attempts=self.table.c.attempts + 1, last_error=str(exc)[:2000])
                    )
                    self._reset_publisher()
                    break
                confirmed.append(row.position)
            if confirmed:
                _mark_without_waiting_for_the_disk(connection)
                # One statement for the batch: a per-row UPDATE costs a round trip and ~0.8 ms of CPU each
                # (bench/p1_components.py). Same effect: nothing is marked sent before the COMMIT either way.
                connection.execute(
                    self.table.update()
                    .where(self.table.c.position.in_(confirmed))
                    .values(sent_at=utcnow(), attempts=self.table.c.attempts + 1, last_error=None)
                )
        # A row committed while this pass ran may be both here and handed to the fast path: published once.
        self._forget_handed([row.event_id for row in rows if row.position in set(confirmed)])
        return len(confirmed)

    def _publish(self, row) -> None:
        with telemetry.messaging_span(
            self._tracer,
            f"{row.type} publish",
            parent=telemetry.extract_context(row.headers),
            kind=SpanKind.PRODUCER,
            attributes={
                "messaging.system": "rabbitmq",
                "messaging.operation.type": "publish",
                "messaging.destination.name": self.bus.events_exchange.name,
                "messaging.rabbitmq.destination.routing_key": row.type,
                "messaging.message.id": row.event_id,
            },
        ):
            headers = telemetry.inject_headers()
            self._publisher.publish(row.body, routing_key=row.type, headers=headers, message_id=row.event_id)

    def _reset_publisher(self) -> None:
        if self._publisher is not None:
            self._publisher.close()
        self._publisher = None

    def close(self) -> None:
        # Never under a flush running in another thread: that thread's `run` closes the publisher when it ends.
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._reset_publisher()
        finally:
            self._lock.release()

    def pending_count(self) -> int:
        with self.db.engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            return connection.execute(
                sa.select(sa.func.count()).select_from(self.table).where(self.table.c.sent_at.is_(None))
            ).scalar_one()
