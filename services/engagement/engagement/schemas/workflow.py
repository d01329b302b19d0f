"""Shapes of the mission workflow (issue 5): applying, dates, participations, attendance, the bilan."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.date_fields import CalendarDate
from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import MultiLineString, SingleLineString

from .. import domain
from .phone import phone_number


DATE_FORMAT_FIELD = validate.OneOf(list(domain.DATE_FORMATS), error="Choisis le format de la date : journée (full_day) ou 1/2 journée (half_day).")


class ApplicationDraftQuerySchema(Schema):
    mission_id = SingleLineString(required=True, validate=validate.Length(min=1, max=36))


class ApplicationDraftSchema(Schema):
    mission_id = fields.String()
    mission_title = fields.String()
    association_name = fields.String()
    message = fields.String(metadata={"description": "Le message pré-rempli du guide : « Bonjour, Je suis … »."})
    phone = fields.String(allow_none=True, metadata={"description": "Le téléphone du profil, s'il est connu."})
    years = fields.List(fields.Integer(), metadata={"description": "Les années civiles pour lesquelles tu peux postuler à cette mission."})


class ApplicationSchema(Schema):
    mission_id = SingleLineString(required=True, validate=validate.Length(min=1, max=36))
    message = MultiLineString(required=True, validate=validate.Length(min=20, max=5000, error="Ton message doit faire entre 20 et 5 000 caractères."))
    phone = SingleLineString(required=True, validate=phone_number, metadata={"description": "Ton téléphone (enregistré dans ton profil s'il n'y était pas)."})
    year = fields.Integer(load_default=None, allow_none=True, metadata={
        "description": "L'année civile de la participation : l'année en cours (par défaut) ou la suivante (1 convention = 1 année civile)."})


class MissionRefSchema(Schema):
    id = fields.String()
    title = fields.String()
    association_id = fields.String(allow_none=True)
    association_name = fields.String()
    url = fields.String()
    status = fields.String()
    contact_name = fields.String(allow_none=True)
    contact_email = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)


class StepSchema(Schema):
    number = fields.Integer()
    label = fields.String()
    state = fields.String(metadata={"description": "done, in_progress (en attente d'un tiers), todo, to_sign (étape 3 : une version "
                                                   "de ta convention attend ta signature) ou locked."})
    hint = fields.String(allow_none=True)


class MissionDateSchema(Schema):
    date = fields.Date()
    format = fields.String(metadata={"description": "full_day (journée) ou half_day (1/2 journée)."})
    format_label = fields.String()
    label = fields.String(metadata={"description": "« Lundi 26 (journée) »"})
    state = fields.String(metadata={"description": "pending, approved, refused ou cancelled."})
    state_label = fields.String(metadata={"description": "L'état en mots : « en attente de validation », « validée » (couverte par la "
                                                         "convention signée), « convention à signer » (seule la dernière version, pas encore "
                                                         "signée, la couvre), « validée, convention en préparation », « refusée », « annulée », "
                                                         "« passée sans validation » (en attente, et le jour est passé)."})
    too_late = fields.Boolean(metadata={"description": "En attente de validation, et le jour est passé : le manager ne peut plus "
                                                       "l'accepter ; la demande est à annuler."})
    convention_signed = fields.Boolean(metadata={"description": "Une version signée de la convention couvre cette date."})
    present = fields.Boolean(allow_none=True, metadata={"description": "La présence attestée par l'association (null : pas encore)."})
    request_id = fields.String()


class OtherManagerPersonSchema(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String()


class OtherManagerDateSchema(Schema):
    date = fields.Date()
    format = fields.String()
    label = fields.String(metadata={"description": "« Lundi 26 (journée) »"})


class OtherManagerRequestSchema(Schema):
    id = fields.String()
    person = fields.Nested(OtherManagerPersonSchema)
    mission_title = fields.String()
    association_name = fields.String()
    kind = fields.String(metadata={"description": "initial ou additional."})
    manager_email = fields.String(metadata={"description": "À qui la demande a été envoyée : c'est cette personne qui la décide."})
    recorded_manager_email = fields.String(allow_none=True, metadata={
        "description": "Le manager enregistré de la personne au moment de la demande (null : aucun)."})
    status = fields.String(metadata={"description": "pending, approved, refused ou cancelled."})
    requested_at = fields.AwareDateTime()
    decided_at = fields.AwareDateTime(allow_none=True)
    decided_via = fields.String(allow_none=True, metadata={"description": "link (le lien de l'e-mail) ou team_view."})
    dates = fields.List(fields.Nested(OtherManagerDateSchema))


class OtherManagerRequestPageSchema(Schema):
    items = fields.List(fields.Nested(OtherManagerRequestSchema))
    total = fields.Integer()


class MonthSchema(Schema):
    month = fields.String(metadata={"description": "« JANVIER 2026 »"})
    dates = fields.List(fields.Nested(MissionDateSchema))


class DateRequestViewSchema(Schema):
    id = fields.String()
    participation_id = fields.String()
    kind = fields.String(metadata={"description": "initial (« Je valide mes dates ») ou additional (« Ajouter des dates »)."})
    status = fields.String(metadata={"description": "pending, approved, refused ou cancelled."})
    manager_email = fields.String()
    message = fields.String()
    requested_at = fields.AwareDateTime()
    sent_to_manager = fields.Boolean(metadata={"description": "approval a envoyé la demande au manager."})
    manager_lost_access = fields.Boolean(metadata={
        "description": "La personne à qui la demande a été envoyée n'a plus accès à Tandem (compte désactivé ou supprimé) : "
                       "personne ne peut plus la valider ; le salarié l'annule et renvoie ses dates à son manager actuel."})
    date_passed = fields.Boolean(metadata={
        "description": "Demande en attente dont une date est passée : le manager ne peut plus l'accepter (les dates se "
                       "valident avant la mission), seulement la refuser ; le salarié l'annule et demande d'autres dates."})
    decided_at = fields.AwareDateTime(allow_none=True)
    refusal_reason = fields.String(allow_none=True)
    cancelled_at = fields.AwareDateTime(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    dates = fields.List(fields.Nested(MissionDateSchema))


class ConventionSchema(Schema):
    id = fields.String()
    version = fields.Integer(metadata={"description": "La dernière version éditée (chaque nouvel ensemble de dates validées en fait une)."})
    issued_at = fields.AwareDateTime(allow_none=True)
    signed_version = fields.Integer(allow_none=True, metadata={"description": "La dernière version signée (null : aucune)."})
    signed_at = fields.AwareDateTime(allow_none=True)
    to_sign = fields.Boolean(metadata={"description": "La dernière version éditée attend ta signature."})
    sign_url = fields.String(metadata={"description": "La page où lire et signer la convention : /mon-compte/conventions/<id>."})


class ParticipationSchema(Schema):
    id = fields.String()
    year = fields.Integer()
    status = fields.String(metadata={"description": "open, withdrawn ou closed (bilan complété)."})
    submitted_at = fields.AwareDateTime()
    withdrawn_at = fields.AwareDateTime(allow_none=True)
    mission = fields.Nested(MissionRefSchema)
    steps = fields.List(fields.Nested(StepSchema))
    convention_state = fields.String(metadata={"description": "L'étape 3 « Je signe ma convention » : todo (pas encore de convention), "
                                                              "to_sign (la dernière version attend ta signature) ou done (signée)."})
    convention = fields.Nested(ConventionSchema, allow_none=True, metadata={"description": "La convention de l'année (null : pas encore éditée)."})
    months = fields.List(fields.Nested(MonthSchema), metadata={"description": "Les dates validées ou en attente, par mois."})
    requests = fields.List(fields.Nested(DateRequestViewSchema), metadata={"description": "Les demandes, les plus récentes d'abord."})
    days_approved = fields.Float()
    days_pending = fields.Float()
    attendance_complete = fields.Boolean()
    attendance_completed_at = fields.AwareDateTime(allow_none=True)
    bilan_completed_at = fields.AwareDateTime(allow_none=True)
    bilan_pdf_url = fields.String(allow_none=True, metadata={"description": "Le bilan en PDF, une fois édité (null : pas encore)."})
    can_request_dates = fields.Boolean(metadata={"description": "« JE VALIDE MES DATES » est possible."})
    can_add_dates = fields.Boolean(metadata={"description": "« AJOUTER DES DATES » est possible (des dates sont déjà validées ou en attente)."})
    can_withdraw = fields.Boolean()
    can_complete_bilan = fields.Boolean()
    detail = fields.String(metadata={"description": "Un message à montrer après l'action, le cas échéant."})


class TeamMemberSchema(Schema):
    id = fields.String()
    name = fields.String()


class TeamParticipationSchema(Schema):
    """A team member's mission as their manager sees it: who, which mission, the four steps and the dates."""

    id = fields.String()
    year = fields.Integer()
    status = fields.String()
    person = fields.Nested(TeamMemberSchema)
    mission = fields.Nested(MissionRefSchema)
    steps = fields.List(fields.Nested(StepSchema))
    months = fields.List(fields.Nested(MonthSchema))
    days_approved = fields.Float()
    days_pending = fields.Float()


class TeamParticipationListSchema(Schema):
    items = fields.List(fields.Nested(TeamParticipationSchema))
    total = fields.Integer()


class ParticipationListSchema(Schema):
    items = fields.List(fields.Nested(ParticipationSchema))
    total = fields.Integer()


class DayInputSchema(Schema):
    date = CalendarDate(required=True)
    format = SingleLineString(required=True, validate=DATE_FORMAT_FIELD)


class DateRequestDraftSchema(Schema):
    manager_email = fields.String(allow_none=True, metadata={
        "description": "Ton manager, enregistré par l'administrateur de ton entreprise (null : pas encore enregistré)."})
    message = fields.String(metadata={"description": "Le message pré-rempli du guide pour ton manager."})
    year = fields.Integer()
    other_manager_policy = fields.String(metadata={
        "description": "Si tu peux envoyer ta demande à un autre manager de l'entreprise : allowed, allowed_notify_admin "
                       "(l'administrateur est prévenu) ou refused (seul ton manager enregistré valide)."})
    company_domains = fields.List(fields.String(), metadata={"description": "Les domaines des adresses de l'entreprise."})


class DateRequestInputSchema(Schema):
    manager_email = fields.Email(load_default=None, allow_none=True, metadata={
        "description": "Ta demande d'absence sera envoyée à : par défaut ton manager enregistré par ton entreprise ; un autre "
                       "manager, à une adresse de l'entreprise, seulement si la politique de l'entreprise le permet."})
    dates = fields.List(fields.Nested(DayInputSchema), required=True,
                        validate=validate.Length(min=1, max=60, error="Indique entre 1 et 60 dates."))
    message = MultiLineString(load_default=None, allow_none=True, validate=validate.Length(max=5000),
                            metadata={"description": "Message pour ton manager (par défaut, celui du guide)."})


class AttendanceItemSchema(Schema):
    date = CalendarDate(required=True)
    present = StrictBoolean(required=True)


class AttendanceInputSchema(Schema):
    dates = fields.List(fields.Nested(AttendanceItemSchema), required=True, validate=validate.Length(min=1, max=366))


class PersonContactSchema(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String()
    phone = fields.String(allow_none=True)


class MissionTitleSchema(Schema):
    id = fields.String()
    title = fields.String()


class ReferentDateSchema(MissionDateSchema):
    attestable = fields.Boolean(metadata={"description": "Le jour est venu : la présence peut être attestée, si une version signée "
                                                         "de la convention couvre la date (`convention_signed`)."})


class ReferentParticipationSchema(Schema):
    id = fields.String()
    year = fields.Integer()
    status = fields.String()
    submitted_at = fields.AwareDateTime()
    person = fields.Nested(PersonContactSchema)
    mission = fields.Nested(MissionTitleSchema)
    message = fields.String()
    dates = fields.List(fields.Nested(ReferentDateSchema), metadata={"description": "Les dates validées par le manager, avec la présence."})
    pending_dates = fields.List(fields.Nested(MissionDateSchema))
    attendance_complete = fields.Boolean()
    days_present = fields.Float()
    bilan_completed = fields.Boolean()


class ReferentParticipationListSchema(Schema):
    items = fields.List(fields.Nested(ReferentParticipationSchema))
    total = fields.Integer()


class BilanQuestionSchema(Schema):
    key = fields.String()
    label = fields.String()
    type = fields.String(metadata={"description": "choice ou text"})
    required = fields.Boolean()
    choices = fields.List(fields.String())
    required_if = fields.Dict(keys=fields.String(), values=fields.String(), metadata={"description": "Obligatoire quand cette autre réponse est donnée."})


class BilanQuestionListSchema(Schema):
    title = fields.String()
    items = fields.List(fields.Nested(BilanQuestionSchema))


class BilanInputSchema(Schema):
    answers = fields.Dict(keys=SingleLineString(), values=MultiLineString(allow_none=True), required=True,
                          metadata={"description": "Les réponses par clé de question (voir GET /bilan-questions)."})
