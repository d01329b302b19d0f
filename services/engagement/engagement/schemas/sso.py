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
