"""SCIM 2.0 endpoints (RFC 7644) for the company's HR directory, under `/scim/v2` (`/api/engagement/scim/v2` behind
the gateway), and the company admin's SCIM tokens (`/companies/<id>/scim-tokens`, the house's JSON conventions).

The SCIM endpoints speak `application/scim+json` and answer errors in RFC 7644's format (§3.12), not problem+json:
a directory's client reads those. They take a SCIM token (`Authorization: Bearer tandem-scim.…`), never a session.
The routes and their OpenAPI documentation are here; the protocol is `../scim_protocol.py`, imported by the first SCIM
call (scim2-models is 15 MiB and 0.35 s of import). Use cases: `scim.py`, `scim_tokens.py`.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

from flask import Blueprint as FlaskBlueprint
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import HTTPException

from tandem_shared.web import current_runtime, login_required

from .. import scim_tokens as token_cases
from ..access import company_in_reach, staff
from ..schemas.admin import ScimTokenCreateSchema, ScimTokenCreatedSchema, ScimTokenListSchema

# The media type of every SCIM answer (scim_protocol.SCIM_JSON), for the OpenAPI document without loading the protocol.
SCIM_JSON = "application/scim+json"
SCIM_SECURITY_SCHEME = "ScimToken"
SCIM_SECURITY = {
    "type": "http", "scheme": "bearer", "bearerFormat": "tandem-scim",
    "description": "Un jeton SCIM de l'entreprise (Espace entreprise › Synchronisation SCIM), montré une seule fois.",
}

scim = Blueprint("scim", __name__, url_prefix="/scim/v2",
                 description="SCIM 2.0 (RFC 7643/7644) : l'annuaire RH de l'entreprise crée, modifie, désactive et supprime "
                             "ses personnes ; les entités sont ses groupes. Réponses en application/scim+json.")
# Any other path under /scim/v2 is a SCIM « not found » too (RFC 7644 §3.12), which a directory's client reads; a
# plain Flask blueprint, so that it stays out of the OpenAPI document. GET only: another method on a known endpoint
# must still meet its 405.
scim_fallback = FlaskBlueprint("scim_fallback", __name__, url_prefix="/scim/v2")
scim_tokens = Blueprint("scim_tokens", __name__, url_prefix="/companies",
                        description="Jetons SCIM d'une entreprise : créer (montré une seule fois), lister, révoquer.")


# -- SCIM plumbing -----------------------------------------------------------------------------------


def protocol() -> ModuleType:
    """The SCIM machinery, imported by the first SCIM call (then a dictionary lookup)."""
    from .. import scim_protocol

    return scim_protocol


def answered_in_scim(view: Callable[..., Response]) -> Callable[..., Response]:
    """A SCIM error or a payload pydantic refused, raised by the view, answered in RFC 7644's format."""
    @functools.wraps(view)
    def answering(*args: Any, **kwargs: Any) -> Response:
        try:
            return view(*args, **kwargs)
        except HTTPException:
            raise
        except Exception as exc:
            answer = protocol().answer_for(exc)
            if answer is None:
                raise
            return answer
    return answering


class ScimView(MethodView):
    decorators = [answered_in_scim]


@scim_fallback.route("/<path:unknown>")
def unknown_endpoint(unknown):
    return protocol().not_found_answer("Ce point d'accès SCIM n'existe pas.")


@scim.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    return protocol().http_error_answer(exc)


# -- OpenAPI: what flask-smorest cannot infer from a view that answers a Response of its own -------------------

_OBJECT = {"type": "object"}
_SCIM_ERROR = {
    "type": "object",
    "required": ["schemas", "status"],
    "properties": {
        "schemas": {"type": "array", "items": {"type": "string", "enum": ["urn:ietf:params:scim:api:messages:2.0:Error"]}},
        "status": {"type": "string"},
        "scimType": {"type": "string"},
        "detail": {"type": "string"},
    },
}
_ERRORS = {
    400: "Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…).",
    401: "Jeton SCIM absent, inconnu ou révoqué.",
    404: "Ressource inconnue, ou d'une autre entreprise.",
    409: "userName déjà utilisé (scimType : uniqueness).",
    413: "Contenu trop volumineux.",
}


def scim_doc(ok: int, ok_description: str, *, body: str | None = None, query: bool = False, errors=(400, 401, 404)):
    responses: dict[str, Any] = {
        str(ok): {"description": ok_description,
                  **({"content": {SCIM_JSON: {"schema": _SCIM_ERROR if ok >= 400 else _OBJECT}}} if ok != 204 else {})},
    }
    for status in errors:
        responses[str(status)] = {"description": _ERRORS[status], "content": {SCIM_JSON: {"schema": _SCIM_ERROR}}}
    operation: dict[str, Any] = {"responses": responses, "security": [{SCIM_SECURITY_SCHEME: []}]}
    if body:
        operation["requestBody"] = {"required": True, "description": body,
                                    "content": {SCIM_JSON: {"schema": _OBJECT}, "application/json": {"schema": _OBJECT}}}
    if query:
        operation["parameters"] = [
            {"name": "filter", "in": "query", "schema": {"type": "string"}, "description": 'Par exemple : userName eq "prenom.nom@entreprise.fr".'},
            {"name": "startIndex", "in": "query", "schema": {"type": "integer"}},
            {"name": "count", "in": "query", "schema": {"type": "integer"}},
        ]
    return scim.doc(**operation)


# -- /Users ------------------------------------------------------------------------------------------


@scim.route("/Users")
class Users(ScimView):
    @scim_doc(200, "Les personnes de l'entreprise (ListResponse).", query=True, errors=(400, 401))
    def get(self):
        """Lister les personnes, avec `filter` (par exemple `userName eq "…"`), `startIndex` et `count`."""
        return protocol().search_users(request.args.to_dict)

    @scim_doc(201, "La personne créée.", body="Une ressource User (RFC 7643 §4.1), extension entreprise comprise.",
              errors=(400, 401, 409, 413))
    def post(self):
        """Créer une personne de l'entreprise."""
        return protocol().create_user()


@scim.route("/Users/.search")
class UsersSearch(ScimView):
    @scim_doc(200, "Les personnes trouvées (ListResponse).", body="Un SearchRequest (RFC 7644 §3.4.3).", errors=(400, 401, 413))
    def post(self):
        """Chercher des personnes (comme la liste, les critères dans le corps)."""
        scim_protocol = protocol()
        return scim_protocol.search_users(scim_protocol.read_body)


@scim.route("/.search")
class RootSearch(ScimView):
    @scim_doc(501, "Non pris en charge : cherche dans /Users/.search.", body="Un SearchRequest (RFC 7644 §3.4.3).", errors=(401,))
    def post(self):
        """Chercher dans tous les types de ressources à la fois : non pris en charge (501), comme RFC 7644 le permet."""
        return protocol().search_all_resources()


@scim.route("/Users/<string:user_id>")
class UserResource(ScimView):
    @scim_doc(200, "La personne.")
    def get(self, user_id):
        """Lire une personne."""
        return protocol().read_user(user_id)

    @scim_doc(200, "La personne remplacée.", body="La ressource User entière.", errors=(400, 401, 404, 409, 413))
    def put(self, user_id):
        """Remplacer une personne (active: false la désactive partout, à l'instant)."""
        return protocol().replace_user(user_id)

    @scim_doc(200, "La personne modifiée.", body="Un PatchOp (RFC 7644 §3.5.2).", errors=(400, 401, 404, 409, 413))
    def patch(self, user_id):
        """Modifier une personne par opérations (par exemple `replace` `active` à false)."""
        return protocol().patch_user(user_id)

    @scim_doc(204, "La personne est supprimée : anonymisée, son historique gardé.", errors=(401, 404))
    def delete(self, user_id):
        """Supprimer une personne (anonymisée, comme une suppression de compte ; participations et conventions restent)."""
        return protocol().delete_user(user_id)


# -- /Groups: the company's entities, read only --------------------------------------------------------


@scim.route("/Groups")
class Groups(ScimView):
    @scim_doc(200, "Les entités de l'entreprise (ListResponse).", query=True, errors=(400, 401))
    def get(self):
        """Lister les entités de l'entreprise, avec leurs membres."""
        return protocol().list_groups()


@scim.route("/Groups/<string:group_id>")
class GroupResource(ScimView):
    @scim_doc(200, "L'entité et ses membres.")
    def get(self, group_id):
        """Lire une entité de l'entreprise."""
        return protocol().read_group(group_id)


# -- discovery (RFC 7644 §4) ---------------------------------------------------------------------------


@scim.route("/ServiceProviderConfig")
class ServiceProviderConfigResource(ScimView):
    @scim_doc(200, "Ce que ce service SCIM sait faire.", errors=(401,))
    def get(self):
        """La configuration du service SCIM."""
        return protocol().service_provider_config()


@scim.route("/ResourceTypes")
class ResourceTypes(ScimView):
    @scim_doc(200, "Les types de ressources (User, Group).", errors=(401,))
    def get(self):
        """Les types de ressources servis."""
        return protocol().resource_types()


@scim.route("/ResourceTypes/<string:name>")
class ResourceTypeResource(ScimView):
    @scim_doc(200, "Un type de ressource.", errors=(401, 404))
    def get(self, name):
        """Un type de ressource."""
        return protocol().resource_type(name)


@scim.route("/Schemas")
class Schemas(ScimView):
    @scim_doc(200, "Les schémas (User, extension entreprise, Group).", errors=(401,))
    def get(self):
        """Les schémas servis."""
        return protocol().schemas()


@scim.route("/Schemas/<string:schema_id>")
class SchemaResource(ScimView):
    @scim_doc(200, "Un schéma.", errors=(401, 404))
    def get(self, schema_id):
        """Un schéma."""
        return protocol().schema(schema_id)


# -- the company admin's SCIM tokens (JSON, problem+json) ---------------------------------------------


@scim_tokens.route("/<string:company_id>/scim-tokens")
class CompanyScimTokens(MethodView):
    @login_required
    @scim_tokens.response(200, ScimTokenListSchema)
    def get(self, company_id):
        """Les jetons SCIM de l'entreprise (les actifs d'abord) et l'adresse du service SCIM à donner à l'annuaire RH."""
        with current_runtime().db.reading() as session:
            company = company_in_reach(session, staff(session), company_id)
            return {"base_url": protocol().base_url(), "items": [token_cases.token_view(t) for t in token_cases.tokens_of(session, company)]}

    @login_required
    @scim_tokens.arguments(ScimTokenCreateSchema)
    @scim_tokens.response(201, ScimTokenCreatedSchema)
    def post(self, payload, company_id):
        """Créer un jeton SCIM : sa valeur n'est montrée qu'ici, une seule fois."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id)
            token, secret = token_cases.make_token(uow, caller, company, payload["name"])
            return {**token_cases.token_view(token), "token": secret, "base_url": protocol().base_url()}


@scim_tokens.route("/<string:company_id>/scim-tokens/<string:token_id>")
class CompanyScimToken(MethodView):
    @login_required
    @scim_tokens.response(204)
    def delete(self, company_id, token_id):
        """Révoquer un jeton SCIM : l'annuaire qui l'utilise est refusé dès maintenant."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id)
            token_cases.revoke_token(uow, caller, token_cases.token_in(uow.session, company, token_id, for_update=True))
        return None
