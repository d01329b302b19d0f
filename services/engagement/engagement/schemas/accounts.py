"""Shapes of signing up, logging in, the profile, preferences, favourites, the dashboard, and engagement's copy
of a mission."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.date_fields import CalendarDate
from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import SingleLineString

from .. import domain
from .common import NAME, EntitySchema
from .phone import phone_number


class MissionCopySchema(Schema):
    id = fields.String()
    title = fields.String()
    association_id = fields.String(allow_none=True)
    association_name = fields.String()
    status = fields.String()
    url = fields.String()
    contact_name = fields.String(allow_none=True, metadata={"description": "Le référent de la mission à l'association."})
    contact_email = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)
    open_to_all_companies = fields.Boolean()
    as_of = fields.AwareDateTime()


class SignUpSchema(Schema):
    first_name = SingleLineString(required=True, validate=NAME, metadata={"description": "Prénom"})
    last_name = SingleLineString(required=True, validate=NAME, metadata={"description": "Nom"})
    email = fields.Email(required=True, metadata={"description": "Adresse e-mail professionnelle"})
    password = SingleLineString(required=True, metadata={"description": domain.PASSWORD_RULE})
    password_confirmation = SingleLineString(required=True)
    entity_id = SingleLineString(required=True, metadata={"description": "Entité de rattachement"})
    consent = StrictBoolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


class SignUpOptionsSchema(Schema):
    company_name = fields.String()
    uses_sso = fields.Boolean()
    entities = fields.List(fields.Nested(EntitySchema))


class EmailSchema(Schema):
    email = fields.Email(required=True)


class LoginSchema(Schema):
    email = SingleLineString(required=True, validate=validate.Length(min=3, max=254))
    password = SingleLineString(required=True, validate=validate.Length(min=1, max=1024))


class NewPasswordSchema(Schema):
    password = SingleLineString(required=True)
    password_confirmation = SingleLineString(required=True)


class CompanyRefSchema(Schema):
    id = fields.String()
    name = fields.String()
    uses_sso = fields.Boolean()


class PersonSchema(Schema):
    id = fields.String()
    email = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    phone = fields.String(allow_none=True)
    manager_email = fields.String(allow_none=True)
    company = fields.Nested(CompanyRefSchema, allow_none=True)
    entity = fields.Nested(EntitySchema, allow_none=True)
    roles = fields.List(fields.String())
    association_ids = fields.List(fields.String())
    retirement_date = fields.Date(allow_none=True)
    retirement_confirmed = fields.Boolean()
    email_verified = fields.Boolean()
    status = fields.String()


class SessionSchema(Schema):
    person = fields.Nested(PersonSchema)
    expires_at = fields.AwareDateTime(metadata={"description": "Fin de validité du jeton d'accès (renouvelable)."})


class ProfileUpdateSchema(Schema):
    first_name = SingleLineString(validate=NAME)
    last_name = SingleLineString(validate=NAME)
    entity_id = SingleLineString()
    phone = SingleLineString(allow_none=True, validate=phone_number, metadata={"description": "null : retirer ton numéro."})
    manager_email = fields.Email(allow_none=True, metadata={
        "description": "Refusé s'il change : ton manager est enregistré par l'administrateur de ton entreprise."})
    retirement_date = CalendarDate(allow_none=True)


class PreferencesSchema(Schema):
    professional_expertises = fields.List(SingleLineString(), required=True, validate=validate.Length(max=len(domain.PROFESSIONAL_EXPERTISES)))
    personal_expertises = fields.List(SingleLineString(), required=True, validate=validate.Length(max=len(domain.PERSONAL_EXPERTISES)))
    themes = fields.List(SingleLineString(), required=True, validate=validate.Length(max=len(domain.THEMES)))
    alerts_opt_in = StrictBoolean(required=True, metadata={"description": "Je souhaite être alerté.e par e-mail dès qu'une mission correspondant à ma sélection est publiée"})
    quiz_opt_in = StrictBoolean(load_default=None, metadata={"description": "Préviens-moi quand un nouveau quiz est en ligne (par défaut non ; absent : inchangé)."})


class PreferenceChoicesSchema(Schema):
    professional_expertises = fields.List(fields.String())
    personal_expertises = fields.List(fields.String())
    themes = fields.List(fields.String())


class FavoriteSchema(Schema):
    mission_id = fields.String()
    title = fields.String()
    association_name = fields.String()
    url = fields.String()
    added_at = fields.AwareDateTime()


class FavoriteListSchema(Schema):
    items = fields.List(fields.Nested(FavoriteSchema))
    total = fields.Integer()


class AllowanceSchema(Schema):
    kind = fields.String(metadata={"description": "annual ou weekly (mécénat fin de carrière)"})
    days = fields.Float()
    label = fields.String()
    weekly_from = fields.Date(allow_none=True, metadata={
        "description": "Le premier jour des douze mois avant un départ à la retraite confirmé, quand il est à venir : les "
                       "dates à partir de ce jour relèvent du mécénat fin de carrière (1 jour par semaine) et ne comptent "
                       "pas sur les jours de l'année ; null sinon."})


class TodoSchema(Schema):
    finalise_registration = fields.Integer(metadata={"description": "Finalise ton inscription"})
    validate_team_dates = fields.Integer(metadata={"description": "Valide les dates de ton équipe"})
    complete_bilan = fields.Integer(metadata={"description": "Complète ton bilan"})
    conventions_to_sign = fields.Integer(metadata={"description": "Signe ta convention"})


class DashboardSchema(Schema):
    first_name = fields.String()
    year = fields.Integer()
    days_used = fields.Float(metadata={"description": "Tu as déjà utilisé X jours de mission : les dates validées déjà venues (aujourd'hui compris)."})
    days_used_label = fields.String()
    allowance = fields.Nested(AllowanceSchema)
    days_remaining = fields.Float(allow_none=True, metadata={"description": "Allocation annuelle moins les jours validés et en attente (null en mécénat fin de carrière : 1 jour par semaine)."})
    days_planned = fields.Float(metadata={"description": "Les dates validées par ton manager, encore à venir cette année."})
    days_planned_label = fields.String(allow_none=True)
    days_pending = fields.Float(metadata={"description": "Les jours demandés, en attente de ton manager, cette année."})
    days_end_of_career = fields.Float(metadata={
        "description": "Quand le mécénat fin de carrière commence plus tard dans l'année (`allowance.weekly_from`) : les jours "
                       "validés ou demandés à partir de ce jour, à 1 jour par semaine ; ils ne comptent ni dans les jours "
                       "prévus ou en attente ci-dessus, ni sur l'allocation de l'année. 0 sinon."})
    todo = fields.Nested(TodoSchema)


class AccountDeletionSchema(Schema):
    password = SingleLineString(required=True, metadata={"description": "Ton mot de passe, pour confirmer."})
