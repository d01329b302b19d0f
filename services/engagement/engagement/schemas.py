"""Engagement's API shapes (marshmallow): what clients send and receive."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from . import domain

NAME = validate.Length(min=1, max=100)


class MissionCopySchema(Schema):
    id = fields.String()
    title = fields.String()
    association_name = fields.String()
    status = fields.String()
    url = fields.String()
    as_of = fields.AwareDateTime()


class MessageSchema(Schema):
    detail = fields.String(metadata={"description": "Un message à montrer tel quel."})


class SignUpSchema(Schema):
    first_name = fields.String(required=True, validate=NAME, metadata={"description": "Prénom"})
    last_name = fields.String(required=True, validate=NAME, metadata={"description": "Nom"})
    email = fields.Email(required=True, metadata={"description": "Adresse e-mail professionnelle"})
    password = fields.String(required=True, metadata={"description": domain.PASSWORD_RULE})
    password_confirmation = fields.String(required=True)
    entity_id = fields.String(required=True, metadata={"description": "Entité de rattachement"})
    consent = fields.Boolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


class EntitySchema(Schema):
    id = fields.String()
    name = fields.String()


class SignUpOptionsSchema(Schema):
    company_name = fields.String()
    uses_sso = fields.Boolean()
    entities = fields.List(fields.Nested(EntitySchema))


class EmailSchema(Schema):
    email = fields.Email(required=True)


class LoginSchema(Schema):
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1024))


class NewPasswordSchema(Schema):
    password = fields.String(required=True)
    password_confirmation = fields.String(required=True)


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
    first_name = fields.String(validate=NAME)
    last_name = fields.String(validate=NAME)
    entity_id = fields.String()
    phone = fields.String(allow_none=True, validate=validate.Regexp(r"^\+?[0-9 .()-]{6,30}$", error="Ce numéro de téléphone n'est pas valide."))
    manager_email = fields.Email(allow_none=True)
    retirement_date = fields.Date(allow_none=True)


class PreferencesSchema(Schema):
    professional_expertises = fields.List(fields.String(), required=True, validate=validate.Length(max=len(domain.PROFESSIONAL_EXPERTISES)))
    personal_expertises = fields.List(fields.String(), required=True, validate=validate.Length(max=len(domain.PERSONAL_EXPERTISES)))
    themes = fields.List(fields.String(), required=True, validate=validate.Length(max=len(domain.THEMES)))
    alerts_opt_in = fields.Boolean(required=True, metadata={"description": "Je souhaite être alerté.e par e-mail dès qu'une mission correspondant à ma sélection est publiée"})


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


class TodoSchema(Schema):
    finalise_registration = fields.Integer(metadata={"description": "Finalise ton inscription"})
    validate_team_dates = fields.Integer(metadata={"description": "Valide les dates de ton équipe"})
    complete_bilan = fields.Integer(metadata={"description": "Complète ton bilan"})
    conventions_to_sign = fields.Integer(metadata={"description": "Signe ta convention"})


class DashboardSchema(Schema):
    first_name = fields.String()
    year = fields.Integer()
    days_used = fields.Float(metadata={"description": "Tu as déjà utilisé X jours de mission."})
    days_used_label = fields.String()
    allowance = fields.Nested(AllowanceSchema)
    days_remaining = fields.Float(allow_none=True)
    todo = fields.Nested(TodoSchema)


class AccountDeletionSchema(Schema):
    password = fields.String(required=True, metadata={"description": "Ton mot de passe, pour confirmer."})


# -- administration: companies, entities, people, invitations, the audit log ----------------------
# (shapes for admin.py; the views apply who may change what)

from marshmallow import ValidationError  # noqa: E402

ROLE_CHOICES = [role.value for role in domain.Role]
LEGAL_TEXT = validate.Length(min=1, max=200)
DOMAIN_PATTERN = r"^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"
DAYS_PER_YEAR_RULE = "Jours de mécénat par salarié et par année civile : de 0,5 à 10, par demi-journée (le guide prévoit 1 à 2 jours ; 2 par défaut)."


class DomainName(fields.String):
    """An e-mail domain, read trimmed and in lower case ("Horizon.Example " is "horizon.example")."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip().lower()


class Siren(fields.String):
    """Nine digits; the spaces people type ("552 100 554") are dropped."""

    def _deserialize(self, value, attr, data, **kwargs):
        return "".join(super()._deserialize(value, attr, data, **kwargs).split())


def _half_days(value: float) -> None:
    if (value * 2) != int(value * 2):
        raise ValidationError("Indique un nombre de jours par demi-journée (par exemple 1, 1.5 ou 2).")


def _domain_list(**kwargs) -> fields.List:
    return fields.List(
        DomainName(validate=validate.Regexp(DOMAIN_PATTERN, error="Ce n'est pas un nom de domaine valide (par exemple entreprise.fr).")),
        validate=validate.Length(min=1, max=20, error="Indique entre 1 et 20 domaines."),
        metadata={"description": "Les domaines des adresses e-mail autorisées à s'inscrire ; un domaine n'appartient qu'à une entreprise."},
        **kwargs,
    )


def _days_per_year(**kwargs) -> fields.Float:
    return fields.Float(
        validate=[validate.Range(min=0.5, max=10, error="Entre 0,5 et 10 jours par an."), _half_days],
        metadata={"description": DAYS_PER_YEAR_RULE},
        **kwargs,
    )


class CompanyCreateSchema(Schema):
    name = fields.String(required=True, validate=LEGAL_TEXT, metadata={"description": "Raison sociale"})
    head_office_address = fields.String(required=True, validate=validate.Length(min=1, max=500), metadata={"description": "Adresse du siège social"})
    siren = Siren(required=True, validate=validate.Regexp(r"^\d{9}$", error="Le SIREN compte exactement 9 chiffres."), metadata={"description": "SIREN (9 chiffres)"})
    rcs = fields.String(required=True, validate=LEGAL_TEXT, metadata={"description": "Immatriculation au RCS, par exemple « RCS Lyon 552 100 554 »"})
    representative_name = fields.String(required=True, validate=LEGAL_TEXT, metadata={"description": "Nom du représentant légal (signataire des conventions)"})
    representative_title = fields.String(required=True, validate=LEGAL_TEXT, metadata={"description": "Qualité du représentant"})
    email_domains = _domain_list(required=True)
    days_per_year = _days_per_year(load_default=2.0)
    end_of_career_enabled = fields.Boolean(load_default=True, metadata={"description": "Mécénat fin de carrière : 1 jour par semaine dans les 12 mois avant la retraite."})
    uses_sso = fields.Boolean(load_default=False, metadata={"description": "L'entreprise utilise la connexion SSO (l'inscription par formulaire est alors fermée)."})


class CompanyUpdateSchema(Schema):
    name = fields.String(validate=LEGAL_TEXT)
    head_office_address = fields.String(validate=validate.Length(min=1, max=500))
    siren = Siren(validate=validate.Regexp(r"^\d{9}$", error="Le SIREN compte exactement 9 chiffres."))
    rcs = fields.String(validate=LEGAL_TEXT)
    representative_name = fields.String(validate=LEGAL_TEXT)
    representative_title = fields.String(validate=LEGAL_TEXT)
    email_domains = _domain_list()
    days_per_year = _days_per_year()
    end_of_career_enabled = fields.Boolean()
    uses_sso = fields.Boolean()


class CompanySchema(Schema):
    id = fields.String()
    name = fields.String()
    head_office_address = fields.String()
    siren = fields.String()
    rcs = fields.String()
    representative_name = fields.String()
    representative_title = fields.String()
    email_domains = fields.List(fields.String())
    days_per_year = fields.Float()
    end_of_career_enabled = fields.Boolean()
    uses_sso = fields.Boolean()
    entities = fields.List(fields.Nested(EntitySchema))
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class CompanyListSchema(Schema):
    items = fields.List(fields.Nested(CompanySchema))
    total = fields.Integer()


class EntityInputSchema(Schema):
    name = fields.String(required=True, validate=LEGAL_TEXT, metadata={"description": "Nom de l'entité de rattachement"})


class PageQuerySchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class PeopleQuerySchema(PageQuerySchema):
    q = fields.String(validate=validate.Length(min=1, max=100), metadata={"description": "Cherche dans le prénom, le nom et l'adresse e-mail."})
    status = fields.String(validate=validate.OneOf([status.value for status in domain.PersonStatus]))


class AdminPersonSchema(PersonSchema):
    retirement_confirmed_at = fields.AwareDateTime(allow_none=True)
    retirement_confirmed_by = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class PersonPageSchema(Schema):
    items = fields.List(fields.Nested(AdminPersonSchema))
    total = fields.Integer()


class PersonAdminUpdateSchema(Schema):
    roles = fields.List(
        fields.String(validate=validate.OneOf(ROLE_CHOICES)),
        validate=validate.Length(min=1, error="Garde au moins un rôle."),
        metadata={"description": "Tous les rôles de la personne (remplacent les actuels)."},
    )
    status = fields.String(validate=validate.OneOf(["active", "disabled"]), metadata={"description": "active ou disabled"})
    association_ids = fields.List(
        fields.String(validate=validate.Length(min=1, max=36)),
        metadata={"description": "Les associations d'un référent (opérateurs de la plateforme seulement)."},
    )


class InvitationSchema(Schema):
    email = fields.Email(required=True)
    first_name = fields.String(required=True, validate=NAME)
    last_name = fields.String(required=True, validate=NAME)
    roles = fields.List(fields.String(validate=validate.OneOf(ROLE_CHOICES)), required=True, validate=validate.Length(min=1))
    company_id = fields.String(allow_none=True, metadata={"description": "Par défaut, l'entreprise de l'administrateur qui invite."})
    entity_id = fields.String(allow_none=True)
    association_ids = fields.List(fields.String(validate=validate.Length(min=1, max=36)), metadata={"description": "Obligatoire pour un référent d'association."})


class InvitationSentSchema(Schema):
    person = fields.Nested(AdminPersonSchema)
    expires_at = fields.AwareDateTime(metadata={"description": "Fin de validité du lien envoyé par e-mail."})


class InvitationPreviewSchema(Schema):
    email = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    company_name = fields.String(allow_none=True)
    roles = fields.List(fields.String())
    expires_at = fields.AwareDateTime()


class InvitationAcceptanceSchema(Schema):
    password = fields.String(required=True, metadata={"description": domain.PASSWORD_RULE})
    password_confirmation = fields.String(required=True)
    first_name = fields.String(validate=NAME)
    last_name = fields.String(validate=NAME)
    consent = fields.Boolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


class AuditQuerySchema(PageQuerySchema):
    person_id = fields.String(validate=validate.Length(min=1, max=36))
    action = fields.String(validate=validate.Length(min=1, max=60))


class AuditEntrySchema(Schema):
    id = fields.Integer()
    at = fields.AwareDateTime()
    action = fields.String()
    person_id = fields.String(allow_none=True)
    actor_id = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    user_agent = fields.String(allow_none=True)
    details = fields.Dict()


class AuditPageSchema(Schema):
    items = fields.List(fields.Nested(AuditEntrySchema))
    total = fields.Integer()
