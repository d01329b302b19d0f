"""The managers' one-click links: 256 random bits, only the SHA-256 stored, bound to one request and one address.

The secret exists in memory while the link is made, then only in `approval.request.created` /
`.reminded` and the e-mail the notifier writes from them.
"""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import AbsenceRequest, ActionLink, WithdrawnApprover

# The web client's page (web/) that shows the request and posts the decision to /api/approval/actions/{secret}.
LINK_PATH = "/manager/demandes"
# A secrets.token_urlsafe(32) is 43 characters; anything much longer is not one of ours.
MAX_SECRET_LENGTH = 128


@dataclass(frozen=True)
class LinkPolicy:
    public_url: str
    lifetime: timedelta

    @classmethod
    def from_settings(cls, settings) -> "LinkPolicy":
        return cls(public_url=settings.public_url, lifetime=timedelta(days=settings.link_days))


def new_secret() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What is stored instead of the secret: its SHA-256, 64 hex digits (the secret has enough entropy for a fast hash)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def out_of_reach() -> sa.ColumnElement[bool]:
    """True for a request sent to an address before its holder lost access, and not taken back by the same person
    since (`WithdrawnApprover`): nobody decides it with a link, nobody is reminded of it, and whoever holds the address
    next does not see it. A request sent to the address afterwards is not concerned."""
    withdrawn = WithdrawnApprover
    return sa.exists().where(
        withdrawn.email == AbsenceRequest.manager_email,
        AbsenceRequest.created_at <= withdrawn.withdrawn_at,
        sa.or_(withdrawn.reinstated_at.is_(None), withdrawn.reinstated_at < withdrawn.withdrawn_at),
    )


def is_out_of_reach(session: Session, request: AbsenceRequest) -> bool:
    return bool(session.scalar(sa.select(out_of_reach()).where(AbsenceRequest.id == request.id)))


def withdraw_approver(session: Session, email: str, person_id: str, at: datetime, now: datetime) -> None:
    """The holder of `email` lost access at `at`: the links already sent to it stop working, and its requests until
    then leave its reach. A later withdrawal of the same address replaces an earlier one."""
    row = session.get(WithdrawnApprover, email, with_for_update=True)
    if row is None:
        session.add(WithdrawnApprover(email=email, person_id=person_id, withdrawn_at=at))
    elif row.withdrawn_at < at:
        row.person_id, row.withdrawn_at = person_id, at
    session.execute(
        sa.update(ActionLink)
        .where(ActionLink.manager_email == email, ActionLink.used_at.is_(None), ActionLink.revoked_at.is_(None),
               ActionLink.created_at <= at)
        .values(revoked_at=now)
    )


def reinstate_approver(session: Session, email: str, person_id: str, at: datetime) -> None:
    """The person who lost access has it again (enabled at `at`): their requests are theirs to decide again. Someone
    else holding the address since does not take them."""
    row = session.get(WithdrawnApprover, email, with_for_update=True)
    if row is None or row.person_id != person_id:
        return
    if row.reinstated_at is None or row.reinstated_at < at:
        row.reinstated_at = at


def revoke_open_links(session: Session, request_id: str, now: datetime) -> None:
    """Every link of the request that could still act stops working."""
    session.execute(
        sa.update(ActionLink)
        .where(ActionLink.request_id == request_id, ActionLink.used_at.is_(None), ActionLink.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def issue_link(session: Session, request: AbsenceRequest, policy: LinkPolicy, now: datetime) -> tuple[str, datetime]:
    """A fresh link for the request's manager; the request's earlier links stop working. Returns (URL, expiry)."""
    revoke_open_links(session, request.id, now)
    secret = new_secret()
    expires_at = now + policy.lifetime
    session.add(ActionLink(
        id=str(uuid.uuid4()), request_id=request.id, manager_email=request.manager_email, token_hash=digest(secret),
        expires_at=expires_at, created_at=now,
    ))
    return f"{policy.public_url}{LINK_PATH}/{secret}", expires_at


def find_link(session: Session, secret: str, for_update: bool = False) -> ActionLink | None:
    if not secret or len(secret) > MAX_SECRET_LENGTH:
        return None
    query = sa.select(ActionLink).where(ActionLink.token_hash == digest(secret))
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalar(query)
