"""A tiny service built only from tandem_shared's mechanisms, for the shared tests.

It subscribes to two event types:
- `tiny.thing.happened`: inserts one row into `effects` per event;
- `tiny.thing.failed`: raises while its `FailSwitch` is on, inserts an effect once it is off.

Used in-process by the tests and by `kill_after_commit_worker.py` in a subprocess, so it lives in
a plain module (the tests put this directory on sys.path) rather than in conftest.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

import sqlalchemy as sa

from tandem_shared.bus import RetryPolicy
from tandem_shared.envelope import Event
from tandem_shared.housekeeping import Retention
from tandem_shared.inbox import UnitOfWork
from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime

SERVICE = "tiny"
HAPPENED = "tiny.thing.happened"
FAILED = "tiny.thing.failed"
# Short delays so a test sees every stage: 2 tries at once, then 2 delayed retries: 6 attempts in all.
QUICK_RETRIES = RetryPolicy(immediate_retries=1, delays=(0.3, 0.6), database_probe_interval=0.2)

metadata = sa.MetaData()
messaging = define_messaging_tables(metadata)
# No unique constraint on event_id on purpose: a duplicate effect must show up as a second row.
effects = sa.Table(
    "effects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("type", sa.String(200), nullable=False),
    sa.Column("n", sa.Integer, nullable=True),
)


class HandlerFailure(RuntimeError):
    """What the failing handler raises."""


@dataclass
class FailSwitch:
    """While `on`, the `tiny.thing.failed` handler raises; `attempts` counts its calls."""

    on: bool = True
    attempts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def hit(self) -> None:
        with self._lock:
            self.attempts += 1


def _record(event: Event, uow: UnitOfWork) -> None:
    uow.session.execute(effects.insert().values(event_id=event.id, type=event.type, n=event.data.get("n")))


def make_subscriptions(switch: FailSwitch):
    def on_happened(event: Event, uow: UnitOfWork) -> None:
        _record(event, uow)

    def on_failed(event: Event, uow: UnitOfWork) -> None:
        switch.hit()
        if switch.on:
            raise HandlerFailure(f"refusing {event.id} on purpose")
        _record(event, uow)

    return {HAPPENED: on_happened, FAILED: on_failed}


def build_runtime(
    database_url: str,
    broker_url: str,
    *,
    switch: FailSwitch | None = None,
    delivery_limit: int = 2,
    outbox_poll_interval: float = 60.0,
    service: str = SERVICE,
    create_tables: bool = True,
    retry: RetryPolicy = QUICK_RETRIES,
    subscriptions=None,
    consumer_batch: int = 20,
    retention: Retention = Retention(),
) -> ServiceRuntime:
    runtime = ServiceRuntime(
        settings=RuntimeSettings(
            service=service,
            database_url=database_url,
            broker_url=broker_url,
            migrations_dir="unused-the-tests-call-create_all",
            delivery_limit=delivery_limit,
            outbox_poll_interval=outbox_poll_interval,
            retry=retry,
            consumer_batch=consumer_batch,
            retention=retention,
        ),
        metadata=metadata,
        tables=messaging,
        subscriptions=subscriptions or make_subscriptions(switch or FailSwitch()),
    )
    if create_tables:
        metadata.create_all(runtime.db.engine)
    return runtime


def effect_rows(runtime: ServiceRuntime) -> list[tuple[str, str]]:
    with runtime.db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(effects.c.event_id, effects.c.type).order_by(effects.c.id))]


def inbox_ids(runtime: ServiceRuntime) -> list[str]:
    table = runtime.tables.inbox
    with runtime.db.engine.connect() as connection:
        return list(connection.execute(sa.select(table.c.event_id)).scalars())


def wait_until(predicate, timeout: float, what: str, interval: float = 0.02):
    """Poll `predicate` until it returns something truthy; fail the test with `what` at the deadline."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:.1f}s waiting for {what}")
        time.sleep(interval)
