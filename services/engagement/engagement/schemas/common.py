"""Shapes every part of engagement's API shares."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.paging import PageArgsSchema

NAME = validate.Length(min=1, max=100)
PageQuerySchema = PageArgsSchema


class MessageSchema(Schema):
    detail = fields.String(metadata={"description": "Un message à montrer tel quel."})


class EntitySchema(Schema):
    id = fields.String()
    name = fields.String()
