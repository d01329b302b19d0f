"""Where P1's time goes, per component: the consumer's unit of work and the relay's database pass, A/B interleaved.

The full hop (p1_event_hop.py) runs on a shared two-core machine whose load swings from minute to minute,
so comparing two whole runs made a minute apart mostly measures the neighbours. Here every variant of a
component runs in the same process against the same PostgreSQL database, in short blocks whose order is
shuffled each round, so the load weighs on all variants alike. Wall time and the thread's CPU time are
recorded per operation. No broker is involved: this isolates what Tandem's own code adds.

Variants are the current tandem_shared code and the changes proposed in bench/README.md (the patched
functions live in p1_what_if.py and are bound to single instances here, never to the classes).

Usage: uv run python bench/p1_components.py [--rounds 40] [--block 25]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
import types
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from opentelemetry.instrumentation.utils import suppress_instrumentation

import p1_what_if
from p1_event_hop import libpq_url, percentile
from tandem_shared import db as db_module
from tandem_shared import telemetry
from tandem_shared.bus import Bus, BusSettings
from tandem_shared.db import Database
from tandem_shared.envelope import Event
from tandem_shared.inbox import Inbox
from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.outbox import Outbox, OutboxRelay
from tandem_shared.testing import postgres_database
from tandem_shared.timeutil import UTCDateTime, utcnow

HERE = Path(__file__).resolve().parent
EVENT_TYPE = "benchsource.ping.sent"


class Measured:
    """Per-operation wall and CPU samples of one variant."""

    def __init__(self, name: str, run: Callable[[], None], traced: bool = True, prepare: Callable[[], None] | None = None):
        self.name, self.run, self.traced, self.prepare = name, run, traced, prepare
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def block(self, n: int) -> None:
        # suppress_instrumentation() switches the OpenTelemetry SQLAlchemy hooks off for this context only,
        # which is how "no SQLAlchemy tracing" runs beside the traced variants in one process.
        with suppress_instrumentation() if not self.traced else contextlib.nullcontext():
            for _ in range(n):
                if self.prepare is not None:
                    self.prepare()  # untimed set-up of the operation (e.g. writing the rows a relay pass sends)
                wall, cpu = time.perf_counter(), time.thread_time()
                self.run()
                self.cpu.append(time.thread_time() - cpu)
                self.wall.append(time.perf_counter() - wall)

    def summary(self) -> dict[str, Any]:
        return {
            "n": len(self.wall),
            "wall_p50_ms": round(percentile(self.wall, 50) * 1000, 3),
            "wall_p95_ms": round(percentile(self.wall, 95) * 1000, 3),
            "cpu_mean_ms": round(sum(self.cpu) / len(self.cpu) * 1000, 3),
        }


def interleave(variants: list[Measured], rounds: int, block: int, warmup: int = 2) -> None:
    for round_no in range(warmup + rounds):
        order = variants[:]
        random.shuffle(order)  # no variant always runs right after the same neighbour
        for variant in order:
            if round_no < warmup:
                saved = variant.wall[:], variant.cpu[:]
                variant.block(block)
                variant.wall, variant.cpu = saved
            else:
                variant.block(block)


def database_without_pre_ping(url: str) -> Database:
    """A Database whose engine comes from the proposed make_engine (no pre-ping); the module is restored after."""
    original = db_module.make_engine
    p1_what_if.no_pre_ping()
    try:
        return Database(url)
    finally:
        db_module.make_engine = original


def consumer_unit_of_work(url: str, rounds: int, block: int) -> dict[str, Any]:
    """One consumed event: inbox check and record, the handler's effect INSERT, COMMIT."""
    metadata = sa.MetaData()
    tables = define_messaging_tables(metadata)
    effect = sa.Table(
        "bench_effect",
        metadata,
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("handled_at", UTCDateTime, nullable=False),
    )

    def on_ping(event: Event, uow) -> None:
        uow.session.execute(effect.insert().values(event_id=event.id, seq=event.data["seq"], handled_at=utcnow()))

    with_ping = Database(url)  # as shipped: pool_pre_ping=True
    without_ping = database_without_pre_ping(url)
    metadata.create_all(with_ping.engine)
    outbox = Outbox(tables, source="benchsink")

    def inbox_for(db: Database, upsert: bool) -> Inbox:
        inbox = Inbox(db, tables, outbox, {EVENT_TYPE: on_ping})
        if upsert:
            inbox.handle = types.MethodType(p1_what_if.inbox_handle_upsert, inbox)
        return inbox

    def consume(inbox: Inbox) -> Callable[[], None]:
        counter = iter(range(10**9))

        def run() -> None:
            inbox.handle(Event(type=EVENT_TYPE, source="benchsource", subject="s", data={"seq": next(counter)}))

        return run

    raw = psycopg.connect(libpq_url(url))

    def raw_floor() -> None:
        # The same rows with bare psycopg: the floor for this unit of work (3 round trips + WAL flush).
        event_id = str(uuid.uuid4())
        raw.execute("INSERT INTO inbox (event_id, type, processed_at) VALUES (%s, %s, now())", (event_id, EVENT_TYPE))
        raw.execute("INSERT INTO bench_effect (event_id, seq, handled_at) VALUES (%s, 0, now())", (event_id,))
        raw.commit()

    variants = [
        Measured("as shipped (pre-ping, SQLAlchemy tracing, SELECT then INSERT)", consume(inbox_for(with_ping, False))),
        Measured("without SQLAlchemy tracing", consume(inbox_for(with_ping, False)), traced=False),
        Measured("without pool pre-ping", consume(inbox_for(without_ping, False))),
        Measured("inbox INSERT ... ON CONFLICT DO NOTHING (preserve_rowcount)", consume(inbox_for(with_ping, True))),
        Measured("all three", consume(inbox_for(without_ping, True)), traced=False),
        Measured("floor: bare psycopg, same rows", raw_floor, traced=False),
    ]
    try:
        interleave(variants, rounds, block)
    finally:
        raw.close()
        with_ping.dispose()
        without_ping.dispose()
    return {v.name: v.summary() for v in variants}


def relay_database_pass(url: str, rounds: int, block: int, rows: int) -> dict[str, Any]:
    """The relay's database work for `rows` unsent rows (publishing stubbed out): SELECT FOR UPDATE, UPDATEs, COMMIT."""
    metadata = sa.MetaData()
    tables = define_messaging_tables(metadata)
    db = Database(url)
    metadata.create_all(db.engine)
    outbox = Outbox(tables, source="benchsource")
    bus = Bus(BusSettings(url="memory://"))

    def relay(one_update: bool) -> OutboxRelay:
        relay = OutboxRelay(db, tables, bus)
        relay._publish = lambda row: None  # the broker is measured by p1_event_hop.py; here only the database
        if one_update:
            relay._flush_batch = types.MethodType(p1_what_if.relay_flush_batch_one_update, relay)
        return relay

    def write_rows() -> None:
        with db.transaction() as session:
            for i in range(rows):
                outbox.add(session, EVENT_TYPE, str(i), {"seq": i})

    def flush(relay: OutboxRelay) -> Callable[[], None]:
        def run() -> None:
            flushed = relay.flush()
            assert flushed == rows, flushed

        return run

    per_row = Measured(f"as shipped: one UPDATE per row ({rows} rows)", flush(relay(False)), prepare=write_rows)
    one_update = Measured(f"one UPDATE for the batch ({rows} rows)", flush(relay(True)), prepare=write_rows)
    try:
        interleave([per_row, one_update], rounds, block)
    finally:
        db.dispose()
    return {v.name: v.summary() for v in (per_row, one_update)}


def envelope_parse(rounds: int, block: int) -> dict[str, Any]:
    body = Event(type=EVENT_TYPE, source="benchsource", subject="1", data={"seq": 1, "note": "bench"}).to_json().encode()
    cached = types.MethodType(p1_what_if.event_from_json_cached, Event)
    variants = [
        Measured("as shipped: new EnvelopeSchema per message", lambda: Event.from_json(body), traced=False),
        Measured("one EnvelopeSchema per process", lambda: cached(body), traced=False),
    ]
    interleave(variants, rounds, block * 10)
    return {v.name: v.summary() for v in variants}


def markdown(results: dict[str, Any]) -> str:
    lines = [f"### P1 components ({results['date_utc']}, load average {results['loadavg'][0]:.2f} -> {results['loadavg_end'][0]:.2f})", ""]
    for section, title in (
        ("consumer_unit_of_work", "Consumer unit of work for one event (inbox + effect INSERT + COMMIT)"),
        ("relay_pass_1_row", "Relay database pass, 1 row"),
        ("relay_pass_50_rows", "Relay database pass, 50 rows"),
        ("envelope_parse", "Event.from_json"),
    ):
        lines += [f"{title}:", "", "| variant | n | wall p50 ms | wall p95 ms | CPU mean ms |", "|---|---:|---:|---:|---:|"]
        for name, s in results[section].items():
            lines.append(f"| {name} | {s['n']} | {s['wall_p50_ms']:.3f} | {s['wall_p95_ms']:.3f} | {s['cpu_mean_ms']:.3f} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="measured rounds; each runs every variant once (default 40)")
    parser.add_argument("--block", type=int, default=25, help="operations per variant per round (default 25)")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "p1_components.json")
    args = parser.parse_args()

    import datetime as dt
    import os

    # As a production worker: the SDK tracer provider and the SQLAlchemy instrumentation are installed.
    telemetry.configure_tracing("bench", "none")
    telemetry.instrument_sqlalchemy()
    results: dict[str, Any] = {
        "date_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    with postgres_database(prefix="tandem_bench_components") as url:
        print("consumer unit of work...", file=sys.stderr, flush=True)
        results["consumer_unit_of_work"] = consumer_unit_of_work(url, args.rounds, args.block)
    with postgres_database(prefix="tandem_bench_components") as url:
        print("relay pass...", file=sys.stderr, flush=True)
        results["relay_pass_1_row"] = relay_database_pass(url, args.rounds, args.block, rows=1)
        results["relay_pass_50_rows"] = relay_database_pass(url, max(args.rounds // 4, 5), 5, rows=50)
    print("envelope...", file=sys.stderr, flush=True)
    results["envelope_parse"] = envelope_parse(args.rounds, args.block)
    results["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
