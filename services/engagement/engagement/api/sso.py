"""Signing in through a company's identity provider (issue 14): « Se connecter » asks the e-mail first, the direct
link per company, starting an OpenID Connect sign-in (a POST answering the provider's URL, never a GET that changes
state), the provider's callback (a GET: that is the protocol), the first sign-in's follow-up page.
Use cases: `federation.py` (shared with SAML) and `oidc.py`."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, jsonify, redirect
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, current_settings

from .. import domain, federation, identity, oidc, saml
from ..access import session_body, set_session_cookies
from ..domain.federation import OIDC, SAML, FederationRefused
from ..errors import field_error
from ..models import IdentityProvider
from ..schemas.accounts import EmailSchema
from ..schemas.sso import (
    CallbackArgsSchema, CompanySignInSchema, DiscoverySchema, FollowUpOptionsSchema, FollowUpSchema, FollowUpSessionSchema,
    SamlAcsFormSchema, StartedSchema, StartSchema,
)

sso = Blueprint("sso", __name__, url_prefix="/sso", description="Se connecter avec le fournisseur d'identité de son entreprise (SSO).")

FOLLOW_UP_PAGE = "/connexion/sso/suite"
REFUSAL_PAGE = "/connexion/sso/refus"


@sso.route("/discover")
class Discover(MethodView):
    @sso.arguments(EmailSchema)
    @sso.response(200, DiscoverySchema)
    def post(self, payload):
        """« Se connecter » : cette adresse passe-t-elle par le fournisseur d'identité de son entreprise ?"""
        with current_runtime().db.reading() as session:
            return federation.discover(session, domain.normalize_email(payload["email"]))


@sso.route("/companies/<string:company_id>")
class CompanySignIn(MethodView):
    @sso.response(200, CompanySignInSchema)
    @sso.alt_response(404, description="Entreprise inconnue.")
    def get(self, company_id):
        """Le lien direct d'une entreprise (/connexion/<entreprise>) : ses fournisseurs d'identité actifs."""
        with current_runtime().db.reading() as session:
            answer = federation.company_sign_in(session, company_id)
        if answer is None:
            abort(404, message="Cette entreprise n'existe pas sur Tandem : vérifie le lien reçu.")
        return answer


@sso.route("/oidc/start")
class OidcStart(MethodView):
    @sso.arguments(StartSchema)
    @sso.response(200, StartedSchema)
    @sso.alt_response(502, description="Le fournisseur d'identité ne répond pas.")
    def post(self, payload):
        """Commencer une connexion OpenID Connect : l'adresse du fournisseur, où la page se rend."""
        with current_runtime().unit_of_work() as uow:
            provider = uow.session.get(IdentityProvider, payload["provider_id"])
            if provider is None or not provider.enabled or provider.protocol != OIDC:
                field_error("provider_id", "Cette connexion SSO n'existe pas ou n'est plus active.")
            try:
                url = oidc.start(uow.session, provider, payload["return_path"])
            except FederationRefused as exc:
                abort(502, message=str(exc))
        return {"redirect_url": url}


def _saml_provider(session, provider_id: str) -> IdentityProvider | None:
    provider = session.get(IdentityProvider, provider_id)
    return provider if provider is not None and provider.enabled and provider.protocol == SAML else None


@sso.route("/saml/<string:provider_id>/metadata")
class SamlMetadata(MethodView):
    @sso.response(200, description="Les métadonnées SAML de Tandem (XML) pour ce fournisseur.")
    @sso.alt_response(404, description="Connexion SAML inconnue ou inactive.")
    def get(self, provider_id):
        """Nos métadonnées de fournisseur de service SAML (entity id, adresse ACS) à donner au service informatique."""
        with current_runtime().db.reading() as session:
            provider = session.get(IdentityProvider, provider_id)
            if provider is None or provider.protocol != SAML:
                abort(404, message="Cette connexion SAML n'existe pas.")
        return Response(saml.sp_metadata(provider_id), mimetype="application/samlmetadata+xml")


@sso.route("/saml/start")
class SamlStart(MethodView):
    @sso.arguments(StartSchema)
    @sso.response(200, StartedSchema)
    @sso.alt_response(502, description="Le fournisseur d'identité ne répond pas.")
    def post(self, payload):
        """Commencer une connexion SAML 2.0 : l'adresse du fournisseur (liaison HTTP-Redirect), où la page se rend."""
        with current_runtime().unit_of_work() as uow:
            provider = _saml_provider(uow.session, payload["provider_id"])
            if provider is None:
                field_error("provider_id", "Cette connexion SSO n'existe pas ou n'est plus active.")
            try:
                url = saml.start(uow.session, provider, payload["return_path"])
            except FederationRefused as exc:
                abort(502, message=str(exc))
        return {"redirect_url": url}


@sso.route("/saml/<string:provider_id>/acs")
class SamlAcs(MethodView):
    @sso.arguments(SamlAcsFormSchema, location="form")
    @sso.response(303)
    def post(self, form, provider_id):
        """Le retour du fournisseur d'identité SAML (liaison HTTP-POST, imposée par le protocole) : assertion signée
        vérifiée, puis connexion ou première connexion à compléter."""
        saml_response = form["SAMLResponse"]
        try:
            # The request id is spent first, in its own transaction: a refused answer never gives it back.
            with current_runtime().unit_of_work() as uow:
                pending = saml.consume_request(uow.session, provider_id, saml_response)
            with current_runtime().unit_of_work() as uow:
                provider = _saml_provider(uow.session, provider_id)
                if provider is None:
                    raise FederationRefused(saml.ASSERTION_REFUSED, {"provider_id": provider_id, "reason": "provider_disabled"})
                # The assertion id is kept in its own transaction too: a replay is refused even after a refusal below.
                attributes = saml.verified_attributes(uow.session, provider, pending, saml_response)
            with current_runtime().unit_of_work() as uow:
                attempt = uow.session.get(federation.SsoLoginAttempt, pending.attempt_id)
                provider = uow.session.get(IdentityProvider, provider_id)
                outcome = federation.complete_federated_sign_in(uow, provider, attributes, attempt)
        except FederationRefused as refusal:
            return _refused(refusal)
        return _signed_in(outcome)


def _web(path: str, **query: str) -> str:
    return f"{current_settings().public_url}{path}" + (f"?{urlencode(query)}" if query else "")


def _refused(refusal: FederationRefused):
    with current_runtime().unit_of_work() as uow:
        federation.audit_refusal(uow, refusal)
    return redirect(_web(REFUSAL_PAGE, motif=federation.reason_details(refusal).get("reason", "refused")), 303)


def _signed_in(outcome):
    """The password sign-in's cookies, then the page the person was going to (or the follow-up page)."""
    if isinstance(outcome, federation.FollowUpNeeded):
        return redirect(_web(FOLLOW_UP_PAGE, tentative=outcome.attempt_id), 303)
    response = redirect(_web(outcome.return_path), 303)
    opened = outcome.opened
    set_session_cookies(response, opened.access_token, opened.access_expires, opened.refresh_secret, opened.refresh_expires,
                        identity.new_secret())
    return response


@sso.route("/oidc/callback")
class OidcCallback(MethodView):
    @sso.arguments(CallbackArgsSchema, location="query")
    @sso.response(303)
    def get(self, args):
        """Le retour du fournisseur d'identité (imposé par le protocole) : code vérifié, puis connexion ou première
        connexion à compléter."""
        try:
            # The state is spent first, in its own transaction: a refused answer never gives it back.
            with current_runtime().unit_of_work() as uow:
                pending = oidc.consume_state(uow.session, args["state"])
            with current_runtime().db.reading() as session:
                provider = session.get(IdentityProvider, pending.provider_id)
                session.expunge(provider)
            claims = oidc.verified_claims(provider, pending, args["code"], args["error"])
            with current_runtime().unit_of_work() as uow:
                attempt = uow.session.get(federation.SsoLoginAttempt, pending.attempt_id)
                provider = uow.session.get(IdentityProvider, pending.provider_id)
                outcome = federation.complete_federated_sign_in(uow, provider, claims, attempt)
        except FederationRefused as refusal:
            return _refused(refusal)
        return _signed_in(outcome)


@sso.route("/follow-ups/<string:attempt_id>")
class FollowUp(MethodView):
    @sso.response(200, FollowUpOptionsSchema)
    @sso.alt_response(410, description="Page expirée ou déjà utilisée.")
    def get(self, attempt_id):
        """La première connexion à compléter : l'entreprise, le nom transmis, les entités."""
        try:
            with current_runtime().db.reading() as session:
                return federation.follow_up_options(session, attempt_id)
        except FederationRefused as exc:
            abort(410, message=str(exc))

    @sso.arguments(FollowUpSchema)
    @sso.response(200, FollowUpSessionSchema)
    @sso.alt_response(410, description="Page expirée ou déjà utilisée.")
    def post(self, payload, attempt_id):
        """Compléter la première connexion (entité, consentement) : le compte est créé et la session ouverte."""
        try:
            with current_runtime().unit_of_work() as uow:
                outcome = federation.complete_follow_up(uow, attempt_id, payload["entity_id"], payload["consent"])
                body = session_body(uow.session, outcome.opened)
                body["return_path"] = outcome.return_path
        except FederationRefused as exc:
            # Recorded like the callback's refusals (in a unit of work of its own: the refused one rolled back).
            with current_runtime().unit_of_work() as uow:
                federation.audit_refusal(uow, exc)
            abort(410, message=str(exc))
        response = jsonify(FollowUpSessionSchema().dump(body))
        opened = outcome.opened
        set_session_cookies(response, opened.access_token, opened.access_expires, opened.refresh_secret,
                            opened.refresh_expires, identity.new_secret())
        return response
