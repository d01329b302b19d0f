"""The PDFs as files: shown or downloaded under a clear name, never cached by a shared cache; the bilan's PDF from
the completed bilan, once."""
import hashlib

import pytest
import sqlalchemy as sa

from documents.api import content_disposition
from documents.models import BilanDocument


@pytest.fixture
def convention(service, parties, approve, employee):
    approve(dates=(("2027-01-25", "full_day"),))
    (item,) = service.client.get("/conventions", headers=employee).json["items"]
    return item


def test_a_version_is_shown_inline_with_its_name_and_hash(service, convention, employee):
    response = service.client.get(convention["versions"][0]["pdf_url"], headers=employee)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"] == (
        "inline; filename=\"convention-2027-v1.pdf\"; filename*=UTF-8''convention-2027-v1.pdf")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["ETag"] == f'"{hashlib.sha256(response.data).hexdigest()}"' == f'"{convention["versions"][0]["sha256"]}"'


def test_download_1_asks_the_browser_to_save_the_file(service, convention, employee):
    response = service.client.get(convention["versions"][0]["pdf_url"] + "?download=1", headers=employee)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="convention-2027-v1.pdf"')


def test_the_same_version_asked_again_with_its_etag_is_not_sent_again(service, convention, employee):
    url = convention["versions"][0]["pdf_url"]
    etag = service.client.get(url, headers=employee).headers["ETag"]
    assert service.client.get(url, headers={**employee, "If-None-Match": etag}).status_code == 304


def test_an_unknown_version_is_a_french_404(service, convention, employee):
    response = service.client.get(f"/conventions/{convention['id']}/versions/9.pdf", headers=employee)
    assert response.status_code == 404
    assert response.json["detail"] == "Cette version de la convention n'existe pas."


def test_a_version_not_signed_has_no_signed_copy(service, convention, employee):
    response = service.client.get(f"/conventions/{convention['id']}/versions/1/signed.pdf", headers=employee)
    assert response.status_code == 404
    assert response.json["detail"] == "Cette version n'a pas été signée."


def test_content_disposition_keeps_a_non_ascii_name_exactly_and_an_ascii_fallback():
    assert content_disposition("attachment", "convention-2027-v2-signée.pdf") == (
        "attachment; filename=\"convention-2027-v2-signee.pdf\"; filename*=UTF-8''convention-2027-v2-sign%C3%A9e.pdf")
    assert content_disposition("inline", 'a"b\\c.pdf') == "inline; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf"


def test_the_completed_bilan_is_rendered_once_and_downloadable(service, parties, story, employee, pdf_text):
    data = story.example("engagement.bilan.completed")
    missing = service.client.get(f"/bilans/{data['participation_id']}.pdf", headers=employee)
    assert missing.status_code == 404 and "préparation" in missing.json["detail"]

    assert service.deliver("engagement.bilan.completed", data) == "processed"
    assert service.deliver("engagement.bilan.completed", data) == "processed"  # republished under a new event id
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(BilanDocument)) == 1

    response = service.client.get(f"/bilans/{data['participation_id']}.pdf?download=1", headers=employee)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="bilan-2027.pdf"')
    text = pdf_text(response.data)
    for expected in ("Camille Martin", "Aide aux devoirs pour collégiens", "Les Petits Savants", "Une équipe attentive."):
        assert expected in text

    (event,) = service.published("documents.bilan.issued")
    assert event.subject == data["participation_id"]
    assert event.data == {
        "participation_id": data["participation_id"], "person_id": story.person, "year": 2027,
        "sha256": hashlib.sha256(response.data).hexdigest(), "issued_at": event.data["issued_at"],
        "download_path": f"/api/documents/bilans/{data['participation_id']}.pdf",
    }
    (listed,) = service.client.get("/bilans", headers=employee).json["items"]
    assert listed["pdf_url"] == f"/bilans/{data['participation_id']}.pdf" and listed["days_present"] == 1.5


def test_urls_carry_the_gateways_prefix(service, convention, employee):
    item = service.client.get(f"/conventions/{convention['id']}", headers={**employee, "X-Forwarded-Prefix": "/api/documents"}).json
    assert item["versions"][0]["pdf_url"] == f"/api/documents/conventions/{convention['id']}/versions/1.pdf"


def test_the_web_process_does_not_load_the_pdf_renderer(service_package):
    """WeasyPrint (about 0.35 s and much memory) belongs to the worker: creating the app and reading the consent
    text (shown next to « Je signe », checked by the signature) leave it out."""
    import subprocess
    import sys

    code = ("import sys; from documents.app import create_app; from documents.config import Settings; "
            "app = create_app(Settings.from_env({'DOCUMENTS_DATABASE_URL': 'sqlite://'})); "
            "assert app.test_client().get('/consent').status_code == 200; "
            "print('weasyprint' in sys.modules, 'pyhanko' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
