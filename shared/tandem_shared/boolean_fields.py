"""Boolean fields for request schemas: in a JSON body, a yes/no is JSON `true` or `false`, nothing else.

marshmallow's `fields.Boolean` also takes `1`, `0`, `1.0`, "yes", "on", "True", "1"… as booleans. In a JSON body
that hides client bugs (a number or a string sent where the API documents a boolean is silently read as a choice the
person may not have made, e.g. a consent box) and makes the API accept what its own OpenAPI document refuses. So every
JSON body's boolean is a `StrictBoolean`: only `true` and `false` pass; anything else answers the app's validation
error with marshmallow's "Not a valid boolean." message, which `tandem_shared.web` turns into French.

A query string has no types: `?download=1` arrives as the string "1". Query-string booleans therefore keep
`fields.Boolean` and its string spellings (the web client's PDF links send `?download=1`); the shared service tests
(`loose_booleans`) refuse a plain `fields.Boolean` in any schema a view reads from a JSON body.
"""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields


class StrictBoolean(fields.Boolean):
    """A JSON boolean: `true` or `false` only (not `1`, `0`, "true", "yes"…)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        # `isinstance(1, bool)` is False, while `1 in {True}` is True: the type check is what refuses numbers.
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def loose_booleans(schema: Schema | type[Schema], seen: set[type] | None = None) -> list[str]:
    """Dotted names of the fields of `schema` (nested schemas and lists included) that are a plain `fields.Boolean`.

    Used to check that a schema read from a JSON body holds only `StrictBoolean`s.
    """
    instance = schema() if isinstance(schema, type) else schema
    seen = set() if seen is None else seen
    if type(instance) in seen:
        return []
    seen.add(type(instance))
    found = []
    for name, field in instance.fields.items():
        for path, inner in _inner_fields(name, field):
            if isinstance(inner, fields.Boolean) and not isinstance(inner, StrictBoolean):
                found.append(path)
            elif isinstance(inner, fields.Nested):
                found.extend(f"{path}.{nested}" for nested in loose_booleans(inner.schema, seen))
    return found


def _inner_fields(name: str, field: fields.Field) -> list[tuple[str, fields.Field]]:
    """`field` itself, and the fields a list, tuple or dict of it holds (`tags[]`, `scores{}`)."""
    found = [(name, field)]
    if isinstance(field, fields.List):
        found.extend(_inner_fields(f"{name}[]", field.inner))
    elif isinstance(field, fields.Tuple):
        for inner in field.tuple_fields:
            found.extend(_inner_fields(f"{name}[]", inner))
    elif isinstance(field, fields.Dict) and field.value_field is not None:
        found.extend(_inner_fields(f"{name}{{}}", field.value_field))
    return found
