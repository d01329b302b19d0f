"""The yearly bundle per association and company, rendered from impact's confirmations: the sealed « état
récapitulatif des journées » and the receipt's data sheet (Cerfa n° 16216); read by the association's referents and
the company's admins only."""
import logging
import zipfile
from io import BytesIO

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from documents.models import DayStatement, DonationReceipt

OTHER = "7e7e7e7e-0000-4000-8000-000000000001"


@pytest.fixture
def confirmed(service, story, parties):
    statement = story.example("impact.statement.confirmed")
    receipt = story.example("impact.receipt.confirmed")
    for event_type, data in (("impact.statement.confirmed", statement), ("impact.receipt.confirmed", receipt)):
        assert service.deliver(event_type, data) == "processed"
        assert service.deliver(event_type, data) == "processed"  # redelivered: rendered once
    return statement, receipt


def _headers(tokens, statement):
    company, association = statement["company"]["id"], statement["association"]["id"]
    return {
        "referent": tokens.headers("referent-nadia", roles=["association_referent"], associations=[association]),
        "admin": tokens.headers("admin-horizon", roles=["employee", "company_admin"], company_id=company),
        "strangers": {
            "a referent of another association": tokens.headers("ref-other", roles=["association_referent"], associations=[OTHER]),
            "an admin of another company": tokens.headers("admin-other", roles=["company_admin"], company_id=OTHER),
            "an employee of the company": tokens.headers("camille", roles=["employee"], company_id=company),
            "a platform operator": tokens.headers("operator", roles=["platform_operator"]),
        },
    }


def test_the_statement_is_rendered_once_sealed_and_names_every_day(service, confirmed, tokens, pdf_text):
    statement, _ = confirmed
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(DayStatement)) == 1
    headers = _headers(tokens, statement)
    response = service.client.get(f"/statements/{statement['statement_id']}.pdf?download=1", headers=headers["referent"])
    assert response.status_code == 200, response.json
    # A company downloads one per association, an association one per company: the name says whose it is.
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="etat-recapitulatif-journees-2027-les-petits-savants-groupe-horizon-v1.pdf"')
    text = pdf_text(response.data)
    assert "État récapitulatif des journées de mécénat de compétences" in text
    assert "Groupe Horizon" in text and "SIREN 552100554" in text and "Les Petits Savants" in text
    assert "Camille Martin" in text and "lundi 25 janvier 2027" in text and "jeudi 28 janvier 2027" in text
    assert "1,5 jour" in text and "Nadia Haddad" in text
    assert "article 238 bis" in text and "scellé électroniquement" in text
    assert "SceauTandem" in (PdfReader(BytesIO(response.data)).get_fields() or {})


def test_the_receipt_data_sheet_follows_the_cerfa(service, confirmed, tokens, pdf_text):
    statement, receipt = confirmed
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(DonationReceipt)) == 1
    response = service.client.get(f"/receipts/{receipt['receipt_id']}.pdf", headers=_headers(tokens, statement)["admin"])
    assert response.status_code == 200, response.json
    assert response.headers["Content-Disposition"].startswith(
        'inline; filename="donnees-recu-cerfa-16216-2027-les-petits-savants-groupe-horizon-v1.pdf"')
    text = pdf_text(response.data)
    assert "Cerfa n° 16216" in text and "2027-014" in text
    assert "612,45 €" in text and "six cent douze euros et quarante-cinq centimes" in text
    assert "Du lundi 25 janvier 2027 au jeudi 28 janvier 2027" in text
    assert "Mécénat de compétences" in text and "238 bis du Code général des impôts" in text
    assert "aide l'association à remplir son formulaire Cerfa officiel" in text
    assert "SceauTandem" in (PdfReader(BytesIO(response.data)).get_fields() or {})


def test_a_receipt_for_one_day_gives_that_day_not_a_period(service, story, parties, tokens, pdf_text):
    statement = story.example("impact.statement.confirmed")
    receipt = {**story.example("impact.receipt.confirmed"), "last_day": story.example("impact.receipt.confirmed")["first_day"]}
    for event_type, data in (("impact.statement.confirmed", statement), ("impact.receipt.confirmed", receipt)):
        assert service.deliver(event_type, data) == "processed"
    response = service.client.get(f"/receipts/{receipt['receipt_id']}.pdf", headers=_headers(tokens, statement)["admin"])
    assert response.status_code == 200, response.json
    text = pdf_text(response.data)
    assert "Le lundi 25 janvier 2027 (journée réalisée au cours de l'année civile 2027)" in text
    assert " au lundi 25 janvier 2027" not in text


def test_only_the_referents_and_the_company_admins_read_them(service, confirmed, tokens, caplog):
    statement, receipt = confirmed
    headers = _headers(tokens, statement)
    urls = [f"/statements/{statement['statement_id']}.pdf", f"/receipts/{receipt['receipt_id']}.pdf"]
    for url in urls:
        assert service.client.get(url, headers=headers["referent"]).status_code == 200
        assert service.client.get(url, headers=headers["admin"]).status_code == 200
        assert service.client.get(url).status_code == 401
        for who, stranger in headers["strangers"].items():
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="documents.api"):
                response = service.client.get(url, headers=stranger)
            assert response.status_code == 404, who
            assert any("denied" in record.getMessage() for record in caplog.records), who
    assert service.client.get("/statements/unknown.pdf", headers=headers["referent"]).status_code == 404


def test_two_people_of_the_same_name_keep_their_own_subtotal(service, story, tokens, pdf_text):
    statement = story.example("impact.statement.confirmed")
    row = statement["rows"][0]
    statement["rows"] = [row, {**row, "person_id": "another-camille", "date": "2027-02-02"}]
    statement["total_days"] = 2.0
    assert service.deliver("impact.statement.confirmed", statement) == "processed"
    response = service.client.get(f"/statements/{statement['statement_id']}.pdf", headers=_headers(tokens, statement)["referent"])
    text = pdf_text(response.data)
    assert "Camille Martin 1 jour Camille Martin 1 jour 2 personnes 2 jours" in text



def test_the_company_downloads_its_years_proofs_in_one_zip(service, confirmed, tokens, story):
    """« Dossier annuel »: every association's latest sealed statement and receipt data sheet of the year, one file;
    a later confirmation replaces the earlier version in it."""
    statement, receipt = confirmed
    headers = _headers(tokens, statement)
    company = statement["company"]["id"]
    newer = {**statement, "statement_id": "5e5e5e5e-0000-4000-8000-000000000002", "version": 2}
    assert service.deliver("impact.statement.confirmed", newer) == "processed"
    response = service.client.get(f"/companies/{company}/bundles/2027.zip", headers=headers["admin"])
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="dossier-annuel-mecenat-2027-groupe-horizon.zip"')
    with zipfile.ZipFile(BytesIO(response.data)) as archive:
        assert archive.namelist() == ["donnees-recu-cerfa-16216-2027-les-petits-savants-groupe-horizon-v1.pdf",
                                      "etat-recapitulatif-journees-2027-les-petits-savants-groupe-horizon-v2.pdf"]
        for name in archive.namelist():
            assert "SceauTandem" in (PdfReader(BytesIO(archive.read(name))).get_fields() or {}), name
        with service.runtime.db.reading() as session:
            v2 = session.get(DayStatement, newer["statement_id"])
            assert archive.read(archive.namelist()[1]) == v2.pdf

    # Another year: nothing confirmed, said in French; the association's referent and anyone else: the same 404.
    empty = service.client.get(f"/companies/{company}/bundles/2026.zip", headers=headers["admin"])
    assert empty.status_code == 404 and "Aucun état récapitulatif ni reçu confirmé pour 2026" in empty.json["detail"]
    for who, caller in {"the association's referent": headers["referent"], **headers["strangers"]}.items():
        refused = service.client.get(f"/companies/{company}/bundles/2027.zip", headers=caller)
        assert refused.status_code == 404 and refused.json["detail"] == (
            "Aucun état récapitulatif ni reçu confirmé pour 2027 : ils apparaissent ici dès que l'association les confirme."), who
    assert service.client.get(f"/companies/{company}/bundles/2027.zip").status_code == 401
