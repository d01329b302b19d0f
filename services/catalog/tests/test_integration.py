"""Catalog on the real PostgreSQL and RabbitMQ: a published mission leaves through the outbox as CloudEvents JSON."""
import json

import pika
import pytest

from tandem_shared.harness import wait_for

pytestmark = pytest.mark.integration


def test_a_published_mission_reaches_an_independent_amqp_client(service_on_real_infrastructure, tokens):
    harness = service_on_real_infrastructure
    harness.runtime.declare_topology()
    parameters = pika.URLParameters(harness.settings.broker_url)
    connection = pika.BlockingConnection(parameters)
    try:
        channel = connection.channel()
        queue = channel.queue_declare(queue="", exclusive=True).method.queue
        channel.queue_bind(queue=queue, exchange="tandem.events", routing_key="catalog.mission.#")
        harness.runtime.start_relay()
        response = harness.client.post(
            "/missions",
            json={"title": "Jardin partagé", "association_name": "Les Jardins du Lien", "contact_email": "jardin@lien.org", "publish": True},
            headers=tokens.headers("referent-9", roles=["association_referent"]),
        )
        assert response.status_code == 201

        def received():
            method, properties, body = channel.basic_get(queue, auto_ack=True)
            return (properties, body) if method else None

        properties, body = wait_for(received, timeout=5)
        assert properties.content_type == "application/cloudevents+json"
        envelope = json.loads(body)
        assert envelope["type"] == "catalog.mission.published"
        assert envelope["specversion"] == "1.0"
        assert envelope["subject"] == response.json["id"]
        assert envelope["data"]["published_at"].endswith("+00:00")
        assert "__type__" not in body.decode()
        # The row is marked sent once the confirm is back and the relay commits.
        wait_for(lambda: harness.runtime.relay.pending_count() == 0, timeout=5)
    finally:
        connection.close()
