"""Idempotent inbox and the consumer that feeds it: effects and the event id commit together, ack after."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import kombu
import sqlalchemy as sa
from kombu.mixins import ConsumerMixin
from opentelemetry.trace import SpanKind
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import telemetry
from .bus import Bus, Publisher, redelivery_pause
from .db import Database
from .envelope import Event, InvalidEnvelope
from .messaging_tables import MessagingTables
from .outbox import Outbox
from .timeutil import utcnow

log = logging.getLogger(__name__)


@dataclass
class UnitOfWork:
    """What a handler or a view works with: one session, and the outbox of the same transaction."""

    session: Session
    outbox: Outbox

    def publish(self, type: str, subject: str, data: dict[str, Any]) -> Event:
        return self.outbox.add(self.session, type, subject, data)


Handler = Callable[[Event, UnitOfWork], None]

PROCESSED = "processed"
DUPLICATE = "duplicate"
IGNORED = "ignored"


def _dialect_insert(session: Session):
    """PostgreSQL (distributed mode) and SQLite (embedded mode) both have INSERT ... ON CONFLICT DO NOTHING."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class Inbox:
    """Runs a service's handlers so that an event id already seen changes nothing."""

    def __init__(self, db: Database, tables: MessagingTables, outbox: Outbox, subscriptions: Mapping[str, Handler]):
        self.db = db
        self.table = tables.inbox
        self.outbox = outbox
        self.subscriptions = dict(subscriptions)

    def handle(self, event: Event) -> str:
        handler = self.subscriptions.get(event.type)
        if handler is None:
            return IGNORED
        token = telemetry.bind_correlation_id(event.correlationid)
        try:
            with self.db.transaction() as session:
                # One statement instead of SELECT then INSERT. A concurrent delivery of the same id makes
                # ON CONFLICT wait for that transaction; either way rowcount 0 means "already handled".
                insert = _dialect_insert(session)(self.table).values(event_id=event.id, type=event.type, processed_at=utcnow())
                recorded = session.execute(
                    insert.on_conflict_do_nothing(index_elements=[self.table.c.event_id]),
                    # Without it SQLAlchemy 2.0 reports -1 for an INSERT's rowcount on psycopg.
                    execution_options={"preserve_rowcount": True},
                )
                if recorded.rowcount == 0:
                    return DUPLICATE
                handler(event, UnitOfWork(session=session, outbox=self.outbox))
            return PROCESSED
        except IntegrityError:
            # Two deliveries of one event raced; the other one committed, so this one is a duplicate.
            with self.db.reading() as session:
                if session.execute(sa.select(self.table.c.event_id).where(self.table.c.event_id == event.id)).first():
                    return DUPLICATE
            raise
        finally:
            telemetry.release_correlation_id(token)


class ServiceConsumer(ConsumerMixin):
    """Consumes the service's queue; acks only after the handler's transaction has committed."""

    def __init__(self, bus: Bus, service: str, inbox: Inbox):
        self.bus = bus
        self.service = service
        self.inbox = inbox
        self.connection = bus.connection()
        self.queue = bus.service_queue(service, list(inbox.subscriptions))
        self._tracer = telemetry.tracer(f"tandem.{service}.consumer")
        # The memory transport cannot count deliveries: we do, per event id.
        self._local_failures: dict[str, int] = {}
        self._dead_publisher: Publisher | None = None
        self.consumed = threading.Event()

    def get_consumers(self, Consumer, channel):
        self.bus.declare(self.connection, self.service, list(self.inbox.subscriptions))
        return [Consumer(queues=[self.queue], on_message=self.on_message, prefetch_count=self.bus.settings.prefetch_count)]

    def on_message(self, message: kombu.Message) -> None:
        try:
            event = Event.from_json(message.body)
        except InvalidEnvelope as exc:
            log.error("dead-lettering a message that is not a Tandem CloudEvent: %s", exc)
            self._dead_letter(message, reason=f"invalid envelope: {exc}")
            return
        headers = message.headers or {}
        with self._tracer.start_as_current_span(
            f"{event.type} process",
            context=telemetry.extract_context(headers),
            kind=SpanKind.CONSUMER,
            attributes={
                "messaging.system": "rabbitmq",
                "messaging.operation.type": "process",
                "messaging.destination.name": self.queue.name,
                "messaging.message.id": event.id,
                "messaging.consumer.group.name": self.service,
            },
        ):
            try:
                outcome = self.inbox.handle(event)
            except Exception as exc:
                log.exception("handler for %s %s failed", event.type, event.id)
                self._failed(message, event, exc)
                return
        self._local_failures.pop(event.id, None)
        message.ack()
        log.debug("%s %s %s", event.type, event.id, outcome)

    def _failed(self, message: kombu.Message, event: Event, exc: Exception) -> None:
        if self.bus.dead_letters_natively:
            deliveries = int((message.headers or {}).get("x-delivery-count", 0) or 0)
            # Give a transient fault (a database restart) a moment before the broker redelivers.
            time.sleep(redelivery_pause(deliveries))
            message.reject(requeue=True)
            return
        failures = self._local_failures.get(event.id, 0) + 1
        self._local_failures[event.id] = failures
        if failures > self.bus.settings.delivery_limit:
            self._local_failures.pop(event.id, None)
            self._dead_letter(message, reason=f"delivery limit reached: {exc}")
            return
        time.sleep(redelivery_pause(failures))
        message.requeue()

    def _dead_letter(self, message: kombu.Message, reason: str) -> None:
        if self.bus.dead_letters_natively:
            message.reject(requeue=False)
            return
        if self._dead_publisher is None:
            self._dead_publisher = Publisher(self.bus)
        headers = dict(message.headers or {})
        headers["x-tandem-dead-reason"] = reason[:500]
        self._dead_publisher.publish(
            message.body.decode("utf-8") if isinstance(message.body, bytes) else message.body,
            routing_key=self.service,
            headers=headers,
            message_id=message.properties.get("message_id") or "",
            exchange=self.bus.dead_exchange,
        )
        message.ack()

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        self.consumed.set()

    def on_connection_error(self, exc, interval):
        log.warning("broker connection lost (%s); reconnecting in %.1fs", exc, interval)

    def stop(self) -> None:
        self.should_stop = True
