"""Catalog's API shapes (marshmallow): what clients send and receive."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


class MissionCreateSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=3, max=200))
    description = fields.String(load_default="", validate=validate.Length(max=20000))
    association_name = fields.String(required=True, validate=validate.Length(min=2, max=200))
    contact_email = fields.Email(required=True)
    publish = fields.Boolean(load_default=False, metadata={"description": "Publier tout de suite (sinon brouillon)."})


class MissionSchema(Schema):
    id = fields.String()
    title = fields.String()
    description = fields.String()
    association_name = fields.String()
    contact_email = fields.Email()
    status = fields.String()
    created_at = fields.AwareDateTime()
    published_at = fields.AwareDateTime(allow_none=True)


class MissionListSchema(Schema):
    items = fields.List(fields.Nested(MissionSchema))
    total = fields.Integer()


class PageArgsSchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
