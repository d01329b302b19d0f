"""App-factory helpers: flask-smorest with OpenAPI, problem-details errors, health, readiness and `/session`."""
from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable
from typing import Any

import http
from apispec import BasePlugin
from flask import Flask, g, jsonify, request
from flask.views import MethodView
from flask_smorest import Api, Blueprint, abort
from flask_smorest.utils import prepare_response
from marshmallow import INCLUDE, Schema, fields
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed
from werkzeug.middleware.proxy_fix import ProxyFix

from . import telemetry
from .auth import CSRF_HEADER, SESSION_COOKIE
from .inputs import MAX_BODY_BYTES, MAX_JSON_BODY_BYTES, BoundedIntegerConverter, InvalidInput, check_text, load_json
from .runtime import ServiceRuntime

log = logging.getLogger(__name__)
# One line per refused access (401, 403, and a 404 from a route that exists: the view's own « not for you »), for
# whoever watches for probing; a path that matches no route is not an access to anything.
access_log = logging.getLogger("tandem.access")

PROBLEM_JSON = "application/problem+json"

# Users read these (the web client shows them): French, in the guide's plain tone.
STATUS_TITLES = {
    400: "Requête invalide",
    401: "Authentification requise",
    403: "Accès refusé",
    404: "Introuvable",
    405: "Méthode non autorisée",
    409: "Conflit",
    410: "Lien expiré ou déjà utilisé",
    413: "Contenu trop volumineux",
    415: "Format non pris en charge",
    422: "Données invalides",
    429: "Trop de tentatives",
    500: "Erreur interne",
    503: "Service indisponible",
}
STATUS_DETAILS = {
    400: "La requête n'a pas pu être comprise.",
    401: "Connecte-toi pour continuer.",
    403: "Tu n'as pas accès à cette ressource.",
    404: "Cette ressource n'existe pas.",
    405: "Cette action n'est pas possible sur cette adresse.",
    413: "Le contenu envoyé est trop volumineux.",
    415: "Envoie les données au format JSON.",
    422: "Certaines données sont invalides : vérifie les champs signalés.",
    429: "Trop de tentatives : réessaie un peu plus tard.",
    500: "Une erreur inattendue s'est produite. Réessaie dans un instant.",
    503: "Le service est momentanément indisponible.",
}

# marshmallow speaks English; the people reading these messages do not all do.
_FIELD_MESSAGES = [
    (re.compile(r"^Missing data for required field\.$"), "Ce champ est obligatoire."),
    (re.compile(r"^Unknown field\.$"), "Ce champ n'est pas attendu."),
    (re.compile(r"^Field may not be null\.$"), "Ce champ ne peut pas être vide."),
    (re.compile(r"^Not a valid string\.$"), "Une chaîne de caractères est attendue."),
    (re.compile(r"^Not a valid integer\.$"), "Un nombre entier est attendu."),
    (re.compile(r"^Not a valid number\.$"), "Un nombre est attendu."),
    (re.compile(r"^Not a valid boolean\.$"), "Oui ou non (true/false) est attendu."),
    (re.compile(r"^Not a valid date\.$"), "Une date valide (AAAA-MM-JJ) est attendue."),
    (re.compile(r"^Not a valid datetime\.$"), "Une date et une heure valides sont attendues."),
    (re.compile(r"^Not a valid email address\.$"), "Cette adresse e-mail n'est pas valide."),
    (re.compile(r"^Not a valid URL\.$"), "Cette adresse web n'est pas valide."),
    (re.compile(r"^Not a valid UUID\.$"), "Cet identifiant n'est pas valide."),
    (re.compile(r"^Not a valid list\.$"), "Une liste est attendue."),
    (re.compile(r"^Invalid input type\.$"), "Un objet JSON est attendu."),
    (re.compile(r"^Must be one of: (.*)\.$"), r"Valeur attendue parmi : \1."),
    (re.compile(r"^Shorter than minimum length (\d+)\.$"), r"Au moins \1 caractères."),
    (re.compile(r"^Longer than maximum length (\d+)\.$"), r"Au plus \1 caractères."),
    (re.compile(r"^Length must be between (\d+) and (\d+)\.$"), r"Entre \1 et \2 caractères."),
    (re.compile(r"^Must be greater than or equal to (.+) and less than or equal to (.+)\.$"), r"Valeur attendue entre \1 et \2."),
    (re.compile(r"^Must be greater than or equal to (.+)\.$"), r"Valeur attendue supérieure ou égale à \1."),
    (re.compile(r"^Must be less than or equal to (.+)\.$"), r"Valeur attendue inférieure ou égale à \1."),
]


def french_field_message(message: str) -> str:
    for pattern, replacement in _FIELD_MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def _translate(errors: Any) -> Any:
    if isinstance(errors, dict):
        return {key: _translate(value) for key, value in errors.items()}
    if isinstance(errors, list):
        return [_translate(item) for item in errors]
    if isinstance(errors, str):
        return french_field_message(errors)
    return errors


def problem(status: int, detail: str | None = None, errors: Any = None, **extra: Any):
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": STATUS_TITLES.get(status, "Erreur"),
        "status": status,
        "detail": detail or STATUS_DETAILS.get(status, STATUS_TITLES.get(status, "Erreur")),
    }
    if errors:
        body["errors"] = errors
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response


def _problem_from_http_exception(exc: HTTPException):
    data = getattr(exc, "data", None) or {}
    status = exc.code or 500
    detail = data.get("message")
    errors = data.get("errors")
    messages = data.get("messages")
    if messages is not None and errors is None:
        # webargs reports {"json": {...}} or {"query": {...}}: the fields are what the client needs.
        if isinstance(messages, dict) and len(messages) == 1:
            errors = next(iter(messages.values()))
        else:
            errors = messages
    if errors is not None:
        errors = _translate(errors)
    if detail is None and exc.description and status not in STATUS_DETAILS and exc.description != type(exc).description:
        detail = exc.description
    response = problem(status, detail, errors)
    if exc.code == 405:
        # On a literal route (`/missions/for-me`), only its own methods: not those of `/missions/{mission_id}`.
        from flask import current_app

        valid_methods = _literal_routes(current_app).get(request.path) or getattr(exc, "valid_methods", None)
        if valid_methods:
            response.headers["Allow"] = ", ".join(sorted(valid_methods))
    if status == 429 and data.get("retry_after"):
        response.headers["Retry-After"] = str(int(data["retry_after"]))
    return response


_CORRELATION_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")


class ProblemSchema(Schema):
    """What every error answers, as `application/problem+json` (RFC 9457)."""

    class Meta:
        # Some problems say more (`checks` on /readyz): RFC 9457 allows extension members.
        unknown = INCLUDE

    type = fields.String(required=True, metadata={"description": "Toujours `about:blank`."})
    title = fields.String(required=True, metadata={"description": "L'intitulé du statut, en français."})
    status = fields.Integer(required=True)
    detail = fields.String(required=True, metadata={"description": "Ce qui s'est passé, en français, à montrer tel quel."})
    errors = fields.Raw(metadata={"description": "Les messages par champ, quand des données sont invalides."})


# Security schemes, as every operation that needs a session declares them.
BEARER_SCHEME = "bearer"
SESSION_COOKIE_SCHEME = "session_cookie"
CSRF_HEADER_SCHEME = "csrf_header"
SECURITY_SCHEMES = {
    BEARER_SCHEME: {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                    "description": "Le jeton de session signé par engagement (`POST /api/engagement/session`)."},
    SESSION_COOKIE_SCHEME: {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE,
                            "description": "Le même jeton, dans le cookie posé à la connexion (navigateur)."},
    CSRF_HEADER_SCHEME: {"type": "apiKey", "in": "header", "name": CSRF_HEADER,
                         "description": "Avec le cookie, hors GET : la valeur du cookie `tandem_csrf`, recopiée."},
}


def _security_requirements(method: str) -> list[dict[str, list]]:
    cookie = {SESSION_COOKIE_SCHEME: []} if method.upper() in ("GET", "HEAD") else {SESSION_COOKIE_SCHEME: [], CSRF_HEADER_SCHEME: []}
    return [{BEARER_SCHEME: []}, cookie]


class ServiceApi(Api):
    """flask-smorest's Api whose error responses are documented as the problem documents they are."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Erreur (document problem+json)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


class ServiceDocPlugin(BasePlugin):
    """What the decorators cannot say by themselves, added to each operation as it is documented.

    Error responses documented by a description alone (`alt_response(404, description=...)`) get their
    problem+json body; operations behind `login_required` declare the credentials they take.
    """

    def __init__(self, app: Flask):
        super().__init__()
        self.app = app

    def operation_helper(self, path=None, operations=None, rule=None, **kwargs):
        for method, operation in (operations or {}).items():
            for status, response in operation.get("responses", {}).items():
                if str(status)[0] in "45" and isinstance(response, dict) and "content" not in response:
                    response["content"] = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
            view_method = _view_method(self.app, rule.endpoint if rule is not None else None, method)
            if getattr(view_method, "tandem_login_required", False):
                operation.setdefault("security", _security_requirements(method))


def _view_method(app: Flask, endpoint: str | None, method: str):
    view = app.view_functions.get(endpoint or "")
    view_class = getattr(view, "view_class", None)
    return getattr(view_class, method.lower(), None) if view_class is not None else view


def _takes_json_body(view_method) -> bool:
    parameters = getattr(view_method, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(parameter.get("in") == "json" and parameter.get("required") for parameter in parameters)


def _literal_routes(app: Flask) -> dict[str, set[str]]:
    """Paths without parameters and their methods (`/missions/for-me`), computed once per app."""
    routes = app.extensions.get("tandem_literal_routes")
    if routes is None:
        routes = {}
        for rule in app.url_map.iter_rules():
            if not rule.arguments:
                routes.setdefault(rule.rule, set()).update(rule.methods or ())
        app.extensions["tandem_literal_routes"] = routes
    return routes


def _guard_input(app: Flask) -> None:
    """Refuse hostile input where it is read, before any view: one rule for every service."""
    rule = request.url_rule
    if rule is not None and rule.arguments:
        # `/missions/for-me` is a route of its own: a method it lacks is not `/missions/{mission_id}`'s to take.
        literal_methods = _literal_routes(app).get(request.path)
        if literal_methods is not None:
            raise MethodNotAllowed(valid_methods=sorted(literal_methods))
    try:
        for value in [*(request.view_args or {}).values(), *request.args.keys(), *request.args.values()]:
            if isinstance(value, str):
                check_text(value)
    except InvalidInput as exc:
        abort(400, message=str(exc))
    view_method = _view_method(app, request.endpoint, request.method)
    if not _takes_json_body(view_method):
        return
    if getattr(view_method, "tandem_login_required", False):
        # A stranger learns they must sign in, not what the body should be.
        current_principal(required=True)
    if (request.content_length or 0) > MAX_JSON_BODY_BYTES:
        abort(413, message=f"Le contenu envoyé est trop volumineux (au plus {MAX_JSON_BODY_BYTES // 1024} Ko de JSON).")
    body = request.get_data(cache=True)
    if len(body) > MAX_JSON_BODY_BYTES:  # sent in chunks, without a length announced
        abort(413, message=f"Le contenu envoyé est trop volumineux (au plus {MAX_JSON_BODY_BYTES // 1024} Ko de JSON).")
    if not body.strip():
        abort(400, message="Le corps de la requête est vide : envoie un objet JSON.")
    if not request.is_json:
        abort(415, message="Envoie les données au format JSON (Content-Type: application/json).")
    try:
        load_json(body)
    except InvalidInput as exc:
        abort(400, message=str(exc))


def create_service_app(
    runtime: ServiceRuntime,
    title: str,
    blueprints: Iterable[Blueprint],
    config: dict[str, Any] | None = None,
    trusted_proxies: int = 1,
) -> Flask:
    """A service's Flask app with everything every service has; `create_app` adds the service's blueprints."""
    app = Flask(runtime.name)
    app.config.update(
        API_TITLE=title,
        API_VERSION="1.0.0",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        JSON_SORT_KEYS=False,
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
    )
    app.json.ensure_ascii = False
    app.config.update(config or {})
    app.extensions["tandem_runtime"] = runtime
    # Before any blueprint: every `<int:...>` route is bounded, and documented so.
    app.url_map.converters["int"] = BoundedIntegerConverter
    # The gateway (nginx, or the embedded dispatcher) is the only client that reaches a service directly.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=trusted_proxies, x_proto=trusted_proxies, x_host=trusted_proxies, x_prefix=trusted_proxies)

    api = ServiceApi(app, spec_kwargs={
        "info": {"description": f"API du service {runtime.name} de Tandem."},
        "extra_plugins": [ServiceDocPlugin(app)],
    })
    for name, scheme in SECURITY_SCHEMES.items():
        api.spec.components.security_scheme(name, scheme)
    api.register_blueprint(health_blueprint(runtime))
    api.register_blueprint(session_blueprint(runtime))
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    app.extensions["tandem_api"] = api

    app.register_error_handler(HTTPException, _problem_from_http_exception)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return _problem_from_http_exception(exc)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem(InternalServerError.code)

    @app.before_request
    def _bind_correlation() -> None:
        if runtime.settings.relay_in_web:
            runtime.start_relay()
        supplied = request.headers.get("X-Correlation-ID", "")
        g.correlation_id = supplied if _CORRELATION_PATTERN.match(supplied) else str(uuid.uuid4())
        g.correlation_token = telemetry.bind_correlation_id(g.correlation_id)

    app.before_request(lambda: _guard_input(app))

    @app.after_request
    def _literal_route_options(response):
        # Flask's automatic OPTIONS lists every rule matching the path; a literal route answers for itself only.
        if request.method == "OPTIONS" and "Allow" in response.headers:
            literal_methods = _literal_routes(app).get(request.path)
            if literal_methods is not None:
                response.headers["Allow"] = ", ".join(sorted(literal_methods))
        return response

    @app.after_request
    def _log_refused_access(response):
        rule = request.url_rule
        refused = response.status_code in (401, 403) or (response.status_code == 404 and rule is not None)
        if refused:
            principal = g.get("principal")
            # The route's template, never the path: a path may carry a single-use secret.
            # INFO, not WARNING: an anonymous page load asks GET /session and gets a 401 by design.
            access_log.info(
                "access refused: %s %s -> %d for %s", request.method, rule.rule if rule is not None else "(no route)",
                response.status_code, principal.subject if principal is not None else "anonymous",
                extra={"http_status": response.status_code, "route": rule.rule if rule is not None else None,
                       "subject": principal.subject if principal is not None else None, "service": runtime.name},
            )
        return response

    @app.after_request
    def _echo_correlation(response):
        response.headers["X-Correlation-ID"] = g.get("correlation_id", "")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.teardown_request
    def _release_correlation(_exc) -> None:
        token = g.pop("correlation_token", None)
        if token is not None:
            telemetry.release_correlation_id(token)

    telemetry.instrument_flask(app)
    return app


def runtime_of(app: Flask) -> ServiceRuntime:
    return app.extensions["tandem_runtime"]


def health_blueprint(runtime: ServiceRuntime) -> Blueprint:
    blueprint = Blueprint("health", __name__, description="Vie et disponibilité du service.")

    @blueprint.route("/healthz")
    class Health(MethodView):
        @blueprint.response(200)
        def get(self):
            """Le processus répond."""
            return {"status": "ok", "service": runtime.name}

    @blueprint.route("/readyz")
    class Ready(MethodView):
        @blueprint.response(200)
        @blueprint.alt_response(503, description="La base de données ou le bus ne répond pas.")
        def get(self):
            """La base de données et le bus répondent."""
            checks = {}
            for name, check in (("database", runtime.db.ping), ("broker", runtime.bus.ping)):
                try:
                    check()
                    checks[name] = "ok"
                except Exception as exc:  # readiness reports the failure instead of raising it
                    log.warning("readiness check %s failed: %s", name, exc)
                    checks[name] = "unavailable"
            ready = all(value == "ok" for value in checks.values())
            if not ready:
                return problem(503, "Le service n'est pas prêt : " + ", ".join(k for k, v in checks.items() if v != "ok") + ".", checks=checks)
            return {"status": "ready", "service": runtime.name, "checks": checks}

    return blueprint


class ServiceSessionSchema(Schema):
    subject = fields.String(required=True, metadata={"description": "La personne identifiée par le jeton (`sub`)."})
    roles = fields.List(fields.String(), required=True, metadata={"description": "Ses rôles, triés."})
    service = fields.String(required=True, metadata={"description": "Le service qui a vérifié le jeton."})


def session_blueprint(runtime: ServiceRuntime) -> Blueprint:
    """`GET /session` in every service: the same token is accepted, or refused, everywhere."""
    blueprint = Blueprint("session", __name__, description="La session de l'appelant, vérifiée par ce service.")

    @blueprint.route("/session")
    class CurrentSession(MethodView):
        @login_required
        @blueprint.response(200, ServiceSessionSchema)
        @blueprint.alt_response(401, description="Jeton absent, invalide, expiré ou révoqué (déconnexion, compte désactivé).")
        def get(self):
            """Ta session telle que ce service la voit.

            Ce service vérifie lui-même le jeton : signature, algorithme, audience, émetteur,
            expiration, et date à partir de laquelle les jetons de la personne sont valides.
            """
            principal = current_principal()
            return {"subject": principal.subject, "roles": sorted(principal.roles), "service": runtime.name}

    return blueprint


def export_openapi(app: Flask) -> dict[str, Any]:
    """The OpenAPI document as checked into the service folder."""
    return app.extensions["tandem_api"].spec.to_dict()


def current_runtime() -> ServiceRuntime:
    from flask import current_app

    return current_app.extensions["tandem_runtime"]


def current_principal(required: bool = True):
    """The verified caller of this request (401 when a token is required and missing or bad)."""
    from flask import current_app

    from .auth import authenticate

    return authenticate(current_app.extensions["tandem_verifier"], required=required)


def install_verifier(app: Flask, verifier) -> None:
    app.extensions["tandem_verifier"] = verifier


SETTINGS_KEY = "TANDEM_SETTINGS"


def build_app(settings: Any, runtime: ServiceRuntime, title: str, blueprints: Iterable[Blueprint], verifier) -> Flask:
    """A service's app: `create_service_app` with its settings (read by views through `current_settings`) and verifier."""
    app = create_service_app(runtime, title, blueprints, config={SETTINGS_KEY: settings})
    install_verifier(app, verifier)
    return app


def current_settings() -> Any:
    """The settings of the service serving this request: the one way views read a setting."""
    from flask import current_app

    return current_app.config[SETTINGS_KEY]


def login_required(view):
    """Verify the caller before anything else, so a stranger gets 401 rather than a validation error."""
    import functools

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        current_principal(required=True)
        return view(*args, **kwargs)

    # Read by the input guard (401 before any body check) and by the OpenAPI document (`security`).
    wrapper.tandem_login_required = True
    return wrapper
