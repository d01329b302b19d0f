"""Operator tools for a service's dead queue: list, show and replay what its handlers could not take."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kombu import Exchange

from .bus import DEAD_REASON_HEADER, DELAYED_RETRIES_HEADER, Bus, Publisher, without_broker_headers


@dataclass(frozen=True)
class DeadMessage:
    event_id: str
    type: str
    reason: str
    deaths: int
    body: str
    headers: dict[str, Any]

    def summary(self) -> dict[str, Any]:
        return {"id": self.event_id, "type": self.type, "reason": self.reason, "deaths": self.deaths}


def _describe(message) -> DeadMessage:
    body = message.body.decode("utf-8") if isinstance(message.body, bytes) else str(message.body)
    headers = dict(message.headers or {})
    try:
        envelope = json.loads(body)
    except ValueError:
        envelope = {}
    deaths = headers.get("x-death") or []
    reason = headers.get(DEAD_REASON_HEADER) or (deaths[0].get("reason") if deaths else "unknown")
    count = sum(int(d.get("count", 1)) for d in deaths) if deaths else 1
    return DeadMessage(
        event_id=str(envelope.get("id") or message.properties.get("message_id") or "?"),
        type=str(envelope.get("type") or message.delivery_info.get("routing_key") or "?"),
        reason=str(reason),
        deaths=count,
        body=body,
        headers={k: (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in headers.items()},
    )


def _drain(bus: Bus, service: str, limit: int):
    """Take up to `limit` messages off the dead queue without acknowledging them."""
    connection = bus.connection()
    connection.ensure_connection(max_retries=3)
    bus.declare(connection, service, [])
    channel = connection.channel()
    queue = bus.dead_queue(service)(channel)
    taken = []
    while len(taken) < limit:
        message = queue.get(no_ack=False)
        if message is None:
            break
        taken.append(message)
    return connection, channel, taken


def list_dead(bus: Bus, service: str, limit: int = 1000) -> list[DeadMessage]:
    connection, channel, taken = _drain(bus, service, limit)
    try:
        return [_describe(message) for message in taken]
    finally:
        for message in taken:
            message.requeue()
        channel.close()
        connection.release()


def show_dead(bus: Bus, service: str, event_id: str) -> DeadMessage | None:
    return next((m for m in list_dead(bus, service) if m.event_id == event_id), None)


def replay_dead(bus: Bus, service: str, event_id: str | None = None, limit: int = 1000) -> list[str]:
    """Send dead messages back to the service's own queue (not to every consumer); returns their ids."""
    connection, channel, taken = _drain(bus, service, limit)
    publisher = Publisher(bus)
    replayed: list[str] = []
    try:
        for message in taken:
            described = _describe(message)
            if event_id is not None and described.event_id != event_id:
                message.requeue()
                continue
            # A replayed message starts over: all its immediate and delayed retries again.
            headers = without_broker_headers(message.headers)
            headers.pop(DEAD_REASON_HEADER, None)
            headers.pop(DELAYED_RETRIES_HEADER, None)
            # The default exchange routes by queue name: only this service sees the replay.
            publisher.publish(described.body, routing_key=service, headers=headers, message_id=described.event_id, exchange=Exchange(""))
            message.ack()
            replayed.append(described.event_id)
    finally:
        publisher.close()
        channel.close()
        connection.release()
    return replayed
