"""marshmallow shapes of impact's HTTP API."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from flask_smorest.fields import Upload

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
    label = fields.String(required=True, metadata={"description": "La question, telle que le bilan la pose au collaborateur."})
    title = fields.String(required=True, metadata={"description": "Le titre de ses réponses dans le rapport de l'entreprise."})
    answers = fields.List(fields.Nested(BilanAnswerSchema), required=True)


class ReportSchema(Schema):
    company_id = fields.String(allow_none=True, required=True, metadata={"description": "null : toutes les entreprises (opérateurs)."})
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
    by_company = fields.List(fields.Nested(BreakdownRowSchema), required=True,
                             metadata={"description": "Par entreprise : une ligne pour une entreprise, toutes pour l'opérateur."})
    funnel = fields.List(fields.Nested(FunnelStepSchema), required=True)
    quiz_participants = fields.Integer(required=True, metadata={"description": "Personnes qui ont répondu à un quiz dans l'année."})
    quiz_attempts = fields.Integer(required=True, metadata={"description": "Réponses à des quiz dans l'année."})
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


# -- pay data ----------------------------------------------------------------------------------------------------------


class PayHolderSchema(Schema):
    person_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    granted_by = fields.String(required=True)
    granted_at = fields.AwareDateTime(required=True)


class PayHoldersSchema(Schema):
    holders = fields.List(fields.Nested(PayHolderSchema), required=True)


class PayImportFileSchema(Schema):
    file = Upload(required=True, metadata={"description": "Le fichier CSV : email;salaire_brut_annuel;taux_charges_patronales[;date_entree]."})


RECEIPTS_TO_CONFIRM_AGAIN = ("Les associations dont les données du reçu confirmées ne correspondent plus depuis ce changement : "
                             "elles doivent les confirmer de nouveau (Tandem les prévient par e-mail).")


class PayImportResultSchema(Schema):
    year = fields.Integer(required=True)
    imported = fields.Integer(required=True, metadata={"description": "Le nombre de personnes dont la rémunération a été importée."})
    receipts_to_confirm_again = fields.List(fields.String(), required=True, metadata={"description": RECEIPTS_TO_CONFIRM_AGAIN})


class PayRecordSchema(Schema):
    person_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    entity_name = fields.String(allow_none=True, required=True)
    annual_gross_pay = fields.Float(required=True)
    employer_charge_rate = fields.Float(required=True, metadata={"description": "0,45 pour 45 %."})
    employed_from = fields.Date(allow_none=True, required=True)
    imported_at = fields.AwareDateTime(required=True)


class PayRecordsSchema(Schema):
    year = fields.Integer(required=True)
    records = fields.List(fields.Nested(PayRecordSchema), required=True)


class DailyCostSchema(Schema):
    entity_id = fields.String(required=True)
    entity_name = fields.String(required=True)
    daily_cost = fields.Float(allow_none=True, required=True,
                              metadata={"description": "Le coût d'un jour que la valorisation de l'année demandée utilise."})
    set_for_year = fields.Integer(allow_none=True, required=True, metadata={
        "description": "L'année pour laquelle ce coût a été fixé : une autre que l'année demandée quand celle-ci n'a pas le sien "
                       "(le plus récent fixé avant elle, sinon le premier fixé après)."})


class DailyCostsSchema(Schema):
    entities = fields.List(fields.Nested(DailyCostSchema), required=True)
    receipts_to_confirm_again = fields.List(fields.String(), metadata={
        "description": RECEIPTS_TO_CONFIRM_AGAIN + " Seulement dans la réponse à un changement."})


class DailyCostInputSchema(Schema):
    year = fields.Integer(required=True, validate=YEAR, metadata={
        "description": "L'année civile pour laquelle ce coût vaut ; les autres années gardent le leur."})
    daily_cost = fields.Float(required=True, allow_none=True,
                                validate=validate.Range(min=0, max=100000, error="Le coût d'un jour doit être compris entre 0 et 100 000 €."),
                                metadata={"description": "Le coût d'un jour, en euros ; null le retire."})


class PayAuditLineSchema(Schema):
    at = fields.AwareDateTime(required=True)
    actor_id = fields.String(required=True)
    action = fields.String(required=True)
    detail = fields.String(required=True)


class PayAuditSchema(Schema):
    lines = fields.List(fields.Nested(PayAuditLineSchema), required=True)


# -- the valuation -----------------------------------------------------------------------------------------------------


class PriorExcessSchema(Schema):
    year = fields.Integer(required=True, validate=YEAR)
    amount = fields.Float(required=True,
                            validate=validate.Range(min=0, max=10**11, error="Le montant doit être positif."))


class ValuationSettingsInputSchema(Schema):
    turnover_excl_tax = fields.Float(required=True, allow_none=True,
                                       validate=validate.Range(min=0, max=10**12, error="Le chiffre d'affaires doit être positif."),
                                       metadata={"description": "Le chiffre d'affaires hors taxes de l'exercice, en euros."})
    prior_excess = fields.List(fields.Nested(PriorExcessSchema), load_default=list, validate=validate.Length(max=10),
                               metadata={"description": "Les excédents des années que Tandem n'a pas valorisées, encore reportables."})
    exception_association_ids = fields.List(SingleLineString(validate=validate.Length(min=1, max=64)), load_default=list,
                                            validate=validate.Length(max=500),
                                            metadata={"description": "Les associations qui gardent le taux de 60 % au-delà de 2 millions d'euros (exceptions de la loi)."})


class ValuationSettingsSchema(Schema):
    company_id = fields.String(required=True)
    year = fields.Integer(required=True)
    turnover_excl_tax = fields.Float(allow_none=True, required=True)
    prior_excess = fields.List(fields.Dict(), required=True)
    exception_association_ids = fields.List(fields.String(), required=True)


class ValuationPersonSchema(Schema):
    person_id = fields.String(required=True)
    name = fields.String(required=True)
    entity_name = fields.String(allow_none=True, required=True)
    days = fields.Float(required=True)
    day_value = fields.Float(required=True)
    value = fields.Float(required=True)
    source = fields.String(required=True, metadata={"description": "pay, entity_default ou missing."})
    source_label = fields.String(required=True)


class ValuationReceiptSchema(Schema):
    state = fields.String(required=True, metadata={
        "description": "`confirmed`, ou `changed` : le montant ou les journées ne correspondent plus, l'association doit confirmer de nouveau."})
    amount = fields.Float(required=True, metadata={"description": "Le montant que l'association a confirmé (euros)."})
    receipt_number = fields.String(required=True)
    confirmed_at = fields.AwareDateTime(required=True)


class ValuationAssociationSchema(Schema):
    association_id = fields.String(required=True)
    name = fields.String(required=True)
    siren = fields.String(allow_none=True, required=True)
    rna = fields.String(allow_none=True, required=True)
    address = fields.String(required=True)
    days = fields.Float(required=True)
    value = fields.Float(required=True)
    exception = fields.Boolean(required=True)
    above_declaration_threshold = fields.Boolean(required=True)
    receipt = fields.Nested(ValuationReceiptSchema, allow_none=True, metadata={
        "description": "Les données du reçu que l'association a confirmées pour cette année, ou null."})


class CarriedSchema(Schema):
    year = fields.Integer(required=True)
    amount = fields.Float(required=True)
    usable_until = fields.Integer()


class ReductionSchema(Schema):
    ceiling = fields.Float(required=True)
    within_ceiling = fields.Float(required=True)
    excess = fields.Float(required=True)
    carry_forward_used = fields.Float(required=True)
    base_at_rate = fields.Float(required=True)
    base_at_reduced_rate = fields.Float(required=True)
    rate = fields.Float(required=True)
    reduced_rate = fields.Float(required=True)
    reduction = fields.Float(required=True)
    carried_left = fields.List(fields.Nested(CarriedSchema), required=True)
    expired = fields.List(fields.Nested(CarriedSchema), required=True)


class ValuationSchema(Schema):
    company_id = fields.String(required=True)
    company_name = fields.String(required=True)
    company_siren = fields.String(required=True)
    year = fields.Integer(required=True)
    pass_amount = fields.Float(required=True)
    pay_cap = fields.Float(required=True)
    working_days = fields.Integer(required=True)
    sources = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    turnover_excl_tax = fields.Float(allow_none=True, required=True)
    people = fields.List(fields.Nested(ValuationPersonSchema), required=True)
    people_without_value = fields.Integer(required=True)
    associations = fields.List(fields.Nested(ValuationAssociationSchema), required=True)
    beneficiaries_above_threshold = fields.List(fields.Nested(ValuationAssociationSchema), required=True)
    declaration_threshold = fields.Float(required=True)
    total_days = fields.Float(required=True)
    total_value = fields.Float(required=True)
    reduction = fields.Nested(ReductionSchema, required=True)
