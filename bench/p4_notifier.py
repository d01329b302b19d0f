"""Benchmark P4, the notifier's throughput: e-mails handed to an SMTP server per second by one notifier worker.

One run, on the real RabbitMQ and PostgreSQL (a fresh vhost and a fresh database, removed afterwards):

  a. the notifier  its worker process exactly as the local distributed mode starts it (deploy/local/topology.py,
                   `notifier-worker run`: migrations, the consumer, the mail sender), its SMTP host this script's
                   own SMTP server on loopback (aiosmtpd, the same library as the platform's mail sink);
  b. the flow      a batch of `engagement.password_reset.requested` events, each a real CloudEvents envelope
                   published to the events exchange with confirms and a W3C `traceparent`, as engagement's relay
                   does. The notifier's consumer takes each through its inbox, renders the e-mail and queues it in
                   its database; the mail sender picks it up, sends it and marks it sent. Measured at the SMTP server: e-mails per
                   second between the batch's first and last arrival. Twice per round: published while the worker takes
                   them (this script's publisher then shares the two cores with it), and published while the worker is
                   paused (SIGSTOP), so that it finds the batch in its queue: its own pace, beside nothing, as the floor;
  c. the floor     the same number of messages, each the very bytes of one the notifier sent (headers and
                   both alternatives), sent by plain `smtplib` over one connection from this process to the same
                   server, measured the same way. Flow and floor batches alternate, so the machine's other load
                   weighs on both alike;
  d. the budget    after the rounds, in this process: what each e-mail costs that no design avoids (the template,
                   the sender's MIME build, one durable PostgreSQL INSERT + COMMIT), what the goal leaves for the
                   rest, and the ratio allowed at best with one durable commit per e-mail, in series with the
                   exchanges and (as the sender does it) overlapping the next e-mail's exchange;
  e. a report      markdown on stdout, JSON in bench/results/p4.json.

Goal (issue 18): the notifier's rate at least 0.7 x the raw smtplib rate.

Usage: uv run python bench/p4_notifier.py [--emails 500] [--rounds 3]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from aiosmtpd.controller import Controller

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from helpers import free_port, load_topology, wait_for_consumers  # noqa: E402

from tandem_shared.bus import Bus, BusSettings, Publisher  # noqa: E402
from tandem_shared.envelope import Event  # noqa: E402
from tandem_shared.testing import postgres_database, rabbitmq_vhost  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "p4.json"
EVENT_TYPE = "engagement.password_reset.requested"
GOAL = 0.7


class Sink:
    """The SMTP server: the monotonic time each message's DATA completed, and the raw bytes of the last one."""

    def __init__(self) -> None:
        self.stamps: list[float] = []
        self.last: bytes = b""
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        stamp = time.monotonic()
        with self.arrived:
            self.stamps.append(stamp)
            self.last = envelope.original_content or envelope.content
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float) -> list[float]:
        """The stamps once `count` messages have arrived (since the last reset)."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.stamps) >= count, timeout=timeout):
                raise SystemExit(f"only {len(self.stamps)} of {count} e-mails arrived within {timeout} s")
            return list(self.stamps)

    def reset(self) -> None:
        with self.arrived:
            self.stamps = []


def rate(stamps: list[float]) -> float:
    """Messages per second between the first and the last arrival (the first starts the clock)."""
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


def publish_resets(publisher: Publisher, count: int, tag: str) -> None:
    for index in range(count):
        event = Event(type=EVENT_TYPE, source="/bench/p4", subject=f"person-{tag}-{index}", data={
            "person_id": str(uuid.uuid4()), "email": f"personne.{tag}.{index}@horizon.example", "first_name": "Camille",
            "link": f"https://tandem.example/mot-de-passe/nouveau/{uuid.uuid4().hex}", "expires_at": "2026-12-31T11:15:00+00:00"})
        # The W3C trace context every event of the platform carries (engagement's relay publishes the request's): a
        # message without one gets a span of its own in the consumer, which no real event costs.
        traceparent = f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-01"
        publisher.publish(event.to_json(), routing_key=EVENT_TYPE, headers={"traceparent": traceparent}, message_id=event.id)


def send_raw(port: int, message: bytes, count: int) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        for index in range(count):
            client.sendmail("tandem@tandem.example", [f"personne.raw.{index}@horizon.example"], message)


def measure_sender_alone(database_url: str, broker_url: str, smtp_port: int, sink: Sink, emails: int) -> float:
    """Where the time goes: the mail sender alone, in this process, on a queue already full (copies of the e-mails
    the worker sent, pending again), with the worker stopped: e-mails per second at the SMTP server."""
    from notifier.bootstrap import build_runtime
    from notifier.config import Settings
    from notifier.sender import MailSender

    settings = Settings.from_env({**os.environ, "NOTIFIER_DATABASE_URL": database_url, "TANDEM_BROKER_URL": broker_url,
                                  "NOTIFIER_SMTP_HOST": "127.0.0.1", "NOTIFIER_SMTP_PORT": str(smtp_port)})
    runtime = build_runtime(settings)
    try:
        with runtime.db.transaction() as session:
            session.execute(sa.text(
                "INSERT INTO emails (id, event_id, event_type, recipient, subject, body_text, body_html, attachments, status,"
                " attempts, next_attempt_at, created_at, last_error, sent_at)"
                " SELECT gen_random_uuid()::text, gen_random_uuid()::text, event_type, recipient, subject, body_text, body_html,"
                " attachments, 'pending', 0, now(), now(), NULL, NULL FROM emails WHERE status = 'sent' LIMIT :count"), {"count": emails})
        sender = MailSender(runtime.db, host="127.0.0.1", port=smtp_port, mail_from=settings.mail_from,
                            max_attempts=settings.mail_max_attempts)
        sink.reset()
        while sender.send_due():
            pass
        return rate(sink.wait_for(emails, timeout=600))
    finally:
        runtime.stop()


def run(emails: int, rounds: int) -> dict[str, Any]:
    topology = load_topology()
    with contextlib.ExitStack() as stack:
        var_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tandem-bench-p4-")))
        broker_url = stack.enter_context(rabbitmq_vhost())
        database_url = stack.enter_context(postgres_database(prefix="tandem_bench_notifier"))
        ports = {"smtp": free_port()}
        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=ports["smtp"])
        controller.start()
        stack.callback(controller.stop)
        topology.prepare_runtime_files(REPO_ROOT, var_dir, ports)
        [(argv, env)] = topology.process_commands(
            REPO_ROOT, var_dir, ports, broker_url=broker_url, database_urls={"notifier": database_url}, only=["notifier-worker"],
            base_env={**os.environ, "TANDEM_LOG_LEVEL": "WARNING", "NOTIFIER_SMTP_PORT": str(ports["smtp"])},
        ).values()
        log_path = var_dir / "notifier-worker.log"
        worker = subprocess.Popen(argv, env=env, stdout=open(log_path, "wb"), stderr=subprocess.STDOUT, cwd=REPO_ROOT,
                                  start_new_session=True)

        def stop_worker() -> None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)

        stack.callback(stop_worker)
        wait_for_consumers(broker_url, ("notifier",), timeout=120)
        bus = Bus(BusSettings(url=broker_url))
        publisher = Publisher(bus)
        stack.callback(publisher.close)

        # Warm-up: imports, connections, the first templates, the prepared statements.
        publish_resets(publisher, 20, "warm")
        try:
            sink.wait_for(20, timeout=60)
        except SystemExit:
            print(log_path.read_text()[-3000:], file=sys.stderr)
            raise
        sample = sink.last
        flow, filled, floor = [], [], []
        load_start = os.getloadavg()
        for number in range(rounds):
            sink.reset()
            publish_resets(publisher, emails, f"r{number}")
            flow.append(rate(sink.wait_for(emails, timeout=600)))
            # The worker's own pace: the batch waits in its queue before it takes any, so that this script's publisher
            # does not share the two cores with it (the floor runs beside nothing either). Paused, not unsubscribed:
            # the worker keeps its connections and its place, as a worker behind a burst of events would.
            sink.reset()
            os.killpg(worker.pid, signal.SIGSTOP)
            try:
                publish_resets(publisher, emails, f"f{number}")
            finally:
                os.killpg(worker.pid, signal.SIGCONT)
            filled.append(rate(sink.wait_for(emails, timeout=600)))
            sink.reset()
            send_raw(ports["smtp"], sample, emails)
            floor.append(rate(sink.wait_for(emails, timeout=600)))
            print(f"round {number + 1}: notifier {flow[-1]:.0f}/s (publisher beside), {filled[-1]:.0f}/s (queue filled first);"
                  f" raw smtplib {floor[-1]:.0f}/s", file=sys.stderr)
        if worker.poll() is not None:
            raise SystemExit(f"the notifier worker stopped: {log_path.read_text()[-2000:]}")
        stop_worker()
        sender_alone = measure_sender_alone(database_url, broker_url, ports["smtp"], sink, emails)
        budget = measure_budget(database_url)
        floor_ms = 1000 / statistics.median(floor)
        return {
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": f"{os.cpu_count()} vCPU, {platform.platform()}, Python {platform.python_version()}",
            "load_average_start": [round(x, 2) for x in load_start],
            "load_average_end": [round(x, 2) for x in os.getloadavg()],
            "emails_per_batch": emails, "rounds": rounds, "message_bytes": len(sample),
            "notifier_per_second": [round(x, 1) for x in flow], "smtplib_per_second": [round(x, 1) for x in floor],
            "notifier_filled_queue_per_second": [round(x, 1) for x in filled],
            "notifier_median": round(statistics.median(flow), 1), "smtplib_median": round(statistics.median(floor), 1),
            "notifier_filled_queue_median": round(statistics.median(filled), 1),
            "ratio": round(statistics.median(flow) / statistics.median(floor), 3),
            "ratio_filled_queue": round(statistics.median(filled) / statistics.median(floor), 3),
            "sender_alone_per_second": round(sender_alone, 1),
            "budget_ms": {
                **budget,
                "raw_smtplib_per_email": round(floor_ms, 3),
                # What an e-mail may cost in all at the goal, minus what it cannot do without.
                "left_at_goal": round(floor_ms / GOAL - floor_ms - budget["template"] - budget["mime_build"], 3),
            },
            # The ratio if the inbox, the queue and the claim cost nothing and one durable commit per e-mail remained:
            # in series with the exchanges, or overlapping the next e-mail's exchange (`notifier/sender.py`).
            "ceiling_with_one_commit_per_email_in_series": round(
                floor_ms / (floor_ms + budget["template"] + budget["mime_build"] + budget["durable_insert_commit"]), 3),
            "ceiling_with_the_commit_overlapped": round(floor_ms / (floor_ms + budget["template"] + budget["mime_build"]), 3),
        }


def measure_budget(database_url: str, passes: int = 3, count: int = 2000) -> dict[str, float]:
    """What each e-mail costs that no design avoids, in ms, in this process: the template and the sender's MIME build
    (best of `passes`, the bench's own e-mail), and one durable PostgreSQL INSERT + COMMIT (p50, psycopg alone)."""
    import timeit

    import psycopg
    from notifier.sender import MailSender
    from notifier.templates import paris_time, render

    from tandem_shared.db import Database

    values = {"email": "personne.budget@horizon.example", "first_name": "Camille",
              "link": f"https://tandem.example/mot-de-passe/nouveau/{uuid.uuid4().hex}",
              "expires_at": paris_time(datetime(2026, 12, 31, 11, 15, tzinfo=timezone.utc))}
    template = min(timeit.repeat(lambda: render("password_reset.txt", **values), number=count, repeat=passes)) / count
    database = Database(database_url)  # the sender's constructor reads its dialect; nothing is queried here
    sender = MailSender(database, host="127.0.0.1", port=0, mail_from="Tandem <tandem@tandem.example>", max_attempts=8)
    email = SimpleNamespace(id=str(uuid.uuid4()), body_text=render("password_reset.txt", **values), body_html=None,
                            attachments=None, recipient=values["email"], subject="Choisis un nouveau mot de passe Tandem",
                            event_type=EVENT_TYPE)  # the columns `_message` reads
    build = min(timeit.repeat(lambda: sender._message(email), number=count, repeat=passes)) / count
    database.dispose()
    commits = []
    with psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        connection.execute("CREATE TEMPORARY TABLE budget (id integer PRIMARY KEY)")
        connection.commit()
        for n in range(count // 2):
            started = time.perf_counter()
            connection.execute("INSERT INTO budget VALUES (%s)", (n,))
            connection.commit()
            commits.append(time.perf_counter() - started)
    return {"template": round(template * 1000, 3), "mime_build": round(build * 1000, 3),
            "durable_insert_commit": round(statistics.median(commits[100:]) * 1000, 3)}


def report(result: dict[str, Any]) -> str:
    def verdict(ratio: float) -> str:
        return f"{'met' if ratio >= GOAL else 'NOT met'} ({ratio}x)"

    return "\n".join([
        f"## P4 — notifier throughput ({result['date']})",
        f"Machine: {result['machine']}. Load average {result['load_average_start'][0]} at start, {result['load_average_end'][0]} at end.",
        f"{result['rounds']} rounds of {result['emails_per_batch']} e-mails ({result['message_bytes']} bytes each), one worker.",
        "",
        "| path | e-mails/s per round | median |",
        "|---|---|---:|",
        f"| notifier worker (event → inbox → template → queue → SMTP), this script publishing beside it | {', '.join(map(str, result['notifier_per_second']))} | {result['notifier_median']} |",
        f"| notifier worker, the batch in its queue first (its own pace) | {', '.join(map(str, result['notifier_filled_queue_per_second']))} | {result['notifier_filled_queue_median']} |",
        f"| raw smtplib, one connection | {', '.join(map(str, result['smtplib_per_second']))} | {result['smtplib_median']} |",
        f"| the mail sender alone, on a full queue (each outcome its own commit) | — | {result['sender_alone_per_second']} |",
        "",
        f"Goal (issue 18) notifier at least {GOAL}x raw smtplib: with the publisher beside it {verdict(result['ratio'])};"
        f" at its own pace {verdict(result['ratio_filled_queue'])}.",
        "",
        "What no design avoids, per e-mail, in ms (measured apart in this process; the raw exchange from the rounds above):",
        "",
        "| raw smtplib exchange | template | MIME build | one durable INSERT + COMMIT | left at the goal for inbox, queue, claim and mark |",
        "|---:|---:|---:|---:|---:|",
        f"| {result['budget_ms']['raw_smtplib_per_email']} | {result['budget_ms']['template']} | {result['budget_ms']['mime_build']} "
        f"| {result['budget_ms']['durable_insert_commit']} | {result['budget_ms']['left_at_goal']} |",
        "",
        f"Ceiling with one durable commit per e-mail (at most one copy per crash) and nothing else: "
        f"{result['ceiling_with_one_commit_per_email_in_series']}x with the commit in series with the exchanges, "
        f"{result['ceiling_with_the_commit_overlapped']}x with it overlapping the next e-mail's exchange (the sender's way).",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--emails", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    result = run(args.emails, args.rounds)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(report(result))


if __name__ == "__main__":
    main()
