"""The employee's « attestation de mission de mécénat de compétences »: rendered with the bilan from the days the
association attested present, read only by the employee and their company's admins."""
import logging
from io import BytesIO

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from documents.models import BilanDocument

OTHER_COMPANY = "7e7e7e7e-0000-4000-8000-000000000001"


@pytest.fixture
def completed(service, parties, approve, story):
    """Camille's dates approved by Sophie, then her bilan completed (two days attested: a day and a half day)."""
    approved = approve(dates=(("2027-01-25", "full_day"), ("2027-01-28", "half_day"), ("2027-02-01", "full_day")),
                       decided_by=story.manager_id, via="team_view")
    data = story.example("engagement.bilan.completed", participation_id=approved["participation_id"],
                         dates=[{"date": "2027-01-28", "format": "half_day"}, {"date": "2027-01-25", "format": "full_day"}])
    assert service.deliver("engagement.bilan.completed", data) == "processed"
    return data


def test_the_certificate_lists_the_association_the_mission_and_the_days(service, completed, employee, pdf_text):
    url = f"/bilans/{completed['participation_id']}/attestation.pdf"
    response = service.client.get(url + "?download=1", headers=employee)
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="attestation-mission-2027.pdf"')
    assert response.headers["Cache-Control"] == "private, no-store"
    text = pdf_text(response.data)
    assert "Attestation de mission de mécénat de compétences" in text
    assert "Camille Martin" in text and "Groupe Horizon" in text
    assert "Les Petits Savants" in text and "Aide aux devoirs pour collégiens" in text
    # The days attested present, in calendar order; the approved day never attested (1 February) is not there.
    assert text.index("lundi 25 janvier 2027") < text.index("jeudi 28 janvier 2027")
    assert "1er février" not in text
    assert "Journée 1 jour" in text and "1/2 journée" in text and "0,5 jour" in text
    assert "Soit 1,5 jour de mécénat de compétences sur l'année civile 2027" in text
    assert "RNA W691234567" in text and "Hélène Moreau, Présidente" in text
    # Sealed like every proof document: a change to the file shows.
    assert "scellé électroniquement par Tandem" in text
    assert "SceauTandem" in (PdfReader(BytesIO(response.data)).get_fields() or {})
    (listed,) = service.client.get("/bilans", headers=employee).json["items"]
    assert listed["certificate_url"] == url
    with service.runtime.db.reading() as session:
        bilan = session.get(BilanDocument, completed["participation_id"])
        assert bilan.attended_dates == [{"date": "2027-01-25", "format": "full_day"}, {"date": "2027-01-28", "format": "half_day"}]


def test_only_the_employee_and_their_company_admins_read_it(service, completed, tokens, story, employee, caplog):
    url = f"/bilans/{completed['participation_id']}/attestation.pdf"
    admin = tokens.headers("admin-horizon", roles=["employee", "company_admin"], email="rh@horizon.example", company_id=story.company)
    assert service.client.get(url, headers=employee).status_code == 200
    assert service.client.get(url, headers=admin).status_code == 200
    strangers = {
        "the manager who approved": tokens.headers(story.manager_id, email=story.manager, company_id=story.company),
        "a referent of the association": tokens.headers("referent-nadia", roles=["association_referent"],
                                                        email="referente@petits-savants.example", associations=[story.association]),
        "another employee of the company": tokens.headers("employee-bruno", email="bruno.petit@horizon.example", company_id=story.company),
        "an admin of another company": tokens.headers("admin-other", roles=["company_admin"], email="rh@autre.example",
                                                      company_id=OTHER_COMPANY),
        "a platform operator": tokens.headers("operator", roles=["platform_operator"], email="ops@tandem.example"),
    }
    for who, headers in strangers.items():
        with caplog.at_level(logging.WARNING, logger="documents.api"):
            caplog.clear()
            response = service.client.get(url, headers=headers)
        assert response.status_code == 404, who
        assert response.json["detail"].startswith("Cette attestation de mission n'existe pas"), who
        assert any("certificate of mission" in record.getMessage() for record in caplog.records), who
    # The referent and the manager still read the bilan, without the certificate's link.
    referent = strangers["a referent of the association"]
    (listed,) = service.client.get(f"/bilans?participation={completed['participation_id']}", headers=referent).json["items"]
    assert listed["pdf_url"] and listed["certificate_url"] is None
    assert service.client.get(url).status_code == 401


def test_a_bilan_without_dates_has_no_certificate(service, parties, employee, story):
    data = story.example("engagement.bilan.completed")
    data.pop("dates")
    assert service.deliver("engagement.bilan.completed", data) == "processed"
    (listed,) = service.client.get("/bilans", headers=employee).json["items"]
    assert listed["certificate_url"] is None
    assert service.client.get(f"/bilans/{data['participation_id']}/attestation.pdf", headers=employee).status_code == 404
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(BilanDocument.certificate_sha256)) is None
