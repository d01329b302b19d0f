"""The mechanisms against the real RabbitMQ and PostgreSQL: wire format, crashes, broker restarts, dead letters."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pika
import pytest
from click.testing import CliRunner
from opentelemetry import trace
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from tandem_tiny_service import QUICK_RETRIES, FAILED, HAPPENED, SERVICE, FailSwitch, build_runtime, effect_rows, inbox_ids, wait_until

from tandem_shared import telemetry
from tandem_shared.bus import Publisher
from tandem_shared.deadletter import list_dead, replay_dead, show_dead
from tandem_shared.envelope import CONTENT_TYPE, Event
from tandem_shared.inbox import DUPLICATE, PROCESSED
from tandem_shared.testing import make_event, rabbitmq_queue_messages, running
from tandem_shared.worker import worker_cli

pytestmark = pytest.mark.integration

HERE = Path(__file__).resolve().parent
KILL_SCRIPT = HERE / "kill_after_commit_worker.py"


def pika_connection(vhost_url: str) -> pika.BlockingConnection:
    return pika.BlockingConnection(pika.URLParameters(vhost_url + "?connection_attempts=3&retry_delay=0.5"))


def pika_get(channel, queue: str, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        method, properties, body = channel.basic_get(queue, auto_ack=True)
        if method is not None:
            return method, properties, body
        time.sleep(0.01)
    raise AssertionError(f"nothing arrived on {queue} within {timeout}s")


def ready_messages(vhost_url: str, queue: str) -> int:
    """Messages ready in a queue (not counting unacknowledged ones), by a cheap passive declare."""
    connection = pika_connection(vhost_url)
    try:
        return connection.channel().queue_declare(queue, passive=True).method.message_count
    finally:
        connection.close()


def wrap_outcomes(runtime) -> list[str]:
    """Record what the runtime's inbox decides for each delivery its consumer hands it, alone or in a batch."""
    outcomes: list[str] = []
    handle = runtime.inbox.handle

    def recording(event):
        outcome = handle(event)
        outcomes.append(outcome)
        return outcome

    handle_batch = runtime.inbox.handle_batch

    def recording_batch(events, around=None):
        outcome = handle_batch(events, around)
        outcomes.extend(outcome.outcomes.values())
        return outcome

    runtime.inbox.handle = recording
    runtime.inbox.handle_batch = recording_batch
    return outcomes


@pytest.fixture
def span_exporter():
    exporter = InMemorySpanExporter()
    telemetry.configure_tracing("test", "none", extra_processor=SimpleSpanProcessor(exporter))
    yield exporter
    exporter.clear()
    exporter.shutdown()


# -- a. the wire format, seen by a client that is not kombu ------------------------------------


def test_an_independent_amqp_client_receives_cloudevents_json_plain_data_and_a_traceparent_header(vhost_url, sqlite_url, span_exporter):
    runtime = build_runtime(sqlite_url, vhost_url)
    runtime.declare_topology()
    connection = pika_connection(vhost_url)
    try:
        channel = connection.channel()
        queue = channel.queue_declare("", exclusive=True).method.queue
        channel.queue_bind(queue, "tandem.events", routing_key="tiny.#")
        data = {"n": 42, "when": "2026-11-26T09:30:00.000Z", "amount": "12.50", "who": "Élodie", "tags": ["a", "b"]}

        with trace.get_tracer("test").start_as_current_span("POST /things") as request_span:
            with runtime.unit_of_work() as uow:
                event = uow.publish(HAPPENED, "42", data)
        request_context = request_span.get_span_context()
        assert runtime.relay.flush() == 1

        method, properties, body = pika_get(channel, queue)
    finally:
        connection.close()

    assert method.exchange == "tandem.events"
    assert method.routing_key == HAPPENED
    assert properties.content_type == CONTENT_TYPE == "application/cloudevents+json"
    assert properties.message_id == event.id
    assert properties.delivery_mode == 2  # persistent
    text = body.decode("utf-8")
    assert "__type__" not in text
    wire = json.loads(text)
    assert wire["specversion"] == "1.0" and wire["type"] == HAPPENED and wire["source"] == SERVICE
    assert wire["datacontenttype"] == "application/json"
    assert wire["data"] == data
    assert Event.from_json(body) == event

    traceparent = properties.headers["traceparent"]
    match = re.fullmatch(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})", traceparent)
    assert match, traceparent
    assert int(match.group(3), 16) & 0x01, "the trace is sampled"
    assert match.group(1) == format(request_context.trace_id, "032x")
    # The header names the relay's publish span, a child of the request that wrote the row.
    [publish_span] = [s for s in span_exporter.get_finished_spans() if s.name == f"{HAPPENED} publish"]
    assert publish_span.kind == SpanKind.PRODUCER
    assert match.group(2) == format(publish_span.context.span_id, "016x")
    assert publish_span.parent.span_id == request_context.span_id

    # Our own consumer continues the same trace.
    with running(runtime):
        wait_until(lambda: effect_rows(runtime), 10, "the tiny consumer to handle the event")
        process_span = wait_until(
            lambda: next((s for s in span_exporter.get_finished_spans() if s.name == f"{HAPPENED} process"), None),
            5, "the consumer's process span",
        )
    assert process_span.kind == SpanKind.CONSUMER
    assert process_span.context.trace_id == request_context.trace_id
    assert process_span.parent.span_id == publish_span.context.span_id


# -- b. a crash between commit and ack -----------------------------------------------------------


def test_a_consumer_killed_after_its_commit_but_before_its_ack_leaves_exactly_one_effect(vhost_url, pg_url):
    runtime = build_runtime(pg_url, vhost_url, delivery_limit=5)
    runtime.declare_topology()
    event = make_event(HAPPENED, {"n": 1})
    publisher = Publisher(runtime.bus)
    try:
        publisher.publish(event.to_json(), routing_key=HAPPENED, headers={}, message_id=event.id)
    finally:
        publisher.close()

    worker = subprocess.Popen(
        [sys.executable, str(KILL_SCRIPT), vhost_url, pg_url],
        env={**os.environ, "TANDEM_TEST_KILL_AFTER_COMMIT": "1", "TANDEM_TEST_WORKER_LIFETIME": "30"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        worker.wait(timeout=40)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    stdout, stderr = worker.communicate()
    assert worker.returncode == -signal.SIGKILL, f"worker exited {worker.returncode}\n{stdout}\n{stderr}"

    # The effect committed; the broker never saw an ack, so the message is back in the queue.
    assert effect_rows(runtime) == [(event.id, HAPPENED)]
    assert inbox_ids(runtime) == [event.id]
    wait_until(lambda: ready_messages(vhost_url, SERVICE) == 1, 10, "the unacked message to return to the queue")

    outcomes = wrap_outcomes(runtime)
    with running(runtime):
        wait_until(lambda: outcomes, 15, "the redelivery to reach a fresh consumer")
    # Stopping joins the consumer thread, which acks before it looks at its stop flag.

    assert outcomes == [DUPLICATE]
    assert effect_rows(runtime) == [(event.id, HAPPENED)]
    # The broker's counters settle a moment after the ack and the connection close.
    wait_until(lambda: rabbitmq_queue_messages(vhost_url, SERVICE) == 0, 10, "the redelivered message to be acked", interval=0.2)
    assert ready_messages(vhost_url, SERVICE) == 0
    assert rabbitmq_queue_messages(vhost_url, f"{SERVICE}.dead") == 0


# -- c. the broker stops mid-flow -----------------------------------------------------------------


def rabbitmqctl(*args: str, timeout: float = 60) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=timeout)


def start_broker() -> None:
    rabbitmqctl("start_app")
    rabbitmqctl("await_startup", "--timeout", "60", timeout=90)


@pytest.mark.timeout(180)
def test_every_event_arrives_exactly_once_when_the_broker_stops_mid_flow_and_comes_back(vhost_url, pg_url):
    total, stop_at, restart_at = 200, 80, 160
    # The poll is only the safety net; commits wake the relay.
    runtime = build_runtime(pg_url, vhost_url, delivery_limit=10, outbox_poll_interval=2.0)
    ids: list[str] = []
    outcomes = wrap_outcomes(runtime)
    broker_stopped = False
    try:
        with running(runtime):
            for n in range(total):
                if n == stop_at:
                    # Be sure the flow is really under way before pulling the plug.
                    wait_until(lambda: len(effect_rows(runtime)) >= stop_at // 2, 20, "events to flow before the outage")
                    broker_stopped = True
                    rabbitmqctl("stop_app")
                    handled_before_outage = len(effect_rows(runtime))
                if n == restart_at:
                    # Nothing committed during the outage can have reached the consumer yet.
                    assert not set(ids[stop_at:]) & {event_id for event_id, _ in effect_rows(runtime)}
                    start_broker()
                    broker_stopped = False
                with runtime.unit_of_work() as uow:
                    ids.append(uow.publish(HAPPENED, str(n), {"n": n}).id)

            wait_until(lambda: len(effect_rows(runtime)) >= total, 90, f"all {total} effects after the restart", interval=0.2)
            wait_until(lambda: runtime.relay.pending_count() == 0, 30, "the outbox to drain")
            # Ready + unacked, as the broker counts them: a duplicate still in flight would show here.
            wait_until(lambda: rabbitmq_queue_messages(vhost_url, SERVICE) == 0, 30, "the queue to be acked empty", interval=0.3)
    finally:
        if broker_stopped:
            start_broker()
        # Whatever happened, leave a running broker behind.
        rabbitmqctl("await_startup", "--timeout", "60", timeout=90)

    assert stop_at // 2 <= handled_before_outage <= stop_at  # the outage really was mid-flow
    # Redeliveries (unacked at the stop) and republished rows (confirm lost) may add duplicates, never effects.
    assert outcomes.count(PROCESSED) == total
    assert set(outcomes) <= {PROCESSED, DUPLICATE}
    rows = effect_rows(runtime)
    assert len(rows) == total, f"{len(rows)} effects for {total} events"
    assert sorted(event_id for event_id, _ in rows) == sorted(ids)
    assert sorted(inbox_ids(runtime)) == sorted(ids)
    assert rabbitmq_queue_messages(vhost_url, SERVICE) == 0
    assert rabbitmq_queue_messages(vhost_url, f"{SERVICE}.dead") == 0


# -- d. dead letters on RabbitMQ, and the operator commands ---------------------------------------


def test_a_message_that_keeps_failing_is_dead_lettered_after_the_limit_then_listed_and_replayed(vhost_url, pg_url):
    switch = FailSwitch(on=True)
    runtime = build_runtime(pg_url, vhost_url, switch=switch, delivery_limit=2)
    dead_queue = f"{SERVICE}.dead"
    with running(runtime):
        with runtime.unit_of_work() as uow:
            first = uow.publish(FAILED, "a", {"n": 1})
            second = uow.publish(FAILED, "b", {"n": 2})
        wait_until(lambda: ready_messages(vhost_url, dead_queue) == 2, 30, "both messages in the dead queue", interval=0.1)
    runtime.relay.close()

    # (1 + 1 immediate retry) x (1 + 2 delayed retries through tiny.retry.300ms and tiny.retry.600ms) each.
    assert switch.attempts == 2 * QUICK_RETRIES.attempts_per_message == 12
    assert effect_rows(runtime) == []
    for queue in (SERVICE, "tiny.retry.300ms", "tiny.retry.600ms"):
        assert rabbitmq_queue_messages(vhost_url, queue) == 0
    assert rabbitmq_queue_messages(vhost_url, SERVICE) == 0

    dead = {message.event_id: message for message in list_dead(runtime.bus, SERVICE)}
    assert set(dead) == {first.id, second.id}
    for message in dead.values():
        assert message.type == FAILED
        assert message.reason.startswith("failed 6 times (2 delayed retries): refusing")
        assert Event.from_json(message.body).type == FAILED
    # Listing looks without taking.
    assert ready_messages(vhost_url, dead_queue) == 2
    assert show_dead(runtime.bus, SERVICE, first.id).event_id == first.id
    assert show_dead(runtime.bus, SERVICE, "no-such-id") is None

    runtimes = []

    def cli_runtime():
        built = build_runtime(pg_url, vhost_url, create_tables=False)
        runtimes.append(built)
        return built

    cli = worker_cli(SERVICE, cli_runtime)
    cli_runner = CliRunner()
    listed = cli_runner.invoke(cli, ["dead", "list"])
    assert listed.exit_code == 0, listed.output
    lines = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert {line["id"] for line in lines} == {first.id, second.id}
    assert all(line["reason"].startswith("failed 6 times") for line in lines)
    assert "2 message(s) in tiny.dead" in listed.stderr
    shown = cli_runner.invoke(cli, ["dead", "show", first.id])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["body"]["id"] == first.id
    assert cli_runner.invoke(cli, ["dead", "replay"]).exit_code != 0  # neither an id nor --all

    # Replay one by id: it goes back to this service's queue only.
    assert replay_dead(runtime.bus, SERVICE, event_id=first.id) == [first.id]
    assert ready_messages(vhost_url, SERVICE) == 1
    assert ready_messages(vhost_url, dead_queue) == 1

    switch.on = False
    healed = build_runtime(pg_url, vhost_url, switch=switch, delivery_limit=2, create_tables=False)
    with running(healed):
        wait_until(lambda: effect_rows(healed) == [(first.id, FAILED)], 15, "the replayed message to be handled")

        replayed = cli_runner.invoke(cli, ["dead", "replay", "--all"])
        assert replayed.exit_code == 0, replayed.output
        assert replayed.stdout.split() == [second.id]
        wait_until(lambda: len(effect_rows(healed)) == 2, 15, "the second replayed message to be handled")
    healed.relay.close()

    assert sorted(effect_rows(runtime)) == sorted([(first.id, FAILED), (second.id, FAILED)])
    # An ack has no answer in AMQP 0-9-1, and a quorum queue counts it once its log has applied it: the count may
    # still say 1 for a moment after the consumer closed. A message really left would stay, and fail this.
    for queue in (SERVICE, dead_queue):
        wait_until(lambda: rabbitmq_queue_messages(vhost_url, queue) == 0, 10, f"{queue} to count the last ack", interval=0.2)
    assert list_dead(runtime.bus, SERVICE) == []
    for built in runtimes:
        built.db.dispose()
