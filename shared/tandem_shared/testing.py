"""Test helpers: run a service's handlers on a memory bus, capture what it publishes, real broker sandboxes."""
from __future__ import annotations

import contextlib
import json
import subprocess
import uuid
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from kombu.transport import memory

from .envelope import Event
from .runtime import ServiceRuntime


def reset_memory_broker() -> None:
    """The memory transport's queues and bindings are process-global: clear them between tests."""
    memory.Transport.global_state.clear()
    memory.Channel.queues.clear()
    memory.Channel.events.clear()


def make_event(type: str, data: dict[str, Any], subject: str = "", source: str = "test", event_id: str | None = None) -> Event:
    return Event(type=type, source=source, subject=subject or str(data.get("id", "")), data=data, id=event_id or str(uuid.uuid4()))


def deliver(runtime: ServiceRuntime, event: Event) -> str:
    """Hand one event to the service exactly as its consumer would (inbox, handler, one transaction)."""
    return runtime.inbox.handle(event)


def published(runtime: ServiceRuntime, type: str | None = None) -> list[Event]:
    """Every event the service has written to its outbox, oldest first."""
    table = runtime.tables.outbox
    query = sa.select(table.c.body).order_by(table.c.position)
    if type is not None:
        query = query.where(table.c.type == type)
    with runtime.db.engine.connect() as connection:
        return [Event.from_json(body) for body in connection.execute(query).scalars()]


@contextlib.contextmanager
def running(runtime: ServiceRuntime) -> Iterator[ServiceRuntime]:
    """The service's worker duties (consumer, relay, loops) in threads for the duration of a test."""
    runtime.start_worker()
    runtime.wait_until_consuming()
    try:
        yield runtime
    finally:
        runtime.stop()


@contextlib.contextmanager
def rabbitmq_vhost(base_url: str = "amqp://guest:guest@127.0.0.1:5672") -> Iterator[str]:
    """A throwaway virtual host, so tests declare the real names without meeting other runs' queues."""
    vhost = f"tandem-test-{uuid.uuid4().hex[:12]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True, capture_output=True)
    subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"], check=True, capture_output=True)
    try:
        yield f"{base_url.rstrip('/')}/{vhost}"
    finally:
        subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=False, capture_output=True)


@contextlib.contextmanager
def postgres_database(admin_url: str = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres", prefix: str = "tandem_test") -> Iterator[str]:
    """A fresh PostgreSQL database for one test module, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def rabbitmq_queue_messages(vhost_url: str, queue: str) -> int:
    """How many messages wait in a queue, as the broker counts them."""
    vhost = vhost_url.rsplit("/", 1)[1]
    out = subprocess.run(
        ["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "messages", "--formatter", "json"],
        check=True, capture_output=True, text=True,
    ).stdout
    for row in json.loads(out or "[]"):
        if row["name"] == queue:
            return int(row["messages"])
    return 0
