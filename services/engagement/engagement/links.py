"""Single-use links sent by e-mail (e-mail verification, password reset, invitation): issuing and redeeming them."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_smorest import abort
from sqlalchemy.orm import Session as DbSession

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import identity
from .models import OneTimeToken, Person

# What a link is for (`OneTimeToken.purpose`): a link of one kind never opens another.
VERIFY = "email_verification"
RESET = "password_reset"
INVITATION = "invitation"


def issue_link(session: DbSession, person: Person, purpose: str, lifetime: timedelta, path: str) -> tuple[str, datetime]:
    """A fresh single-use link for `purpose`; earlier unused links of the same kind stop working."""
    now = utcnow()
    session.execute(
        sa.update(OneTimeToken)
        .where(OneTimeToken.person_id == person.id, OneTimeToken.purpose == purpose, OneTimeToken.used_at.is_(None))
        .values(used_at=now)
    )
    secret = identity.new_secret()
    expires_at = now + lifetime
    session.add(OneTimeToken(id=str(uuid.uuid4()), purpose=purpose, person_id=person.id, token_hash=identity.digest(secret),
                             expires_at=expires_at, created_at=now))
    return f"{current_settings().public_url}{path}/{secret}", expires_at


def redeem_link(session: DbSession, secret: str, purpose: str) -> OneTimeToken:
    token = session.scalar(
        sa.select(OneTimeToken).where(OneTimeToken.token_hash == identity.digest(secret), OneTimeToken.purpose == purpose).with_for_update()
    )
    if token is None:
        abort(404, message="Ce lien n'est pas valide. Vérifie que tu as copié l'adresse en entier.")
    if token.used_at is not None:
        abort(410, message="Ce lien a déjà été utilisé. Demande-en un nouveau si besoin.")
    if token.expires_at <= utcnow():
        abort(410, message="Ce lien a expiré. Demande-en un nouveau.")
    token.used_at = utcnow()
    return token
