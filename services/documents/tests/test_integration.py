"""documents on the real PostgreSQL and RabbitMQ: approval's event off the quorum queue, the convention rendered by
the worker, and `documents.convention.issued` on the exchange for any AMQP client."""
import json
import uuid

import pika
import pytest
import sqlalchemy as sa

from documents.models import ConventionVersion
from tandem_shared.harness import wait_for
from tandem_shared.testing import running

pytestmark = pytest.mark.integration


def _envelope(event_type: str, data: dict, event_id: str | None = None) -> bytes:
    return json.dumps({
        "specversion": "1.0", "id": event_id or str(uuid.uuid4()), "source": event_type.split(".")[0], "type": event_type,
        "time": "2026-11-27T10:00:00.000Z", "subject": "", "datacontenttype": "application/json", "correlationid": "c-1",
        "data": data,
    }).encode()


def test_an_approval_on_the_broker_becomes_version_1_and_its_issued_event(service_on_real_infrastructure, story):
    harness = service_on_real_infrastructure
    assert harness.runtime.db.engine.dialect.name == "postgresql"
    approval = story.approval((("2027-01-25", "full_day"), ("2027-01-28", "half_day")))
    with running(harness.runtime):
        connection = pika.BlockingConnection(pika.URLParameters(harness.settings.broker_url))
        try:
            channel = connection.channel()
            channel.confirm_delivery()
            listener = channel.queue_declare("", exclusive=True).method.queue
            channel.queue_bind(listener, "tandem.events", "documents.convention.issued")
            properties = pika.BasicProperties(content_type="application/cloudevents+json", delivery_mode=2)
            for event_type in ("engagement.company.updated", "engagement.person.registered", "catalog.mission.published"):
                channel.basic_publish("tandem.events", event_type, _envelope(event_type, story.example(event_type)), properties)
            same_id = str(uuid.uuid4())
            # Delivered twice by the broker, then republished under a new id: one version all the same.
            for event_id in (same_id, same_id, None):
                channel.basic_publish("tandem.events", "approval.request.approved",
                                      _envelope("approval.request.approved", approval, event_id), properties)

            def issued():
                method, _, body = channel.basic_get(listener, auto_ack=True)
                return json.loads(body) if method else None

            event = wait_for(issued, timeout=30, interval=0.1)
        finally:
            connection.close()

    assert event["type"] == "documents.convention.issued" and event["source"] == "documents"
    data = event["data"]
    assert (data["participation_id"], data["version"], data["previous_version"], data["total_days"]) == (
        approval["participation_id"], 1, None, 1.5)
    assert data["sign_url"] == f"http://tandem.test/mon-compte/conventions/{data['convention_id']}"
    with harness.runtime.db.reading() as session:
        (version,) = session.scalars(sa.select(ConventionVersion)).all()
        assert version.sha256 == data["sha256"] and version.pdf.startswith(b"%PDF-")
