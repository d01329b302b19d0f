"""The yearly bundle across processes (issue 15): days given reach impact over RabbitMQ as engagement, approval and
catalog publish them; the association's referent confirms the « état récapitulatif des journées » in impact, whose
`impact.statement.confirmed` reaches documents over RabbitMQ; documents seals the PDF, which the referent and the
company's admin download through nginx, and nobody else.

Every service runs as its own process on RabbitMQ and PostgreSQL, behind the production nginx configuration (the
`distributed` fixture in conftest.py). The upstream events are published here as an AMQP client would, in the shape of
impact's AsyncAPI examples: the workflow that makes them is test_workflow_flow's business.
"""
from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import kombu
import pytest
import requests
from helpers import poll, token_signed_with, wait_for_consumers

from tandem_shared.contract import AsyncApiDocument
from tandem_shared.envelope import CONTENT_TYPE
from tandem_shared.testing import make_event

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

IMPACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "services" / "impact" / "asyncapi.yaml")


def example(event_type: str, **overrides) -> dict:
    return {**IMPACT.examples(event_type)[0], **overrides}


def publish(broker_url: str, event_type: str, data: dict) -> None:
    event = make_event(event_type, data, source="tests/test_yearly_bundle_flow")
    with kombu.Connection(broker_url) as connection:
        producer = kombu.Producer(connection)
        producer.publish(event.to_json().encode("utf-8"), exchange=kombu.Exchange("tandem.events", type="topic", durable=True),
                         routing_key=event_type, content_type=CONTENT_TYPE, content_encoding="utf-8",
                         message_id=event.id, delivery_mode=2, declare=[])


def test_a_confirmed_statement_crosses_from_impact_to_a_sealed_pdf_in_documents(distributed, tmp_path):
    base, broker = distributed["base"], distributed["broker_url"]
    wait_for_consumers(broker, ("impact", "documents"))
    company, association, mission = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    people = {"Inès Garnier": str(uuid.uuid4()), "Hugo Lefèvre": str(uuid.uuid4())}

    publish(broker, "engagement.company.updated", example("engagement.company.updated", company_id=company,
                                                          name="Société Flux", entities=[]))
    publish(broker, "catalog.association.registered", example("catalog.association.registered", id=association,
                                                              name="Les Amis du Fleuve"))
    publish(broker, "catalog.mission.published", example("catalog.mission.published", id=mission, association_id=association,
                                                         association_name="Les Amis du Fleuve", title="Nettoyer les berges"))
    for name, person in people.items():
        first, last = name.split(" ")
        publish(broker, "engagement.person.registered", example(
            "engagement.person.registered", person_id=person, first_name=first, last_name=last, company_id=company,
            email=f"{person}@flux.example", entity_id=None, entity_name=None))
    days = {"Inès Garnier": [("2026-05-12", "full_day", True), ("2026-05-19", "half_day", True)],
            "Hugo Lefèvre": [("2026-06-02", "full_day", True), ("2026-06-09", "full_day", False)]}
    for name, given in days.items():
        participation = str(uuid.uuid4())
        dates = [{"date": day, "format": format} for day, format, _ in given]
        common = {"participation_id": participation, "person_id": people[name], "mission_id": mission, "year": 2026}
        publish(broker, "approval.request.approved", example(
            "approval.request.approved", request_id=str(uuid.uuid4()), dates=dates, decided_at="2026-04-01T10:00:00+00:00", **common))
        publish(broker, "engagement.attendance.attested", example(
            "engagement.attendance.attested", attested_at="2026-06-30T10:00:00+00:00",
            dates=[{**date, "present": present} for date, (_, _, present) in zip(dates, given)], **common))

    def bearer(subject: str, roles: list[str], **claims) -> dict:
        return {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], subject, roles, **claims)}

    referent = bearer("ref-fleuve", ["association_referent"], associations=[association], email="ref@fleuve.example")
    admin = bearer("admin-flux", ["employee", "company_admin"], company_id=company, email="rh@flux.example")
    url = f"{base}/api/impact/statements/{company}/{association}"

    def statement():
        response = requests.get(url, params={"year": 2026}, headers=referent, timeout=10)
        assert response.status_code == 200, response.text
        return response.json() if response.json()["total_days"] == 2.5 else None

    shown, _ = poll(statement, timeout=30, interval=0.3)
    assert [(row["person_name"], row["date"]) for row in shown["rows"]] == [
        ("Hugo Lefèvre", "2026-06-02"), ("Inès Garnier", "2026-05-12"), ("Inès Garnier", "2026-05-19")]
    confirmed = requests.post(f"{url}/confirmation", headers=referent, timeout=10,
                              json={"year": 2026, "rows_sha256": shown["rows_sha256"], "consent": True})
    assert confirmed.status_code == 201, confirmed.text
    pdf_url = base + confirmed.json()["confirmed"]["pdf_url"]

    def rendered():
        response = requests.get(pdf_url, headers=referent, timeout=10)
        return response if response.status_code == 200 else None

    pdf, _ = poll(rendered, timeout=60, interval=0.5)
    assert pdf.headers["Content-Type"] == "application/pdf"
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode().split())
    assert "État récapitulatif des journées" in text and "Société Flux" in text and "Les Amis du Fleuve" in text
    assert "Inès Garnier" in text and "Hugo Lefèvre" in text and "2,5 jours" in text and "mardi 9 juin" not in text
    assert requests.get(pdf_url, headers=admin, timeout=10).status_code == 200
    stranger = bearer("ref-other", ["association_referent"], associations=[str(uuid.uuid4())])
    assert requests.get(pdf_url, headers=stranger, timeout=10).status_code == 404
    assert requests.get(url, params={"year": 2026}, headers=stranger, timeout=10).status_code == 404
