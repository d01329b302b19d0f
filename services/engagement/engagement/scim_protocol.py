"""The SCIM 2.0 protocol behind `api/scim.py`'s routes: scim2-models' resources and messages, errors in RFC 7644's
format, paging, filters and discovery. Apart from the routes because scim2-models (with pydantic and lark) weighs
15 MiB and 0.35 s of import: a process loads it with its first SCIM call, not at start (bench/README.md, P5, P6).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from flask import Response, request
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
from tandem_shared.web import current_runtime

from . import scim as cases
from . import scim_tokens as token_cases

SCIM_JSON = "application/scim+json"
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


def answer_for(exc: Exception) -> Response | None:
    """A SCIM error raised by a view, or a payload pydantic refused, as RFC 7644 answers it; None for anything else."""
    if isinstance(exc, SCIMException):
        return error_answer(exc.to_error())
    if isinstance(exc, ValidationError):
        # The first of the payload's faults, as RFC 7644 has one error per answer.
        return error_answer(Error.from_validation_errors(exc)[0])
    return None


def http_error_answer(exc: HTTPException) -> Response:
    """A refusal raised before the view (hostile input, body too large, method): the same answer, in SCIM's format."""
    data = getattr(exc, "data", None) or {}
    detail = data.get("message") or exc.description or "Erreur"
    return error_answer(Error(status=exc.code or 500, scim_type="invalidValue" if exc.code == 400 else None, detail=str(detail)))


def not_found_answer(detail: str) -> Response:
    return error_answer(NotFoundException(detail=detail).to_error())


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


def read_body() -> Any:
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
        return ScimUser.model_validate(read_body(), scim_ctx=context)



# -- the operations, one per route -------------------------------------------------------------------


def search_users(read_criteria) -> Response:
    """The list and .search: the token is checked first, then the criteria are read (query or body)."""
    with scim_call(write=False) as (session, caller):
        source = read_criteria()
        start_index, count = _paging(source)
        parameters = _response_parameters(ScimUser, source)
        page = cases.list_users(session, caller, _filter_text(source), start_index, count, base_url())
        return _list_answer(page, ScimUser, parameters)


def create_user() -> Response:
    with scim_call(write=True) as (uow, caller):
        person = cases.create_user(uow, caller, _read_user(Context.RESOURCE_CREATION_REQUEST))
        return _user_answer(uow.session, person, 201, Context.RESOURCE_CREATION_RESPONSE)


def search_all_resources() -> Response:
    with scim_call(write=False):
        raise NotImplementedException(detail="La recherche sur tous les types de ressources n'est pas prise en charge : utilise /Users/.search.")


def read_user(user_id: str) -> Response:
    parameters = _response_parameters(ScimUser, request.args.to_dict())
    with scim_call(write=False) as (session, caller):
        return _user_answer(session, cases.person_for(session, caller, user_id), parameters=parameters)


def replace_user(user_id: str) -> Response:
    with scim_call(write=True) as (uow, caller):
        person = cases.person_for(uow.session, caller, user_id, for_update=True)
        user = _read_user(Context.RESOURCE_REPLACEMENT_REQUEST)
        cases.replace_user(uow, caller, person, user)
        return _user_answer(uow.session, person, context=Context.RESOURCE_REPLACEMENT_RESPONSE)


def patch_user(user_id: str) -> Response:
    with scim_call(write=True) as (uow, caller):
        person = cases.person_for(uow.session, caller, user_id, for_update=True)
        body = read_body()
        user = cases.user_resource(uow.session, person, base_url())
        with PROVIDER:
            PatchOp[ScimUser].model_validate(body, scim_ctx=Context.RESOURCE_PATCH_REQUEST).patch(user)
        cases.replace_user(uow, caller, person, user)
        return _user_answer(uow.session, person, context=Context.RESOURCE_PATCH_RESPONSE)


def delete_user(user_id: str) -> Response:
    with scim_call(write=True) as (uow, caller):
        cases.delete_user(uow, caller, cases.person_for(uow.session, caller, user_id, for_update=True))
    return scim_answer(None, 204)


def list_groups() -> Response:
    source = request.args.to_dict()
    start_index, count = _paging(source)
    parameters = _response_parameters(Group, source)
    with scim_call(write=False) as (session, caller):
        page = cases.list_groups(session, caller, _filter_text(source), start_index, count, base_url())
        return _list_answer(page, Group, parameters)


def read_group(group_id: str) -> Response:
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


def service_provider_config() -> Response:
    with scim_call(write=False):
        config = PROVIDER.config.model_copy(update={"meta": Meta(resource_type="ServiceProviderConfig",
                                                                 location=f"{base_url()}/ServiceProviderConfig")})
        return scim_answer(_dump(config, Context.RESOURCE_QUERY_RESPONSE))


def resource_types() -> Response:
    with scim_call(write=False):
        return _discovered(_resource_types(), ResourceType)


def resource_type(name: str) -> Response:
    return _discovered_one(_resource_types, name, "Ce type de ressource n'existe pas.")


def schemas() -> Response:
    with scim_call(write=False):
        return _discovered(_schemas(), ScimSchema)


def schema(schema_id: str) -> Response:
    return _discovered_one(_schemas, schema_id, "Ce schéma n'existe pas.")


def _discovered_one(listing: Callable[[], list], wanted: str, missing: str) -> Response:
    """One resource type or schema by its id, after the token is checked."""
    with scim_call(write=False):
        for found in listing():
            if found.id == wanted:
                return scim_answer(_dump(found, Context.RESOURCE_QUERY_RESPONSE))
    raise NotFoundException(detail=missing)
