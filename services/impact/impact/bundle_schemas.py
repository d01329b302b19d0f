"""marshmallow shapes of the yearly bundle's API (statements.py): the « état récapitulatif des journées » and the
receipt's data (Cerfa n° 16216)."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import SingleLineString

from .schemas import YEAR

CONSENT_MESSAGE = "Coche la case pour confirmer."


class BundleYearQuerySchema(Schema):
    year = fields.Integer(required=True, validate=YEAR, metadata={"description": "L'année civile."})


RECEIPT_STATE = ("`to_confirm`, `confirmed`, `changed` (confirmées, puis le montant valorisé ou les journées ont changé : "
                 "à confirmer de nouveau) ou `empty`.")


class StatementSummarySchema(Schema):
    company_id = fields.String()
    company_name = fields.String()
    association_id = fields.String()
    association_name = fields.String()
    year = fields.Integer()
    people = fields.Integer(metadata={"description": "Personnes qui ont donné au moins une journée réalisée."})
    total_days = fields.Float(metadata={"description": "Jours réalisés (une demi-journée compte 0,5)."})
    state = fields.String(metadata={"description": "`to_confirm`, `confirmed`, `changed` (confirmé, puis des journées ont "
                                                   "changé : à confirmer de nouveau) ou `empty`."})
    statement_pdf_url = fields.String(allow_none=True, metadata={
        "description": "Le PDF scellé de la dernière version confirmée (documents), ou null."})
    receipt_state = fields.String(metadata={"description": "Les données du reçu : " + RECEIPT_STATE})
    receipt_pdf_url = fields.String(allow_none=True, metadata={"description": "Le PDF des données du reçu confirmées, ou null."})


class StatementListSchema(Schema):
    items = fields.List(fields.Nested(StatementSummarySchema))


class StatementRowSchema(Schema):
    person_id = fields.String()
    person_name = fields.String()
    mission_title = fields.String()
    date = fields.String(metadata={"description": "AAAA-MM-JJ"})
    format = fields.String(metadata={"description": "`full_day` (journée) ou `half_day` (1/2 journée)"})
    days = fields.Float(metadata={"description": "1 ou 0,5."})


class StatementConfirmationSchema(Schema):
    id = fields.String()
    version = fields.Integer()
    total_days = fields.Float()
    confirmed_by_name = fields.String()
    confirmed_at = fields.AwareDateTime()
    pdf_url = fields.String(metadata={"description": "Le PDF scellé, rendu par documents dans les instants qui suivent."})


class StatementSchema(Schema):
    """« État récapitulatif des journées » : les journées réalisées d'une entreprise pour une association, sur une année civile."""

    company_id = fields.String()
    company_name = fields.String()
    association_id = fields.String()
    association_name = fields.String()
    year = fields.Integer()
    rows = fields.List(fields.Nested(StatementRowSchema), metadata={"description": "Par personne, puis par date."})
    people = fields.Integer()
    total_days = fields.Float()
    rows_sha256 = fields.String(metadata={"description": "L'empreinte de la liste affichée, à renvoyer pour la confirmer."})
    state = fields.String(metadata={"description": "`to_confirm`, `confirmed`, `changed` ou `empty`."})
    confirmed = fields.Nested(StatementConfirmationSchema, allow_none=True)


class StatementConfirmRequestSchema(Schema):
    year = fields.Integer(required=True, validate=YEAR)
    rows_sha256 = SingleLineString(required=True, validate=validate.Length(min=64, max=64), metadata={
        "description": "L'empreinte de la liste affichée (`rows_sha256`)."})
    consent = StrictBoolean(required=True, validate=validate.Equal(True, error=CONSENT_MESSAGE), metadata={
        "description": "La case « Je confirme que ces journées ont été réalisées au profit de l'association » cochée : `true`."})


class CompanyIdentitySchema(Schema):
    id = fields.String()
    name = fields.String()
    siren = fields.String()
    head_office_address = fields.String()


class AssociationIdentitySchema(Schema):
    id = fields.String()
    name = fields.String()
    rna = fields.String(allow_none=True)
    siren = fields.String(allow_none=True)
    address = fields.String()
    city = fields.String()
    general_interest_label = fields.String()


class ReceiptConfirmationSchema(Schema):
    id = fields.String()
    version = fields.Integer()
    receipt_number = fields.String()
    amount = fields.Float()
    total_days = fields.Float()
    first_day = fields.Date()
    last_day = fields.Date()
    confirmed_by_name = fields.String()
    confirmed_at = fields.AwareDateTime()
    pdf_url = fields.String()


class ReceiptSchema(Schema):
    """Les données du reçu fiscal (Cerfa n° 16216) que l'association remet à l'entreprise, préremplies par la valorisation."""

    company = fields.Nested(CompanyIdentitySchema, metadata={"description": "Le donateur."})
    association = fields.Nested(AssociationIdentitySchema, metadata={"description": "Le bénéficiaire."})
    year = fields.Integer()
    amount = fields.Float(allow_none=True, metadata={
        "description": "Le montant valorisé pour cette association (euros) ; null tant que l'entreprise n'a pas valorisé ces journées."})
    amount_missing_reason = fields.String(allow_none=True, metadata={
        "description": "Pourquoi le montant n'est pas disponible (à afficher), ou null."})
    total_days = fields.Float()
    first_day = fields.Date(allow_none=True)
    last_day = fields.Date(allow_none=True)
    nature = fields.String()
    form = fields.String()
    article = fields.String()
    statement_state = fields.String(metadata={"description": "L'état récapitulatif doit être `confirmed` avant le reçu."})
    state = fields.String(metadata={"description": "Les données du reçu : " + RECEIPT_STATE})
    confirmed = fields.Nested(ReceiptConfirmationSchema, allow_none=True, metadata={
        "description": "La dernière confirmation (ses montant et journées peuvent différer d'aujourd'hui : `state` le dit), ou null."})


class ReceiptConfirmRequestSchema(Schema):
    year = fields.Integer(required=True, validate=YEAR)
    receipt_number = SingleLineString(required=True, validate=validate.Length(min=1, max=50), metadata={
        "description": "Le numéro d'ordre du reçu, donné par l'association."})
    amount = fields.Float(required=True, allow_nan=False, validate=validate.Range(min=0, max=1_000_000_000), metadata={
        "description": "Le montant affiché (`amount`, en euros), pour vérifier qu'il n'a pas changé."})
    consent = StrictBoolean(required=True, validate=validate.Equal(True, error=CONSENT_MESSAGE), metadata={
        "description": "La case « Je confirme ces données » cochée : `true`."})
