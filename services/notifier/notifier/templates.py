"""The notifier's e-mail templates (French, plain text), rendered with Jinja."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_environment = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    autoescape=False,  # plain-text mail: nothing is interpreted as markup
    keep_trailing_newline=True,
)


def render(name: str, **values) -> str:
    return _environment.get_template(name).render(**values)
