"""Idempotent inbox and the consumer that feeds it: effects and the event id commit together, ack after."""
from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import kombu
import psycopg
import sqlalchemy as sa
from kombu import Exchange
from kombu.mixins import ConsumerMixin
from opentelemetry.trace import SpanKind
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import telemetry
from .bus import DEAD_REASON_HEADER, DELAYED_RETRIES_HEADER, Bus, Publisher, without_broker_headers
from .db import Database, insert_unless_present
from .envelope import Event, InvalidEnvelope
from .messaging_tables import MessagingTables
from .outbox import OUTBOX_ROWS, Outbox
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
        self._record_one = insert_unless_present(tables.inbox, conflict=["event_id"])
        self.outbox = outbox
        self.subscriptions = dict(subscriptions)

    def handle(self, event: Event) -> str:
        handler = self.subscriptions.get(event.type)
        if handler is None:
            return IGNORED
        token = telemetry.bind_correlation_id(event.correlationid)
        try:
            # No liveness test of the pooled connection: the consumer tries again when it was dropped.
            with self.db.transaction(check_connection=False) as session:
                # One statement instead of SELECT then INSERT. A concurrent delivery of the same id makes
                # ON CONFLICT wait for that transaction; either way rowcount 0 means "already handled".
                recorded = session.execute(
                    self._record_one,
                    {"event_id": event.id, "type": event.type, "processed_at": utcnow()},
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

    def handle_batch(self, events: list[Event], around: Callable[[Event], AbstractContextManager[Any]] | None = None) -> BatchOutcome:
        """Several events in one transaction: one inbox INSERT for all, each handler in its own SAVEPOINT, one COMMIT.

        A handler that raises has its savepoint rolled back and its inbox row taken out again, so the others'
        effects still commit and nothing of the failed one does: it is `failed`, for the caller to try again alone.
        `around(event)` wraps each handler (the consumer's per-message process span). An error outside the
        handlers (the INSERT, the COMMIT, the database gone) leaves nothing written and propagates.
        """
        outcome = BatchOutcome()
        handled = [event for event in events if event.type in self.subscriptions]
        outcome.outcomes.update({event.id: IGNORED for event in events if event.type not in self.subscriptions})
        if not handled:
            return outcome
        with self.db.transaction(check_connection=False) as session:
            now = utcnow()
            rows = list({event.id: {"event_id": event.id, "type": event.type, "processed_at": now} for event in handled}.values())
            insert = _dialect_insert(session)(self.table).values(rows)
            recorded = set(session.execute(
                insert.on_conflict_do_nothing(index_elements=[self.table.c.event_id]).returning(self.table.c.event_id)
            ).scalars())
            uow = UnitOfWork(session=session, outbox=self.outbox)
            for event in handled:
                if event.id not in recorded:
                    outcome.outcomes.setdefault(event.id, DUPLICATE)  # a second copy keeps the first one's outcome
                    continue
                recorded.discard(event.id)  # the same id twice in one batch: the second is a duplicate
                token = telemetry.bind_correlation_id(event.correlationid)
                outbox_rows = session.info.get(OUTBOX_ROWS)
                written_before = len(outbox_rows) if outbox_rows else 0
                try:
                    with around(event) if around else contextlib.nullcontext():
                        with session.begin_nested():
                            self.subscriptions[event.type](event, uow)
                except Exception as exc:  # noqa: BLE001 - handed back to the caller as this event's failure
                    if is_infrastructure_fault(exc):
                        raise
                    # The savepoint is rolled back; what the outbox noted of the handler's events goes with it.
                    del session.info.get(OUTBOX_ROWS, [])[written_before:]
                    session.execute(self.table.delete().where(self.table.c.event_id == event.id))
                    outcome.failed[event.id] = exc
                else:
                    outcome.outcomes[event.id] = PROCESSED
                finally:
                    telemetry.release_correlation_id(token)
        return outcome


@dataclass
class BatchOutcome:
    """What `Inbox.handle_batch` did: per event id its outcome, and the handlers' errors of those that failed."""

    outcomes: dict[str, str] = field(default_factory=dict)
    failed: dict[str, Exception] = field(default_factory=dict)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The error and what caused it, each once."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_dropped_connection(exc: BaseException) -> bool:
    """True when SQLAlchemy found the connection closed under it (and has thrown it and the older ones away)."""
    return any(isinstance(cause, sa_exc.DBAPIError) and cause.connection_invalidated for cause in _causes(exc))


def is_infrastructure_fault(exc: BaseException) -> bool:
    """True when the error says the database (or the network to it) is unreachable, not that the message is wrong."""
    return is_dropped_connection(exc) or any(
        isinstance(cause, (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError, ConnectionError,
                           psycopg.OperationalError))
        for cause in _causes(exc)
    )


class ServiceConsumer(ConsumerMixin):
    """Consumes the service's queue; acks only after the handler's transaction has committed.

    A failing message is tried again at once (`RetryPolicy.immediate_retries`), then sent to the retry queue
    of its next delay and acked: nobody sleeps while other messages wait. After the last delay it is sent to
    `<service>.dead`. Each hand-over is confirmed by the broker before the ack, so a crash between the two
    only repeats it. When the database does not answer, the consumer stops taking messages until it
    answers again and then hands the same message over again, which does not count as a failure.

    Messages the broker has already delivered (up to `BusSettings.consumer_batch`) are handled together: one
    transaction, one inbox INSERT, one COMMIT, then their acks. A message that fails in a batch is handled alone
    afterwards, so it holds back nobody; the others are not handled twice.
    """

    def __init__(self, bus: Bus, service: str, inbox: Inbox):
        self.bus = bus
        self.service = service
        self.inbox = inbox
        self.retry = bus.settings.retry
        self.connection = bus.connection()
        self.queue = bus.service_queue(service, list(inbox.subscriptions))
        self._tracer = telemetry.tracer(f"tandem.{service}.consumer")
        self._publisher: Publisher | None = None
        # The memory transport has no TTL queues: delayed retries wait in timers of this process.
        self._timers: set[threading.Timer] = set()
        self._timers_lock = threading.Lock()
        self.consumed = threading.Event()
        # Set while consumption is paused because the database does not answer.
        self.paused_for_database = threading.Event()
        # Messages delivered together are handled in one transaction (`Inbox.handle_batch`); 1 turns that off.
        self.batch_size = max(1, bus.settings.consumer_batch)
        self._pending: list[kombu.Message] = []
        # True while messages taken from the queue are being handled (they are in no queue then).
        self._handling = False
        self._consuming_connection: kombu.Connection | None = None

    def get_consumers(self, Consumer, channel):
        self.bus.declare(self.connection, self.service, list(self.inbox.subscriptions))
        # Room for two batches: the broker sends the next one while this one is handled and committed. With room for
        # one only, it waited for the acks, and batches left to queue were ~12 messages instead of 20 (bench, P1).
        prefetch = max(self.bus.settings.prefetch_count, 2 * self.batch_size)
        return [Consumer(queues=[self.queue], on_message=self.on_message, prefetch_count=prefetch)]

    def on_message(self, message: kombu.Message) -> None:
        if self.batch_size > 1:
            # Handled with whatever else is already here, at the loop's next turn (`on_iteration`).
            self._pending.append(message)
            return
        self._handling = True
        try:
            self._consume_one(message)
        finally:
            self._handling = False

    def on_iteration(self) -> None:
        """Before each wait for messages: take those already delivered, then handle them as one batch."""
        if not self._pending:
            return
        self._handling = True
        try:
            connection = self._consuming_connection
            while connection is not None and len(self._pending) < self.batch_size:
                try:
                    # No wait: only what the broker already sent (at most the prefetch) joins the batch.
                    connection.drain_events(timeout=0)
                except socket.timeout:
                    break
            messages, self._pending = self._pending, []
            if len(messages) == 1:
                self._consume_one(messages[0])
            else:
                self._consume_batch(messages)
        finally:
            self._handling = False

    def holds_messages(self) -> bool:
        """True while the consumer has messages it took from its queue and has not finished with."""
        return self._handling or bool(self._pending)

    def _consume_one(self, message: kombu.Message) -> None:
        event = self._event_of(message)
        if event is not None:
            self._consume_event(message, event)

    def _event_of(self, message: kombu.Message) -> Event | None:
        try:
            return Event.from_json(message.body)
        except InvalidEnvelope as exc:
            log.error("dead-lettering a message that is not a Tandem CloudEvent: %s", exc)
            self._dead_letter(message, reason=f"invalid envelope: {exc}")
            return None

    def _process_span(self, message: kombu.Message, event: Event) -> AbstractContextManager[Any]:
        return telemetry.messaging_span(
            self._tracer,
            f"{event.type} process",
            parent=telemetry.extract_context(message.headers or {}),
            kind=SpanKind.CONSUMER,
            attributes={
                "messaging.system": "rabbitmq",
                "messaging.operation.type": "process",
                "messaging.destination.name": self.queue.name,
                "messaging.message.id": event.id,
                "messaging.consumer.group.name": self.service,
            },
        )

    def _consume_event(self, message: kombu.Message, event: Event, failures: int = 0) -> None:
        """One message alone: handled, or tried again later, then acked. `failures`: tries it already had."""
        with self._process_span(message, event):
            try:
                outcome = self._handle(message, event, failures)
            except _Stopping:
                # Never acked: the broker hands the message to the next consumer.
                return
            except Exception as exc:
                log.warning("handler for %s %s failed %d time(s) in a row: %s", event.type, event.id, 1 + self.retry.immediate_retries, exc)
                self._retry_later(message, event, exc)
                return
        message.ack()
        log.debug("%s %s %s", event.type, event.id, outcome)

    def _consume_batch(self, messages: list[kombu.Message]) -> None:
        """Messages delivered together: one transaction for all (`Inbox.handle_batch`), acked after its COMMIT.

        One that fails is then handled alone, its failure in the batch counting as its first try; the others are
        neither held back nor handled again. If the batch cannot commit at all (the database, a race), each
        message is handled alone, as if it had come by itself.
        """
        delivered = [(message, event) for message in messages if (event := self._event_of(message)) is not None]
        message_of = {event.id: message for message, event in delivered}
        try:
            outcome = self.inbox.handle_batch([event for _, event in delivered],
                                              around=lambda event: self._process_span(message_of[event.id], event))
        except Exception as exc:  # noqa: BLE001 - nothing committed: each message is handled alone
            log.info("a batch of %d messages could not commit (%s); handling them one by one", len(delivered), exc)
            for message, event in delivered:
                self._consume_event(message, event)
            return
        for message, event in delivered:
            if event.id not in outcome.failed:
                message.ack()
        for message, event in delivered:
            if event.id in outcome.failed:
                log.info("handler for %s %s failed in a batch (%s); trying it alone", event.type, event.id, outcome.failed[event.id])
                self._consume_event(message, event, failures=1)

    def _handle(self, message: kombu.Message, event: Event, failures: int = 0) -> str:
        """The inbox's outcome, after the immediate retries; a database outage in between counts for nothing."""
        dropped_connection_retried = False
        while True:
            try:
                return self.inbox.handle(event)
            except Exception as exc:
                if is_dropped_connection(exc) and not dropped_connection_retried:
                    # The inbox does not test a pooled connection first (`Database.transaction`); one the server
                    # closed since fails here with nothing written, and the pool has already let it go. Once.
                    dropped_connection_retried = True
                    log.info("database connection was closed under %s %s; trying again at once", event.type, event.id)
                    continue
                if is_infrastructure_fault(exc) and self._wait_for_database(message, exc):
                    continue
                failures += 1
                if failures > self.retry.immediate_retries:
                    raise
                log.info("handler for %s %s failed (%s); immediate retry %d", event.type, event.id, exc, failures)

    def _wait_for_database(self, message: kombu.Message, exc: BaseException) -> bool:
        """Pause until the database answers. False if it answers at once: then the fault was the message's."""
        if self._database_answers():
            return False
        log.warning("database unreachable (%s); %s stops consuming until it answers", exc, self.service)
        self.paused_for_database.set()
        try:
            while not self._database_answers():
                if self.should_stop:
                    raise _Stopping()
                self._keep_connection_alive(message)
                time.sleep(self.retry.database_probe_interval)
        finally:
            self.paused_for_database.clear()
        log.warning("database answers again; %s consumes again", self.service)
        return True

    def _database_answers(self) -> bool:
        try:
            with self.inbox.db.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not yet"
            return False

    @staticmethod
    def _keep_connection_alive(message: kombu.Message) -> None:
        # The consumer thread is the one that would read and answer heartbeats; while it waits, it sends them,
        # so the broker does not drop the connection and redeliver what this consumer holds.
        transport_connection = getattr(message.channel, "connection", None)
        send = getattr(transport_connection, "send_heartbeat", None)
        if send is not None:
            try:
                send()
            except Exception:  # noqa: BLE001 - a dead connection redelivers the message: nothing is lost
                log.debug("heartbeat while paused failed", exc_info=True)

    def _retry_later(self, message: kombu.Message, event: Event, exc: Exception) -> None:
        headers = without_broker_headers(message.headers)
        done = int(headers.get(DELAYED_RETRIES_HEADER, 0) or 0)
        if done >= len(self.retry.delays):
            self._dead_letter(
                message,
                reason=f"failed {self.retry.attempts_per_message} times ({done} delayed retries): {exc}",
            )
            return
        delay = self.retry.delays[done]
        headers[DELAYED_RETRIES_HEADER] = done + 1
        body = _text(message.body)
        message_id = message.properties.get("message_id") or event.id
        log.info("%s %s: delayed retry %d of %d in %ss", event.type, event.id, done + 1, len(self.retry.delays), delay)
        if self.bus.is_memory:
            message.ack()
            self._republish_after(delay, body, headers, message_id)
            return
        try:
            self._publish(body, routing_key=self.bus.retry_queue_name(self.service, delay), headers=headers,
                          message_id=message_id, exchange=Exchange(""))
        except Exception:  # noqa: BLE001 - not handed over: leave it to the broker, which redelivers it
            log.exception("could not hand %s %s to its retry queue; it will be delivered again", event.type, event.id)
            self._requeue(message)
            return
        message.ack()

    def _republish_after(self, delay: float, body: str, headers: dict[str, Any], message_id: str) -> None:
        def republish() -> None:
            with self._timers_lock:
                self._timers.discard(timer)
            publisher = Publisher(self.bus)
            try:
                publisher.publish(body, routing_key=self.service, headers=headers, message_id=message_id, exchange=Exchange(""))
            finally:
                publisher.close()

        timer = threading.Timer(delay, republish)
        timer.daemon = True
        with self._timers_lock:
            self._timers.add(timer)
        timer.start()

    def _dead_letter(self, message: kombu.Message, reason: str) -> None:
        headers = without_broker_headers(message.headers)
        headers.pop(DELAYED_RETRIES_HEADER, None)
        headers[DEAD_REASON_HEADER] = reason[:500]
        try:
            self._publish(
                _text(message.body),
                routing_key=self.service,
                headers=headers,
                message_id=message.properties.get("message_id") or "",
                exchange=self.bus.dead_exchange,
            )
        except Exception:  # noqa: BLE001
            log.exception("could not dead-letter a message; it will be delivered again")
            self._requeue(message)
            return
        message.ack()

    def _publish(self, body: str, **kwargs: Any) -> None:
        if self._publisher is None:
            self._publisher = Publisher(self.bus)
        try:
            self._publisher.publish(body, **kwargs)
        except Exception:
            self._publisher.close()
            self._publisher = None
            raise

    @staticmethod
    def _requeue(message: kombu.Message) -> None:
        try:
            message.requeue()
        except Exception:  # noqa: BLE001 - the connection is gone: the broker requeues it by itself
            log.debug("requeue failed", exc_info=True)

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        self._consuming_connection = connection
        self.consumed.set()

    def on_connection_revived(self) -> None:
        # Messages of a lost connection can no longer be acked; the broker delivers them again.
        self._pending.clear()

    def on_connection_error(self, exc, interval):
        log.warning("broker connection lost (%s); reconnecting in %.1fs", exc, interval)

    def stop(self) -> None:
        self.should_stop = True

    def close(self) -> None:
        """After the consuming thread ended: the publisher, and (memory) the delayed retries not yet due."""
        if self._publisher is not None:
            self._publisher.close()
            self._publisher = None
        with self._timers_lock:
            pending = list(self._timers)
            self._timers.clear()
        for timer in pending:
            timer.cancel()
        if pending:
            log.warning("%d delayed retries dropped with the memory bus", len(pending))


class _Stopping(Exception):
    """The consumer was asked to stop while it waited for the database."""


def _text(body: bytes | str) -> str:
    return body.decode("utf-8") if isinstance(body, bytes) else body
