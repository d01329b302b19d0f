"""Sessions (use cases): logging in with throttled failures, renewing with refresh-token families, ending every
session of a person at once."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import domain, events, identity
from .access import audit, issuer
from .models import LoginFailure, Person, Session

BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect."


@dataclass(frozen=True)
class Opened:
    """What the answer's cookies need: the access token, and the refresh token when a new one was made."""

    person: Person
    access_token: str
    access_expires: int
    refresh_secret: str | None
    refresh_expires: datetime | None


def revoke_everywhere(uow, person: Person) -> datetime:
    """Every token issued so far dies in every service; every session of the person ends."""
    now = utcnow()
    person.tokens_not_before = now
    uow.session.execute(sa.update(Session).where(Session.person_id == person.id, Session.revoked_at.is_(None)).values(revoked_at=now))
    events.person_signed_out(uow, person.id, now)
    return now


def access_token(person: Person) -> tuple[str, int]:
    return issuer().issue(person.id, person.role_names, email=person.email, company_id=person.company_id,
                          associations=person.association_ids)


def start_session(uow, person: Person, family_id: str | None = None) -> Opened:
    """A new refresh token (the first of a family at log-in, a successor at renewal) and an access token."""
    now = utcnow()
    session_id = str(uuid.uuid4())
    refresh_secret = identity.new_secret()
    refresh_expires = now + timedelta(days=current_settings().session_days)
    uow.session.add(Session(id=session_id, person_id=person.id, family_id=family_id or session_id,
                            refresh_hash=identity.digest(refresh_secret), created_at=now, expires_at=refresh_expires))
    token, expires = access_token(person)
    return Opened(person, token, expires, refresh_secret, refresh_expires)


def revoke_family(uow, record: Session, person: Person) -> None:
    """A replaced refresh token came back: every token of its family dies, and so does every access token
    already issued to the person (one of them went to whoever holds the stolen token); the person's other
    browsers keep their own families and renew silently."""
    now = utcnow()
    uow.session.execute(sa.update(Session).where(Session.family_id == record.family_id, Session.revoked_at.is_(None)).values(revoked_at=now))
    person.tokens_not_before = now
    events.person_signed_out(uow, person.id, now)
    audit(uow.session, "refresh_token_reused", person_id=person.id)


def _failures(session, email: str, address: str) -> tuple[int, int]:
    since = utcnow() - domain.LOGIN_WINDOW
    from_address = session.scalar(sa.select(sa.func.count()).where(LoginFailure.address == address, LoginFailure.at > since))
    for_pair = session.scalar(
        sa.select(sa.func.count()).where(LoginFailure.address == address, LoginFailure.email == email, LoginFailure.at > since)
    )
    return from_address, for_pair


@dataclass(frozen=True)
class LoginAttempt:
    person: Person | None
    valid: bool
    throttled: bool


def attempt_login(uow, email: str, password: str, address: str) -> LoginAttempt:
    """Checks the password unless the address has failed too often; a failure is recorded and audited, so the
    caller commits this unit of work before answering with `accepted_login`."""
    if domain.login_throttled(*_failures(uow.session, email, address)):
        audit(uow.session, "login_throttled", email=email)
        return LoginAttempt(None, False, True)
    person = uow.session.scalar(sa.select(Person).where(Person.email == email))
    usable = person is not None and person.status == domain.PersonStatus.ACTIVE
    valid = identity.verify_password(person.password_hash if usable else None, password)
    if not valid:
        uow.session.add(LoginFailure(email=email, address=address, at=utcnow()))
        audit(uow.session, "login_failed", person_id=person.id if person else None, email=email)
    return LoginAttempt(person, valid, False)


def accepted_login(attempt: LoginAttempt) -> Person:
    """429 past too many failures from the address, 401 for a wrong password or an unknown account (the same
    answer), 403 for an address not verified yet."""
    if attempt.throttled:
        abort(429, message="Trop de tentatives de connexion depuis cette adresse : réessaie dans une heure, ou réinitialise ton mot de passe.", retry_after=3600)
    if not attempt.valid:
        abort(401, message=BAD_CREDENTIALS)
    if attempt.person.email_verified_at is None:
        abort(403, message="Finalise ton inscription : clique sur le lien reçu par e-mail pour confirmer ton adresse.")
    return attempt.person


def log_in(uow, person_id: str, email: str, password: str, address: str) -> Opened:
    """After `accepted_login`: this address's failures for the account are cleared (other addresses keep theirs),
    the password hash is brought up to date, and a new session family starts."""
    person = uow.session.get(Person, person_id)
    uow.session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email, LoginFailure.address == address))
    if identity.needs_rehash(person.password_hash):
        person.password_hash = identity.hash_password(password)
    opened = start_session(uow, person)
    audit(uow.session, "login_succeeded", person_id=person.id)
    return opened


def log_out(uow, person_id: str) -> None:
    person = uow.session.get(Person, person_id, with_for_update=True)
    if person is not None:
        revoke_everywhere(uow, person)
        audit(uow.session, "logged_out", person_id=person.id)


def renew(uow, secret: str) -> Opened | None:
    """A new access token for a live refresh token, which is rotated; a replaced one within its grace period gets an
    access token only while its successor lives; a replaced one past it revokes its family. None: log in again."""
    now = utcnow()
    # Locked, so that of two renewals with one token, the second sees the first's rotation.
    record = uow.session.scalar(sa.select(Session).where(Session.refresh_hash == identity.digest(secret)).with_for_update()) if secret else None
    person = uow.session.get(Person, record.person_id, with_for_update=True) if record else None
    verdict = domain.judge_refresh_token(
        known=record is not None, revoked=record is not None and record.revoked_at is not None,
        expired=record is not None and record.expires_at <= now,
        person_active=person is not None and person.status == domain.PersonStatus.ACTIVE,
        rotated_at=record.rotated_at if record else None, now=now,
    )
    if verdict == domain.RefreshVerdict.RENEW:
        record.rotated_at = now
        return start_session(uow, person, family_id=record.family_id)
    if verdict == domain.RefreshVerdict.GRACE:
        successor_alive = uow.session.scalar(sa.select(sa.func.count()).where(
            Session.family_id == record.family_id, Session.rotated_at.is_(None), Session.revoked_at.is_(None), Session.expires_at > now,
        ))
        return Opened(person, *access_token(person), None, None) if successor_alive else None
    if verdict == domain.RefreshVerdict.REUSED:
        revoke_family(uow, record, person)
    return None
