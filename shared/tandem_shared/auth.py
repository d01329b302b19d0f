"""Verifying the session tokens that engagement signs; each service then authorises per object itself."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import jwt
from flask import g, request
from flask_smorest import abort
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jwt import PyJWK

# Asymmetric algorithms only: an HMAC or "none" token can never be accepted, whatever its header says.
ALLOWED_ALGORITHMS = ("EdDSA", "ES256")
SESSION_COOKIE = "tandem_session"
CSRF_COOKIE = "tandem_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class InvalidToken(Exception):
    """The token is not one we accept; the message says why, for logs only."""


@dataclass(frozen=True)
class Principal:
    """The verified caller: who they are and what the token says of them."""

    subject: str
    claims: Mapping[str, Any]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(self.claims.get("roles", ()))

    @property
    def email(self) -> str | None:
        return self.claims.get("email")

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def key_id(public_key: Any) -> str:
    """The `kid` of a public key, derived from the key itself: engagement signs with it, every service finds it."""
    if isinstance(public_key, Ed25519PublicKey):
        material = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    else:
        material = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.urlsafe_b64encode(hashlib.sha256(material).digest()[:12]).rstrip(b"=").decode()


def load_public_keys(text: str) -> dict[str, Any]:
    """Keys by `kid`, from a JWKS document or a single PEM public key (whose kid is derived from the key)."""
    text = text.strip()
    if text.startswith("{"):
        keys: dict[str, Any] = {}
        for entry in json.loads(text).get("keys", []):
            jwk = PyJWK(entry)
            keys[entry.get("kid") or key_id(jwk.key)] = jwk.key
        return keys
    public_key = serialization.load_pem_public_key(text.encode("ascii"))
    return {key_id(public_key): public_key}


class TokenVerifier:
    def __init__(
        self,
        public_keys: Mapping[str, Any],
        audience: str,
        issuer: str,
        algorithms: tuple[str, ...] = ("EdDSA",),
        leeway_seconds: int = 30,
        not_before: Callable[[str], datetime | None] | None = None,
    ):
        unknown = set(algorithms) - set(ALLOWED_ALGORITHMS)
        if unknown:
            raise ValueError(f"algorithms outside the allowlist: {sorted(unknown)}")
        self.public_keys = dict(public_keys)
        self.audience = audience
        self.issuer = issuer
        self.algorithms = tuple(algorithms)
        self.leeway = leeway_seconds
        self.not_before = not_before

    def verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"malformed token: {exc}") from exc
        if header.get("alg") not in self.algorithms:
            raise InvalidToken(f"algorithm {header.get('alg')!r} is not allowed")
        kid = header.get("kid")
        if kid is None:
            # Without a key id there is no choice to make only when exactly one key is published.
            key = next(iter(self.public_keys.values())) if len(self.public_keys) == 1 else None
        else:
            # A key id must name a published key, exactly: never a fallback to some other key.
            key = self.public_keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise InvalidToken(f"unknown key id {kid!r}")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=list(self.algorithms),
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from exc
        subject = str(claims["sub"])
        if self.not_before is not None:
            # Logout and disabling publish a per-person cut-off: tokens issued before it are dead everywhere.
            cutoff = self.not_before(subject)
            issued = datetime.fromtimestamp(claims["iat"], tz=timezone.utc)
            if cutoff is not None and issued < cutoff:
                raise InvalidToken("token issued before the person's not-before time")
        return Principal(subject=subject, claims=claims)


def build_token_verifier(
    settings: Any,
    not_before: Callable[[str], datetime | None],
    own_keys: Mapping[str, Any] | None = None,
) -> TokenVerifier:
    """A service's verifier: the published keys (`TANDEM_JWT_PUBLIC_KEYS`), plus the signer's own, and the cut-off.

    `settings` is the service's `CommonSettings`; `not_before` answers since when a person's tokens are valid.
    """
    keys = load_public_keys(settings.jwt_public_keys) if settings.jwt_public_keys else {}
    keys.update(own_keys or {})
    return TokenVerifier(keys, audience=settings.jwt_audience, issuer=settings.jwt_issuer, not_before=not_before)


def token_from_request() -> tuple[str | None, bool]:
    """The bearer token, and whether it came from the session cookie (which then needs CSRF proof)."""
    authorization = request.headers.get("Authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip(), False
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return cookie, True
    return None, False


def csrf_ok() -> bool:
    """Double-submit check: a cross-site page can send our cookie but cannot read it to echo the header."""
    if request.method in SAFE_METHODS:
        return True
    cookie = request.cookies.get(CSRF_COOKIE, "")
    header = request.headers.get(CSRF_HEADER, "")
    return bool(cookie) and hmac.compare_digest(cookie, header)


def authenticate(verifier: TokenVerifier, required: bool = True) -> Principal | None:
    """Verify the caller for this request; 401 when a token is needed and missing or invalid."""
    if "principal" in g:
        return g.principal
    token, from_cookie = token_from_request()
    if token is None:
        if required:
            abort(401, message="Connecte-toi pour continuer.")
        return None
    try:
        principal = verifier.verify(token)
    except InvalidToken:
        if required:
            abort(401, message="Ta session a expiré ou n'est pas valide : reconnecte-toi.")
        return None
    if from_cookie and not csrf_ok():
        abort(403, message="Requête refusée : jeton anti-CSRF manquant ou invalide. Recharge la page.")
    g.principal = principal
    return principal
