"""Notifier's API shapes (marshmallow)."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.paging import PageArgsSchema


class EmailSchema(Schema):
    id = fields.String()
    event_type = fields.String()
    recipient = fields.String()
    subject = fields.String()
    status = fields.String()
    attempts = fields.Integer()
    created_at = fields.AwareDateTime()
    sent_at = fields.AwareDateTime(allow_none=True)
    last_error = fields.String(allow_none=True)


class EmailListSchema(Schema):
    items = fields.List(fields.Nested(EmailSchema))
    total = fields.Integer()


class EmailQuerySchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(["pending", "sent", "failed"]))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
