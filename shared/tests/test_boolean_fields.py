"""JSON-body booleans are JSON `true`/`false` only (issue #19: schemathesis saw `1` and "yes" accepted as booleans)."""
from __future__ import annotations

import pytest
from marshmallow import Schema, ValidationError, fields

from tandem_shared.boolean_fields import StrictBoolean, loose_booleans
from tandem_shared.web import french_field_message


class ConsentSchema(Schema):
    consent = StrictBoolean(required=True)
    alerts = StrictBoolean(load_default=None)


@pytest.mark.parametrize("value", [True, False])
def test_a_strict_boolean_takes_json_true_and_false(value):
    assert ConsentSchema().load({"consent": value}) == {"consent": value, "alerts": None}


@pytest.mark.parametrize("value", [1, 0, 1.0, 0.0, "true", "false", "yes", "no", "on", "1", "0", "", None, [], {}, [True]])
def test_a_strict_boolean_refuses_everything_else(value):
    with pytest.raises(ValidationError) as refused:
        ConsentSchema().load({"consent": value})
    message = "Field may not be null." if value is None else "Not a valid boolean."
    assert refused.value.messages == {"consent": [message]}


def test_its_refusal_reads_in_french_in_the_api():
    assert french_field_message("Not a valid boolean.") == "Oui ou non (true/false) est attendu."


def test_a_strict_boolean_is_still_a_boolean_in_the_openapi_document():
    from apispec.ext.marshmallow.field_converter import FieldConverterMixin

    converter = FieldConverterMixin()
    converter.init_attribute_functions()
    assert converter.field2type_and_format(StrictBoolean()) == {"type": "boolean"}


class ChoiceSchema(Schema):
    correct = fields.Boolean()


class QuestionSchema(Schema):
    multiple = StrictBoolean()
    choices = fields.List(fields.Nested(ChoiceSchema))
    flags = fields.Dict(keys=fields.String(), values=fields.Boolean())
    follow_up = fields.Nested(lambda: QuestionSchema())


def test_loose_booleans_finds_plain_booleans_in_nested_schemas_lists_and_dicts():
    assert sorted(loose_booleans(QuestionSchema)) == ["choices[].correct", "flags{}"]
    assert loose_booleans(ConsentSchema) == []
