"""Shapes of « Je propose mes compétences » and sharing a mission."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.text_fields import MultiLineString, SingleLineString

from .phone import phone_number


class DraftQuerySchema(Schema):
    association_id = SingleLineString(required=True)


class DraftSchema(Schema):
    association_id = fields.String()
    association_name = fields.String()
    message = fields.String()
    phone = fields.String(allow_none=True, metadata={"description": "Le numéro envoyé à l'association : le dernier que tu as donné."})


class ProposalWriteSchema(Schema):
    association_id = SingleLineString(required=True)
    phone = SingleLineString(allow_none=True, validate=phone_number, metadata={
        "description": "Le numéro que l'association reçoit (il devient celui de ton profil) ; null : aucun numéro ; absent : celui du profil."})
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
