"""Engagement's API shapes (marshmallow): what clients send and receive."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.paging import PageArgsSchema
from tandem_shared.text_fields import MultiLineString, SingleLineString

from . import domain

NAME = validate.Length(min=1, max=100)


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


class MessageSchema(Schema):
    detail = fields.String(metadata={"description": "Un message à montrer tel quel."})


class SignUpSchema(Schema):
    first_name = SingleLineString(required=True, validate=NAME, metadata={"description": "Prénom"})
    last_name = SingleLineString(required=True, validate=NAME, metadata={"description": "Nom"})
    email = fields.Email(required=True, metadata={"description": "Adresse e-mail professionnelle"})
    password = SingleLineString(required=True, metadata={"description": domain.PASSWORD_RULE})
    password_confirmation = SingleLineString(required=True)
    entity_id = SingleLineString(required=True, metadata={"description": "Entité de rattachement"})
    consent = StrictBoolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


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
    phone = SingleLineString(allow_none=True, validate=validate.Regexp(r"^\+?[0-9 .()-]{6,30}$", error="Ce numéro de téléphone n'est pas valide."))
    manager_email = fields.Email(allow_none=True, metadata={
        "description": "Refusé s'il change : ton manager est enregistré par l'administrateur de ton entreprise."})
    retirement_date = fields.Date(allow_none=True)


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
    days_remaining = fields.Float(allow_none=True, metadata={"description": "Allocation annuelle moins les jours validés et en attente (null en mécénat fin de carrière : 1 jour par semaine)."})
    days_pending = fields.Float(metadata={"description": "Les jours demandés, en attente de ton manager, cette année."})
    todo = fields.Nested(TodoSchema)


class AccountDeletionSchema(Schema):
    password = SingleLineString(required=True, metadata={"description": "Ton mot de passe, pour confirmer."})


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
PageQuerySchema = PageArgsSchema


class PeopleQuerySchema(PageQuerySchema):
    q = SingleLineString(validate=validate.Length(min=1, max=100), metadata={"description": "Cherche dans le prénom, le nom et l'adresse e-mail."})
    status = SingleLineString(validate=validate.OneOf([status.value for status in domain.PersonStatus]))


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


# -- the mission workflow (issue 5) --------------------------------------------------------------

PHONE = validate.Regexp(r"^\+?[0-9 .()-]{6,30}$", error="Ce numéro de téléphone n'est pas valide.")
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
    phone = SingleLineString(required=True, validate=PHONE, metadata={"description": "Ton téléphone (enregistré dans ton profil s'il n'y était pas)."})
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
                                                         "signée, la couvre), « validée, convention en préparation », « refusée », « annulée »."})
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


class ParticipationListSchema(Schema):
    items = fields.List(fields.Nested(ParticipationSchema))
    total = fields.Integer()


class DayInputSchema(Schema):
    date = fields.Date(required=True)
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
    date = fields.Date(required=True)
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
