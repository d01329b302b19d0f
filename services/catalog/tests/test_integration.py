"""Catalog on the real PostgreSQL and RabbitMQ: a published mission leaves through the outbox as CloudEvents JSON."""
import json

import pika
import pytest

from catalog.models import Association
from tandem_shared.harness import wait_for
from tandem_shared.timeutil import utcnow

pytestmark = pytest.mark.integration


def test_a_published_mission_reaches_an_independent_amqp_client(service_on_real_infrastructure, tokens):
    harness = service_on_real_infrastructure
    now = utcnow()
    with harness.runtime.unit_of_work() as uow:
        if uow.session.get(Association, "a-jardins") is None:
            uow.session.add(Association(
                id="a-jardins", name="Les Jardins du Lien", address="3 rue Oberkampf", city="Paris", department="75",
                region="Île-de-France", contact_email="contact@jardins.example", themes=["environnement"], description="",
                representative_name="Paul Girard", representative_title="Président", general_interest_category="environnement_naturel",
                vetting_status="approved", created_at=now, updated_at=now,
            ))
    harness.runtime.declare_topology()
    connection = pika.BlockingConnection(pika.URLParameters(harness.settings.broker_url))
    try:
        channel = connection.channel()
        queue = channel.queue_declare(queue="", exclusive=True).method.queue
        channel.queue_bind(queue=queue, exchange="tandem.events", routing_key="catalog.mission.#")
        harness.runtime.start_relay()
        response = harness.client.post(
            "/missions",
            json={"association_id": "a-jardins", "title": "Jardin partagé", "city": "Paris", "department": "75",
                  "contact_name": "Paul Girard", "contact_email": "jardin@lien.example", "themes": ["environnement"], "publish": True,
                  "description": "Entretenir le jardin partagé avec les voisins du quartier.", "all_jobs": True},
            headers=tokens.headers("op-1", roles=["platform_operator"]),
        )
        assert response.status_code == 201, response.json

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
        assert envelope["data"]["association"]["name"] == "Les Jardins du Lien"
        assert "__type__" not in body.decode()
        # The row is marked sent once the confirm is back and the relay commits.
        wait_for(lambda: harness.runtime.relay.pending_count() == 0, timeout=5)
    finally:
        connection.close()


def test_a_mission_is_published_edited_and_closed_on_postgresql(service_on_real_infrastructure, tokens):
    """Each locks the mission row; the association joined to it may not be locked with it (PostgreSQL refuses
    FOR UPDATE on the nullable side of an outer join, which SQLite never checks)."""
    harness = service_on_real_infrastructure
    now = utcnow()
    with harness.runtime.unit_of_work() as uow:
        if uow.session.get(Association, "a-berges") is None:
            uow.session.add(Association(
                id="a-berges", name="Rhône Propre", address="2 quai Augagneur", city="Lyon", department="69",
                region="Auvergne-Rhône-Alpes", contact_email="contact@rhone-propre.example", themes=["environnement"], description="",
                representative_name="Léa Morel", representative_title="Présidente", general_interest_category="environnement_naturel",
                vetting_status="approved", created_at=now, updated_at=now,
            ))
    operator = tokens.headers("op-1", roles=["platform_operator"])
    draft = harness.client.post("/missions", headers=operator, json={
        "association_id": "a-berges", "title": "Nettoyer les berges", "city": "Lyon", "department": "69",
        "contact_name": "Léa Morel", "contact_email": "berges@rhone-propre.example", "themes": ["environnement"],
        "description": "Ramasser les déchets le long des berges du Rhône, un samedi matin.", "all_jobs": True,
    })
    assert draft.status_code == 201, draft.json
    mission_id = draft.json["id"]
    published = harness.client.post(f"/missions/{mission_id}/publication", headers=operator)
    assert published.status_code == 200, published.json
    assert published.json["status"] == "published"
    edited = harness.client.patch(f"/missions/{mission_id}", headers=operator, json={"places": 4})
    assert edited.status_code == 200, edited.json
    assert edited.json["places"] == 4
    closed = harness.client.post(f"/missions/{mission_id}/closure", headers=operator)
    assert closed.status_code == 200, closed.json
    assert closed.json["status"] == "closed"
