"""Fixtures for the shared mechanisms' tests: databases, brokers and a tap on the events exchange."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import kombu
import pytest

HERE = Path(__file__).resolve().parent
# --import-mode=importlib does not put test directories on sys.path; the tiny service module
# (also run by a subprocess script) has a name unlikely to clash with other suites' helpers.
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from tandem_shared.bus import Bus, BusSettings  # noqa: E402
from tandem_shared.testing import postgres_database, rabbitmq_vhost, reset_memory_broker  # noqa: E402

MEMORY_URL = "memory://"


@pytest.fixture(autouse=True)
def _clean_memory_broker():
    reset_memory_broker()
    yield
    reset_memory_broker()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'tiny.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def database_url(request):
    """The test once on SQLite (the embedded mode) and once on PostgreSQL (distributed)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def pg_url():
    with postgres_database() as url:
        yield url


@pytest.fixture
def vhost_url():
    with rabbitmq_vhost() as url:
        yield url


class EventsTap:
    """A private queue bound to `tandem.events` with `#`: sees everything published there."""

    def __init__(self, broker_url: str):
        self.bus = Bus(BusSettings(url=broker_url))
        self.connection = self.bus.connection()
        self.connection.ensure_connection(max_retries=3)
        self.bus.declare(self.connection, None, [])
        self.channel = self.connection.channel()
        self.queue = kombu.Queue(
            f"tap-{uuid.uuid4().hex[:8]}", exchange=self.bus.events_exchange, routing_key="#", durable=False, auto_delete=True
        )(self.channel)
        self.queue.declare()

    def get(self, timeout: float = 5.0):
        """The next message on the tap, or None after `timeout` seconds."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            message = self.queue.get(no_ack=True)
            if message is not None:
                return message
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.005)

    def close(self) -> None:
        try:
            self.channel.close()
        finally:
            self.connection.release()


@pytest.fixture
def make_tap():
    taps: list[EventsTap] = []

    def make(broker_url: str) -> EventsTap:
        tap = EventsTap(broker_url)
        taps.append(tap)
        return tap

    yield make
    for tap in taps:
        tap.close()
