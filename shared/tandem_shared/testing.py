"""Test helpers: run a service's handlers on a memory bus, capture what it publishes, real broker sandboxes."""
from __future__ import annotations

import contextlib
import json
import subprocess
import time
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
    _rabbitmqctl("add_vhost", vhost)
    _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    try:
        yield f"{base_url.rstrip('/')}/{vhost}"
    finally:
        subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=False, capture_output=True)


def _rabbitmqctl(*args: str, attempts: int = 5) -> None:
    """Run an idempotent rabbitmqctl command, trying again when it fails.

    Several test processes run at once (`make test` uses pytest-xdist), and a CLI call made while others change
    vhosts sometimes exits with 64 without having done anything. add_vhost and set_permissions are idempotent.
    """
    for attempt in range(1, attempts + 1):
        done = subprocess.run(["rabbitmqctl", "-q", *args], capture_output=True, text=True)
        if done.returncode == 0:
            return
        if attempt == attempts:
            raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout, done.stderr)
        time.sleep(0.5 * attempt)


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


def rabbitmq_queue_messages(vhost_url: str, queue: str, counting: str = "messages") -> int:
    """How many messages are in a queue, as the broker counts them: all of them (`messages`), those delivered and
    not acked yet (`messages_unacknowledged`), or those waiting for a consumer (`messages_ready`)."""
    if counting not in ("messages", "messages_unacknowledged", "messages_ready"):
        raise ValueError(f"rabbitmqctl has no queue column {counting!r} for this")
    vhost = vhost_url.rsplit("/", 1)[1]
    done = subprocess.run(
        ["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", counting, "--formatter", "json"],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"rabbitmqctl list_queues exited with {done.returncode}: {done.stderr.strip() or done.stdout.strip()}")
    out = done.stdout
    for row in json.loads(out or "[]"):
        if row["name"] == queue:
            return int(row[counting])
    return 0


class TcpProxy:
    """A TCP proxy on loopback that a fault test controls: forward, cut (drop and refuse), or freeze the replies.

    Put it between one process and a server (a service and its PostgreSQL, a publisher and RabbitMQ) to make
    that server unreachable for that process only, without touching the server others share.
    """

    def __init__(self, target_host: str, target_port: int, listen_host: str = "127.0.0.1"):
        import socket
        import threading

        self._socket_module = socket
        self.target = (target_host, target_port)
        self._listener = socket.create_server((listen_host, 0))
        self.host, self.port = self._listener.getsockname()[:2]
        self._lock = threading.Lock()
        self._pairs: list[tuple[Any, Any]] = []
        self._refusing = False
        self._replies_flow = threading.Event()
        self._replies_flow.set()
        self._closed = False
        threading.Thread(target=self._accept, name=f"tcp-proxy-{self.port}", daemon=True).start()

    def url_for(self, url: str) -> str:
        """`url` with its host:port replaced by the proxy's (the target's host:port must appear in it)."""
        return url.replace(f"{self.target[0]}:{self.target[1]}", f"{self.host}:{self.port}", 1)

    def cut(self) -> None:
        """Drop every open connection and refuse new ones until `restore()`."""
        with self._lock:
            self._refusing = True
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            self._close(*pair)

    def restore(self) -> None:
        with self._lock:
            self._refusing = False
        self._replies_flow.set()

    def freeze_replies(self) -> None:
        """Keep connections open but hold back everything the server sends (a confirm that never comes)."""
        self._replies_flow.clear()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._replies_flow.set()
        self._listener.close()

    def _accept(self) -> None:
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refusing = self._refusing
            if refusing:
                client.close()
                continue
            try:
                upstream = self._socket_module.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, source, destination, is_reply: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if is_reply:
                    self._replies_flow.wait()
                destination.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source, destination)

    @staticmethod
    def _close(*sockets) -> None:
        import socket

        for sock in sockets:
            # shutdown wakes a thread blocked in recv on it; close alone would not.
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass
