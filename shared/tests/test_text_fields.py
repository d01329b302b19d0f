"""Single-line and multi-line text fields refuse control characters (issue #19, 7: line breaks in names)."""
from __future__ import annotations

import pytest
from marshmallow import Schema, ValidationError, validate

from tandem_shared.text_fields import MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE, MultiLineString, SingleLineString


class PersonSchema(Schema):
    last_name = SingleLineString(required=True, validate=validate.Length(min=1, max=20))
    description = MultiLineString(validate=validate.Length(max=30))


CONTROLS = ["\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029"]


@pytest.mark.parametrize("control", CONTROLS)
def test_a_single_line_field_refuses_every_control_character(control):
    with pytest.raises(ValidationError) as refused:
        PersonSchema().load({"last_name": f"Martin{control}Bcc: x@y.fr"})
    assert refused.value.messages == {"last_name": [SINGLE_LINE_MESSAGE]}


@pytest.mark.parametrize("name", ["Martin", "N'Diaye-Lefèvre", "Łukasz Ørsted", "李雷", "Camille 🌱", "👨\u200d👩\u200d👧 Famille"])
def test_a_single_line_field_keeps_every_printable_character(name):
    assert PersonSchema().load({"last_name": name}) == {"last_name": name}


def test_a_multi_line_field_keeps_line_breaks_and_tabs_and_stores_them_as_newlines():
    loaded = PersonSchema().load({"last_name": "Martin", "description": "un\r\ndeux\rtrois\u2028quatre\tcinq"})
    assert loaded["description"] == "un\ndeux\ntrois\nquatre\tcinq"


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\x08"])
def test_a_multi_line_field_refuses_the_other_control_characters(control):
    with pytest.raises(ValidationError) as refused:
        PersonSchema().load({"last_name": "Martin", "description": f"un{control}deux"})
    assert refused.value.messages == {"description": [MULTI_LINE_MESSAGE]}


def test_the_other_validators_see_the_normalised_text():
    # 36 characters as sent, 24 once each CRLF is one line break: within the 30-character bound only after.
    assert PersonSchema().load({"last_name": "M", "description": "a\r\n" * 12})["description"] == "a\n" * 12
    with pytest.raises(ValidationError):
        PersonSchema().load({"last_name": ""})
