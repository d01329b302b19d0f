"""The event bus on kombu: one topic exchange, a durable queue per consuming service, its retry queues
and its dead queue.

RabbitMQ in distributed mode, `memory://` in the embedded mode; the code paths are the same, except
that the memory transport has no per-queue TTL: there the consumer holds delayed retries itself
(`inbox.ServiceConsumer`). `tandem_shared.topology` declares every service's queues before anything publishes.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import kombu
from kombu import Exchange, Queue, binding

from .envelope import CONTENT_TYPE

log = logging.getLogger(__name__)

EVENTS_EXCHANGE = "tandem.events"
DEAD_EXCHANGE = "tandem.dead"

# A dropped connection is retried for about a minute before the caller sees an error.
PUBLISH_RETRY_POLICY = {"max_retries": 30, "interval_start": 0, "interval_step": 0.5, "interval_max": 2}
# The outbox relay gives up sooner: its row stays unsent and the next pass (a commit, or the poll) tries again,
# so a broker that does not answer never holds the relay for a minute.
RELAY_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


# What the consumer adds to a message it sends to a retry queue: how many delayed retries it has had.
DELAYED_RETRIES_HEADER = "x-tandem-delayed-retries"
DEAD_REASON_HEADER = "x-tandem-dead-reason"
# Headers RabbitMQ adds on its own way (dead-lettering, quorum redeliveries); a republished message drops them.
BROKER_HEADER_PREFIXES = ("x-death", "x-first-death", "x-last-death", "x-delivery-count")


@dataclass(frozen=True)
class RetryPolicy:
    """How a message that fails is tried again (NServiceBus' and MassTransit's two stages).

    `immediate_retries`: tries again at once, in the consumer, without waiting (a deadlock, a race).
    `delays`: then, one delayed retry per entry, in seconds, each through `<service>.retry.<delay>`,
    a queue whose TTL sends the message back to the service's queue; nobody sleeps meanwhile.
    After the last delayed retry the message goes to `<service>.dead`.
    A fault of the infrastructure (the database does not answer) counts against nothing: the consumer
    stops taking messages and probes the database every `database_probe_interval` seconds.
    """

    immediate_retries: int = 2
    delays: tuple[float, ...] = (5.0, 30.0, 120.0, 600.0)
    database_probe_interval: float = 2.0

    def __post_init__(self) -> None:
        if self.immediate_retries < 0 or any(delay <= 0 for delay in self.delays) or self.database_probe_interval <= 0:
            raise ValueError(f"invalid retry policy: {self}")

    @property
    def attempts_per_message(self) -> int:
        """How many times a poison message is handled before it is dead-lettered."""
        return (1 + self.immediate_retries) * (1 + len(self.delays))


def parse_delays(text: str) -> tuple[float, ...]:
    """`"5,30,120"` -> (5.0, 30.0, 120.0); an empty text means no delayed retry."""
    return tuple(float(part) for part in text.replace(" ", "").split(",") if part)


def delay_label(delay: float) -> str:
    """The part of a retry queue's name that says its delay: 5s, 2m, 500ms."""
    milliseconds = round(delay * 1000)
    if milliseconds % 60_000 == 0:
        return f"{milliseconds // 60_000}m"
    if milliseconds % 1000 == 0:
        return f"{milliseconds // 1000}s"
    return f"{milliseconds}ms"


@dataclass(frozen=True)
class BusSettings:
    url: str
    # Deliveries RabbitMQ counts itself (a consumer that died or lost its connection holding the message)
    # before it dead-letters the message: what stops a message that crashes the process every time.
    delivery_limit: int = 5
    memory_polling_interval: float = 0.005
    prefetch_count: int = 20
    # Messages already delivered are handled together, in one transaction, up to this many (1: one by one).
    consumer_batch: int = 20
    retry: RetryPolicy = RetryPolicy()
    # A confirm that does not come within this many seconds fails the publish; the outbox row stays unsent
    # and is published again (the consumers' inbox drops the copy if the first one did arrive).
    confirm_timeout: float = 15.0


class Bus:
    """Knows the topology; hands out connections configured for it."""

    def __init__(self, settings: BusSettings):
        self.settings = settings
        self.events_exchange = Exchange(EVENTS_EXCHANGE, type="topic", durable=True)
        self.dead_exchange = Exchange(DEAD_EXCHANGE, type="direct", durable=True)

    @property
    def is_memory(self) -> bool:
        return self.settings.url.startswith("memory://")

    def connection(self) -> kombu.Connection:
        if self.is_memory:
            return kombu.Connection(
                # kombu wants a host even for memory://; naming one keeps it from warning on every connection.
                "memory://localhost/" if self.settings.url in ("memory://", "memory:///") else self.settings.url,
                transport_options={"polling_interval": self.settings.memory_polling_interval},
            )
        # Without confirms a publish to a missing exchange "succeeds" and the message vanishes.
        return kombu.Connection(
            self.settings.url,
            transport_options={"confirm_publish": True},
            heartbeat=30,
            connect_timeout=5,
        )

    def service_queue(self, service: str, event_types: list[str]) -> Queue:
        arguments: dict[str, Any] = {
            "x-dead-letter-exchange": DEAD_EXCHANGE,
            "x-dead-letter-routing-key": service,
        }
        if not self.is_memory:
            arguments.update(
                {
                    "x-queue-type": "quorum",
                    # RabbitMQ 3.x has no default limit and would redeliver a poison message forever.
                    "x-delivery-limit": self.settings.delivery_limit,
                    "x-dead-letter-strategy": "at-least-once",
                    # at-least-once dead-lettering requires reject-publish overflow.
                    "x-overflow": "reject-publish",
                }
            )
        return Queue(
            service,
            bindings=[binding(self.events_exchange, routing_key=event_type) for event_type in sorted(event_types)],
            durable=True,
            queue_arguments=arguments,
        )

    def dead_queue(self, service: str) -> Queue:
        return Queue(f"{service}.dead", exchange=self.dead_exchange, routing_key=service, durable=True)

    def retry_queue_name(self, service: str, delay: float) -> str:
        return f"{service}.retry.{delay_label(delay)}"

    def retry_queues(self, service: str) -> list[Queue]:
        """One queue per delay: its TTL expires each message back to the service's queue (default exchange).

        None on the memory transport, which has no TTL: its consumer holds the delayed retries itself.
        """
        if self.is_memory:
            return []
        return [
            Queue(
                self.retry_queue_name(service, delay),
                durable=True,
                # No binding: the consumer publishes here by name, through the default exchange.
                queue_arguments={
                    "x-queue-type": "quorum",
                    "x-message-ttl": round(delay * 1000),
                    "x-dead-letter-exchange": "",
                    "x-dead-letter-routing-key": service,
                    "x-dead-letter-strategy": "at-least-once",
                    "x-overflow": "reject-publish",
                },
            )
            for delay in sorted(set(self.settings.retry.delays))
        ]

    def declare(self, connection: kombu.Connection, service: str | None, event_types: list[str]) -> None:
        """Declare the exchanges and, for a consuming service, its queue, retry queues and dead queue (idempotent)."""
        channel = connection.default_channel
        self.events_exchange(channel).declare()
        self.dead_exchange(channel).declare()
        if service is not None:
            self.dead_queue(service)(channel).declare()
            if event_types:
                self.service_queue(service, event_types)(channel).declare()
                for queue in self.retry_queues(service):
                    queue(channel).declare()

    def ping(self, timeout: float = 2.0) -> None:
        if self.is_memory:
            return
        with self.connection() as connection:
            connection.ensure_connection(max_retries=1, timeout=timeout)


class Publisher:
    """Publishes JSON bodies with publisher confirms, riding out broker restarts. One per thread."""

    def __init__(self, bus: Bus, retry_policy: dict[str, Any] | None = None):
        self.bus = bus
        self.retry_policy = retry_policy or PUBLISH_RETRY_POLICY
        self._connection: kombu.Connection | None = None
        self._producer: kombu.Producer | None = None

    def _ensure_producer(self) -> kombu.Producer:
        if self._producer is None:
            self._connection = self.bus.connection()
            self._connection.ensure_connection(max_retries=self.retry_policy["max_retries"], interval_max=2)
            self._producer = kombu.Producer(self._connection)
        return self._producer

    def publish(
        self,
        body: str,
        routing_key: str,
        headers: dict[str, Any],
        message_id: str,
        exchange: Exchange | str | None = None,
        confirm_timeout: float | None = None,
    ) -> None:
        """Returns once the broker confirmed; `confirm_timeout` bounds that wait (then an error, and the caller retries)."""
        producer = self._ensure_producer()
        target = self.bus.events_exchange if exchange is None else exchange
        producer.publish(
            body.encode("utf-8"),
            exchange=target,
            routing_key=routing_key,
            content_type=CONTENT_TYPE,
            content_encoding="utf-8",
            headers=headers,
            message_id=message_id,
            delivery_mode=2,
            declare=[target] if isinstance(target, Exchange) else [],
            retry=True,
            retry_policy=self.retry_policy,
            confirm_timeout=self.bus.settings.confirm_timeout if confirm_timeout is None else confirm_timeout,
        )

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.release()
            except Exception:  # closing a dead connection must not hide the original error
                log.debug("publisher connection close failed", exc_info=True)
        self._connection = None
        self._producer = None


def without_broker_headers(headers: dict[str, Any] | None) -> dict[str, Any]:
    """A message's headers minus those the broker adds (x-death, delivery counts), before it is published again."""
    return {k: v for k, v in (headers or {}).items() if not k.startswith(BROKER_HEADER_PREFIXES)}
