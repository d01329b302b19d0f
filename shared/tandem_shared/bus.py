"""The event bus on kombu: one topic exchange, a durable queue per consuming service, dead letters.

RabbitMQ in distributed mode, `memory://` in the embedded mode; the code paths are the same.
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


@dataclass(frozen=True)
class BusSettings:
    url: str
    delivery_limit: int = 5
    memory_polling_interval: float = 0.005
    prefetch_count: int = 20


class Bus:
    """Knows the topology; hands out connections configured for it."""

    def __init__(self, settings: BusSettings):
        self.settings = settings
        self.events_exchange = Exchange(EVENTS_EXCHANGE, type="topic", durable=True)
        self.dead_exchange = Exchange(DEAD_EXCHANGE, type="direct", durable=True)

    @property
    def is_memory(self) -> bool:
        return self.settings.url.startswith("memory://")

    @property
    def dead_letters_natively(self) -> bool:
        """RabbitMQ counts deliveries and dead-letters by itself; the memory transport cannot."""
        return not self.is_memory

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

    def declare(self, connection: kombu.Connection, service: str | None, event_types: list[str]) -> None:
        """Declare the exchanges and, for a consuming service, its queue and dead queue (idempotent)."""
        channel = connection.default_channel
        self.events_exchange(channel).declare()
        self.dead_exchange(channel).declare()
        if service is not None:
            self.dead_queue(service)(channel).declare()
            if event_types:
                self.service_queue(service, event_types)(channel).declare()

    def ping(self, timeout: float = 2.0) -> None:
        if self.is_memory:
            return
        with self.connection() as connection:
            connection.ensure_connection(max_retries=1, timeout=timeout)


class Publisher:
    """Publishes JSON bodies with publisher confirms, riding out broker restarts. One per thread."""

    def __init__(self, bus: Bus):
        self.bus = bus
        self._connection: kombu.Connection | None = None
        self._producer: kombu.Producer | None = None

    def _ensure_producer(self) -> kombu.Producer:
        if self._producer is None:
            self._connection = self.bus.connection()
            self._connection.ensure_connection(max_retries=PUBLISH_RETRY_POLICY["max_retries"], interval_max=2)
            self._producer = kombu.Producer(self._connection)
        return self._producer

    def publish(
        self,
        body: str,
        routing_key: str,
        headers: dict[str, Any],
        message_id: str,
        exchange: Exchange | str | None = None,
    ) -> None:
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
            retry_policy=PUBLISH_RETRY_POLICY,
        )

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.release()
            except Exception:  # closing a dead connection must not hide the original error
                log.debug("publisher connection close failed", exc_info=True)
        self._connection = None
        self._producer = None


def redelivery_pause(delivery_count: int) -> float:
    """How long a consumer waits before handing a failed message back: grows, then caps at 2 s."""
    return min(0.05 * (2 ** max(delivery_count, 0)), 2.0)


