"""Who is refused what: another company's admin, an admin without the pay permission, an employee and a referent each
get a 403 or 404 with a log line, on the report, the exports, pay data and the valuation."""
import io
import logging

import pytest

from .conftest import ADMIN, COMPANY, OPERATOR, OTHER_COMPANY, admin_headers

REPORT_PATHS = [
    f"/companies/{COMPANY}/report?year=2026",
    f"/companies/{COMPANY}/exports/days.csv?year=2026",
    f"/companies/{COMPANY}/exports/days.xlsx?year=2026",
    f"/companies/{COMPANY}/exports/report.csv?year=2026",
    f"/companies/{COMPANY}/exports/report.xlsx?year=2026",
]
PAY_PATHS = [
    f"/companies/{COMPANY}/pay?year=2026",
    f"/companies/{COMPANY}/daily-costs?year=2026",
    f"/companies/{COMPANY}/pay-audit",
    f"/companies/{COMPANY}/valuation?year=2026",
    f"/companies/{COMPANY}/valuation.xlsx?year=2026",
    f"/companies/{COMPANY}/valuation.pdf?year=2026",
    f"/companies/{COMPANY}/valuation/settings?year=2026",
]

CALLERS = {
    "another company's admin": lambda tokens: admin_headers(tokens, "admin-other", OTHER_COMPANY),
    "an employee": lambda tokens: tokens.headers("employee-1", roles=("employee",), company_id=COMPANY),
    "a referent": lambda tokens: tokens.headers("referent-1", roles=("association_referent",)),
}


@pytest.fixture
def granted(service, tokens, feed):
    feed.company()
    feed.person(ADMIN, roles=("employee", "company_admin"))
    feed.person("admin-without", roles=("employee", "company_admin"))
    assert service.client.put(f"/companies/{COMPANY}/pay-permissions/{ADMIN}",
                              headers=tokens.headers(OPERATOR, roles=("platform_operator",))).status_code == 200


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("path", REPORT_PATHS + PAY_PATHS)
def test_strangers_to_the_company_get_404_and_a_log_line(service, tokens, granted, caplog, caller, path):
    caplog.set_level(logging.WARNING, logger="impact.access")
    response = service.client.get(path, headers=CALLERS[caller](tokens))
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert any("denied" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("path", PAY_PATHS)
def test_an_admin_without_the_pay_permission_gets_403_and_a_log_line(service, tokens, granted, caplog, path):
    caplog.set_level(logging.WARNING, logger="impact.access")
    response = service.client.get(path, headers=admin_headers(tokens, "admin-without"))
    assert response.status_code == 403
    assert "données de rémunération" in response.get_json()["detail"]
    assert any("no pay permission" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("path", REPORT_PATHS)
def test_the_admin_and_the_operator_read_the_report(service, tokens, granted, path):
    assert service.client.get(path, headers=admin_headers(tokens, "admin-without")).status_code == 200
    assert service.client.get(path, headers=tokens.headers(OPERATOR, roles=("platform_operator",))).status_code == 200


def test_the_operator_grants_but_never_reads_pay_data(service, tokens, granted, caplog):
    operator = tokens.headers(OPERATOR, roles=("platform_operator",))
    for path in PAY_PATHS:
        assert service.client.get(path, headers=operator).status_code == 404


def test_an_admin_without_the_permission_can_neither_import_nor_grant(service, tokens, granted):
    headers = admin_headers(tokens, "admin-without")
    response = service.client.post(f"/companies/{COMPANY}/pay/import?year=2026", headers=headers,
                                   data={"file": (io.BytesIO(b"email;salaire_brut_annuel;taux_charges_patronales\n"), "p.csv")},
                                   content_type="multipart/form-data")
    assert response.status_code == 403
    assert service.client.put(f"/companies/{COMPANY}/pay-permissions/admin-without", headers=headers).status_code == 403
    assert service.client.put(f"/companies/{COMPANY}/pay-permissions/admin-without",
                              headers=admin_headers(tokens, "admin-other", OTHER_COMPANY)).status_code == 404


def test_only_the_companys_own_entry_is_listed_for_an_admin(service, tokens, granted):
    mine = service.client.get("/companies", headers=admin_headers(tokens, "admin-without")).get_json()
    assert mine == {"companies": [{"id": COMPANY, "name": "Groupe Horizon"}]}
    assert service.client.get("/companies", headers=admin_headers(tokens, "admin-other", OTHER_COMPANY)).get_json() == {"companies": []}
