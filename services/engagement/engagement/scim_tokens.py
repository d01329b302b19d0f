"""SCIM tokens (administration use cases, issue 14): a company admin (or the platform team) makes a bearer token for
the HR directory's SCIM client, sees it once, and may revoke it; the SCIM endpoints recognise it.

A token reads `tandem-scim.<token id>.<secret>`: the id finds the row, the secret's SHA-256 is compared in constant
time (`hmac.compare_digest`), so neither the secret nor a timing difference on it ever leaves the database.
"""
from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow

from . import identity
from .access import audit
from .errors import field_error
from .models import Company, Person, ScimToken

TOKEN_PREFIX = "tandem-scim"
# last_used_at is a hint for the admin (« utilisé il y a … »), not an audit trail: one write a minute is enough.
LAST_USED_PRECISION = timedelta(minutes=1)
TOKEN_NOT_FOUND = "Ce jeton SCIM n'existe pas."


@dataclass(frozen=True)
class ScimCaller:
    """Who is calling the SCIM endpoints: a live token, and the one company whose people it reaches."""

    token_id: str
    company_id: str


def token_view(token: ScimToken) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


def tokens_of(session, company: Company) -> list[ScimToken]:
    """The company's tokens, live ones first, newest first."""
    return list(session.scalars(
        sa.select(ScimToken).where(ScimToken.company_id == company.id)
        .order_by(ScimToken.revoked_at.is_not(None), ScimToken.created_at.desc(), ScimToken.id)
    ))


def make_token(uow, caller: Person, company: Company, name: str) -> tuple[ScimToken, str]:
    """A new token and its secret, which only this answer carries (the database keeps its SHA-256)."""
    name = name.strip()
    if not name:
        field_error("name", "Donne un nom à ce jeton (par exemple, le nom de ton annuaire RH).")
    secret = identity.new_secret()
    token = ScimToken(id=str(uuid.uuid4()), company_id=company.id, name=name, token_hash=identity.digest(secret),
                      created_at=utcnow(), created_by=caller.id)
    uow.session.add(token)
    audit(uow.session, "scim_token_created", actor_id=caller.id, company_id=company.id, token_id=token.id, name=name)
    return token, f"{TOKEN_PREFIX}.{token.id}.{secret}"


def token_in(session, company: Company, token_id: str, for_update: bool = False) -> ScimToken:
    token = session.get(ScimToken, token_id, with_for_update=for_update)
    if token is None or token.company_id != company.id:
        abort(404, message=TOKEN_NOT_FOUND)
    return token


def revoke_token(uow, caller: Person, token: ScimToken) -> None:
    """From now on the token is refused (401); revoking twice changes nothing."""
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    audit(uow.session, "scim_token_revoked", actor_id=caller.id, company_id=token.company_id, token_id=token.id)


def recognise(uow, presented: str | None, now: datetime | None = None) -> ScimCaller | None:
    """The caller a presented bearer token stands for, or None (unknown, malformed, revoked)."""
    if not presented:
        return None
    prefix, _, rest = presented.partition(".")
    token_id, _, secret = rest.partition(".")
    if prefix != TOKEN_PREFIX or not token_id or not secret or len(token_id) > 36:
        return None
    token = uow.session.get(ScimToken, token_id)
    # Compared even for an unknown id, so that an unknown id and a wrong secret take the same time.
    expected = token.token_hash if token is not None else "0" * 64
    if not hmac.compare_digest(expected, identity.digest(secret)) or token is None or token.revoked_at is not None:
        return None
    now = now or utcnow()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        token.last_used_at = now
    return ScimCaller(token_id=token.id, company_id=token.company_id)
