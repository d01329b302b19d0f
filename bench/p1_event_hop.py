"""Benchmark P1, "the event hop": how long Tandem takes to carry one event from a producer's commit to a consumer's committed effect.

One run, on the real RabbitMQ and PostgreSQL (a fresh vhost and two fresh databases, all removed afterwards):

  a. floor       raw kombu publish (publisher confirms) -> consume round trip on the same broker, into a
                 quorum queue declared exactly like a Tandem service queue and into a classic durable
                 queue; plus a raw psycopg INSERT + COMMIT, the price of one PostgreSQL transaction;
  b. hop         a producing ServiceRuntime commits one event to its outbox, its relay publishes it, a
                 consuming ServiceRuntime (its own process and database, like a second service) handles it
                 and commits an effect row; from just before the producer's COMMIT to just after the
                 consumer's COMMIT returned, one event at a time, with a per-stage breakdown;
  c. throughput  events committed as fast as one producer thread can (one event per transaction, then
                 100 per transaction) until the last effect is committed, through one relay and one consumer;
  d. pace        one consumer's own pace: events wait in its queue before it subscribes, then from its
                 subscription to its last effect's COMMIT, one by one and in batches (TANDEM_CONSUMER_BATCH),
                 interleaved over a few rounds;
  e. a report    markdown on stdout, JSON in bench/results/p1.json.

The floor and the hop are measured interleaved (raw quorum, raw classic, raw PostgreSQL, hop; repeat), so
that the load other processes put on the shared machine weighs on both sides of the ratio alike.

Usage: uv run python bench/p1_event_hop.py [--events 1000] [--throughput-events 5000]
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import faulthandler
import importlib
import json
import logging
import multiprocessing as mp
import os
import platform
import queue as queue_module
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kombu
import psycopg
import sqlalchemy as sa
from kombu import Exchange, Queue

from tandem_shared import bus as bus_module
from tandem_shared import inbox as inbox_module
from tandem_shared import telemetry
from tandem_shared.bus import Bus, BusSettings
from tandem_shared.envelope import CONTENT_TYPE, Event
from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime
from tandem_shared.testing import postgres_database
from tandem_shared.timeutil import UTCDateTime, utcnow

# CLOCK_MONOTONIC is system-wide on Linux, so stamps taken in the consumer's process and in this one compare
# directly (time.time() would be exposed to NTP steps).
clock = time.monotonic

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "p1.json"
GOAL_RATIO = 3.0  # issue 2's goal: hop p50 at most 3x the raw round trip p50
# Issue 18's restatement: the structural floor is the broker round trip plus the two durable PostgreSQL commits the
# outbox (producer) and the inbox (consumer) must pay, each measured in the same run; the hop's p50 at most 1.5x it.
COMPOSITE_GOAL_RATIO = 1.5

PRODUCER = "benchsource"
CONSUMER = "benchsink"
EVENT_TYPE = f"{PRODUCER}.ping.sent"
DRAIN_EVENT_TYPE = f"{PRODUCER}.drain.sent"  # only the consumers of the pace run are bound to it
# Issue 18: one consumer, a light handler, events already waiting in its queue.
CONSUMER_PACE_GOAL = 1000.0
THROUGHPUT_SEQ_BASE = 1_000_000  # each throughput run has its own seq range so effect keys never collide
PACE_SEQ_BASE = 10_000_000


class BenchTimeout(RuntimeError):
    """A wait exceeded its bound: the run stops (and cleans up) instead of hanging."""


class Deadline:
    """The whole run must end in bounded time; every wait takes its timeout from here."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def remaining(self, cap: float | None = None) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise BenchTimeout("the run's overall deadline has passed")
        return left if cap is None else min(left, cap)


@contextlib.contextmanager
def bench_vhost(base_url: str = "amqp://guest:guest@127.0.0.1:5672") -> Iterator[str]:
    """A throwaway vhost, like tandem_shared.testing.rabbitmq_vhost, but named tandem-bench-* so a leftover
    is recognisable, and deleted with retries because other test runs on this machine restart the broker."""
    vhost = f"tandem-bench-{uuid.uuid4().hex[:12]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True, capture_output=True, timeout=60)
    try:
        subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"], check=True, capture_output=True, timeout=60)
        yield f"{base_url}/{vhost}"
    finally:
        for attempt in range(5):
            done = subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=False, capture_output=True, timeout=60)
            if done.returncode == 0:
                break
            time.sleep(2)
        else:
            print(f"could not delete vhost {vhost}: {done.stderr.decode(errors='replace')}", file=sys.stderr)


# -- statistics ----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    data = sorted(values)
    k = (len(data) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000.0 for s in seconds]
    if not ms:
        return {"n": 0, "p50_ms": float("nan"), "p95_ms": float("nan"), "p99_ms": float("nan")}
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "min_ms": round(min(ms), 3),
        "max_ms": round(max(ms), 3),
        "mean_ms": round(sum(ms) / len(ms), 3),
    }


# -- machine description ---------------------------------------------------------------------------


def machine_description(broker_url: str, database_url: str) -> dict[str, Any]:
    cpu_model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    mem_total_gib = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_total_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    # The broker states its version in the AMQP handshake: no need to shell out to rabbitmqctl.
    with kombu.Connection(broker_url, connect_timeout=5) as connection:
        connection.connect()
        props = connection.connection.server_properties
        rabbitmq = f"{props.get('product', 'RabbitMQ')} {props.get('version', '?')}"
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        # These decide what a COMMIT costs, so they belong in the report.
        pg = {name: connection.execute(f"SHOW {name}").fetchone()[0] for name in ("server_version", "synchronous_commit", "fsync", "wal_sync_method")}
    import amqp

    return {
        "date_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": mem_total_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "rabbitmq": rabbitmq,
        "postgresql": pg,
        "libraries": {"kombu": kombu.__version__, "amqp": amqp.__version__, "sqlalchemy": sa.__version__, "psycopg": psycopg.__version__},
        # Other people's test runs share this machine; the load average says how quiet it was.
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def libpq_url(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+psycopg://", "postgresql://", 1)


# -- a. the floors -------------------------------------------------------------------------------------


def sample_body(seq: int) -> bytes:
    # The same envelope, and so about the same size, as a Tandem event: the floor carries what the hop carries.
    return Event(type=EVENT_TYPE, source=PRODUCER, subject=str(seq), data={"seq": seq, "note": "bench"}).to_json().encode()


class RawRoundTrip:
    """kombu with confirms on one connection, a consumer on another: the broker's own round trip."""

    def __init__(self, broker_url: str, exchange: Exchange, queue: Queue, routing_key: str):
        self.broker_url, self.exchange, self.queue, self.routing_key = broker_url, exchange, queue, routing_key
        self.received: dict[int, float] = {}
        self.arrived = threading.Condition()
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.errors: list[BaseException] = []
        self.latencies: list[float] = []
        self.confirms: list[float] = []
        with kombu.Connection(broker_url, connect_timeout=5) as connection:
            # Declared before consuming, so the binding exists before the first publish.
            queue(connection.default_channel).declare()
        self.thread = threading.Thread(target=self._consume, name=f"raw-consumer-{queue.name}", daemon=True)
        self.thread.start()
        self.publisher = kombu.Connection(broker_url, transport_options={"confirm_publish": True}, connect_timeout=5)
        self.producer = self.publisher.Producer()

    def _on_message(self, message) -> None:
        now = clock()
        message.ack()
        with self.arrived:
            self.received[int(message.headers["seq"])] = now
            self.arrived.notify_all()

    def _consume(self) -> None:
        try:
            with kombu.Connection(self.broker_url, heartbeat=0, connect_timeout=5) as connection:
                # Same prefetch as Tandem's consumers (batches of 20, room for two), so the broker behaves alike.
                with connection.Consumer([self.queue], on_message=self._on_message, prefetch_count=40):
                    self.ready.set()
                    while not self.stop.is_set():
                        # Only the idle timeout is expected; a lost connection (another test run restarting
                        # the broker) must end the run with that reason, not spin here.
                        with contextlib.suppress(TimeoutError):
                            connection.drain_events(timeout=0.2)
        except BaseException as exc:  # surfaced by the main thread
            self.errors.append(exc)
            self.ready.set()

    def once(self, seq: int, deadline: Deadline, measured: bool) -> None:
        body = sample_body(seq)
        t0 = clock()
        self.producer.publish(
            body,
            exchange=self.exchange,
            routing_key=self.routing_key,
            content_type=CONTENT_TYPE,
            content_encoding="utf-8",
            headers={"seq": seq},
            delivery_mode=2,  # persistent, like the relay's publishes
        )
        confirmed = clock()
        with self.arrived:
            if not self.arrived.wait_for(lambda: seq in self.received, timeout=deadline.remaining(10)):
                raise BenchTimeout(f"raw message {seq} on {self.queue.name} never arrived ({self.errors})")
        if measured:
            self.latencies.append(self.received[seq] - t0)
            self.confirms.append(confirmed - t0)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        with contextlib.suppress(Exception):
            self.publisher.release()

    def result(self) -> dict[str, Any]:
        return {"round_trip": summary_ms(self.latencies), "publish_until_confirm": summary_ms(self.confirms)}


class RawCommit:
    """One psycopg INSERT + COMMIT: what any transaction costs on this PostgreSQL (round trips and WAL flush)."""

    def __init__(self, database_url: str):
        self.connection = psycopg.connect(libpq_url(database_url))
        self.connection.execute("CREATE TABLE bench_floor (seq integer PRIMARY KEY, at timestamptz NOT NULL)")
        self.connection.commit()
        self.latencies: list[float] = []

    def once(self, seq: int, measured: bool) -> None:
        t0 = clock()
        self.connection.execute("INSERT INTO bench_floor VALUES (%s, now())", (seq,))
        self.connection.commit()
        if measured:
            self.latencies.append(clock() - t0)

    def close(self) -> None:
        self.connection.close()


# -- b. the consuming service, in its own process -------------------------------------------------------


def apply_setup(setup: str | None) -> None:
    """Run a "module:function" in this process before any runtime is built (bench/p1_what_if.py patches
    tandem_shared this way to measure a proposed change without editing shared/)."""
    if setup:
        module, _, function = setup.partition(":")
        getattr(importlib.import_module(module), function)()


def consumer_process(
    database_url: str, broker_url: str, out: Any, stop: Any, setup: str | None = None,
    service: str = CONSUMER, event_type: str = EVENT_TYPE, consumer_batch: int = 20,
) -> None:
    """The consuming service: its own runtime, database and process (no GIL shared with the producer).

    Sends ("consume_ready", t) when its consumer is subscribed, ("ready",), then per handled event ("effect", seq,
    delivered, handle_start, handler_start, handler_end, t1, process CPU seconds), ("relay_wake", t) whenever this
    service's relay is woken, and after every relay pass of this service ("relay_pass", start, end). Events that
    commit together (a batch) share t1; their delivered and handle_start stamps are the batch's last ones.
    """
    apply_setup(setup)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="consumer %(levelname)s %(name)s: %(message)s")
    telemetry.configure_tracing(CONSUMER, "none")  # the default, as in main() below
    metadata = sa.MetaData()
    effect = sa.Table(
        "bench_effect",
        metadata,
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("handled_at", UTCDateTime, nullable=False),
    )
    # The effects of the transaction under way: (seq, handler_start, handler_end) each.
    stamps: dict[str, Any] = {"pending": [], "delivered": 0.0, "handle_start": 0.0}

    def on_ping(event: Event, uow) -> None:
        seq = int(event.data["seq"])
        handler_start = clock()
        uow.session.execute(effect.insert().values(seq=seq, event_id=event.id, handled_at=utcnow()))
        stamps["pending"].append((seq, handler_start, clock()))

    runtime = ServiceRuntime(
        # migrations_dir is unused: the bench creates its tables with metadata.create_all.
        settings=RuntimeSettings(service=service, database_url=database_url, broker_url=broker_url, migrations_dir="",
                                 consumer_batch=consumer_batch),
        metadata=metadata,
        tables=define_messaging_tables(metadata),
        subscriptions={event_type: on_ping},
    )
    metadata.create_all(runtime.db.engine)

    def effect_committed() -> None:
        # Database.on_commit listeners run right after the handler's COMMIT returned: this is t1.
        t1 = clock()
        pending, stamps["pending"] = stamps["pending"], []
        cpu = time.process_time()
        # Empty: a commit without our effect, e.g. a duplicate the inbox skipped.
        for seq, handler_start, handler_end in pending:
            out.put(("effect", seq, stamps["delivered"], stamps["handle_start"], handler_start, handler_end, t1, cpu))

    runtime.db.on_commit(effect_committed)

    # Instance attributes shadow the methods: Inbox calls self.handle via the consumer, the relay self.flush.
    real_handle, real_handle_batch, real_flush = runtime.inbox.handle, runtime.inbox.handle_batch, runtime.relay.flush

    def handle(event: Event) -> str:
        stamps["handle_start"] = clock()
        return real_handle(event)

    def handle_batch(events, around=None):
        stamps["handle_start"] = clock()
        try:
            return real_handle_batch(events, around)
        except Exception:
            stamps["pending"].clear()  # a batch that could not commit: its messages are handled again, one by one
            raise

    def flush() -> int:
        start = clock()
        try:
            return real_flush()
        finally:
            out.put(("relay_pass", start, clock()))

    runtime.inbox.handle, runtime.inbox.handle_batch, runtime.relay.flush = handle, handle_batch, flush

    # The consumer object is made inside start_worker and binds on_message in its own thread, so the stamp
    # for "message delivered" goes on the class (this process holds only this one consumer).
    real_on_message = inbox_module.ServiceConsumer.on_message

    def on_message(self, message) -> None:
        stamps["delivered"] = clock()
        real_on_message(self, message)

    inbox_module.ServiceConsumer.on_message = on_message
    real_on_consume_ready = inbox_module.ServiceConsumer.on_consume_ready

    def on_consume_ready(self, *args, **kwargs) -> None:
        out.put(("consume_ready", clock()))
        real_on_consume_ready(self, *args, **kwargs)

    inbox_module.ServiceConsumer.on_consume_ready = on_consume_ready

    class ReportingEvent(threading.Event):
        # The relay's wake() was registered as an on_commit listener before we get here, so the event it
        # sets is where a wake-up can be observed. The wake-up is reported before the effect (the relay's
        # listener is registered first, and one queue keeps one process's messages in order), so the
        # parent knows whether a relay pass trails an effect.
        def set(self) -> None:
            out.put(("relay_wake", clock()))
            super().set()

    runtime.relay._wake = ReportingEvent()
    try:
        runtime.start_worker()
        if not runtime.wait_until_consuming(20):
            out.put(("error", "consumer did not start consuming"))
            return
        out.put(("ready",))
        stop.wait(600)
    finally:
        runtime.stop(timeout=10)
        out.put(("stopped",))


# -- b/c. the producing service and the measurements ----------------------------------------------------


@dataclass
class Probe:
    """Timestamps of each stage per event seq. Taking one costs about a microsecond."""

    seq_of: dict[str, int] = field(default_factory=dict)
    before_commit: dict[int, float] = field(default_factory=dict)
    committed: dict[int, float] = field(default_factory=dict)
    flush_start: dict[int, float] = field(default_factory=dict)
    publish_start: dict[int, float] = field(default_factory=dict)
    publish_end: dict[int, float] = field(default_factory=dict)
    flush_end: dict[int, float] = field(default_factory=dict)
    publish_call: dict[int, float] = field(default_factory=dict)
    delivered: dict[int, float] = field(default_factory=dict)
    handle_start: dict[int, float] = field(default_factory=dict)
    handler_start: dict[int, float] = field(default_factory=dict)
    handler_end: dict[int, float] = field(default_factory=dict)
    effect_committed: dict[int, float] = field(default_factory=dict)
    consumer_cpu: dict[int, float] = field(default_factory=dict)  # the consumer process's CPU time at t1
    flush_sizes: list[int] = field(default_factory=list)
    consumer_relay_passes: list[tuple[float, float]] = field(default_factory=list)
    consumer_relay_wakes: list[float] = field(default_factory=list)
    consume_ready: list[float] = field(default_factory=list)  # each consumer process's subscription, in order
    changed: threading.Condition = field(default_factory=threading.Condition)

    def wait(self, predicate, timeout: float, what: str) -> None:
        with self.changed:
            if not self.changed.wait_for(predicate, timeout=timeout):
                raise BenchTimeout(f"{what} did not happen within {timeout:.0f} s")


def receive_from_consumer(out: Any, probe: Probe, stop: threading.Event) -> None:
    """Moves the consumer process's stamps into the probe."""
    while not stop.is_set():
        try:
            message = out.get(timeout=0.2)
        except queue_module.Empty:
            continue
        take_stamp(message, probe)


def take_stamp(message: tuple, probe: Probe) -> bool:
    """One message of the consumer process into the probe; False if it is not a stamp ("ready", an error)."""
    with probe.changed:
        if message[0] == "effect":
            _, seq, delivered, handle_start, handler_start, handler_end, t1, cpu = message
            probe.delivered[seq] = delivered
            probe.handle_start[seq], probe.handler_start[seq], probe.handler_end[seq] = handle_start, handler_start, handler_end
            probe.effect_committed[seq], probe.consumer_cpu[seq] = t1, cpu
        elif message[0] == "relay_pass":
            probe.consumer_relay_passes.append((message[1], message[2]))
        elif message[0] == "relay_wake":
            probe.consumer_relay_wakes.append(message[1])
        elif message[0] == "consume_ready":
            probe.consume_ready.append(message[1])
        else:
            return False
        probe.changed.notify_all()
    return True


def build_producer(database_url: str, broker_url: str, probe: Probe) -> ServiceRuntime:
    metadata = sa.MetaData()
    runtime = ServiceRuntime(
        settings=RuntimeSettings(service=PRODUCER, database_url=database_url, broker_url=broker_url, migrations_dir=""),
        metadata=metadata,
        tables=define_messaging_tables(metadata),
        subscriptions={},
    )
    metadata.create_all(runtime.db.engine)

    # Timestamping shims on the relay instance: OutboxRelay.run calls self._relay_handed(rows) (the fast path),
    # self.flush() (the polling pass) and self._publish(row), so these measure the real code path without
    # touching shared/.
    relay = runtime.relay
    current: dict[str, Any] = {"start": 0.0, "seqs": []}
    real_flush, real_relay_handed, real_publish = relay.flush, relay._relay_handed, relay._publish

    def timed(real):
        # A relay pass: the fast path (`_relay_handed`, the rows a commit handed over) or the polling pass (`flush`).
        def pass_(*args) -> int:
            current["start"], current["seqs"] = clock(), []
            try:
                return real(*args)
            finally:
                end = clock()
                with probe.changed:
                    for seq in current["seqs"]:
                        probe.flush_end[seq] = end
                    if current["seqs"]:
                        probe.flush_sizes.append(len(current["seqs"]))
                    probe.changed.notify_all()
        return pass_

    flush = timed(real_flush)
    relay._relay_handed = timed(real_relay_handed)

    def publish(row) -> None:
        start = clock()
        real_publish(row)
        seq = probe.seq_of.get(row.event_id)
        if seq is not None:
            probe.flush_start[seq], probe.publish_start[seq], probe.publish_end[seq] = current["start"], start, clock()
            current["seqs"].append(seq)

    relay.flush, relay._publish = flush, publish

    # The relay's Publisher is created lazily inside the relay thread: stamp the class (this process has no
    # other Publisher) to separate the relay's own span/header work from kombu's publish.
    real_publisher_publish = bus_module.Publisher.publish

    def publisher_publish(self, body, routing_key, headers, message_id, exchange=None) -> None:
        seq = probe.seq_of.get(message_id)
        if seq is not None:
            probe.publish_call[seq] = clock()
        real_publisher_publish(self, body, routing_key, headers, message_id, exchange)

    bus_module.Publisher.publish = publisher_publish
    return runtime


def as_a_request():
    """The span a web request has (every service's Flask app is instrumented, exporter or not): the events published
    inside carry its trace context, as every event of the platform does, so the relay and the consumer make no span
    of their own when spans are not exported. Without it each message paid for two spans no real event costs."""
    return telemetry.tracer("bench.p1").start_as_current_span("POST /bench")


def send(producer: ServiceRuntime, probe: Probe, seqs: list[int]) -> None:
    """Commit one transaction carrying one outbox row per seq."""
    with as_a_request():
        with producer.unit_of_work() as uow:
            for seq in seqs:
                event = uow.publish(EVENT_TYPE, str(seq), {"seq": seq, "note": "bench"})
                probe.seq_of[event.id] = seq
            # The outbox INSERTs have run; what remains is COMMIT and its WAL flush. t0 is taken here, so the
            # hop includes the producer's commit, as the user who caused the event experiences it.
            before = clock()
        after = clock()  # COMMIT returned and the on_commit listeners (the relay's wake-up) have run
    for seq in seqs:
        probe.before_commit[seq] = before
        probe.committed[seq] = after


def hop_once(producer: ServiceRuntime, probe: Probe, seq: int, deadline: Deadline) -> None:
    send(producer, probe, [seq])
    # One at a time: wait for this event's effect before the next, so each hop is measured unloaded...
    probe.wait(lambda: seq in probe.effect_committed, deadline.remaining(10), f"effect of event {seq}")
    # ...and for the work that trails it (the relay marking the row sent; a relay pass of the consumer's own,
    # if its commit woke its relay), so that it does not bleed into the next measurement, raw or not.
    probe.wait(lambda: seq in probe.flush_end, deadline.remaining(10), f"relay pass of event {seq}")
    handler_end = probe.handler_end[seq]
    with probe.changed:
        woken = [t for t in probe.consumer_relay_wakes[-3:] if t >= handler_end]
    if woken:
        probe.wait(
            lambda: any(start >= woken[0] for start, _ in probe.consumer_relay_passes[-3:]), deadline.remaining(10), "consumer relay pass"
        )


def hop_result(probe: Probe, measured: list[int]) -> dict[str, Any]:
    def stage(end: dict[int, float], start: dict[int, float]) -> list[float]:
        return [end[s] - start[s] for s in measured if s in end and s in start]

    breakdown = {
        # The critical path, in order; their p50s roughly add up to the hop's p50.
        "1 producer COMMIT (WAL flush) + on_commit listeners": summary_ms(stage(probe.committed, probe.before_commit)),
        "2 relay wake-up (commit returned -> relay pass starts)": summary_ms(stage(probe.flush_start, probe.committed)),
        # The fast path publishes the handed rows at once; a polling pass first claims them (SELECT … FOR UPDATE).
        "3 relay pass start -> publish (fast path: no claim)": summary_ms(stage(probe.publish_start, probe.flush_start)),
        "4a relay's publish span + trace headers": summary_ms(stage(probe.publish_call, probe.publish_start)),
        "4b kombu publish -> broker -> consumer's on_message": summary_ms(stage(probe.delivered, probe.publish_call)),
        "4c envelope parsed (marshmallow) + process span": summary_ms(stage(probe.handle_start, probe.delivered)),
        "5 consumer pool checkout + BEGIN + inbox INSERT … ON CONFLICT DO NOTHING": summary_ms(stage(probe.handler_start, probe.handle_start)),
        "6 handler's effect INSERT": summary_ms(stage(probe.handler_end, probe.handler_start)),
        "7 consumer COMMIT (WAL flush) -> on_commit": summary_ms(stage(probe.effect_committed, probe.handler_end)),
        # Off the critical path (overlapping 4-7), but on the same two cores.
        "relay: publish until confirm": summary_ms(stage(probe.publish_end, probe.publish_start)),
        "relay: confirm -> UPDATE sent_at + COMMIT": summary_ms(stage(probe.flush_end, probe.publish_end)),
    }
    return {
        "t0": "just before the producer's COMMIT (its outbox INSERT done)",
        "t1": "right after the consumer's COMMIT returned (Database.on_commit listener, consumer process)",
        "hop": summary_ms(stage(probe.effect_committed, probe.before_commit)),
        "hop_from_commit_returned": summary_ms(stage(probe.effect_committed, probe.committed)),
        "breakdown": breakdown,
    }


def throughput(
    producer: ServiceRuntime, probe: Probe, events: int, per_transaction: int, seq_base: int, budget: float, deadline: Deadline
) -> dict[str, Any]:
    """Commit up to `events` as fast as one thread can, stopping early after `budget` seconds so the run
    stays bounded on a slow or busy machine, then wait until every committed event has its effect."""
    seqs: list[int] = []
    flushes_before = len(probe.flush_sizes)
    cpu_start = time.process_time()
    start = clock()
    for first in range(seq_base, seq_base + events, per_transaction):
        if clock() - start > budget:
            break
        batch = list(range(first, min(first + per_transaction, seq_base + events)))
        send(producer, probe, batch)
        seqs.extend(batch)
    producer_done = clock()
    last = seqs[-1]
    # Checking `last` first keeps the predicate cheap: the full scan only runs once the tail has arrived.
    probe.wait(
        lambda: last in probe.effect_committed and all(s in probe.effect_committed for s in seqs),
        deadline.remaining(150),
        f"every effect of the throughput run ({per_transaction} per transaction)",
    )
    producer_cpu = time.process_time() - cpu_start
    last_effect = max(probe.effect_committed[s] for s in seqs)
    last_publish = max(probe.publish_end[s] for s in seqs)
    flush_sizes = probe.flush_sizes[flushes_before:]
    elapsed = last_effect - start
    # CPU per event is far less sensitive than wall time to what else runs on the machine.
    consumer_cpu = max(probe.consumer_cpu[s] for s in seqs) - min(probe.consumer_cpu[s] for s in seqs)
    return {
        "events": len(seqs),
        "events_requested": events,
        "stopped_by_time_budget": len(seqs) < events,
        "events_per_transaction": per_transaction,
        "producer_threads": 1,
        "elapsed_s": round(elapsed, 3),
        "events_per_s": round(len(seqs) / elapsed, 1),
        "producer_commit_rate_per_s": round(len(seqs) / (producer_done - start), 1),
        "relay_publish_rate_per_s": round(len(seqs) / (last_publish - start), 1),
        # One wake-up runs OutboxRelay.flush(), which loops over batches of 200 rows until it finds fewer.
        "relay_wakeups": len(flush_sizes),
        "relay_mean_rows_per_wakeup": round(sum(flush_sizes) / len(flush_sizes), 1) if flush_sizes else 0,
        "cpu_ms_per_event": {
            # Producer process: the producing thread, the relay and this bench's own bookkeeping.
            "producer_process": round(producer_cpu / len(seqs) * 1000, 3),
            # Consumer process: consumer thread, its own relay thread, stamp reporting (between first and last effect).
            "consumer_process": round(consumer_cpu / max(len(seqs) - 1, 1) * 1000, 3),
        },
        "latency_under_load": summary_ms([probe.effect_committed[s] - probe.before_commit[s] for s in seqs]),
    }


def consumer_pace(
    producer: ServiceRuntime, probe: Probe, events: int, consumer_batch: int, seq_base: int, deadline: Deadline,
    broker_url: str, stack: contextlib.ExitStack, setup: str | None,
) -> dict[str, Any]:
    """One consumer's own pace: `events` wait in its queue before it starts (published and confirmed first), then
    the clock runs from its subscription to its last effect's COMMIT. Nothing else is produced meanwhile, so the
    figure is the consumer's alone, not the producer's or the relay's."""
    # A queue of its own, deleted after the run: a later run's events must not pile up in it.
    service = f"benchpace{seq_base // PACE_SEQ_BASE}"
    with producer.bus.connection() as connection:
        producer.bus.declare(connection, service, [DRAIN_EVENT_TYPE])
    seqs = list(range(seq_base, seq_base + events))
    for first in range(0, events, 500):
        with as_a_request(), producer.unit_of_work() as uow:
            for seq in seqs[first:first + 500]:
                probe.seq_of[uow.publish(DRAIN_EVENT_TYPE, str(seq), {"seq": seq, "note": "bench"}).id] = seq
    while producer.relay.pending_count():
        deadline.remaining()
        time.sleep(0.1)
    database = stack.enter_context(postgres_database(prefix="tandem_bench_drain"))
    ready_before = len(probe.consume_ready)
    with consumer_service(database, broker_url, probe, deadline, setup, service=service, event_type=DRAIN_EVENT_TYPE,
                          consumer_batch=consumer_batch):
        last = seqs[-1]
        probe.wait(lambda: last in probe.effect_committed and all(s in probe.effect_committed for s in seqs),
                   deadline.remaining(180), f"every effect of the consumer's own pace ({consumer_batch} per batch)")
    with producer.bus.connection() as connection:
        producer.bus.service_queue(service, [DRAIN_EVENT_TYPE])(connection.default_channel).delete()
    subscribed = probe.consume_ready[ready_before]
    elapsed = max(probe.effect_committed[s] for s in seqs) - subscribed
    cpu = max(probe.consumer_cpu[s] for s in seqs) - min(probe.consumer_cpu[s] for s in seqs)
    commits = len({probe.effect_committed[s] for s in seqs})
    return {
        "events": events,
        "consumer_batch": consumer_batch,
        "elapsed_s": round(elapsed, 3),
        "events_per_s": round(events / elapsed, 1),
        "commits": commits,
        "cpu_ms_per_event": round(cpu / max(events - 1, 1) * 1000, 3),
    }


@contextlib.contextmanager
def consumer_service(
    database_url: str, broker_url: str, probe: Probe, deadline: Deadline, setup: str | None = None,
    service: str = CONSUMER, event_type: str = EVENT_TYPE, consumer_batch: int = 20,
) -> Iterator[None]:
    """Start the consumer process and the thread that collects its stamps; stop both, always."""
    ctx = mp.get_context("spawn")  # a clean interpreter, as a separate service would be
    out, stop = ctx.Queue(), ctx.Event()
    process = ctx.Process(target=consumer_process, args=(database_url, broker_url, out, stop, setup, service, event_type, consumer_batch),
                          name="bench-consumer", daemon=True)
    process.start()
    receiver_stop = threading.Event()
    receiver: threading.Thread | None = None
    try:
        while True:  # its subscription, its relay's first pass and (events waiting) effects may come before "ready"
            first = out.get(timeout=deadline.remaining(60))
            if first[0] == "ready":
                break
            if not take_stamp(first, probe):
                raise BenchTimeout(f"consumer process failed to start: {first}")
        receiver = threading.Thread(target=receive_from_consumer, args=(out, probe, receiver_stop), name="consumer-stamps", daemon=True)
        receiver.start()
        yield
    finally:
        stop.set()
        process.join(20)
        if process.is_alive():  # runtime.stop is bounded, so this is a last resort for our own child only
            process.terminate()
            process.join(5)
        receiver_stop.set()
        if receiver is not None:
            receiver.join(5)
        out.close()
        out.cancel_join_thread()


# -- report -------------------------------------------------------------------------------------------


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    floor = report["floor"]
    hop = report["hop"]
    goal = report["goal"]
    lines = [
        f"### P1 run of {m['date_utc']}",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB RAM, Linux {m['kernel']}; "
        f"Python {m['python']}; {m['rabbitmq']}; PostgreSQL {m['postgresql']['server_version']} "
        f"(synchronous_commit={m['postgresql']['synchronous_commit']}, fsync={m['postgresql']['fsync']}, "
        f"wal_sync_method={m['postgresql']['wal_sync_method']}); kombu {m['libraries']['kombu']}, "
        f"SQLAlchemy {m['libraries']['sqlalchemy']}, psycopg {m['libraries']['psycopg']}. "
        f"Load average {m['loadavg_at_start'][0]:.2f} at start, {report['loadavg_at_end'][0]:.2f} at end "
        f"(the machine is shared). {report['events']} measured messages/events per series after {report['warmup']} warm-up, interleaved.",
        "",
        "| one message or event at a time | n | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
    ]

    def row(name: str, s: dict[str, float]) -> None:
        lines.append(f"| {name} | {s['n']} | {s['p50_ms']:.3f} | {s['p95_ms']:.3f} | {s['p99_ms']:.3f} |")

    row("floor: raw kombu round trip, quorum queue (declared as Tandem does)", floor["quorum"]["round_trip"])
    row("floor: raw kombu round trip, classic durable queue", floor["classic"]["round_trip"])
    row("raw publish until confirm, quorum queue", floor["quorum"]["publish_until_confirm"])
    row("raw PostgreSQL INSERT + COMMIT (psycopg)", floor["postgresql_commit"])
    row("**Tandem hop**: before producer COMMIT -> consumer COMMIT returned", hop["hop"])
    row("Tandem hop from the producer's COMMIT returned", hop["hop_from_commit_returned"])
    lines += [
        "",
        f"Hop p50 / raw p50 = **{goal['ratio_vs_quorum']:.2f}x** against the quorum-queue floor (the queue type the hop "
        f"uses) and {goal['ratio_vs_classic']:.2f}x against the classic-queue floor. Goal \"p50 at most {GOAL_RATIO:g}x the raw "
        f"round trip\": **{'met' if goal['met_vs_quorum'] else 'not met'}** against the quorum floor, "
        f"**{'met' if goal['met_vs_classic'] else 'not met'}** against the classic floor.",
        "",
        f"Issue 18's floor, the quorum round trip plus two durable PostgreSQL commits (outbox and inbox), all measured "
        f"above: {floor['quorum']['round_trip']['p50_ms']:.3f} + 2 x {floor['postgresql_commit']['p50_ms']:.3f} = "
        f"{goal['composite_floor_p50_ms']:.3f} ms at p50. Hop p50 / composite floor = **{goal['ratio_vs_composite']:.2f}x**. "
        f"Goal \"p50 at most {COMPOSITE_GOAL_RATIO:g}x the composite floor\": **{'met' if goal['met_vs_composite'] else 'not met'}**.",
        "",
        "Where the hop's time goes:",
        "",
        "| stage | p50 ms | p95 ms |",
        "|---|---:|---:|",
    ]
    for name, s in hop["breakdown"].items():
        lines.append(f"| {name} | {s['p50_ms']:.3f} | {s['p95_ms']:.3f} |")
    lines += [
        "",
        "Throughput (one producer thread, one relay, one consumer; until the last effect is committed):",
        "",
        "| events | per transaction | events/s end to end | producer events committed/s | relay published/s | rows per relay wake-up "
        "| latency p50 / p99 ms | CPU ms per event, producer / consumer process |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in report["throughput"]:
        lat, cpu = t["latency_under_load"], t["cpu_ms_per_event"]
        budget_note = " (time budget hit)" if t["stopped_by_time_budget"] else ""
        lines.append(
            f"| {t['events']}{budget_note} | {t['events_per_transaction']} | **{t['events_per_s']:.0f}** | {t['producer_commit_rate_per_s']:.0f} "
            f"| {t['relay_publish_rate_per_s']:.0f} | {t['relay_mean_rows_per_wakeup']} | {lat['p50_ms']:.0f} / {lat['p99_ms']:.0f} "
            f"| {cpu['producer_process']:.2f} / {cpu['consumer_process']:.2f} |"
        )
    pace = report.get("consumer_pace") or []
    if pace:
        lines += [
            "",
            "One consumer's own pace (the events wait in its queue before it subscribes; from its subscription to its "
            "last effect's COMMIT; light handler: one INSERT):",
            "",
            "| events | batch of at most | events/s | commits | consumer CPU ms per event |",
            "|---:|---:|---:|---:|---:|",
        ]
        for run in pace:
            lines.append(f"| {run['events']} | {run['consumer_batch']} | **{run['events_per_s']:.0f}** | {run['commits']} | {run['cpu_ms_per_event']:.2f} |")
        alone = statistics.median(run["events_per_s"] for run in pace if run["consumer_batch"] == 1)
        batched = statistics.median(run["events_per_s"] for run in pace if run["consumer_batch"] > 1)
        lines += ["", f"Median of the rounds: {alone:.0f} events/s one by one, **{batched:.0f}** in batches "
                      f"({batched / alone:.2f}x). Goal \"one consumer handles at least {CONSUMER_PACE_GOAL:,.0f} events/s\": "
                      f"**{'met' if batched >= CONSUMER_PACE_GOAL else 'not met'}**."]
    lines += ["", f"Run time {report['run_seconds']:.0f} s."]
    return "\n".join(lines)


# -- main ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="measured raw messages and hop events, one at a time (default 1000)")
    parser.add_argument("--warmup", type=int, default=200, help="unmeasured ones first (default 200)")
    parser.add_argument("--throughput-events", type=int, default=5000, help="events of the one-per-transaction throughput run (default 5000; 0 skips)")
    parser.add_argument("--throughput-batch", type=int, default=100, help="events per transaction in the second throughput run (default 100; 0 skips it)")
    parser.add_argument("--throughput-batch-events", type=int, default=2000, help="events of the batched throughput run (default 2000)")
    parser.add_argument("--pace-rounds", type=int, default=3, help="rounds of the pace runs, each one by one then in batches (default 3)")
    parser.add_argument("--pace-events", type=int, default=5000, help="events waiting for the consumer in its pace runs (default 5000; 0 skips)")
    parser.add_argument("--throughput-budget", type=float, default=45.0, help="seconds of producing per throughput run at most (default 45)")
    parser.add_argument("--setup", help=argparse.SUPPRESS)  # "module:function" run in both processes first (bench/p1_what_if.py)
    parser.add_argument("--timeout", type=float, default=240.0, help="bound on measuring, in seconds; cleanup comes after (default 240)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON report (default bench/results/p1.json)")
    args = parser.parse_args(argv)

    apply_setup(args.setup)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    # The default (TANDEM_TRACE_EXPORTER=none, what `make run` uses): a real SDK tracer provider whose spans go
    # nowhere, so messages carry their trace context without spans of their own (`telemetry.messaging_span`).
    # docker-compose and deploy/k8s export spans (otlp): each hop then also pays its spans and one per statement.
    telemetry.configure_tracing(PRODUCER, "none")
    deadline = Deadline(args.timeout)
    # Last resort if cleanup itself hangs: dump every thread's stack and exit, so the bench never runs forever
    # (cleanup is bounded too: thread joins of 10 s, process join of 20 s, vhost deletion retries).
    faulthandler.dump_traceback_later(args.timeout + 50, exit=True)
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    report: dict[str, Any] = {
        "benchmark": "P1 event hop",
        "goal_ratio": GOAL_RATIO,
        "events": args.events,
        "warmup": args.warmup,
        "setup": args.setup,
    }
    raws: list[RawRoundTrip] = []
    pg_floor: RawCommit | None = None
    with contextlib.ExitStack() as stack:
        broker_url = stack.enter_context(bench_vhost())
        producer_db = stack.enter_context(postgres_database(prefix="tandem_bench_producer"))
        consumer_db = stack.enter_context(postgres_database(prefix="tandem_bench_consumer"))
        report["machine"] = machine_description(broker_url, producer_db)

        bus = Bus(BusSettings(url=broker_url))
        # The quorum queue has exactly the arguments of a Tandem service queue (delivery limit, dead-lettering).
        quorum = RawRoundTrip(broker_url, bus.events_exchange, bus.service_queue("raw-quorum", ["bench.raw.quorum"]), "bench.raw.quorum")
        stack.callback(quorum.close)
        classic = RawRoundTrip(
            broker_url, bus.events_exchange, Queue("raw-classic", exchange=bus.events_exchange, routing_key="bench.raw.classic", durable=True), "bench.raw.classic"
        )
        stack.callback(classic.close)
        raws = [quorum, classic]
        for raw in raws:
            if not raw.ready.wait(deadline.remaining(10)) or raw.errors:
                raise BenchTimeout(f"raw consumer did not start: {raw.errors}")
        pg_floor = RawCommit(producer_db)
        stack.callback(pg_floor.close)

        probe = Probe()
        progress("starting the consumer service process")
        # The consumer first: its queue and bindings must exist before the producer's first publish.
        stack.enter_context(consumer_service(consumer_db, broker_url, probe, deadline, args.setup))
        producer = build_producer(producer_db, broker_url, probe)
        producer.start_worker()
        stack.callback(producer.stop, 10)

        progress(f"latency: {args.warmup} warm-up + {args.events} measured, raw quorum / raw classic / raw PostgreSQL / hop interleaved")
        for seq in range(args.warmup + args.events):
            measured = seq >= args.warmup
            quorum.once(seq, deadline, measured)
            classic.once(seq, deadline, measured)
            pg_floor.once(seq, measured)
            hop_once(producer, probe, seq, deadline)
        report["floor"] = {"quorum": quorum.result(), "classic": classic.result(), "postgresql_commit": summary_ms(pg_floor.latencies)}
        report["hop"] = hop_result(probe, list(range(args.warmup, args.warmup + args.events)))

        report["throughput"] = []
        runs = [(1, args.throughput_events), (args.throughput_batch, args.throughput_batch_events)]
        for n, (batch, events) in enumerate(runs, start=1):
            if batch <= 0 or events <= 0:
                continue
            if deadline.end - time.monotonic() < args.throughput_budget + 60:
                # Producing plus draining the backlog would not fit in the bound: say so rather than time out.
                progress(f"skipping the {batch}-per-transaction throughput run: not enough time left")
                report.setdefault("throughput_skipped", []).append(batch)
                continue
            progress(f"throughput: {events} events, {batch} per transaction, at most {args.throughput_budget:.0f} s of producing")
            report["throughput"].append(
                throughput(producer, probe, events, batch, THROUGHPUT_SEQ_BASE * n, args.throughput_budget, deadline)
            )
        report["consumer_pace"] = []
        if args.pace_events > 0:
            # Interleaved rounds (one by one, in batches, again...), since the machine's noise is as large as the gap.
            for n, consumer_batch in enumerate((1, 20) * args.pace_rounds, start=1):
                progress(f"one consumer's pace: {args.pace_events} events waiting, batches of at most {consumer_batch}")
                report["consumer_pace"].append(consumer_pace(producer, probe, args.pace_events, consumer_batch, PACE_SEQ_BASE * n,
                                                             deadline, broker_url, stack, args.setup))
        report["outbox_unsent_at_end"] = producer.relay.pending_count()
        progress("cleaning up (processes, threads, databases, vhost)")

    report["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["run_seconds"] = round(time.monotonic() - started, 1)
    p50_hop = report["hop"]["hop"]["p50_ms"]
    q50, c50 = report["floor"]["quorum"]["round_trip"]["p50_ms"], report["floor"]["classic"]["round_trip"]["p50_ms"]
    pg50 = report["floor"]["postgresql_commit"]["p50_ms"]
    composite = q50 + 2 * pg50
    report["goal"] = {
        "composite_floor_p50_ms": round(composite, 3),
        "ratio_vs_composite": round(p50_hop / composite, 2),
        "met_vs_composite": p50_hop <= COMPOSITE_GOAL_RATIO * composite,
        "ratio_vs_quorum": round(p50_hop / q50, 2),
        "ratio_vs_classic": round(p50_hop / c50, 2),
        "met_vs_quorum": p50_hop <= GOAL_RATIO * q50,
        "met_vs_classic": p50_hop <= GOAL_RATIO * c50,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(markdown(report))
    progress(f"JSON report written to {args.output}")
    faulthandler.cancel_dump_traceback_later()
    return 0


if __name__ == "__main__":
    sys.exit(main())
