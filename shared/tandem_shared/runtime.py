"""A service's moving parts assembled from its settings: database, bus, outbox, relay, inbox, consumer.

Each service's `bootstrap.py` builds one `ServiceRuntime`; the web app, the worker, the
embedded mode and the tests all use that same composition.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from . import telemetry
from .bus import Bus, BusSettings, RetryPolicy
from .config import CommonSettings
from .db import Database
from .housekeeping import Retention, housekeeping_loop
from .inbox import Handler, Inbox, ServiceConsumer, UnitOfWork
from .messaging_tables import MessagingTables
from .migrations import upgrade
from .outbox import OUTBOX_WRITTEN, Outbox, OutboxRelay

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RuntimeSettings:
    service: str
    database_url: str
    broker_url: str
    migrations_dir: str
    delivery_limit: int = 5
    outbox_poll_interval: float = 5.0
    retry: RetryPolicy = RetryPolicy()
    confirm_timeout: float = 15.0
    consumer_batch: int = 20
    retention: Retention = Retention()
    # In distributed mode the web process relays its own commits at once; the worker polls as a safety net.
    relay_in_web: bool = True


@dataclass
class BackgroundLoop:
    """A long-running duty of the worker besides consuming and relaying (e.g. the notifier's mail sender).

    `wake` runs after each commit whose session set `session.info[wake_when]`.
    """

    name: str
    run: Callable[[threading.Event], None]
    wake: Callable[[], None] | None = None
    wake_when: str | None = None


@dataclass
class ServiceRuntime:
    settings: RuntimeSettings
    metadata: sa.MetaData
    tables: MessagingTables
    subscriptions: Mapping[str, Handler]
    loops: list[BackgroundLoop] = field(default_factory=list)

    def __post_init__(self) -> None:
        telemetry.instrument_sqlalchemy()
        self.db = Database(self.settings.database_url)
        self.bus = Bus(
            BusSettings(
                url=self.settings.broker_url,
                delivery_limit=self.settings.delivery_limit,
                retry=self.settings.retry,
                confirm_timeout=self.settings.confirm_timeout,
                consumer_batch=self.settings.consumer_batch,
            )
        )
        self.outbox = Outbox(self.tables, source=self.settings.service)
        self.relay = OutboxRelay(self.db, self.tables, self.bus, poll_interval=self.settings.outbox_poll_interval)
        self.inbox = Inbox(self.db, self.tables, self.outbox, self.subscriptions)
        self.db.on_commit(self.relay.hand_over, when=OUTBOX_WRITTEN, with_info=True)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._consumer: ServiceConsumer | None = None
        self._relay_started = False
        self._start_lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.settings.service

    def add_loop(self, loop: BackgroundLoop) -> None:
        self.loops.append(loop)
        if loop.wake is not None and loop.wake_when is not None:
            self.db.on_commit(loop.wake, when=loop.wake_when)

    def migrate(self) -> None:
        upgrade(self.settings.migrations_dir, self.settings.database_url)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        with self.db.transaction() as session:
            yield UnitOfWork(session=session, outbox=self.outbox)

    def declare_topology(self) -> None:
        with self.bus.connection() as connection:
            connection.ensure_connection(max_retries=None, interval_max=2)
            self.bus.declare(connection, self.name, list(self.subscriptions))

    # -- background duties -------------------------------------------------------------

    def start_relay(self) -> None:
        """Relay outbox rows from this process; safe to call from several processes at once."""
        with self._start_lock:
            if self._relay_started:
                return
            self._relay_started = True
            self._spawn(f"{self.name}-outbox-relay", self.relay.run)

    def start_worker(self) -> None:
        """Consumer, relay, the messaging housekeeping and the service's own loops, each in a daemon thread."""
        self.declare_topology()
        if self.subscriptions:
            self._consumer = ServiceConsumer(self.bus, self.name, self.inbox)
            self._spawn(f"{self.name}-consumer", lambda stop: self._consumer.run())
        self.start_relay()
        self._spawn(f"{self.name}-messaging-housekeeping",
                    housekeeping_loop(self.db, self.tables, self.settings.retention, self.name))
        for loop in self.loops:
            self._spawn(f"{self.name}-{loop.name}", loop.run)
        # Catch up with anything a previous process committed and did not relay.
        self.relay.wake()

    @property
    def consumer(self) -> ServiceConsumer | None:
        """The running consumer (None before `start_worker`, or for a service that consumes nothing)."""
        return self._consumer

    def wait_until_consuming(self, timeout: float = 10.0) -> bool:
        if self._consumer is None:
            return True
        return self._consumer.consumed.wait(timeout)

    def events_in_flight(self) -> int:
        """Events this service has yet to relay or handle: its unsent outbox rows, the messages waiting in its queue,
        and one more while its consumer holds some it took from the queue.

        Read in the order an event goes (outbox, queue, consumer), so that one moving on between two reads is seen at
        the later one; a message between the queue and the consumer's hands for a few microseconds is not: only
        several quiet checks in a row say nothing is left (`wait_until_settled`)."""
        unsent = self.relay.pending_count()
        waiting = 0
        if self._consumer is not None:
            with self.bus.connection() as connection:
                waiting = connection.default_channel.queue_declare(queue=self.name, passive=True).message_count
        holding = self._consumer is not None and self._consumer.holds_messages()
        return unsent + waiting + int(holding)

    def _spawn(self, name: str, target: Callable[[threading.Event], None]) -> None:
        def guarded() -> None:
            try:
                target(self._stop)
            except Exception:
                log.exception("%s stopped on an error", name)

        thread = threading.Thread(target=guarded, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def ask_to_stop(self) -> None:
        """Tell every duty to stop, without waiting: a process running several runtimes asks them all first, so their
        consumers' waits for messages (up to a second each) run out together rather than one after the other."""
        self._stop.set()
        if self._consumer is not None:
            self._consumer.stop()
        self.relay.wake()
        for loop in self.loops:
            if loop.wake is not None:
                loop.wake()

    def stop(self, timeout: float = 10.0) -> None:
        self.ask_to_stop()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        if self._consumer is not None:
            self._consumer.close()
        # A flush outside the relay's thread (one-pass commands, tests) leaves its publisher open: close it here.
        self.relay.close()
        self.db.dispose()


def wait_until_settled(runtimes: Iterable[ServiceRuntime], timeout: float, interval: float = 0.05) -> bool:
    """Wait until no runtime has an event left to relay or handle, three checks in a row; False after `timeout`.

    The memory bus (embedded mode) keeps its messages in this process only: one still in a queue when the process
    stops is lost, while the outbox row it came from says it was sent. The embedded mode waits for this before it
    stops its workers. What a handler publishes meanwhile is waited for too; an outbox row written after the last
    check stays unsent and goes at the next start.
    """
    runtimes = list(runtimes)
    deadline = time.monotonic() + timeout
    quiet_checks = 0
    while True:
        in_flight = 0
        for runtime in runtimes:
            if time.monotonic() > deadline:
                log.warning("stopping with events not yet relayed or handled (%d counted)", in_flight)
                return False
            try:
                in_flight += runtime.events_in_flight()
            except Exception:  # noqa: BLE001 - a check that fails says nothing is settled; the next one may answer
                log.warning("could not count %s's events under way", runtime.name, exc_info=True)
                in_flight += 1
        quiet_checks = quiet_checks + 1 if in_flight == 0 else 0
        if quiet_checks == 3:
            return True
        time.sleep(interval)


def migrations_dir(package_file: str) -> str:
    """A service's `migrations/` folder, beside its package (`package_file` is any module of the package)."""
    return str(Path(package_file).resolve().parent.parent / "migrations")


def retry_policy(settings: CommonSettings) -> RetryPolicy:
    return RetryPolicy(
        immediate_retries=settings.immediate_retries,
        delays=settings.retry_delays,
        database_probe_interval=settings.database_probe_interval,
    )


def build_service_runtime(
    settings: CommonSettings,
    package_file: str,
    metadata: sa.MetaData,
    tables: MessagingTables,
    subscriptions: Mapping[str, Handler],
) -> ServiceRuntime:
    """The runtime every service builds from its common settings; its `bootstrap.py` adds its own loops."""
    return ServiceRuntime(
        settings=RuntimeSettings(
            service=settings.service,
            database_url=settings.database_url,
            broker_url=settings.broker_url,
            migrations_dir=migrations_dir(package_file),
            delivery_limit=settings.delivery_limit,
            outbox_poll_interval=settings.outbox_poll_interval,
            retry=retry_policy(settings),
            confirm_timeout=settings.confirm_timeout,
            consumer_batch=settings.consumer_batch,
            retention=Retention(outbox_days=settings.outbox_keep_days, inbox_days=settings.inbox_keep_days),
        ),
        metadata=metadata,
        tables=tables,
        subscriptions=subscriptions,
    )
