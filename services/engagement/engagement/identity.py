"""Credentials and tokens: argon2id password hashes, signed session tokens, single-use links."""
from __future__ import annotations

import base64
import hashlib
import secrets
import time
from typing import Any

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives import serialization

from tandem_shared.auth import key_id

from . import domain

# OWASP's argon2id baseline: 19 MiB of memory, two passes, one lane.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)
# Verified when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("tandem-dummy-password-for-timing")


def hash_password(password: str) -> str:
    return _hasher.hash(domain.normalize_password(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, domain.normalize_password(password)) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def new_secret() -> str:
    """256 random bits, URL-safe: for e-mailed links, refresh tokens and CSRF cookies."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What we store instead of a secret: its SHA-256 (the secret has enough entropy not to need a slow hash)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class TokenIssuer:
    """Signs short-lived session tokens with the platform's Ed25519 key; publishes the public half as JWKS."""

    algorithm = "EdDSA"

    def __init__(self, private_key_pem: str, audience: str, issuer: str, ttl_seconds: int):
        if not private_key_pem.strip():
            raise ValueError("engagement needs a signing key: set ENGAGEMENT_JWT_PRIVATE_KEY or ENGAGEMENT_JWT_PRIVATE_KEY_FILE")
        self.private_key = serialization.load_pem_private_key(private_key_pem.encode("ascii"), password=None)
        self.public_key = self.private_key.public_key()
        self.audience = audience
        self.issuer = issuer
        self.ttl_seconds = ttl_seconds
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.key_id = key_id(self.public_key)
        self._raw_public = raw

    def issue(self, subject: str, roles: list[str], **claims: Any) -> tuple[str, int]:
        """A token and its expiry (epoch seconds)."""
        # Fractional iat (allowed by RFC 7519): a log-in in the same second as a log-out still works.
        now = round(time.time(), 3)
        expires = int(now) + self.ttl_seconds
        payload = {
            "sub": subject,
            "aud": self.audience,
            "iss": self.issuer,
            "iat": now,
            "exp": expires,
            "jti": secrets.token_hex(8),
            "roles": roles,
            **claims,
        }
        return jwt.encode(payload, self.private_key, algorithm=self.algorithm, headers={"kid": self.key_id}), expires

    def jwks(self) -> dict[str, Any]:
        return {
            "keys": [
                {
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "x": base64.urlsafe_b64encode(self._raw_public).rstrip(b"=").decode(),
                    "kid": self.key_id,
                    "alg": self.algorithm,
                    "use": "sig",
                }
            ]
        }

    def public_pem(self) -> str:
        return self.public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
