"""The notifier on real PostgreSQL and RabbitMQ: an event off its queue becomes one e-mail over SMTP."""
import json
import uuid
from datetime import datetime, timezone

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


def test_on_postgresql_a_mission_published_twice_at_once_alerts_each_person_once(service_on_real_infrastructure):
    import threading

    harness = service_on_real_infrastructure
    mission_id = str(uuid.uuid4())
    people = [f"pg-{uuid.uuid4().hex[:12]}" for _ in range(5)]
    preferences = harness.contract.examples("engagement.preferences.updated")[0]
    for name in people:
        harness.deliver("engagement.preferences.updated", {**preferences, "person_id": name, "email": f"{name}@horizon.example"})
    # An older copy delivered late (opted out back then) changes nothing.
    late = people[0]
    harness.deliver("engagement.preferences.updated", {**preferences, "person_id": late, "email": f"{late}@horizon.example",
                                                       "alerts_opt_in": False, "updated_at": "2026-11-26T09:00:00+00:00"})
    mission = {**harness.contract.examples("catalog.mission.published")[0], "id": mission_id,
               "themes": ["environnement"], "personal_expertises": [], "professional_expertises": [],
               "published_at": datetime.now(timezone.utc).isoformat()}

    start = threading.Barrier(3)
    outcomes = []

    def publish(event_id):
        start.wait()
        outcomes.append(harness.deliver("catalog.mission.published", mission, event_id=event_id))

    threads = [threading.Thread(target=publish, args=(str(uuid.uuid4()),)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes == ["processed"] * 3
    harness.deliver("catalog.mission.published", mission)

    with harness.runtime.db.reading() as session:
        alerted = sorted(email.recipient for email in session.query(Email).filter(Email.recipient.like("pg-%")))
    assert alerted == sorted(f"{name}@horizon.example" for name in people)
