"""Shapes of the administration: companies, entities, people, invitations, the audit log (the views apply who may
change what)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import SingleLineString

from .. import domain
from .accounts import PersonSchema
from .common import NAME, EntitySchema, PageQuerySchema


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
    name = SingleLineString(required=True, validate=LEGAL_TEXT, metadata={"description": "Raison sociale"})
    head_office_address = SingleLineString(required=True, validate=validate.Length(min=1, max=500), metadata={"description": "Adresse du siège social"})
    siren = Siren(required=True, validate=validate.Regexp(r"^\d{9}$", error="Le SIREN compte exactement 9 chiffres."), metadata={"description": "SIREN (9 chiffres)"})
    rcs = SingleLineString(required=True, validate=LEGAL_TEXT, metadata={"description": "Immatriculation au RCS, par exemple « RCS Lyon 552 100 554 »"})
    representative_name = SingleLineString(required=True, validate=LEGAL_TEXT, metadata={"description": "Nom du représentant légal (signataire des conventions)"})
    representative_title = SingleLineString(required=True, validate=LEGAL_TEXT, metadata={"description": "Qualité du représentant"})
    email_domains = _domain_list(required=True)
    days_per_year = _days_per_year(load_default=2.0)
    end_of_career_enabled = StrictBoolean(load_default=True, metadata={"description": "Mécénat fin de carrière : 1 jour par semaine dans les 12 mois avant la retraite."})
    uses_sso = StrictBoolean(load_default=False, metadata={"description": "L'entreprise utilise la connexion SSO (l'inscription par formulaire est alors fermée)."})
    other_manager_policy = SingleLineString(load_default=domain.DEFAULT_OTHER_MANAGER_POLICY.value,
                                         validate=validate.OneOf([policy.value for policy in domain.OtherManagerPolicy]), metadata={
        "description": "Si un salarié peut faire valider ses dates par un autre manager que celui enregistré (à une adresse de "
                       "l'entreprise) : allowed, allowed_notify_admin (les administrateurs sont prévenus) ou refused."})


class CompanyUpdateSchema(Schema):
    name = SingleLineString(validate=LEGAL_TEXT)
    head_office_address = SingleLineString(validate=validate.Length(min=1, max=500))
    siren = Siren(validate=validate.Regexp(r"^\d{9}$", error="Le SIREN compte exactement 9 chiffres."))
    rcs = SingleLineString(validate=LEGAL_TEXT)
    representative_name = SingleLineString(validate=LEGAL_TEXT)
    representative_title = SingleLineString(validate=LEGAL_TEXT)
    email_domains = _domain_list()
    days_per_year = _days_per_year()
    end_of_career_enabled = StrictBoolean()
    uses_sso = StrictBoolean()
    other_manager_policy = SingleLineString(validate=validate.OneOf([policy.value for policy in domain.OtherManagerPolicy]), metadata={
        "description": "Si un salarié peut faire valider ses dates par un autre manager que celui enregistré (à une adresse de "
                       "l'entreprise) : allowed, allowed_notify_admin (les administrateurs sont prévenus) ou refused."})


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
    other_manager_policy = fields.String()
    entities = fields.List(fields.Nested(EntitySchema))
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class CompanyListSchema(Schema):
    items = fields.List(fields.Nested(CompanySchema))
    total = fields.Integer()


class EntityInputSchema(Schema):
    name = SingleLineString(required=True, validate=LEGAL_TEXT, metadata={"description": "Nom de l'entité de rattachement"})


# Engagement's views name the shared paging arguments so.
class PeopleQuerySchema(PageQuerySchema):
    q = SingleLineString(validate=validate.Length(min=1, max=100), metadata={"description": "Cherche dans le prénom, le nom et l'adresse e-mail."})
    status = SingleLineString(validate=validate.OneOf([status.value for status in domain.PersonStatus]))
    entity_id = SingleLineString(validate=validate.Length(min=1, max=64),
                                 metadata={"description": "Les personnes rattachées à cette entité de l'entreprise."})
    role = SingleLineString(validate=validate.OneOf([role.value for role in domain.Role]),
                            metadata={"description": "Les personnes qui ont ce rôle."})


class AdminPersonSchema(PersonSchema):
    retirement_confirmed_at = fields.AwareDateTime(allow_none=True)
    retirement_confirmed_by = fields.String(allow_none=True)
    end_of_career_from = fields.Date(allow_none=True, metadata={"description": (
        "Le premier jour des douze mois avant la date de départ en retraite : 1 jour par semaine à partir de ce jour, "
        "une fois la date confirmée et le mécénat fin de carrière activé ; null sans date de départ.")})
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class PersonPageSchema(Schema):
    items = fields.List(fields.Nested(AdminPersonSchema))
    total = fields.Integer()


class PersonAdminUpdateSchema(Schema):
    roles = fields.List(
        SingleLineString(validate=validate.OneOf(ROLE_CHOICES)),
        validate=validate.Length(min=1, error="Garde au moins un rôle."),
        metadata={"description": "Tous les rôles de la personne (remplacent les actuels)."},
    )
    status = SingleLineString(validate=validate.OneOf(["active", "disabled"]), metadata={"description": "active ou disabled"})
    association_ids = fields.List(
        SingleLineString(validate=validate.Length(min=1, max=36)),
        metadata={"description": "Les associations d'un référent (opérateurs de la plateforme seulement)."},
    )
    entity_id = SingleLineString(
        validate=validate.Length(min=1, max=36, error="Choisis une entité dans la liste."),
        metadata={"description": "L'entité de rattachement, parmi celles de l'entreprise de la personne."},
    )
    manager_email = fields.Email(allow_none=True, validate=validate.Length(max=254), metadata={
        "description": "Le manager de la personne, qui valide ses dates par défaut : une adresse de l'entreprise (null : aucun)."})


class InvitationSchema(Schema):
    email = fields.Email(required=True)
    first_name = SingleLineString(required=True, validate=NAME)
    last_name = SingleLineString(required=True, validate=NAME)
    roles = fields.List(SingleLineString(validate=validate.OneOf(ROLE_CHOICES)), required=True, validate=validate.Length(min=1))
    company_id = SingleLineString(allow_none=True, metadata={"description": "Par défaut, l'entreprise de l'administrateur qui invite."})
    entity_id = SingleLineString(allow_none=True)
    association_ids = fields.List(SingleLineString(validate=validate.Length(min=1, max=36)), metadata={"description": "Obligatoire pour un référent d'association."})


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
    password = SingleLineString(required=True, metadata={"description": domain.PASSWORD_RULE})
    password_confirmation = SingleLineString(required=True)
    first_name = SingleLineString(validate=NAME)
    last_name = SingleLineString(validate=NAME)
    consent = StrictBoolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


class AuditQuerySchema(PageQuerySchema):
    person_id = SingleLineString(validate=validate.Length(min=1, max=36))
    action = SingleLineString(validate=validate.Length(min=1, max=60))


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


# -- SCIM tokens (issue 14) -----------------------------------------------------------------------------


class ScimTokenCreateSchema(Schema):
    name = SingleLineString(required=True, validate=NAME,
                            metadata={"description": "Un nom pour reconnaître ce jeton (par exemple, le nom de l'annuaire RH)."})


class ScimTokenSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    created_at = fields.AwareDateTime(required=True)
    last_used_at = fields.AwareDateTime(required=True, allow_none=True, metadata={"description": "Dernier appel de l'annuaire avec ce jeton (à la minute près)."})
    revoked_at = fields.AwareDateTime(required=True, allow_none=True)


class ScimTokenListSchema(Schema):
    base_url = fields.String(required=True, metadata={"description": "L'adresse du service SCIM à donner à l'annuaire RH."})
    items = fields.List(fields.Nested(ScimTokenSchema), required=True)


class ScimTokenCreatedSchema(ScimTokenSchema):
    token = fields.String(required=True, metadata={"description": "La valeur du jeton : montrée cette seule fois, jamais gardée en clair."})
    base_url = fields.String(required=True)
