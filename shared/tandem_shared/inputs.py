"""Bounds on what a request may carry, checked where input is read, the same way in every service.

A hostile body must get a 400 problem document, never a crash deeper down: JSON nested without
end (RecursionError), strings that are not Unicode scalar values (UnicodeEncodeError in the
database driver), NUL characters (PostgreSQL refuses them in text), integers no column can hold
(OverflowError), NaN and infinities.
"""
from __future__ import annotations

import json
import math
from typing import Any

from werkzeug.routing import IntegerConverter

# The largest request any gateway or service reads (uploads included). nginx's `client_max_body_size`
# and the embedded gateway hold the same figure (checked by tests/test_gateway_headers.py).
MAX_BODY_BYTES = 2 * 1024 * 1024
# A JSON document is a form's worth of fields: far below this, even with every text field at its longest.
MAX_JSON_BODY_BYTES = 256 * 1024
# Deeper than any document the services exchange (the deepest is three or four levels).
MAX_JSON_DEPTH = 32
# PostgreSQL's `integer`: the narrowest column a number from a request may land in.
MAX_INTEGER = 2**31 - 1
_MAX_INTEGER_DIGITS = len(str(MAX_INTEGER))


class InvalidInput(ValueError):
    """The request carries something no service accepts; the message is French, for the caller."""


def _bounded_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INTEGER_DIGITS or abs(int(text)) > MAX_INTEGER:
        raise InvalidInput(f"Un nombre dépasse la limite autorisée ({MAX_INTEGER}).")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InvalidInput("Un nombre est trop grand.")
    return value


def _refuse_constant(name: str) -> Any:
    raise InvalidInput(f"{name} n'est pas un nombre accepté.")


def check_text(value: str) -> None:
    """Only Unicode scalar values (no lone surrogate), and no NUL character."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("Le texte envoyé contient des caractères invalides (Unicode mal formé).") from None
    if "\x00" in value:
        raise InvalidInput("Le texte envoyé contient un caractère nul, qui n'est pas accepté.")


def load_json(raw: bytes | str) -> Any:
    """Parse a request body within the bounds above; raises `InvalidInput` with the reason."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise InvalidInput("Le contenu envoyé n'est pas encodé en UTF-8.") from None
    try:
        document = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_refuse_constant)
    except RecursionError:
        raise InvalidInput(f"Le JSON envoyé est trop imbriqué (au plus {MAX_JSON_DEPTH} niveaux).") from None
    except InvalidInput:
        raise
    except ValueError:
        raise InvalidInput("Le contenu envoyé n'est pas du JSON valide.") from None
    check_document(document)
    return document


def check_document(document: Any) -> None:
    """Depth, and every key and string, checked without recursion (a deep document cannot exhaust the stack)."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            check_text(value)
        elif isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise InvalidInput(f"Le JSON envoyé est trop imbriqué (au plus {MAX_JSON_DEPTH} niveaux).")
            if isinstance(value, dict):
                for key, item in value.items():
                    check_text(key)
                    pending.append((item, depth + 1))
            else:
                pending.extend((item, depth + 1) for item in value)


class BoundedIntegerConverter(IntegerConverter):
    """`<int:...>` in a route: beyond MAX_INTEGER the path matches nothing (404), it never reaches SQL."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = None, signed: bool = False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_INTEGER if max is None else max, signed=signed)
