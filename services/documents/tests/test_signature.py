"""« Je signe ma convention »: the employee signs the version shown, with the consent box ticked; the evidence is
kept, the event published, and the worker then renders the signed copy with its certificate page and seal."""
import hashlib
import logging

import pytest
import sqlalchemy as sa

from documents.models import Signature


@pytest.fixture
def convention(service, parties, approve, employee):
    """Camille's convention at v1 (two dates approved); returns its API view."""
    approve(dates=(("2027-01-25", "full_day"), ("2027-01-28", "half_day")))
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    return item


@pytest.fixture
def consent(service):
    return service.client.get("/consent").json


@pytest.fixture
def sign(service, employee, consent):
    """POST the signature of `version` as the web client does (the hash is that of the PDF it downloaded)."""

    def post(convention, version=None, headers=None, **overrides):
        number = version or convention["current_version"]
        shown = service.client.get(f"/conventions/{convention['id']}/versions/{number}.pdf", headers=employee).data
        body = {"version": number, "consent": True, "consent_version": consent["version"],
                "pdf_sha256": hashlib.sha256(shown).hexdigest(), **overrides}
        # Through the gateway: it appends the client's address to X-Forwarded-For and is the one proxy trusted.
        sent = {**(headers or employee), "User-Agent": "Mozilla/5.0 (Test) Firefox/140.0", "X-Forwarded-For": "203.0.113.7"}
        return service.client.post(f"/conventions/{convention['id']}/signature", json=body, headers=sent,
                                   environ_base={"REMOTE_ADDR": "10.0.0.2"})

    return post


def signatures(service):
    with service.runtime.db.reading() as session:
        return session.scalars(sa.select(Signature).order_by(Signature.signed_at)).all()


def test_the_consent_text_and_its_version_are_public(service):
    response = service.client.get("/consent")
    assert response.status_code == 200
    assert response.json["version"] and "Je signe" in response.json["text"]


def test_signing_records_the_evidence_of_the_exact_pdf_shown_and_publishes_the_event(service, convention, sign, consent, story):
    response = sign(convention)
    assert response.status_code == 201, response.json
    evidence = response.json
    downloaded = service.client.get(convention["versions"][0]["pdf_url"],
                                    headers=service.tokens.headers(story.person, email="camille.martin@horizon.example")).data
    assert evidence["pdf_sha256"] == hashlib.sha256(downloaded).hexdigest() == convention["versions"][0]["sha256"]
    assert evidence["signer_id"] == story.person
    assert evidence["signer_email"] == "camille.martin@horizon.example"
    assert evidence["signer_name"] == "Camille Martin"
    # The gateway is the one trusted proxy: the client is the address it saw.
    assert evidence["ip_address"] == "203.0.113.7"
    assert evidence["user_agent"] == "Mozilla/5.0 (Test) Firefox/140.0"
    assert evidence["consent_version"] == consent["version"] and evidence["consent_text"] == consent["text"]
    assert evidence["signed_at"].endswith("+00:00")
    assert "signée" in evidence["detail"]

    (stored,) = signatures(service)
    assert (stored.pdf_sha256, stored.ip_address, stored.signer_id) == (evidence["pdf_sha256"], "203.0.113.7", story.person)

    (event,) = service.published("documents.convention.signed")
    assert event.subject == convention["id"]
    assert event.data == {
        "convention_id": convention["id"], "participation_id": convention["participation_id"], "person_id": story.person,
        "year": 2027, "version": 1,
        "dates": [{"date": "2027-01-25", "format": "full_day"}, {"date": "2027-01-28", "format": "half_day"}],
        "total_days": 1.5, "sha256": evidence["pdf_sha256"], "signed_at": evidence["signed_at"],
    }
    assert "ip_address" not in event.data and "user_agent" not in event.data

    after = service.client.get(f"/conventions/{convention['id']}", headers=service.tokens.headers(story.person)).json
    assert after["state"] == "signed" and after["signed_version"] == 1
    assert after["versions"][0]["signed"] is True and after["versions"][0]["signed_at"] == evidence["signed_at"]
    # The signed copy is the worker's job: not there until its event is processed.
    assert after["versions"][0]["signed_pdf_url"] is None


def test_the_worker_renders_the_signed_copy_with_its_certificate_page(service, convention, sign, employee, pdf_text, page_count):
    evidence = sign(convention).json
    signed_url = f"/conventions/{convention['id']}/versions/1/signed.pdf"
    pending = service.client.get(signed_url, headers=employee)
    assert pending.status_code == 404 and "préparation" in pending.json["detail"]

    (event,) = service.published("documents.convention.signed")
    assert service.deliver_event(event) == "processed"
    item = service.client.get(f"/conventions/{convention['id']}", headers=employee).json
    assert item["versions"][0]["signed_pdf_url"] == signed_url
    response = service.client.get(signed_url, headers=employee)
    assert response.status_code == 200
    signed = response.data
    original = service.client.get(convention["versions"][0]["pdf_url"], headers=employee).data
    assert page_count(signed) == page_count(original) + 1
    certificate = pdf_text(signed, first=page_count(signed))
    for expected in ("Camille Martin", "camille.martin@horizon.example", "203.0.113.7", evidence["pdf_sha256"], evidence["consent_version"]):
        assert expected in certificate, f"« {expected} » missing from the certificate page"
    assert b"/ByteRange" in signed  # sealed (PAdES) with the development seal

    # A redelivery of the event renders nothing again.
    (stored,) = signatures(service)
    assert service.deliver("documents.convention.signed", event.data) == "processed"
    (again,) = signatures(service)
    assert again.signed_pdf_sha256 == stored.signed_pdf_sha256 == response.headers["ETag"].strip('"')


def test_signing_version_1_after_version_2_exists_is_refused_with_the_version_to_sign(service, convention, approve, sign, story):
    approve(participation_id=convention["participation_id"], dates=(("2027-02-01", "full_day"),))
    response = sign(convention, version=1)
    assert response.status_code == 409
    assert response.json["detail"] == ("Cette version (v1) a été remplacée par la version 2, qui tient compte de tes "
                                       "nouvelles dates : ouvre et signe la version 2.")
    assert sign(convention, version=2).status_code == 201


def test_a_signed_version_cannot_be_signed_again_and_a_new_version_must_be_signed(service, convention, approve, sign, employee):
    assert sign(convention).status_code == 201
    again = sign(convention)
    assert again.status_code == 409 and again.json["detail"] == "Tu as déjà signé cette version de la convention."
    approve(participation_id=convention["participation_id"], dates=(("2027-02-01", "full_day"),))
    item = service.client.get(f"/conventions/{convention['id']}", headers=employee).json
    assert item["state"] == "to_sign" and item["signed_version"] == 1 and item["current_version"] == 2
    assert sign(item).status_code == 201
    assert len(signatures(service)) == 2


def test_a_hash_other_than_the_versions_is_refused(service, convention, sign):
    response = sign(convention, pdf_sha256="0" * 64)
    assert response.status_code == 422
    message = "Le document affiché ne correspond pas à cette version : recharge la page avant de signer."
    assert response.json["detail"] == message and response.json["errors"] == {"pdf_sha256": [message]}
    assert signatures(service) == [] and service.published("documents.convention.signed") == []


def test_the_consent_box_must_be_ticked(service, convention, sign):
    response = sign(convention, consent=False)
    assert response.status_code == 422
    assert response.json["errors"] == {"consent": ["Coche la case pour accepter la convention avant de signer."]}
    assert signatures(service) == []


def test_an_outdated_consent_text_is_refused(service, convention, sign):
    response = sign(convention, consent_version="2020-01-v0")
    assert response.status_code == 422
    assert response.json["errors"] == {"consent_version": ["Le texte d'accord a changé : recharge la page et relis-le."]}


def test_a_missing_field_is_a_french_field_error(service, convention, employee):
    response = service.client.post(f"/conventions/{convention['id']}/signature", json={"version": 1}, headers=employee)
    assert response.status_code == 422
    assert response.json["errors"]["consent"] == ["Ce champ est obligatoire."]


def test_only_the_employee_signs(service, convention, sign, tokens, story, caplog):
    manager = tokens.headers("manager-sophie", email=story.manager)
    with caplog.at_level(logging.WARNING, logger="documents"):
        response = sign(convention, headers=manager)
    assert response.status_code == 403
    assert response.json["detail"] == "Seule la personne qui part en mission peut signer sa convention."
    stranger = tokens.headers("someone-else", email="someone@horizon.example", company_id=story.company)
    with caplog.at_level(logging.WARNING, logger="documents"):
        response = sign(convention, headers=stranger)
    assert response.status_code == 404
    assert any("someone-else" in record.getMessage() and convention["id"] in record.getMessage() for record in caplog.records)
    assert signatures(service) == []


def test_signing_needs_a_login(service, convention):
    response = service.client.post(f"/conventions/{convention['id']}/signature",
                                   json={"version": 1, "consent": True, "consent_version": "x", "pdf_sha256": "0" * 64})
    assert response.status_code == 401


def test_a_consent_version_with_a_line_break_is_refused_before_anything_is_signed(service, convention, sign, consent):
    """Issue #19 (7): the consent version is printed on the signature certificate, one line."""
    from tandem_shared.text_fields import SINGLE_LINE_MESSAGE

    response = sign(convention, consent_version=consent["version"] + "\r\nSigné sans réserve")
    assert response.status_code == 422
    assert response.json["errors"]["consent_version"] == [SINGLE_LINE_MESSAGE]
    assert signatures(service) == []
