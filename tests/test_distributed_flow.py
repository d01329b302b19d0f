"""The first flow with every service in its own process, on RabbitMQ and PostgreSQL, through nginx.

The processes are exactly those of the local distributed mode (deploy/local/topology.py): six
gunicorn web processes, six workers, the mail sink and the production nginx configuration.
"""
from __future__ import annotations

import json
import time

import pika
import pytest
import requests
from helpers import SERVICES, poll, publish_mission, requests_post, token_signed_with, wait_for_consumers

pytestmark = [pytest.mark.integration, pytest.mark.e2e]


def test_every_service_answers_through_nginx(distributed):
    base = distributed["base"]
    for service in SERVICES:
        assert requests.get(f"{base}/api/{service}/readyz").json()["checks"] == {"database": "ok", "broker": "ok"}
        assert requests.get(f"{base}/api/{service}/openapi.json").json()["openapi"].startswith("3.1")


def test_a_mission_created_through_nginx_reaches_engagement_the_mailbox_and_any_amqp_client(distributed):
    base, broker_url = distributed["base"], distributed["broker_url"]
    wait_for_consumers(broker_url, ("engagement", "notifier"))
    headers = {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], "op-1", ["platform_operator"])}

    connection = pika.BlockingConnection(pika.URLParameters(broker_url))
    channel = connection.channel()
    tap = channel.queue_declare(queue="", exclusive=True).method.queue
    channel.queue_bind(queue=tap, exchange="tandem.events", routing_key="#")
    try:
        mission_id = publish_mission(requests_post(base), headers, "Maraude solidaire", "benevolat@main-tendue.example", "La Main Tendue")
        mailbox = f"http://127.0.0.1:{distributed['ports']['mail_http']}/dev/mail.json"

        def both_effects():
            copy = requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=headers)
            mails = [m for m in requests.get(mailbox).json()["items"] if "Maraude solidaire" in m["subject"] and m["to"] == ["benevolat@main-tendue.example"]]
            return (copy.json(), mails) if copy.status_code == 200 and mails else None

        (copy, mails), waited = poll(both_effects, timeout=2.0)
        assert waited < 2.0
        assert copy["title"] == "Maraude solidaire"
        assert [m["to"] for m in mails] == [["benevolat@main-tendue.example"]]

        def tapped():
            method, properties, body = channel.basic_get(tap, auto_ack=True)
            return (properties, body) if method else None

        def mission_published():
            while True:
                found = tapped()
                if found is None:
                    return None
                if json.loads(found[1])["type"] == "catalog.mission.published":
                    return found

        properties, body = poll(mission_published, timeout=5)[0]
        assert properties.content_type == "application/cloudevents+json"
        assert properties.headers["traceparent"].startswith("00-")
        envelope = json.loads(body)
        assert envelope["type"] == "catalog.mission.published" and envelope["subject"] == mission_id
        assert envelope["data"]["published_at"].endswith("+00:00")
        assert "__type__" not in body.decode()
    finally:
        connection.close()
