"""The notifier on real PostgreSQL and RabbitMQ: an event off its queue becomes one e-mail over SMTP."""
import json
import uuid

import pika
import pytest

from notifier.models import Email
from tandem_shared.harness import ServiceHarness, wait_for
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.testing import rabbitmq_queue_messages, running

pytestmark = pytest.mark.integration


def test_a_published_mission_becomes_exactly_one_email_even_when_delivered_twice(real_infrastructure, tokens, smtp_server):
    database_url, broker_url = real_infrastructure
    harness = ServiceHarness(
        "notifier", service_dir("notifier"), database_url, broker_url=broker_url, tokens=tokens,
        environ={"NOTIFIER_SMTP_HOST": "127.0.0.1", "NOTIFIER_SMTP_PORT": str(smtp_server.port)},
    )
    example = harness.contract.examples("catalog.mission.published")[0]
    envelope = {
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": "catalog", "type": "catalog.mission.published",
        "time": "2026-11-26T10:00:00.000Z", "subject": example["id"], "datacontenttype": "application/json",
        "correlationid": "c-2", "data": example,
    }
    try:
        with running(harness.runtime):
            connection = pika.BlockingConnection(pika.URLParameters(broker_url))
            channel = connection.channel()
            channel.confirm_delivery()
            for _ in range(2):
                channel.basic_publish("tandem.events", "catalog.mission.published", json.dumps(envelope).encode(),
                                      pika.BasicProperties(content_type="application/cloudevents+json", delivery_mode=2))
            connection.close()
            wait_for(lambda: smtp_server.messages, timeout=10)

            def sent():
                with harness.runtime.db.reading() as session:
                    return session.query(Email).filter_by(status="sent").count() == 1

            wait_for(sent, timeout=5)
            # Both copies were taken off the queue (ready + unacknowledged = 0) before we count e-mails.
            wait_for(lambda: rabbitmq_queue_messages(broker_url, "notifier") == 0, timeout=10, interval=0.2)
        assert len(smtp_server.messages) == 1
        assert smtp_server.messages[0]["To"] == "contact@petits-savants.org"
    finally:
        harness.close()
