"""Shapes of « Je propose mes compétences » and sharing a mission."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.text_fields import MultiLineString, SingleLineString


class DraftQuerySchema(Schema):
    association_id = SingleLineString(required=True)


class DraftSchema(Schema):
    association_id = fields.String()
    association_name = fields.String()
    message = fields.String()


class ProposalWriteSchema(Schema):
    association_id = SingleLineString(required=True)
    message = MultiLineString(required=True, validate=validate.Length(min=20, max=5000, error="Ton message doit faire entre 20 et 5 000 caractères."))


class ProposalSchema(Schema):
    id = fields.String()
    association_id = fields.String()
    association_name = fields.String()
    association_email = fields.String()
    created_at = fields.AwareDateTime()
    detail = fields.String()


class ShareSchema(Schema):
    recipients = fields.List(fields.Email(), required=True, validate=validate.Length(min=1, max=10, error="Entre 1 et 10 destinataires."))
    message = MultiLineString(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class ShareResultSchema(Schema):
    detail = fields.String()
    recipients = fields.List(fields.String())
