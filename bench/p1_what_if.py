"""What-if runs for P1: re-measure the event hop with proposed changes to tandem_shared applied as runtime patches.

shared/ is not edited: each proposed change is written here as a monkey-patch, applied in both bench
processes (producer and consumer service) through p1_event_hop.py's hidden --setup hook, and the bench is
run once per variant so the figures can be compared. The patches mirror the diffs proposed in
bench/README.md; they are for measurement, not for production.

Usage: uv run python bench/p1_what_if.py [--variants baseline,all] [--events 300] [--throughput-events 1500]
Variant names: baseline, all, proposed, a patch name below, patches joined with "+", or "all-but-<patch>".
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATCH_ENV = "P1_WHAT_IF_PATCHES"  # inherited by the consumer's spawned process, so both sides are patched


def no_sqlalchemy_tracing() -> None:
    """telemetry.instrument_sqlalchemy() traces every statement; measure the hop without it."""
    from tandem_shared import telemetry

    telemetry.instrument_sqlalchemy = lambda: None


def no_pre_ping() -> None:
    """db.make_engine uses pool_pre_ping=True: one extra `SELECT 1` round trip on every pool checkout."""
    import sqlalchemy as sa

    from tandem_shared import db

    original = db.make_engine

    def make_engine(url: str) -> sa.Engine:
        if url.startswith("sqlite"):
            return original(url)
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        # pool_recycle bounds a connection's age instead; a dead connection fails one unit of work,
        # which the relay retries and the consumer redelivers.
        return sa.create_engine(url, pool_pre_ping=False, pool_recycle=1800, pool_size=10, max_overflow=10)

    db.make_engine = make_engine


def inbox_handle_upsert(self, event):
    """Inbox.handle with one INSERT ... ON CONFLICT DO NOTHING instead of SELECT then INSERT."""
    from sqlalchemy.dialects import postgresql, sqlite

    from tandem_shared import inbox, telemetry
    from tandem_shared.timeutil import utcnow

    handler = self.subscriptions.get(event.type)
    if handler is None:
        return inbox.IGNORED
    token = telemetry.bind_correlation_id(event.correlationid)
    try:
        with self.db.transaction() as session:
            dialect = session.get_bind().dialect.name
            insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(self.table)
            recorded = session.execute(
                insert.values(event_id=event.id, type=event.type, processed_at=utcnow()).on_conflict_do_nothing(
                    index_elements=[self.table.c.event_id]
                ),
                # Without this SQLAlchemy 2.0 reports -1 for an INSERT's rowcount on psycopg; RETURNING would
                # work too but costs more CPU than the round trip it saves (bench/p1_components.py).
                execution_options={"preserve_rowcount": True},
            )
            # rowcount 0: the id is already there, or a concurrent delivery holding it committed first
            # (ON CONFLICT waits for that transaction), so this delivery is a duplicate either way.
            if recorded.rowcount == 0:
                return inbox.DUPLICATE
            handler(event, inbox.UnitOfWork(session=session, outbox=self.outbox))
        return inbox.PROCESSED
    finally:
        telemetry.release_correlation_id(token)


def inbox_upsert() -> None:
    """Inbox.handle does SELECT then INSERT: one INSERT ... ON CONFLICT DO NOTHING says the same in one round trip."""
    from tandem_shared import inbox

    inbox.Inbox.handle = inbox_handle_upsert


def relay_wake_on_outbox_only() -> None:
    """Every commit woke the relay, so a consumer ran an empty relay pass (a whole transaction) per event.
    Wake it only after a transaction that wrote outbox rows; the poll still catches anything else.
    (shared/ has had this since Database.on_commit(when=...) and outbox.OUTBOX_WRITTEN: then a no-op.)"""
    from tandem_shared import db, outbox

    if hasattr(outbox, "OUTBOX_WRITTEN"):
        return
    original_add = outbox.Outbox.add

    def add(self, session, type, subject, data):
        session.info["tandem.outbox_written"] = True
        return original_add(self, session, type, subject, data)

    outbox.Outbox.add = add

    @contextlib.contextmanager
    def transaction(self):
        session = self._sessions()
        try:
            with session.begin():
                yield session
            wrote_outbox = bool(session.info.get("tandem.outbox_written"))
        finally:
            session.close()
        for listener in list(self._commit_listeners):
            if isinstance(getattr(listener, "__self__", None), outbox.OutboxRelay) and not wrote_outbox:
                continue
            listener()

    db.Database.transaction = transaction


def legacy_wake_every_commit() -> None:
    """The reverse, to measure what waking only on outbox writes gained: every commit wakes every listener."""
    from tandem_shared import db

    if "when" not in db.Database.on_commit.__code__.co_varnames:
        return  # already the legacy behaviour
    original = db.Database.on_commit

    def on_commit(self, listener, when=None):
        original(self, listener, None)

    db.Database.on_commit = on_commit


def relay_flush_batch_one_update(self) -> int:
    """OutboxRelay._flush_batch marking every confirmed row of the batch sent with one UPDATE."""
    import sqlalchemy as sa

    from tandem_shared import outbox
    from tandem_shared.bus import Publisher
    from tandem_shared.timeutil import utcnow

    if self._publisher is None:
        self._publisher = Publisher(self.bus)
    confirmed: list[int] = []
    with self.db.engine.begin() as connection:
        query = (
            sa.select(self.table.c.position, self.table.c.event_id, self.table.c.type, self.table.c.body, self.table.c.headers)
            .where(self.table.c.sent_at.is_(None))
            .order_by(self.table.c.position)
            .limit(self.batch_size)
        )
        if connection.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        for row in connection.execute(query).all():
            try:
                self._publish(row)
            except Exception as exc:
                outbox.log.warning("outbox publish failed for %s %s: %s", row.type, row.event_id, exc)
                connection.execute(
                    self.table.update()
                    .where(self.table.c.position == row.position)
                    .values(attempts=self.table.c.attempts + 1, last_error=str(exc)[:2000])
                )
                self._reset_publisher()
                break
            confirmed.append(row.position)
        if confirmed:
            connection.execute(
                self.table.update()
                .where(self.table.c.position.in_(confirmed))
                .values(sent_at=utcnow(), attempts=self.table.c.attempts + 1, last_error=None)
            )
    return len(confirmed)


def relay_one_update() -> None:
    """The relay UPDATEs each published row separately: mark the whole batch sent with one UPDATE."""
    from tandem_shared import outbox

    outbox.OutboxRelay._flush_batch = relay_flush_batch_one_update


_ENVELOPE_SCHEMA = None


def event_from_json_cached(cls, body):
    """Event.from_json with one EnvelopeSchema for the process instead of a new one per message."""
    import json as json_module

    from marshmallow import ValidationError

    from tandem_shared import envelope

    global _ENVELOPE_SCHEMA
    if _ENVELOPE_SCHEMA is None:
        _ENVELOPE_SCHEMA = envelope.EnvelopeSchema()
    try:
        raw = body if isinstance(body, dict) else json_module.loads(body)
        attrs = _ENVELOPE_SCHEMA.load(raw, unknown="exclude")
    except (ValueError, ValidationError) as exc:
        raise envelope.InvalidEnvelope(str(exc)) from exc
    return cls(
        type=attrs["type"], source=attrs["source"], subject=attrs["subject"], data=attrs["data"],
        id=attrs["id"], time=attrs["time"], correlationid=attrs["correlationid"],
    )


def envelope_schema_cached() -> None:
    """Event.from_json builds a new marshmallow EnvelopeSchema per message (about 0.13 ms of CPU): reuse one."""
    from tandem_shared import envelope

    envelope.Event.from_json = classmethod(event_from_json_cached)


PATCHES = {
    "no_sqlalchemy_tracing": no_sqlalchemy_tracing,
    "no_pre_ping": no_pre_ping,
    "inbox_upsert": inbox_upsert,
    "relay_wake_on_outbox_only": relay_wake_on_outbox_only,
    "legacy_wake_every_commit": legacy_wake_every_commit,
    "relay_one_update": relay_one_update,
    "envelope_schema_cached": envelope_schema_cached,
}


def apply() -> None:
    """The --setup entry point: apply the patches named in the environment, in this process."""
    for name in filter(None, os.environ.get(PATCH_ENV, "").split(",")):
        PATCHES[name]()


# The changes bench/README.md proposes outright; dropping tracing or pre-ping are trade-offs, measured apart.
PROPOSED = ["inbox_upsert", "relay_one_update", "envelope_schema_cached", "relay_wake_on_outbox_only"]


def patches_of(variant: str) -> list[str]:
    """baseline | all | all-but-<patch> | proposed | patches joined with + (proposed may be one of them)."""
    if variant == "baseline":
        return []
    if variant == "all":
        return [p for p in PATCHES if p != "legacy_wake_every_commit"]
    if variant.startswith("all-but-"):
        left_out = variant.removeprefix("all-but-")
        if left_out not in PATCHES:
            raise SystemExit(f"unknown patch {left_out!r}")
        return [p for p in patches_of("all") if p != left_out]
    names: list[str] = []
    for name in variant.split("+"):
        if name == "proposed":
            names += PROPOSED
        elif name in PATCHES:
            names.append(name)
        else:
            raise SystemExit(f"unknown patch {name!r}; known: proposed, {', '.join(PATCHES)}")
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="baseline,all", help="comma-separated; patches joined with + (default baseline,all)")
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--throughput-events", type=int, default=1500)
    parser.add_argument("--throughput-budget", type=float, default=25.0)
    args = parser.parse_args()

    results = {}
    for position, variant in enumerate(args.variants.split(","), start=1):
        patches = patches_of(variant)
        output = HERE / "results" / f"p1_what_if_{position}_{variant}.json"
        env = dict(os.environ, **{PATCH_ENV: ",".join(patches)})
        command = [
            sys.executable, str(HERE / "p1_event_hop.py"),
            "--events", str(args.events), "--warmup", str(args.warmup),
            "--throughput-events", str(args.throughput_events), "--throughput-batch", "0",
            "--throughput-budget", str(args.throughput_budget), "--timeout", "200",
            "--setup", "p1_what_if:apply", "--output", str(output),
        ]
        print(f"== {variant}: {', '.join(patches) or 'no patch'}", file=sys.stderr, flush=True)
        started = time.monotonic()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, timeout=290)
        report = json.loads(output.read_text())
        t = report["throughput"][0]
        key = f"{position}. {variant}"
        results[key] = {
            "patches": patches,
            "raw_quorum_p50_ms": report["floor"]["quorum"]["round_trip"]["p50_ms"],
            "hop_p50_ms": report["hop"]["hop"]["p50_ms"],
            "hop_p95_ms": report["hop"]["hop"]["p95_ms"],
            "ratio": report["goal"]["ratio_vs_quorum"],
            "events_per_s": t["events_per_s"],
            "cpu_ms_per_event": t["cpu_ms_per_event"],
            "loadavg": [report["machine"]["loadavg_at_start"][0], report["loadavg_at_end"][0]],
            "seconds": round(time.monotonic() - started, 1),
        }
        print(json.dumps({key: results[key]}), file=sys.stderr, flush=True)

    print("| variant | raw quorum p50 ms | hop p50 ms | hop p95 ms | ratio | events/s | CPU ms/event producer / consumer | load avg start/end |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for variant, r in results.items():
        cpu = r["cpu_ms_per_event"]
        print(
            f"| {variant} | {r['raw_quorum_p50_ms']:.2f} | {r['hop_p50_ms']:.2f} | {r['hop_p95_ms']:.2f} | {r['ratio']:.2f} "
            f"| {r['events_per_s']:.0f} | {cpu['producer_process']:.2f} / {cpu['consumer_process']:.2f} "
            f"| {r['loadavg'][0]:.1f} / {r['loadavg'][1]:.1f} |"
        )
    (HERE / "results" / "p1_what_if.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
