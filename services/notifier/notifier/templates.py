"""The notifier's e-mail templates (French; plain text, and HTML for the few e-mails with a button), rendered with Jinja."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

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


def paris_time(moment: datetime) -> str:
    """« 28/11/2026 à 10h15 », in the time zone our readers live in."""
    local = moment.astimezone(_PARIS)
    return local.strftime("%d/%m/%Y à %Hh%M")
