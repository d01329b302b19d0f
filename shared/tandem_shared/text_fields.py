"""Text fields for request schemas: what a single line and a multi-line text may contain, the same in every service.

A name, a title, an address or a phone number is printed on one line of a text e-mail, a PDF or a CSV export: a
line break in it starts a new line there (a forged « Objet : » or signature line), a tab shifts columns, other
control characters are invisible or break the renderer. So:

- `SingleLineString` refuses every control character: C0 (including CR, LF, TAB), DEL, C1, and the Unicode line and
  paragraph separators U+2028 and U+2029;
- `MultiLineString` (descriptions, messages, answers) keeps line breaks and tabs, stores every line break as "\\n"
  (CRLF from browsers, a lone CR, U+2028/U+2029), and refuses every other control character.

Only control characters are concerned: accents, emoji and their joiners, and every other printable character stay
welcome. NUL and malformed Unicode are already refused for every request by `tandem_shared.inputs`.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from marshmallow import ValidationError, fields

SINGLE_LINE_MESSAGE = "Ce champ tient sur une seule ligne : retire les retours à la ligne, tabulations et caractères de contrôle."
MULTI_LINE_MESSAGE = "Ce texte contient un caractère de contrôle invisible : retire-le (les retours à la ligne sont acceptés)."

_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029")
_MULTI_LINE_ALLOWED = frozenset("\n\t")


def is_control(character: str) -> bool:
    """C0, DEL and C1 (Unicode category Cc), and the line and paragraph separators."""
    return unicodedata.category(character) in ("Cc", "Zl", "Zp")


def check_single_line(value: str) -> str:
    """`value` unchanged, or `ValidationError` with the French reason when it holds a control character."""
    if any(is_control(character) for character in value):
        raise ValidationError(SINGLE_LINE_MESSAGE)
    return value


def normalize_multi_line(value: str) -> str:
    """`value` with every line break as "\\n", or `ValidationError` when it holds another control character."""
    value = _LINE_BREAKS.sub("\n", value)
    if any(is_control(character) and character not in _MULTI_LINE_ALLOWED for character in value):
        raise ValidationError(MULTI_LINE_MESSAGE)
    return value


class SingleLineString(fields.String):
    """A string on one line: names, titles, e-mail addresses, cities, phone numbers, search words."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return check_single_line(super()._deserialize(value, attr, data, **kwargs))


class MultiLineString(fields.String):
    """A text of several lines: descriptions, messages, answers."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return normalize_multi_line(super()._deserialize(value, attr, data, **kwargs))
