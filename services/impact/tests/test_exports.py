"""The exports: what the rows say, and that 100,000 rows take no more memory than 10,000 (they stream)."""
import csv
import io
import tracemalloc
import uuid
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest
import sqlalchemy as sa

from impact import exports, reporting
from impact.models import MissionCopy, Participation, ParticipationDay, PersonCopy

from .conftest import COMPANY, ENTITY, admin_headers

BILAN = {"relevance": "Bonne", "welcome": "Bonne", "expertise_match": "Oui", "would_do_again": "Oui"}


def _story(feed):
    feed.company()
    camille = feed.person(first_name="Camille", last_name="Martin", email="camille@horizon.example")
    feed.association()
    mission = feed.mission(title="Aide aux devoirs", themes=("éducation / formation",))
    feed.participation(camille, mission, [("2026-03-18", "full_day"), ("2026-03-25", "half_day")],
                       attend={"2026-03-18": True, "2026-03-25": False})


def test_the_days_csv_has_one_row_per_participation_day(service, tokens, feed):
    _story(feed)
    response = service.client.get(f"/companies/{COMPANY}/exports/days.csv?year=2026", headers=admin_headers(tokens))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="impact-2026-jours.csv"'
    assert response.is_streamed
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows == [
        list(exports.DAY_COLUMNS),
        ["Camille Martin", "camille@horizon.example", "Direction financière", "Les Petits Savants", "Aide aux devoirs",
         "éducation / formation", "2026-03-18", "journée", "1,0", "réalisée"],
        ["Camille Martin", "camille@horizon.example", "Direction financière", "Les Petits Savants", "Aide aux devoirs",
         "éducation / formation", "2026-03-25", "1/2 journée", "0,5", "absence"],
    ]


def test_the_days_xlsx_holds_the_same_rows(service, tokens, feed):
    _story(feed)
    response = service.client.get(f"/companies/{COMPANY}/exports/days.xlsx?year=2026", headers=admin_headers(tokens))
    assert response.status_code == 200 and response.mimetype == exports.XLSX_MIMETYPE
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data()), read_only=True)["Jours"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(exports.DAY_COLUMNS)
    assert rows[1][:4] == ["Camille Martin", "camille@horizon.example", "Direction financière", "Les Petits Savants"]
    assert rows[2][7:] == ["1/2 journée", 0.5, "absence"]
    # A date, as a spreadsheet sorts and filters dates, not the text « 2026-03-25 ».
    assert rows[2][6] == datetime(2026, 3, 25)
    full = openpyxl.load_workbook(io.BytesIO(response.get_data()))["Jours"]
    assert full.cell(row=3, column=7).number_format == "dd/mm/yyyy"


def test_the_aggregates_export_gives_the_pages_numbers(service, tokens, feed):
    _story(feed)
    response = service.client.get(f"/companies/{COMPANY}/exports/report.xlsx?year=2026", headers=admin_headers(tokens))
    workbook = openpyxl.load_workbook(io.BytesIO(response.get_data()), read_only=True)
    assert workbook.sheetnames == ["Synthèse", "Par thème", "Par association", "Par entité", "Par mois", "Par entreprise",
                                  "Entonnoir", "Bilans"]
    summary = dict(workbook["Synthèse"].iter_rows(min_row=2, values_only=True))
    assert summary["Jours réalisés"] == 1.0 and summary["Jours demandés"] == 1.5
    share_row = next(row for row in openpyxl.load_workbook(io.BytesIO(response.get_data()))["Synthèse"].iter_rows(min_row=2)
                     if row[0].value == "Part de l'effectif engagée")
    assert share_row[1].number_format == "0.0%" and 0 <= share_row[1].value <= 1
    text = service.client.get(f"/companies/{COMPANY}/exports/report.csv?year=2026", headers=admin_headers(tokens)).get_data(as_text=True)
    # Decimal commas, as French Excel reads numbers from a « ; » file.
    assert "Jours réalisés;1,0" in text and "Jours demandés;1,5" in text and "Par association" in text
    assert f"Part de l'effectif engagée;{share_row[1].value * 100:.2f}%".replace(".", ",") in text


def test_a_cell_that_would_be_a_formula_is_neutralised(service, tokens, feed):
    feed.company()
    person = feed.person(first_name="=HYPERLINK(1)", last_name="")
    feed.participation(person, feed.mission(), [("2026-02-02", "full_day")])
    text = service.client.get(f"/companies/{COMPANY}/exports/days.csv?year=2026", headers=admin_headers(tokens)).get_data(as_text=True)
    assert "'=HYPERLINK(1)" in text


def _insert_days(service, count: int) -> None:
    """`count` participation days of 2026 straight into the read model (the handlers are tested elsewhere)."""
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with service.runtime.db.transaction() as session:
        session.add(MissionCopy(id="m-bulk", title="Mission", association_id="a-bulk", association_name="Association",
                                themes=["environnement"], updated_at=now))
        people = [f"bulk-person-{i}" for i in range(200)]
        session.execute(sa.insert(PersonCopy), [
            {"person_id": p, "email": f"{p}@horizon.example", "first_name": "Prénom", "last_name": p, "company_id": COMPANY,
             "entity_id": ENTITY, "entity_name": "Direction financière", "roles": ["employee"], "status": "active", "as_of": now}
            for p in people])
        participations = [{"id": str(uuid.UUID(int=i)), "person_id": people[i % 200], "mission_id": "m-bulk", "year": 2026}
                          for i in range(count // 50)]
        session.execute(sa.insert(Participation), participations)
        session.execute(sa.insert(ParticipationDay), [
            {"participation_id": participations[i // 50]["id"], "day": date(2026, 1, 1) + timedelta(days=i % 50 * 7 % 365),
             "format": "full_day", "state": "attended", "end_of_career": False, "changed_at": now}
            for i in range(count)])


def _peak_while_exporting(service, write) -> tuple[int, int]:
    scope = reporting.Scope(COMPANY, 2026)
    tracemalloc.start()
    try:
        with service.runtime.db.reading() as session:
            size = sum(len(chunk) for chunk in write(exports.day_lines(session, scope)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, size


@pytest.mark.parametrize("write", [
    lambda lines: exports.csv_stream(exports.DAY_COLUMNS, lines),
    exports.days_xlsx,
], ids=["csv", "xlsx"])
def test_exporting_20000_rows_takes_no_more_memory_than_2000(service_package, tmp_path, tokens, write):
    from tandem_shared.harness import ServiceHarness
    from tandem_shared.pytest_plugin import service_dir

    peaks = {}
    # Ten times the rows: the ratio is what tells, and these sizes still fail an export that holds its rows (an XLSX
    # not in constant memory: 24 MB against 4.6 MB; a CSV written in one piece: 14.8 against 3.8 MB; both checked).
    # 50,000 and 5,000 took 20-120 s of the suite under tracemalloc, depending on the hour.
    for count in (2_000, 20_000):
        harness = ServiceHarness(service_package, service_dir(service_package), f"sqlite:///{tmp_path / f'{count}.db'}",
                                 tokens=tokens)
        try:
            _insert_days(harness, count)
            peaks[count], size = _peak_while_exporting(harness, write)
            assert size > count * 20  # every row was written
        finally:
            harness.close(check_contract=False)
    # Ten times the rows, not ten times the memory: the growth stays within a quarter of the small export's peak.
    assert peaks[20_000] < peaks[2_000] * 1.25 + 256 * 1024, peaks


def test_the_operator_exports_every_companys_days_with_their_company(service, tokens, feed):
    _story(feed)
    operator = tokens.headers("op-1", roles=("platform_operator",))
    response = service.client.get("/platform/exports/days.csv?year=2026", headers=operator)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == list(exports.PLATFORM_DAY_COLUMNS) and [r[-1] for r in rows[1:]] == ["Groupe Horizon"] * 2
    workbook = openpyxl.load_workbook(io.BytesIO(service.client.get("/platform/exports/report.xlsx?year=2026", headers=operator).get_data()),
                                      read_only=True)
    assert dict((r[0], r[3]) for r in workbook["Par entreprise"].iter_rows(min_row=2, values_only=True)) == {"Groupe Horizon": 1.0}
    for path in ("/platform/exports/days.csv?year=2026", "/platform/exports/report.csv?year=2026", "/platform/report?year=2026"):
        assert service.client.get(path, headers=admin_headers(tokens)).status_code == 404
