"""SCIM 2.0 endpoints (RFC 7644) for the company's HR directory, under `/scim/v2` (`/api/engagement/scim/v2` behind
the gateway), and the company admin's SCIM tokens (`/companies/<id>/scim-tokens`, the house's JSON conventions).

The SCIM endpoints speak `application/scim+json` and answer errors in RFC 7644's format (§3.12), not problem+json:
a directory's client reads those. They take a SCIM token (`Authorization: Bearer tandem-scim.…`), never a session.
Use cases: `scim.py`, `scim_tokens.py`.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any

from flask import Blueprint as FlaskBlueprint
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from pydantic import ValidationError
from scim2_models import (
    AuthenticationScheme, Bulk, ChangePassword, Context, ETag, Error, Filter, Group, InvalidSyntaxException,
    InvalidValueException, ListResponse, Meta, NotFoundException, NotImplementedException, Patch, PatchOp,
    PayloadTooLargeException, ResourceType, SCIMException,
    ResponseParameters, ScimProvider, ServiceProviderConfig, Sort, UnauthorizedException,
)
from scim2_models import Schema as ScimSchema
from werkzeug.exceptions import HTTPException

from tandem_shared.inputs import MAX_JSON_BODY_BYTES, InvalidInput, load_json
from tandem_shared.web import current_runtime, login_required

from .. import scim as cases
from .. import scim_tokens as token_cases
from ..access import company_in_reach, staff
from ..schemas.admin import ScimTokenCreateSchema, ScimTokenCreatedSchema, ScimTokenListSchema

SCIM_JSON = "application/scim+json"
SCIM_SECURITY_SCHEME = "ScimToken"
SCIM_SECURITY = {
    "type": "http", "scheme": "bearer", "bearerFormat": "tandem-scim",
    "description": "Un jeton SCIM de l'entreprise (Espace entreprise › Synchronisation SCIM), montré une seule fois.",
}
DEFAULT_PAGE = 100

ScimUser = cases.ScimUser
PROVIDER = ScimProvider(
    models=[cases.User, cases.EnterpriseUser, Group],
    resource_types=[ResourceType.from_resource(ScimUser), ResourceType.from_resource(Group)],
    policy=cases.POLICY,
    config=ServiceProviderConfig(
        documentation_uri="https://datatracker.ietf.org/doc/html/rfc7644",
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=cases.MAX_PAGE),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=False),
        etag=ETag(supported=False),
        authentication_schemes=[AuthenticationScheme(
            type="oauthbearertoken", name="Jeton SCIM Tandem", primary=True,
            description="Un jeton créé par un administrateur de l'entreprise, envoyé en « Authorization: Bearer ».",
        )],
    ),
)

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


def base_url() -> str:
    # ProxyFix put the gateway's prefix (/api/engagement) in script_root: the URL the directory was given.
    return f"{request.host_url.rstrip('/')}{request.script_root}/scim/v2"


def scim_answer(document: dict[str, Any] | None, status: int = 200, **headers: str) -> Response:
    body = json.dumps(document, ensure_ascii=False, default=str) if document is not None else None
    return Response(body, status=status, mimetype=SCIM_JSON, headers=headers)


def error_answer(error: Error) -> Response:
    document = error.model_dump(scim_ctx=Context.DEFAULT)
    document["status"] = str(error.status)
    headers = {"WWW-Authenticate": 'Bearer realm="scim"'} if int(error.status) == 401 else {}
    return scim_answer(document, int(error.status), **headers)


@scim.errorhandler(SCIMException)
@scim_fallback.errorhandler(SCIMException)
def _scim_error(exc: SCIMException):
    return error_answer(exc.to_error())


@scim_fallback.route("/<path:unknown>")
def unknown_endpoint(unknown):
    raise NotFoundException(detail="Ce point d'accès SCIM n'existe pas.")


@scim.errorhandler(ValidationError)
def _invalid_resource(exc: ValidationError):
    # The first of the payload's faults, as RFC 7644 has one error per answer.
    return error_answer(Error.from_validation_errors(exc)[0])


@scim.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    """A refusal raised before the view (hostile input, body too large, method): the same answer, in SCIM's format."""
    data = getattr(exc, "data", None) or {}
    detail = data.get("message") or exc.description or "Erreur"
    return error_answer(Error(status=exc.code or 500, scim_type="invalidValue" if exc.code == 400 else None, detail=str(detail)))


def _presented_token() -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


@contextmanager
def scim_call(write: bool):
    """The SCIM caller and a database session: a unit of work for writes, a reading session otherwise (the token's
    last use is recorded in a unit of work of its own)."""
    runtime = current_runtime()
    with runtime.unit_of_work() as uow:
        caller = token_cases.recognise(uow, _presented_token())
    if caller is None:
        raise UnauthorizedException(detail="Jeton SCIM absent, inconnu ou révoqué.")
    if write:
        with runtime.unit_of_work() as uow:
            yield uow, caller
    else:
        with runtime.db.reading() as session:
            yield session, caller


def _body() -> Any:
    if (request.content_length or 0) > MAX_JSON_BODY_BYTES:
        raise PayloadTooLargeException(detail="Le contenu envoyé est trop volumineux.")
    raw = request.get_data(cache=True)
    if len(raw) > MAX_JSON_BODY_BYTES:
        raise PayloadTooLargeException(detail="Le contenu envoyé est trop volumineux.")
    if not raw.strip():
        raise InvalidSyntaxException(detail="Le corps de la requête est vide : envoie une ressource SCIM en JSON.")
    try:
        document = load_json(raw)
    except InvalidInput as exc:
        raise InvalidSyntaxException(detail=str(exc)) from exc
    if not isinstance(document, dict):
        raise InvalidSyntaxException(detail="Le corps de la requête doit être un objet JSON.")
    return document


def _int_arg(source: dict[str, Any], name: str, default: int) -> int:
    value = source.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise InvalidValueException(detail=f"« {name} » doit être un nombre entier.")
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise InvalidValueException(detail=f"« {name} » doit être un nombre entier.") from exc


def _paging(source: dict[str, Any]) -> tuple[int, int]:
    # RFC 7644 §3.4.2.4: a startIndex below 1 reads as 1, a negative count as 0; we return at most MAX_PAGE.
    start_index = max(1, _int_arg(source, "startIndex", 1))
    count = min(max(0, _int_arg(source, "count", DEFAULT_PAGE)), cases.MAX_PAGE)
    return start_index, count


def _filter_text(source: dict[str, Any]) -> str | None:
    text = source.get("filter")
    if text is not None and not isinstance(text, str):
        raise InvalidValueException(detail="« filter » doit être un texte.")
    return text or None


def _response_parameters(model, source: dict[str, Any]) -> ResponseParameters | None:
    """`attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5), from the query or a .search body."""
    wanted = {key: source[key] for key in ("attributes", "excludedAttributes") if source.get(key)}
    if not wanted:
        return None
    try:
        return ResponseParameters[model].model_validate(wanted)
    except ValidationError as exc:
        raise InvalidValueException(detail="« attributes » ou « excludedAttributes » n'est pas compris.") from exc


def _dump(resource, context: Context, parameters: ResponseParameters | None = None) -> dict[str, Any]:
    return resource.model_dump(scim_ctx=context, response_parameters=parameters)


def _list_answer(page: cases.Page, model, parameters: ResponseParameters | None = None) -> Response:
    listed = ListResponse[model](total_results=page.total, start_index=page.start_index,
                                 items_per_page=len(page.resources), resources=page.resources)
    return scim_answer(_dump(listed, Context.SEARCH_RESPONSE, parameters))


def _user_answer(session, person, status: int = 200, context: Context = Context.RESOURCE_QUERY_RESPONSE,
                 parameters: ResponseParameters | None = None) -> Response:
    user = cases.user_resource(session, person, base_url())
    return scim_answer(_dump(user, context, parameters), status, Location=str(user.meta.location))


def _read_user(context: Context) -> ScimUser:
    with PROVIDER:
        return ScimUser.model_validate(_body(), scim_ctx=context)


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
class Users(MethodView):
    @scim_doc(200, "Les personnes de l'entreprise (ListResponse).", query=True, errors=(400, 401))
    def get(self):
        """Lister les personnes, avec `filter` (par exemple `userName eq "…"`), `startIndex` et `count`."""
        return _search_users(request.args.to_dict)

    @scim_doc(201, "La personne créée.", body="Une ressource User (RFC 7643 §4.1), extension entreprise comprise.",
              errors=(400, 401, 409, 413))
    def post(self):
        """Créer une personne de l'entreprise."""
        with scim_call(write=True) as (uow, caller):
            person = cases.create_user(uow, caller, _read_user(Context.RESOURCE_CREATION_REQUEST))
            return _user_answer(uow.session, person, 201, Context.RESOURCE_CREATION_RESPONSE)


def _search_users(read_criteria) -> Response:
    """The list and .search: the token is checked first, then the criteria are read (query or body)."""
    with scim_call(write=False) as (session, caller):
        source = read_criteria()
        start_index, count = _paging(source)
        parameters = _response_parameters(ScimUser, source)
        page = cases.list_users(session, caller, _filter_text(source), start_index, count, base_url())
        return _list_answer(page, ScimUser, parameters)


@scim.route("/Users/.search")
class UsersSearch(MethodView):
    @scim_doc(200, "Les personnes trouvées (ListResponse).", body="Un SearchRequest (RFC 7644 §3.4.3).", errors=(400, 401, 413))
    def post(self):
        """Chercher des personnes (comme la liste, les critères dans le corps)."""
        return _search_users(_body)


@scim.route("/.search")
class RootSearch(MethodView):
    @scim_doc(501, "Non pris en charge : cherche dans /Users/.search.", body="Un SearchRequest (RFC 7644 §3.4.3).", errors=(401,))
    def post(self):
        """Chercher dans tous les types de ressources à la fois : non pris en charge (501), comme RFC 7644 le permet."""
        with scim_call(write=False):
            raise NotImplementedException(detail="La recherche sur tous les types de ressources n'est pas prise en charge : utilise /Users/.search.")


@scim.route("/Users/<string:user_id>")
class UserResource(MethodView):
    @scim_doc(200, "La personne.")
    def get(self, user_id):
        """Lire une personne."""
        parameters = _response_parameters(ScimUser, request.args.to_dict())
        with scim_call(write=False) as (session, caller):
            return _user_answer(session, cases.person_for(session, caller, user_id), parameters=parameters)

    @scim_doc(200, "La personne remplacée.", body="La ressource User entière.", errors=(400, 401, 404, 409, 413))
    def put(self, user_id):
        """Remplacer une personne (active: false la désactive partout, à l'instant)."""
        with scim_call(write=True) as (uow, caller):
            person = cases.person_for(uow.session, caller, user_id, for_update=True)
            user = _read_user(Context.RESOURCE_REPLACEMENT_REQUEST)
            cases.replace_user(uow, caller, person, user)
            return _user_answer(uow.session, person, context=Context.RESOURCE_REPLACEMENT_RESPONSE)

    @scim_doc(200, "La personne modifiée.", body="Un PatchOp (RFC 7644 §3.5.2).", errors=(400, 401, 404, 409, 413))
    def patch(self, user_id):
        """Modifier une personne par opérations (par exemple `replace` `active` à false)."""
        with scim_call(write=True) as (uow, caller):
            person = cases.person_for(uow.session, caller, user_id, for_update=True)
            body = _body()
            user = cases.user_resource(uow.session, person, base_url())
            with PROVIDER:
                PatchOp[ScimUser].model_validate(body, scim_ctx=Context.RESOURCE_PATCH_REQUEST).patch(user)
            cases.replace_user(uow, caller, person, user)
            return _user_answer(uow.session, person, context=Context.RESOURCE_PATCH_RESPONSE)

    @scim_doc(204, "La personne est supprimée : anonymisée, son historique gardé.", errors=(401, 404))
    def delete(self, user_id):
        """Supprimer une personne (anonymisée, comme une suppression de compte ; participations et conventions restent)."""
        with scim_call(write=True) as (uow, caller):
            cases.delete_user(uow, caller, cases.person_for(uow.session, caller, user_id, for_update=True))
        return scim_answer(None, 204)


# -- /Groups: the company's entities, read only --------------------------------------------------------


@scim.route("/Groups")
class Groups(MethodView):
    @scim_doc(200, "Les entités de l'entreprise (ListResponse).", query=True, errors=(400, 401))
    def get(self):
        """Lister les entités de l'entreprise, avec leurs membres."""
        source = request.args.to_dict()
        start_index, count = _paging(source)
        parameters = _response_parameters(Group, source)
        with scim_call(write=False) as (session, caller):
            page = cases.list_groups(session, caller, _filter_text(source), start_index, count, base_url())
            return _list_answer(page, Group, parameters)


@scim.route("/Groups/<string:group_id>")
class GroupResource(MethodView):
    @scim_doc(200, "L'entité et ses membres.")
    def get(self, group_id):
        """Lire une entité de l'entreprise."""
        with scim_call(write=False) as (session, caller):
            group = cases.group_resource(session, cases.group_for(session, caller, group_id), base_url())
            return scim_answer(_dump(group, Context.RESOURCE_QUERY_RESPONSE), Location=str(group.meta.location))


# -- discovery (RFC 7644 §4) ---------------------------------------------------------------------------


def _resource_types() -> list[ResourceType]:
    return [rt.model_copy(update={"meta": Meta(resource_type="ResourceType", location=f"{base_url()}/ResourceTypes/{rt.id}")})
            for rt in PROVIDER.resource_types]


def _schemas() -> list[ScimSchema]:
    return [schema.model_copy(update={"meta": Meta(resource_type="Schema", location=f"{base_url()}/Schemas/{schema.id}")})
            for schema in PROVIDER.schemas]


def _discovered(items: list, model) -> Response:
    page = cases.Page(resources=items, total=len(items), start_index=1)
    return _list_answer(page, model)


@scim.route("/ServiceProviderConfig")
class ServiceProviderConfigResource(MethodView):
    @scim_doc(200, "Ce que ce service SCIM sait faire.", errors=(401,))
    def get(self):
        """La configuration du service SCIM."""
        with scim_call(write=False):
            config = PROVIDER.config.model_copy(update={"meta": Meta(resource_type="ServiceProviderConfig",
                                                                     location=f"{base_url()}/ServiceProviderConfig")})
            return scim_answer(_dump(config, Context.RESOURCE_QUERY_RESPONSE))


@scim.route("/ResourceTypes")
class ResourceTypes(MethodView):
    @scim_doc(200, "Les types de ressources (User, Group).", errors=(401,))
    def get(self):
        """Les types de ressources servis."""
        with scim_call(write=False):
            return _discovered(_resource_types(), ResourceType)


@scim.route("/ResourceTypes/<string:name>")
class ResourceTypeResource(MethodView):
    @scim_doc(200, "Un type de ressource.", errors=(401, 404))
    def get(self, name):
        """Un type de ressource."""
        with scim_call(write=False):
            for resource_type in _resource_types():
                if resource_type.id == name:
                    return scim_answer(_dump(resource_type, Context.RESOURCE_QUERY_RESPONSE))
        raise NotFoundException(detail="Ce type de ressource n'existe pas.")


@scim.route("/Schemas")
class Schemas(MethodView):
    @scim_doc(200, "Les schémas (User, extension entreprise, Group).", errors=(401,))
    def get(self):
        """Les schémas servis."""
        with scim_call(write=False):
            return _discovered(_schemas(), ScimSchema)


@scim.route("/Schemas/<string:schema_id>")
class SchemaResource(MethodView):
    @scim_doc(200, "Un schéma.", errors=(401, 404))
    def get(self, schema_id):
        """Un schéma."""
        with scim_call(write=False):
            for schema in _schemas():
                if schema.id == schema_id:
                    return scim_answer(_dump(schema, Context.RESOURCE_QUERY_RESPONSE))
        raise NotFoundException(detail="Ce schéma n'existe pas.")


# -- the company admin's SCIM tokens (JSON, problem+json) ---------------------------------------------


@scim_tokens.route("/<string:company_id>/scim-tokens")
class CompanyScimTokens(MethodView):
    @login_required
    @scim_tokens.response(200, ScimTokenListSchema)
    def get(self, company_id):
        """Les jetons SCIM de l'entreprise (les actifs d'abord) et l'adresse du service SCIM à donner à l'annuaire RH."""
        with current_runtime().db.reading() as session:
            company = company_in_reach(session, staff(session), company_id)
            return {"base_url": base_url(), "items": [token_cases.token_view(t) for t in token_cases.tokens_of(session, company)]}

    @login_required
    @scim_tokens.arguments(ScimTokenCreateSchema)
    @scim_tokens.response(201, ScimTokenCreatedSchema)
    def post(self, payload, company_id):
        """Créer un jeton SCIM : sa valeur n'est montrée qu'ici, une seule fois."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id)
            token, secret = token_cases.make_token(uow, caller, company, payload["name"])
            return {**token_cases.token_view(token), "token": secret, "base_url": base_url()}


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
