"""Shapes of signing in through a company's identity provider (issue 14)."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, validate

from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import SingleLineString

from .accounts import SessionSchema


class DiscoverySchema(Schema):
    method = fields.String(metadata={"description": "« sso » : la connexion se fait directement chez le fournisseur ; « password » : le formulaire."})
    provider_id = fields.String(allow_none=True)
    protocol = fields.String(allow_none=True)
    company_name = fields.String(allow_none=True)
    password_allowed = fields.Boolean()


class ProviderChoiceSchema(Schema):
    id = fields.String()
    display_name = fields.String()
    protocol = fields.String()


class CompanySignInSchema(Schema):
    company_id = fields.String()
    company_name = fields.String()
    password_allowed = fields.Boolean()
    providers = fields.List(fields.Nested(ProviderChoiceSchema))


class StartSchema(Schema):
    provider_id = SingleLineString(required=True, validate=validate.Length(max=36))
    return_path = SingleLineString(load_default=None, validate=validate.Length(max=500),
                                   metadata={"description": "Page de Tandem où revenir une fois connecté (un chemin)."})


class StartedSchema(Schema):
    redirect_url = fields.String(metadata={"description": "L'adresse du fournisseur d'identité où la page se rend."})


class FollowUpEntitySchema(Schema):
    id = fields.String()
    name = fields.String()


class FollowUpOptionsSchema(Schema):
    company_name = fields.String()
    email = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    entity_id = fields.String(allow_none=True, metadata={"description": "L'entité que le fournisseur a nommée, s'il l'a fait."})
    entities = fields.List(fields.Nested(FollowUpEntitySchema))


class FollowUpSchema(Schema):
    entity_id = SingleLineString(load_default=None, validate=validate.Length(max=36))
    consent = StrictBoolean(required=True, metadata={"description": "J'autorise l'utilisation de mes données personnelles…"})


class SamlAcsFormSchema(Schema):
    """The IdP's HTTP-POST binding: the form its page posts back."""

    class Meta:
        unknown = EXCLUDE  # RelayState and whatever else an IdP adds

    SAMLResponse = fields.String(required=True, validate=validate.Length(min=1, max=200_000),
                                 metadata={"description": "La réponse SAML du fournisseur (base64)."})


class CallbackArgsSchema(Schema):
    class Meta:
        unknown = EXCLUDE  # providers add their own parameters (session_state, …)

    state = fields.String(load_default=None)
    code = fields.String(load_default=None)
    error = fields.String(load_default=None)
    error_description = fields.String(load_default=None)
    iss = fields.String(load_default=None)


class FollowUpSessionSchema(SessionSchema):
    return_path = fields.String(metadata={"description": "La page de Tandem où aller maintenant."})


class ClaimMappingSchema(Schema):
    email = SingleLineString(validate=validate.Length(max=200))
    first_name = SingleLineString(validate=validate.Length(max=200))
    last_name = SingleLineString(validate=validate.Length(max=200))
    entity = SingleLineString(validate=validate.Length(max=200))
    manager_email = SingleLineString(validate=validate.Length(max=200))


class ProviderChangeSchema(Schema):
    display_name = SingleLineString(validate=validate.Length(min=1, max=100), metadata={"description": "Le nom affiché (par exemple « Microsoft Entra ID »)."})
    enabled = StrictBoolean()
    domains = fields.List(SingleLineString(validate=validate.Length(max=253)), validate=validate.Length(max=50),
                          metadata={"description": "Les domaines e-mail (de l'entreprise) pour lesquels ce fournisseur répond."})
    oidc_issuer = SingleLineString(allow_none=True, validate=validate.Length(max=500))
    oidc_client_id = SingleLineString(allow_none=True, validate=validate.Length(max=300))
    oidc_client_secret = SingleLineString(load_only=True, allow_none=True, validate=validate.Length(max=500),
                                          metadata={"description": "Gardé chiffré, jamais renvoyé."})
    oidc_client_secret_ref = SingleLineString(allow_none=True, validate=validate.Length(max=200),
                                              metadata={"description": "Ou une variable d'environnement : env:NOM."})
    oidc_scopes = SingleLineString(allow_none=True, validate=validate.Length(max=300))
    saml_idp_metadata_xml = fields.String(allow_none=True, validate=validate.Length(max=200_000))
    saml_idp_metadata_url = SingleLineString(allow_none=True, validate=validate.Length(max=500))
    saml_idp_entity_id = SingleLineString(allow_none=True, validate=validate.Length(max=500))
    claim_mapping = fields.Nested(ClaimMappingSchema)


class ProviderCreateSchema(ProviderChangeSchema):
    protocol = fields.String(required=True, validate=validate.OneOf(["oidc", "saml"]))
    display_name = SingleLineString(required=True, validate=validate.Length(min=1, max=100))
    domains = fields.List(SingleLineString(validate=validate.Length(max=253)), required=True, validate=validate.Length(max=50))


class ProviderSchema(Schema):
    id = fields.String(required=True)
    company_id = fields.String(required=True)
    protocol = fields.String(required=True)
    display_name = fields.String(required=True)
    enabled = fields.Boolean(required=True)
    domains = fields.List(fields.String(), required=True)
    oidc_issuer = fields.String(allow_none=True)
    oidc_client_id = fields.String(allow_none=True)
    has_client_secret = fields.Boolean(required=True)
    oidc_client_secret_ref = fields.String(allow_none=True)
    oidc_scopes = fields.String(allow_none=True)
    saml_idp_metadata_xml = fields.String(allow_none=True)
    saml_idp_metadata_url = fields.String(allow_none=True)
    saml_idp_entity_id = fields.String(allow_none=True)
    saml_sp_metadata_url = fields.String(allow_none=True, metadata={
        "description": "SAML : l'adresse des métadonnées de Tandem (entity id) à donner au service informatique."})
    claim_mapping = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)


class ProviderListSchema(Schema):
    sso_password_fallback = fields.Boolean(required=True)
    oidc_redirect_uri = fields.String(required=True, metadata={"description": "L'adresse de retour à déclarer chez le fournisseur OpenID Connect."})
    sign_in_link = fields.String(required=True, metadata={
        "description": "Le lien direct de l'entreprise (/connexion/<domaine>), un chemin de Tandem à donner aux collaborateurs."})
    items = fields.List(fields.Nested(ProviderSchema), required=True)


class PasswordFallbackSchema(Schema):
    sso_password_fallback = StrictBoolean(required=True)
