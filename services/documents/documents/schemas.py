"""Documents's API shapes (marshmallow): conventions, their versions and signatures, bilans, the consent text."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.paging import PageArgsSchema
from tandem_shared.text_fields import SingleLineString


class ConventionQuerySchema(PageArgsSchema):
    participation = SingleLineString(load_default=None, validate=validate.Length(min=1, max=36), metadata={
        "description": "Les conventions de cette participation (celles que tu as le droit de lire). "
                       "Sans ce paramètre : tes propres conventions."})


class BilanQuerySchema(PageArgsSchema):
    participation = SingleLineString(load_default=None, validate=validate.Length(min=1, max=36), metadata={
        "description": "Le bilan de cette participation (si tu as le droit de le lire). Sans ce paramètre : tes propres bilans."})


class DownloadArgsSchema(Schema):
    download = fields.Boolean(load_default=False, metadata={
        "description": "`1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur."})


class ConsentSchema(Schema):
    version = fields.String(metadata={"description": "La version du texte d'accord, à renvoyer avec la signature."})
    text = fields.String(metadata={"description": "Le texte d'accord affiché à côté de la case à cocher."})


class DateSchema(Schema):
    date = fields.String(metadata={"description": "AAAA-MM-JJ"})
    format = fields.String(metadata={"description": "`full_day` (journée) ou `half_day` (1/2 journée)"})
    label = fields.String(metadata={"description": "« Lundi 25 janvier 2027 — journée »"})


class VersionSchema(Schema):
    number = fields.Integer(metadata={"description": "Le numéro de la version (1, 2…)."})
    sha256 = fields.String(metadata={"description": "L'empreinte SHA-256 du PDF de cette version, à renvoyer pour la signer."})
    dates = fields.List(fields.Nested(DateSchema), metadata={"description": "Toutes les dates validées que couvre cette version."})
    total_days = fields.Float(metadata={"description": "Jours de mission (une journée compte 1, une demi-journée 0,5)."})
    rendered_at = fields.AwareDateTime()
    current = fields.Boolean(metadata={"description": "La version en vigueur, celle à signer."})
    signed = fields.Boolean(metadata={"description": "Tu as signé cette version."})
    signed_at = fields.AwareDateTime(allow_none=True)
    pdf_url = fields.String(metadata={"description": "Le PDF de cette version."})
    signed_pdf_url = fields.String(allow_none=True, metadata={
        "description": "La copie signée (avec le certificat de signature et le sceau), dès qu'elle est prête ; null avant."})


class ConventionSchema(Schema):
    """« Ma convention » : une participation × une année civile, et toutes ses versions."""

    id = fields.String()
    participation_id = fields.String()
    person_id = fields.String()
    person_name = fields.String()
    mission_id = fields.String()
    mission_title = fields.String()
    association_name = fields.String()
    year = fields.Integer(metadata={"description": "L'année civile couverte (1 convention = 1 année civile)."})
    state = fields.String(metadata={"description": "`to_sign` (la version en vigueur attend ta signature), `signed`, ou "
                                                   "`withdrawn` (toutes les dates ont été retirées : plus rien à signer)."})
    current_version = fields.Integer()
    signed_version = fields.Integer(allow_none=True, metadata={"description": "La dernière version signée, ou null."})
    versions = fields.List(fields.Nested(VersionSchema), metadata={"description": "De la plus ancienne à la plus récente."})


class ConventionListSchema(Schema):
    items = fields.List(fields.Nested(ConventionSchema))
    total = fields.Integer()


class SignatureRequestSchema(Schema):
    version = fields.Integer(required=True, validate=validate.Range(min=1), metadata={"description": "La version affichée et signée."})
    consent = StrictBoolean(required=True, metadata={"description": "La case « J'ai lu la convention… » cochée : `true`."})
    consent_version = SingleLineString(required=True, validate=validate.Length(max=50), metadata={
        "description": "La version du texte d'accord affiché (`GET /consent`)."})
    pdf_sha256 = SingleLineString(required=True, validate=validate.Length(max=64), metadata={
        "description": "L'empreinte SHA-256 (hexadécimal) du PDF affiché : celle de la version."})


class SignatureSchema(Schema):
    """La preuve de ta signature, telle qu'elle est conservée."""

    convention_id = fields.String()
    version = fields.Integer()
    signer_id = fields.String()
    signer_name = fields.String()
    signer_email = fields.String()
    signed_at = fields.AwareDateTime()
    ip_address = fields.String(metadata={"description": "L'adresse IP d'où la signature a été envoyée."})
    user_agent = fields.String(metadata={"description": "Le navigateur utilisé."})
    consent_version = fields.String()
    consent_text = fields.String()
    pdf_sha256 = fields.String(metadata={"description": "L'empreinte SHA-256 du PDF signé (celui de la version)."})
    detail = fields.String(metadata={"description": "Ce qui vient de se passer, à afficher."})


class BilanSchema(Schema):
    participation_id = fields.String()
    person_id = fields.String()
    person_name = fields.String()
    mission_title = fields.String()
    association_name = fields.String()
    year = fields.Integer()
    days_present = fields.Float()
    completed_at = fields.AwareDateTime()
    sha256 = fields.String()
    rendered_at = fields.AwareDateTime()
    pdf_url = fields.String()
    certificate_url = fields.String(allow_none=True, metadata={
        "description": "Ton attestation de mission de mécénat de compétences (PDF), pour toi et les administrateurs de ton "
                       "entreprise ; null pour les autres lecteurs du bilan, ou si elle n'existe pas."})


class BilanListSchema(Schema):
    items = fields.List(fields.Nested(BilanSchema))
    total = fields.Integer()
