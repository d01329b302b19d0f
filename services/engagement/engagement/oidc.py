"""OpenID Connect sign-in (use cases, issue 14), with Authlib: the provider's discovery document, the authorization
code flow with PKCE (S256), `state` and `nonce`, and the ID token checked against the provider's JWKS (signature,
`iss`, `aud`, `exp`, `iat`, `nonce`) before `federation.complete_federated_sign_in` lets the person in."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass

import requests
from cachetools import TTLCache
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt
from authlib.jose.errors import JoseError
from authlib.oidc.core import CodeIDToken
from cryptography.fernet import Fernet, InvalidToken

from tandem_shared.web import current_settings

from . import federation
from .domain.federation import FederationRefused
from .models import IdentityProvider

CALLBACK_PATH = "/api/engagement/sso/oidc/callback"
DEFAULT_SCOPES = "openid email profile"
ENV_REFERENCE = "env:"
# Clocks of the provider and ours may differ a little; more would let expired tokens through.
CLOCK_LEEWAY_SECONDS = 60

# A provider's discovery document and keys change rarely (a key rotation announces the new key ahead): keeping them a few
# minutes spares two requests to the provider per sign-in. A token signed by a key the kept set lacks fetches it again.
PROVIDER_DOCUMENTS_KEPT_SECONDS = 300
_provider_documents: TTLCache[str, dict] = TTLCache(maxsize=256, ttl=PROVIDER_DOCUMENTS_KEPT_SECONDS)
_provider_documents_lock = threading.Lock()

PROVIDER_UNREACHABLE = "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes."
TOKEN_REFUSED = "La réponse du fournisseur d'identité n'a pas pu être vérifiée : recommence depuis la page « Se connecter »."


class SecretUnavailable(Exception):
    """The client secret can be neither decrypted nor read from the environment (a configuration error)."""


def encrypt_secret(plain: str) -> str:
    key = current_settings().sso_secret_key
    if not key:
        raise SecretUnavailable("ENGAGEMENT_SSO_SECRET_KEY")
    return Fernet(key.encode()).encrypt(plain.encode()).decode()


def client_secret(provider: IdentityProvider) -> str | None:
    """The plain secret, only to talk to the token endpoint: from the environment variable named by the reference,
    or decrypted with the key of the environment."""
    if provider.oidc_client_secret_ref:
        name = provider.oidc_client_secret_ref.removeprefix(ENV_REFERENCE)
        value = os.environ.get(name)
        if not value:
            raise SecretUnavailable(name)
        return value
    if provider.oidc_client_secret_encrypted:
        key = current_settings().sso_secret_key
        if not key:
            raise SecretUnavailable("ENGAGEMENT_SSO_SECRET_KEY")
        try:
            return Fernet(key.encode()).decrypt(provider.oidc_client_secret_encrypted.encode()).decode()
        except InvalidToken as exc:
            raise SecretUnavailable("ENGAGEMENT_SSO_SECRET_KEY") from exc
    return None  # a public client: PKCE alone


def redirect_uri() -> str:
    return f"{current_settings().public_url}{CALLBACK_PATH}"


def _get_json(url: str, *, fresh: bool = False) -> dict:
    """The provider's JSON document at `url`, kept `PROVIDER_DOCUMENTS_KEPT_SECONDS` unless `fresh` is asked."""
    if not fresh:
        with _provider_documents_lock:
            kept = _provider_documents.get(url)
        if kept is not None:
            return kept
    try:
        answer = requests.get(url, timeout=current_settings().sso_http_timeout_seconds)
        answer.raise_for_status()
        document = answer.json()
    except (requests.RequestException, ValueError) as exc:
        raise FederationRefused(PROVIDER_UNREACHABLE, {"reason": "provider_unreachable", "url": url}) from exc
    if not isinstance(document, dict):
        raise FederationRefused(PROVIDER_UNREACHABLE, {"reason": "provider_unreachable", "url": url})
    with _provider_documents_lock:
        _provider_documents[url] = document
    return document


def discover(provider: IdentityProvider) -> dict:
    """The discovery document; its `issuer` must be the configured one exactly (OpenID Connect Discovery §4.3)."""
    issuer = provider.oidc_issuer.rstrip("/")
    document = _get_json(f"{issuer}/.well-known/openid-configuration")
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise FederationRefused(PROVIDER_UNREACHABLE, {"provider_id": provider.id, "reason": "issuer_mismatch"})
    return document


def _client(provider: IdentityProvider, secret: str | None = None, **kwargs) -> OAuth2Session:
    return OAuth2Session(client_id=provider.oidc_client_id, client_secret=secret,
                         scope=provider.oidc_scopes or DEFAULT_SCOPES, redirect_uri=redirect_uri(),
                         code_challenge_method="S256", **kwargs)


def start(session, provider: IdentityProvider, return_path: str | None) -> str:
    """Records a new attempt and answers the provider's authorization URL the web page navigates to."""
    document = discover(provider)
    state, nonce, verifier = generate_token(43), generate_token(43), generate_token(64)
    federation.start_attempt(session, provider, return_path, state=state, nonce=nonce, code_verifier=verifier)
    url, _ = _client(provider).create_authorization_url(document["authorization_endpoint"], state=state,
                                                        code_verifier=verifier, nonce=nonce)
    return url


@dataclass(frozen=True)
class Pending:
    """What the callback needs of the attempt once its state is consumed (committed apart: a refused answer must not
    give the state back)."""

    attempt_id: str
    provider_id: str
    nonce: str
    code_verifier: str


def consume_state(session, state: str | None) -> Pending:
    attempt = federation.take_attempt(session, state=state)
    return Pending(attempt.id, attempt.provider_id, attempt.nonce, attempt.code_verifier)


def verify_id_token(provider: IdentityProvider, document: dict, id_token: str, nonce: str) -> dict:
    """Signature by a key of the provider's JWKS, then iss, aud (our client id), exp, iat and nonce. Refused with the
    kept keys, the token is checked once more against keys fetched afresh: the provider may have rotated them."""
    try:
        return _checked_claims(provider, id_token, nonce, _get_json(document["jwks_uri"]))
    except (JoseError, ValueError):
        pass
    try:
        return _checked_claims(provider, id_token, nonce, _get_json(document["jwks_uri"], fresh=True))
    except (JoseError, ValueError) as exc:
        raise FederationRefused(TOKEN_REFUSED, {"provider_id": provider.id, "reason": "id_token_refused",
                                               "error": type(exc).__name__}) from exc


def _checked_claims(provider: IdentityProvider, id_token: str, nonce: str, key_set: dict) -> dict:
    claims = jwt.decode(id_token, JsonWebKey.import_key_set(key_set), claims_cls=CodeIDToken,
                        claims_options={"iss": {"essential": True, "value": provider.oidc_issuer.rstrip("/")}},
                        claims_params={"nonce": nonce, "client_id": provider.oidc_client_id})
    claims.validate(leeway=CLOCK_LEEWAY_SECONDS)
    return dict(claims)


def verified_claims(provider: IdentityProvider, pending: Pending, code: str | None, error: str | None) -> dict:
    """The provider's redirect: the code exchanged with the PKCE verifier, the ID token verified. What the provider
    said no to is refused with a French page too."""
    if error or not code:
        raise FederationRefused("Ton fournisseur d'identité n'a pas autorisé la connexion à Tandem : demande à ton service informatique.",
                                {"provider_id": provider.id, "reason": "provider_error", "error": (error or "no_code")[:60]})
    document = discover(provider)
    try:
        secret = client_secret(provider)
    except SecretUnavailable as exc:
        raise FederationRefused(PROVIDER_UNREACHABLE, {"provider_id": provider.id, "reason": "secret_unavailable",
                                                       "variable": str(exc)}) from exc
    client = _client(provider, secret, token_endpoint_auth_method="client_secret_basic" if secret else "none")
    try:
        token = client.fetch_token(document["token_endpoint"], code=code, code_verifier=pending.code_verifier,
                                   timeout=current_settings().sso_http_timeout_seconds)
    except Exception as exc:  # noqa: BLE001 - Authlib raises OAuthError or requests' errors: the same page for both
        raise FederationRefused(TOKEN_REFUSED, {"provider_id": provider.id, "reason": "token_exchange_failed",
                                               "error": type(exc).__name__}) from exc
    if "id_token" not in token:
        raise FederationRefused(TOKEN_REFUSED, {"provider_id": provider.id, "reason": "no_id_token"})
    return verify_id_token(provider, document, token["id_token"], pending.nonce)
