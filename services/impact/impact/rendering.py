"""The valuation's PDF, rendered as the documents service renders its PDFs: Jinja2 HTML (autoescaped, strict) to A4
by WeasyPrint, DejaVu fonts, and a URL fetcher that fetches nothing (the template references no outside resource).

Impact renders its own template rather than asking documents: the pay-derived amounts never leave impact. The
mechanism is not moved into tandem_shared, which would pull WeasyPrint and Pango into every service's image.
WeasyPrint is imported on first use (about 0.35 s), not at import.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from tandem_shared import french

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def euros(value: float | None) -> str:
    """« 12 345,67 € » with a narrow no-break space between thousands."""
    if value is None:
        return "—"
    text = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text}\u00a0€"


def number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(euros=euros, number=number)


def _no_fetch():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=frozenset())


def render_valuation_html(report: dict, generated_on) -> str:
    day = f"{french.day_of_month(generated_on)} {french.MONTHS[generated_on.month - 1]} {generated_on.year}"
    return _env.get_template("valuation.html").render(report=report, generated_on=day)


def render_valuation_pdf(report: dict, generated_on) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_valuation_html(report, generated_on), base_url=str(TEMPLATES_DIR),
                url_fetcher=_no_fetch()).write_pdf()
