"""The report's exports: one row per participation day, and the aggregates, as CSV or XLSX, in constant memory.

- CSV streams: each line is written as the database cursor (`yield_per`) hands the rows over, so the first bytes
  leave before the last row is read. UTF-8 with a BOM, `;` separators and decimal commas (« 1,5 »): Excel in France
  opens it as is and reads the numbers as numbers. Dates are ISO (« 2026-03-18 »), shares percentages (« 66,67% »).
- XLSX: XlsxWriter in `constant_memory` mode writes each row to a temporary file as it comes (memory does not grow
  with the rows); the finished workbook is then streamed from disk in chunks and the file removed. Dates are dates
  (« 18/03/2026 »), shares percentages and amounts euros, each with its number format.

No pay data is ever in these exports: only the valuation's own export (valuation.py) carries amounts.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date

import xlsxwriter
from flask import Response

from . import domain, reporting

DAY_COLUMNS = ("Personne", "E-mail", "Entité", "Association", "Mission", "Thèmes", "Date", "Format", "Jours", "État")
# Every company's days (the operators' export) say whose they are.
PLATFORM_DAY_COLUMNS = DAY_COLUMNS + ("Entreprise",)
CHUNK = 64 * 1024
# An export's body in the OpenAPI document.
BINARY = {"type": "string", "format": "binary"}
CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Share(float):
    """A fraction shown as a percentage (0.6667: « 66,67% » in CSV, 66,7 % in XLSX)."""


class Euros(float):
    """An amount in euros (a number in CSV, with the euro's format in XLSX)."""


def _euros(amount, missing: str = "") -> Euros | str:
    """An amount, or what stands for it when there is none (a person without a value yet)."""
    return missing if amount is None else Euros(amount)


def _day_line(export_day: reporting.ExportDay) -> tuple:
    row = export_day.row
    return (
        export_day.person_name,
        export_day.person_email,
        row.entity_name or domain.NO_ENTITY,
        row.association_name or "",
        export_day.mission_title,
        ", ".join(row.themes),
        row.day,
        domain.FORMAT_LABELS.get(row.format, row.format),
        float(domain.day_count(row.format)),
        domain.STATE_LABELS.get(row.state, row.state),
    )


def day_lines(session, scope: reporting.Scope) -> Iterator[tuple]:
    """The days' lines; across every company (scope without a company) each line ends with its company."""
    for export_day in reporting.export_days(session, scope):
        line = _day_line(export_day)
        yield line if scope.company_id else line + (export_day.row.company_name or "",)


def report_tables(report: dict) -> list[tuple[str, tuple, list[tuple]]]:
    """The aggregates as (title, header, rows) tables: the same numbers as the page."""
    days = report["days"]
    end_of_career = report["end_of_career_days"]
    summary = [
        ("Année", report["year"]),
        ("Effectif", report["headcount"]),
        ("Personnes engagées", report["people_engaged"]),
        ("Part de l'effectif engagée", Share(report["engaged_share"])),
        ("Jours demandés", days["asked"]),
        ("Jours validés", days["approved"]),
        ("Jours réalisés", days["done"]),
        ("Missions aidées", report["missions_helped"]),
        ("Associations aidées", report["associations_helped"]),
        ("Jours de fin de carrière demandés", end_of_career["asked"]),
        ("Jours de fin de carrière validés", end_of_career["approved"]),
        ("Jours de fin de carrière réalisés", end_of_career["done"]),
    ]
    breakdown_header = ("", "Jours demandés", "Jours validés", "Jours réalisés")

    def breakdown(rows: list[dict]) -> list[tuple]:
        return [(r["label"], r["asked"], r["approved"], r["done"]) for r in rows]

    bilan_rows = [(q["label"], a["label"], a["count"]) for q in report["bilan"] for a in q["answers"]]
    return [
        ("Synthèse", ("Indicateur", "Valeur"), summary),
        ("Par thème", ("Thème",) + breakdown_header[1:], breakdown(report["by_theme"])),
        ("Par association", ("Association",) + breakdown_header[1:], breakdown(report["by_association"])),
        ("Par entité", ("Entité",) + breakdown_header[1:], breakdown(report["by_entity"])),
        ("Par mois", ("Mois",) + breakdown_header[1:], breakdown(report["by_month"])),
        ("Par entreprise", ("Entreprise",) + breakdown_header[1:], breakdown(report["by_company"])),
        ("Entonnoir", ("Étape", "Participations"), [(s["label"], s["count"]) for s in report["funnel"]]),
        ("Bilans", ("Question", "Réponse", "Réponses"), bilan_rows),
    ]


# -- CSV -----------------------------------------------------------------------------------------------------------


def csv_stream(header: tuple | None, lines: Iterable[tuple]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    if header:
        writer.writerow(header)
    for line in lines:
        writer.writerow(_csv_safe(line))
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_tables(tables: list[tuple[str, tuple, list[tuple]]]) -> Iterator[bytes]:
    """Several tables in one CSV, each under its title, separated by an empty line."""
    def lines():
        for index, (title, header, rows) in enumerate(tables):
            if index:
                yield ()
            yield (title,)
            yield header
            yield from rows
    yield from csv_stream(None, lines())


def _csv_safe(line: tuple) -> tuple:
    """Each cell as French Excel reads it; a text starting with =, +, - or @ would be a formula in a spreadsheet:
    prefixed with ' (CSV injection)."""
    return tuple(_csv_cell(v) for v in line)


def _csv_cell(value):
    if isinstance(value, str):
        return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Share):
        return f"{value * 100:.2f}%".replace(".", ",")
    if isinstance(value, float):
        return repr(float(value)).replace(".", ",")
    return value


# -- XLSX ----------------------------------------------------------------------------------------------------------


def xlsx_stream(fill: Callable[[xlsxwriter.Workbook], None]) -> Iterator[bytes]:
    """A workbook written row by row in constant memory to a temporary file, then streamed and removed."""
    handle, path = tempfile.mkstemp(prefix="impact-", suffix=".xlsx")
    os.close(handle)
    try:
        workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_urls": False, "tmpdir": tempfile.gettempdir(),
                                              "default_date_format": "dd/mm/yyyy"})
        try:
            fill(workbook)
        finally:
            workbook.close()
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
    finally:
        os.unlink(path)


def write_sheet(workbook: xlsxwriter.Workbook, title: str, header: tuple, lines: Iterable[tuple]) -> None:
    sheet = workbook.add_worksheet(title[:31])
    bold = workbook.add_format({"bold": True})
    # Number formats are stored locale-free; Excel shows them the reader's way (« 66,7 % », « 1 875,05 € »).
    percent = workbook.add_format({"num_format": "0.0%"})
    euros = workbook.add_format({"num_format": '#,##0.00 "€"'})
    sheet.write_row(0, 0, header, bold)
    sheet.freeze_panes(1, 0)
    for index, line in enumerate(lines, start=1):
        for column, value in enumerate(line):
            if isinstance(value, Share):
                sheet.write_number(index, column, value, percent)
            elif isinstance(value, Euros):
                sheet.write_number(index, column, value, euros)
            else:
                sheet.write(index, column, value)


def days_xlsx(lines: Iterable[tuple], columns: tuple = DAY_COLUMNS) -> Iterator[bytes]:
    return xlsx_stream(lambda workbook: write_sheet(workbook, "Jours", columns, lines))


def tables_xlsx(tables: list[tuple[str, tuple, list[tuple]]]) -> Iterator[bytes]:
    def fill(workbook):
        for title, header, rows in tables:
            write_sheet(workbook, title, header, rows)
    return xlsx_stream(fill)


def filename(year: int, what: str, extension: str) -> str:
    """« impact-2026-jours.csv »: ASCII only, so the header needs no encoding."""
    return f"impact-{year}-{what}.{extension}"


# -- the valuation's own export (the only one with amounts) ------------------------------------------------------------


def valuation_tables(report: dict) -> list[tuple[str, tuple, list[tuple]]]:
    reduction = report["reduction"]
    summary = [
        ("Année", report["year"]),
        ("Jours réalisés valorisés", report["total_days"]),
        ("Valeur totale des jours donnés (€)", _euros(report["total_value"])),
        ("Plafond annuel de la sécurité sociale (€)", _euros(report["pass_amount"])),
        ("Rémunération retenue au plus (3 PASS, €)", _euros(report["pay_cap"])),
        ("Jours travaillés par an (convention)", report["working_days"]),
        ("Chiffre d'affaires hors taxes (€)", _euros(report["turnover_excl_tax"], missing="non renseigné")),
        ("Plafond des versements (€)", _euros(reduction["ceiling"])),
        ("Versements de l'année dans le plafond (€)", _euros(reduction["within_ceiling"])),
        ("Excédent reporté (€)", _euros(reduction["excess"])),
        ("Reports des années précédentes utilisés (€)", _euros(reduction["carry_forward_used"])),
        ("Base à 60 % (€)", _euros(reduction["base_at_rate"])),
        ("Base à 40 % (€)", _euros(reduction["base_at_reduced_rate"])),
        ("Réduction d'impôt estimée (€)", _euros(reduction["reduction"])),
        ("Personnes sans valeur (à compléter)", report["people_without_value"]),
    ]
    people = [(p["name"], p["entity_name"] or "", p["days"], _euros(p["day_value"]), _euros(p["value"]), p["source_label"]) for p in report["people"]]
    associations = [(a["name"], a["siren"] or "", a["rna"] or "", a["address"], a["days"], _euros(a["value"]),
                     "oui" if a["exception"] else "non", "oui" if a["above_declaration_threshold"] else "non")
                    for a in report["associations"]]
    carried = [(e["year"], _euros(e["amount"]), e["usable_until"]) for e in reduction["carried_left"]]
    return [
        ("Synthèse", ("Indicateur", "Valeur"), summary),
        ("Par personne", ("Personne", "Entité", "Jours", "Valeur d'un jour (€)", "Valeur (€)", "Source"), people),
        ("Par association (2069-RCI-SD)", ("Association", "SIREN", "RNA", "Adresse", "Jours", "Valeur (€)",
                                           "Exception 60 %", "Au-dessus de 10 000 €"), associations),
        ("Reports", ("Année d'origine", "Montant restant (€)", "Utilisable jusqu'en"), carried),
    ]


def valuation_xlsx(report: dict) -> Iterator[bytes]:
    return tables_xlsx(valuation_tables(report))


def download(chunks, mimetype: str, filename: str) -> Response:
    """A download, streamed when `chunks` is a generator; never kept by a shared cache."""
    response = Response(chunks, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
