"""marshmallow shapes of impact's HTTP API."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.text_fields import SingleLineString

YEAR = validate.Range(min=2000, max=2100, error="L'année doit être comprise entre 2000 et 2100.")


class ReportQuerySchema(Schema):
    year = fields.Integer(required=True, validate=YEAR, metadata={"description": "L'année civile."})
    entity_id = SingleLineString(load_default=None, validate=validate.Length(min=1, max=36),
                                 metadata={"description": "Une entité de l'entreprise ; toute l'entreprise sinon."})


class YearQuerySchema(Schema):
    year = fields.Integer(required=True, validate=YEAR, metadata={"description": "L'année civile."})


class EntitySchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class DaysSchema(Schema):
    asked = fields.Float(required=True, metadata={"description": "Jours demandés (une demi-journée compte 0,5)."})
    approved = fields.Float(required=True, metadata={"description": "Jours validés par le manager."})
    done = fields.Float(required=True, metadata={"description": "Jours réalisés : présence attestée par l'association."})


class BreakdownRowSchema(DaysSchema):
    key = fields.String(required=True)
    label = fields.String(required=True)


class FunnelStepSchema(Schema):
    step = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class BilanAnswerSchema(Schema):
    answer = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class BilanQuestionSchema(Schema):
    question = fields.String(required=True)
    label = fields.String(required=True)
    answers = fields.List(fields.Nested(BilanAnswerSchema), required=True)


class ReportSchema(Schema):
    company_id = fields.String(required=True)
    company_name = fields.String(required=True)
    year = fields.Integer(required=True)
    entity_id = fields.String(allow_none=True, required=True)
    entities = fields.List(fields.Nested(EntitySchema), required=True)
    years = fields.List(fields.Integer(), required=True)
    headcount = fields.Integer(required=True, metadata={"description": "Collaborateurs actifs (de l'entité choisie)."})
    people_engaged = fields.Integer(required=True)
    engaged_share = fields.Float(required=True, metadata={"description": "people_engaged / headcount, entre 0 et 1."})
    days = fields.Nested(DaysSchema, required=True)
    end_of_career_days = fields.Nested(DaysSchema, required=True)
    missions_helped = fields.Integer(required=True)
    associations_helped = fields.Integer(required=True)
    by_theme = fields.List(fields.Nested(BreakdownRowSchema), required=True)
    by_association = fields.List(fields.Nested(BreakdownRowSchema), required=True)
    by_entity = fields.List(fields.Nested(BreakdownRowSchema), required=True)
    by_month = fields.List(fields.Nested(BreakdownRowSchema), required=True)
    funnel = fields.List(fields.Nested(FunnelStepSchema), required=True)
    bilan = fields.List(fields.Nested(BilanQuestionSchema), required=True)


class CompanySchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class CompanyListSchema(Schema):
    companies = fields.List(fields.Nested(CompanySchema), required=True)


class PayAccessSchema(Schema):
    company_id = fields.String(required=True)
    granted = fields.Boolean(required=True, metadata={"description": "Tu as la permission « données de rémunération »."})
    can_grant = fields.Boolean(required=True, metadata={"description": "Tu peux donner ou retirer cette permission."})
