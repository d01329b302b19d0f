"""The fault suite's platform: real workers of catalog (the producer's relay), engagement, notifier and documents
(consumers),
on a throw-away RabbitMQ virtual host and PostgreSQL databases, with an SMTP sink, and an independent count of
the business effects: engagement's mission copies and notifier's e-mails (rows in their databases, messages the
SMTP sink received), the catalog outbox, and the dead queues read with pika.

The events are real `catalog.mission.published` events written into catalog's outbox by catalog's own code
(its runtime's unit of work), so the relay that publishes them is the real one, in catalog's worker.
"""
from __future__ import annotations

import contextlib
import copy
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pika
import sqlalchemy as sa

from helpers import REPO_ROOT, load_topology
from tandem_shared.contract import AsyncApiDocument
from tandem_shared.testing import postgres_database, rabbitmq_vhost

HERE = Path(__file__).resolve().parent
FAULTY_WORKER = HERE / "faulty_worker.py"
SERVICES = ("catalog", "engagement", "notifier", "documents")
CONSUMERS = ("engagement", "notifier", "documents")
MISSION_PUBLISHED = "catalog.mission.published"

# Short delays, so a poison message reaches the dead queue in seconds; the stages are those of production.
FAST_SETTINGS = {
    "TANDEM_IMMEDIATE_RETRIES": "1",
    "TANDEM_RETRY_DELAYS": "1,2",
    "TANDEM_DATABASE_PROBE_SECONDS": "0.5",
    "TANDEM_OUTBOX_POLL_SECONDS": "1",
    "TANDEM_PUBLISH_CONFIRM_TIMEOUT": "3",
    "TANDEM_LOG_LEVEL": "WARNING",
    "TANDEM_TRACE_EXPORTER": "none",
}


@dataclass
class Outcome:
    scenario: str
    events: int
    lost: int
    duplicated: int
    dead_lettered: int
    recovery_seconds: float
    notes: str = ""


@dataclass
class Batch:
    """The missions one scenario published: their event ids and mission ids."""

    event_ids: list[str] = field(default_factory=list)
    mission_ids: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.event_ids)


class FaultPlatform:
    def __init__(self, stack: contextlib.ExitStack, var_dir: Path):
        from tandem_gateway.mailsink import MailSink

        self.stack = stack
        self.var_dir = var_dir
        self.logs = var_dir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.broker_url = stack.enter_context(rabbitmq_vhost())
        self.database_urls = {service: stack.enter_context(postgres_database(prefix=f"tandem_fault_{service}")) for service in SERVICES}
        self.topology = load_topology()
        self.topology.declare_broker_topology(self.broker_url, {**os.environ, **FAST_SETTINGS})
        # A tap of our own on the missions' routing key: how many copies of each event the broker really routed.
        self.tap_queue = "faults.tap"
        self._tapped: dict[str, int] = {}
        connection = pika.BlockingConnection(pika.URLParameters(self.broker_url))
        try:
            channel = connection.channel()
            channel.queue_declare(self.tap_queue, durable=True)
            channel.queue_bind(self.tap_queue, "tandem.events", routing_key=MISSION_PUBLISHED)
        finally:
            connection.close()
        self.sink = MailSink(var_dir / "mail")
        self.sink.start()
        stack.callback(self.sink.stop)
        layout = self.topology.prepare_runtime_files(REPO_ROOT, var_dir)
        self.base_env = {
            **os.environ,
            **self.topology.environment(layout, broker_url=self.broker_url, database_urls=self.database_urls),
            **FAST_SETTINGS,
            "NOTIFIER_SMTP_HOST": "127.0.0.1",
            "NOTIFIER_SMTP_PORT": str(self.sink.port),
        }
        self.base_env.pop("TANDEM_FAULT", None)
        self.processes: dict[str, subprocess.Popen] = {}
        stack.callback(self.stop_all)
        self._catalog = self._runtime("catalog")
        for service in SERVICES:
            runtime = self._catalog if service == "catalog" else self._runtime(service)
            runtime.migrate()
            if runtime is not self._catalog:
                runtime.db.dispose()
        self.engines = {service: sa.create_engine(url) for service, url in self.database_urls.items()}
        stack.callback(lambda: [engine.dispose() for engine in self.engines.values()])
        stack.callback(self._catalog.db.dispose)
        self.mission_example = AsyncApiDocument(REPO_ROOT / "services" / "catalog" / "asyncapi.yaml").examples(MISSION_PUBLISHED)[0]
        self.run_id = uuid.uuid4().hex[:6]
        self._sequence = 0

    def _runtime(self, service: str):
        import importlib

        settings = importlib.import_module(f"{service}.config").Settings.from_env(
            {**self.base_env, f"{service.upper()}_DATABASE_URL": self.database_urls[service]}
        )
        return importlib.import_module(f"{service}.bootstrap").build_runtime(settings)

    # -- processes --------------------------------------------------------------------------------

    def start(self, service: str, fault: str | None = None, **env: str) -> subprocess.Popen:
        """`<service>-worker run` in its own process (with `fault` armed, see faulty_worker.py)."""
        name = f"{service}-worker"
        self.stop(name)
        process_env = {**self.base_env, **env}
        if fault:
            process_env["TANDEM_FAULT"] = fault
        log = open(self.logs / f"{name}.log", "ab")
        process = subprocess.Popen(
            [sys.executable, str(FAULTY_WORKER), service, "run", "--no-migrate"],
            env=process_env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, start_new_session=True,
        )
        log.close()
        self.processes[name] = process
        return process

    def start_all(self) -> None:
        for service in SERVICES:
            if self.processes.get(f"{service}-worker") is None or self.processes[f"{service}-worker"].poll() is not None:
                self.start(service)
        for queue in CONSUMERS:
            self.wait_for_consumer(queue)

    def wait_for_consumer(self, queue: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.queue_state(queue)[1] == 0:
            if time.monotonic() > deadline:
                raise AssertionError(f"no consumer on {queue} within {timeout} s; logs in {self.logs}")
            time.sleep(0.2)

    def wait_for_exit(self, name: str, timeout: float = 60) -> int:
        process = self.processes[name]
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{name} did not reach its fault point within {timeout} s; logs in {self.logs}") from None

    def committed_before_crash(self, name: str) -> int:
        """What an armed consumer wrote before it killed itself: the events its inbox had committed."""
        found = re.findall(rb"events committed before the crash: (\d+)", (self.logs / f"{name}.log").read_bytes())
        if not found:
            raise AssertionError(f"{name} did not report its crash; logs in {self.logs}")
        return int(found[-1])

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 9)
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    # -- events -----------------------------------------------------------------------------------

    def mission_data(self) -> dict:
        self._sequence += 1
        data = copy.deepcopy(self.mission_example)
        mission_id = str(uuid.uuid4())
        data.update(
            id=mission_id,
            title=f"Mission {self._sequence} ({self.run_id})",
            contact_email=f"m{self._sequence}-{self.run_id}@faults.example",
            url=f"https://tandem.example/missions/{mission_id}",
        )
        return data

    def publish_missions(self, count: int, per_transaction: int = 50) -> Batch:
        """`count` missions published through catalog's outbox (committed; catalog's worker relays them)."""
        batch = Batch()
        for start in range(0, count, per_transaction):
            with self._catalog.unit_of_work() as uow:
                for _ in range(min(per_transaction, count - start)):
                    data = self.mission_data()
                    event = uow.publish(MISSION_PUBLISHED, data["id"], data)
                    batch.event_ids.append(event.id)
                    batch.mission_ids.append(data["id"])
                    batch.contacts.append(data["contact_email"])
        return batch

    def example_event(self, service: str, event_type: str, source: str, **overrides):
        """An event as its producer publishes it, from the AsyncAPI example the consuming `service` documents."""
        from tandem_shared.envelope import Event

        data = {**AsyncApiDocument(REPO_ROOT / "services" / service / "asyncapi.yaml").examples(event_type)[0], **overrides}
        return Event(type=event_type, source=source, subject=str(data.get("id") or data.get("request_id") or ""), data=data)

    def publish_event(self, event) -> None:
        self.publish_raw(event.to_json(), event.id, routing_key=event.type)

    def publish_raw(self, body: str, message_id: str, routing_key: str = MISSION_PUBLISHED) -> None:
        """A message straight onto the exchange with pika, as another producer (or a broken one) would."""
        connection = pika.BlockingConnection(pika.URLParameters(self.broker_url))
        try:
            channel = connection.channel()
            channel.confirm_delivery()
            channel.basic_publish(
                "tandem.events", routing_key, body.encode("utf-8"),
                pika.BasicProperties(content_type="application/cloudevents+json", delivery_mode=2, message_id=message_id),
            )
        finally:
            connection.close()

    # -- counting ---------------------------------------------------------------------------------

    def _count(self, service: str, sql: str, ids: list[str]) -> list[tuple]:
        with self.engines[service].connect() as connection:
            return list(connection.execute(sa.text(sql), {"ids": ids}))

    def copies(self, batch: Batch) -> dict[str, int]:
        rows = self._count("engagement", "SELECT id, count(*) FROM mission_copies WHERE id = ANY(:ids) GROUP BY id", batch.mission_ids)
        return {row[0]: row[1] for row in rows}

    def emails(self, batch: Batch) -> dict[str, int]:
        """notifier's e-mail rows per event (the contact's mail; a row per event and recipient)."""
        rows = self._count("notifier", "SELECT event_id, count(*) FROM emails WHERE event_id = ANY(:ids) GROUP BY event_id", batch.event_ids)
        return {row[0]: row[1] for row in rows}

    def delivered(self, batch: Batch) -> dict[str, int]:
        """E-mails the SMTP sink received, per contact address of the batch."""
        wanted = set(batch.contacts)
        received: dict[str, int] = {}
        for mail in self.sink.store.all():
            for recipient in mail["to"]:
                if recipient in wanted:
                    received[recipient] = received.get(recipient, 0) + 1
        return received

    def relay_in_process(self) -> int:
        """Publish catalog's outbox from this process, with catalog's relay (before its worker ever started)."""
        try:
            return self._catalog.relay.flush()
        finally:
            self._catalog.relay.close()

    def routed(self, batch: Batch) -> int:
        """How many messages the broker routed for the batch's events (more than the batch: some published twice)."""
        connection = pika.BlockingConnection(pika.URLParameters(self.broker_url))
        try:
            channel = connection.channel()
            while True:
                method, properties, _ = channel.basic_get(self.tap_queue, auto_ack=True)
                if method is None:
                    break
                self._tapped[properties.message_id] = self._tapped.get(properties.message_id, 0) + 1
        finally:
            connection.close()
        return sum(self._tapped.get(event_id, 0) for event_id in batch.event_ids)

    def outbox_pending(self) -> int:
        return self._catalog.relay.pending_count()

    def queue_state(self, queue: str) -> tuple[int, int]:
        """(ready messages, consumers) by a passive declare: no statistics lag."""
        connection = pika.BlockingConnection(pika.URLParameters(self.broker_url))
        try:
            method = connection.channel().queue_declare(queue, passive=True).method
            return method.message_count, method.consumer_count
        finally:
            connection.close()

    def dead(self, ids: set[str]) -> int:
        """Messages of `ids` sitting in a consumer's dead queue (looked at without taking them)."""
        from tandem_shared.deadletter import list_dead

        bus = self._catalog.bus
        return sum(1 for service in CONSUMERS for message in list_dead(bus, service) if message.event_id in ids)

    def settled(self, batch: Batch, expected_mails: int | None = None) -> bool:
        copies, emails = self.copies(batch), self.emails(batch)
        delivered = self.delivered(batch)
        mails = len(batch) if expected_mails is None else expected_mails
        return (
            len(copies) == len(batch) and len(emails) == len(batch) and len(delivered) >= mails
            and self.outbox_pending() == 0
        )

    def wait_settled(self, batch: Batch, timeout: float, since: float) -> float:
        """Seconds from `since` until every effect of the batch is there and the outbox is empty."""
        deadline = time.monotonic() + timeout
        while not self.settled(batch):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"not settled within {timeout} s: {len(self.copies(batch))} copies, {len(self.emails(batch))} e-mail rows, "
                    f"{len(self.delivered(batch))} delivered of {len(batch)}; outbox {self.outbox_pending()}; logs in {self.logs}"
                )
            time.sleep(0.2)
        return time.monotonic() - since

    def outcome(self, scenario: str, batch: Batch, recovery: float, extra_ids: set[str] = frozenset(), notes: str = "") -> Outcome:
        """Lost and duplicated business effects of the batch, counted in the consumers' databases and the sink."""
        copies, emails, delivered = self.copies(batch), self.emails(batch), self.delivered(batch)
        lost = (len(batch) - len(copies)) + (len(batch) - len(emails)) + (len(batch) - len(delivered))
        duplicated = sum(n - 1 for n in copies.values()) + sum(n - 1 for n in emails.values())
        duplicate_mails = sum(n - 1 for n in delivered.values())
        return Outcome(
            scenario=scenario, events=len(batch) + len(extra_ids), lost=lost, duplicated=duplicated + duplicate_mails,
            dead_lettered=self.dead(set(batch.event_ids) | set(extra_ids)), recovery_seconds=round(recovery, 1), notes=notes,
        )
