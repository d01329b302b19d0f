"""The notifier's e-mail templates (French; plain text, and HTML for the few e-mails with a button), rendered with Jinja."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from tandem_shared.french import MONTHS, day_of_month

_environment = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    # Plain-text templates (.txt) are not escaped: nothing in them is interpreted as markup. HTML ones (.html) are,
    # since names and titles other people typed go into them.
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
    keep_trailing_newline=True,
    # The templates ship with the code and never change under a running process: no stat() of the file per e-mail.
    auto_reload=False,
)


def render(name: str, **values) -> str:
    return _environment.get_template(name).render(**values)


_PARIS = ZoneInfo("Europe/Paris")


def paris_date(moment: datetime) -> date:
    """The day `moment` falls on in France."""
    return moment.astimezone(_PARIS).date()


def paris_time(moment: datetime) -> str:
    """« 28 novembre 2026 à 10 h 15 », « 1er décembre 2026 à 9 h 05 »: in the time zone our readers live in, and
    written as the web client writes a moment (format.ts, `dateTime`), so an e-mail and the page it links to agree."""
    local = moment.astimezone(_PARIS)
    return f"{day_of_month(local)} {MONTHS[local.month - 1]} {local.year} à {local.hour} h {local.minute:02d}"
