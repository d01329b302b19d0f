"""A company's identity providers for SSO (issue 14): the company admin (of that company) or the platform team lists,
adds, changes and disables them, and allows or withdraws the password fallback. Use cases: `identity_providers.py`."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from .. import identity_providers as cases
from .. import oidc
from ..access import company_in_reach, staff
from ..schemas.sso import PasswordFallbackSchema, ProviderChangeSchema, ProviderCreateSchema, ProviderListSchema, ProviderSchema

identity_providers = Blueprint("identity_providers", __name__, url_prefix="/companies",
                               description="Connexion SSO d'une entreprise : ses fournisseurs d'identité, le mot de passe en secours.")


@identity_providers.route("/<string:company_id>/identity-providers")
class CompanyProviders(MethodView):
    @login_required
    @identity_providers.response(200, ProviderListSchema)
    def get(self, company_id):
        """Les fournisseurs d'identité de l'entreprise (les secrets ne sont jamais renvoyés)."""
        with current_runtime().db.reading() as session:
            company = company_in_reach(session, staff(session), company_id)
            return {"sso_password_fallback": company.sso_password_fallback, "oidc_redirect_uri": oidc.redirect_uri(),
                    "sign_in_link": cases.sign_in_link(session, company),
                    "items": [cases.provider_view(p) for p in cases.providers_of(session, company)]}

    @login_required
    @identity_providers.arguments(ProviderCreateSchema)
    @identity_providers.response(201, ProviderSchema)
    def post(self, payload, company_id):
        """Ajouter un fournisseur d'identité (OpenID Connect ou SAML 2.0)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            return cases.provider_view(cases.add_provider(uow, caller, company, payload))


@identity_providers.route("/<string:company_id>/identity-providers/<string:provider_id>")
class CompanyProvider(MethodView):
    @login_required
    @identity_providers.arguments(ProviderChangeSchema)
    @identity_providers.response(200, ProviderSchema)
    def patch(self, changes, company_id, provider_id):
        """Modifier un fournisseur d'identité (enabled: false le désactive ; un secret vide garde l'actuel)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            provider = cases.provider_in(uow.session, company, provider_id, for_update=True)
            cases.change_provider(uow, caller, company, provider, changes)
            return cases.provider_view(provider)


@identity_providers.route("/<string:company_id>/sso-password-fallback")
class PasswordFallback(MethodView):
    @login_required
    @identity_providers.arguments(PasswordFallbackSchema)
    @identity_providers.response(200, PasswordFallbackSchema)
    def put(self, payload, company_id):
        """Autoriser (ou non) le mot de passe en secours pour les personnes d'une entreprise en SSO."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            cases.set_password_fallback(uow, caller, company, payload["sso_password_fallback"])
            return {"sso_password_fallback": company.sso_password_fallback}
