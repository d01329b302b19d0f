"""Engagement on the real PostgreSQL and RabbitMQ: its consumer takes catalog's event off its quorum queue."""
import json
import uuid

import pika
import pytest

from engagement.models import MissionCopy
from tandem_shared.harness import wait_for
from tandem_shared.testing import running

pytestmark = pytest.mark.integration


def test_an_event_published_by_any_amqp_client_is_consumed_once(service_on_real_infrastructure, mission_published):
    harness = service_on_real_infrastructure
    with running(harness.runtime):
        connection = pika.BlockingConnection(pika.URLParameters(harness.settings.broker_url))
        try:
            channel = connection.channel()
            channel.confirm_delivery()
            envelope = {
                "specversion": "1.0", "id": str(uuid.uuid4()), "source": "catalog", "type": "catalog.mission.published",
                "time": "2026-11-26T10:00:00.000Z", "subject": "m-1", "datacontenttype": "application/json",
                "correlationid": "c-1", "data": mission_published,
            }
            for _ in range(2):  # the broker may deliver twice; the inbox must make that harmless
                channel.basic_publish(
                    "tandem.events", "catalog.mission.published", json.dumps(envelope).encode(),
                    pika.BasicProperties(content_type="application/cloudevents+json", delivery_mode=2),
                )
        finally:
            connection.close()

        def copy():
            with harness.runtime.db.reading() as session:
                return session.get(MissionCopy, "m-1")

        assert wait_for(copy, timeout=5).title == "Aide aux devoirs"
        with harness.runtime.db.reading() as session:
            assert session.query(MissionCopy).count() == 1
