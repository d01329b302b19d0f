"""E-mails Tandem sends at someone's request, counted against the limits of issue 19, point 5: per person for
sharing and « Je propose » (see `proposals.record_send`), per address for verification and reset e-mails, which
anyone may ask for, and per client IP for the requests that need no account."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_runtime, current_settings

from . import domain
from .access import audit, client_address
from .models import AnonymousRequest, Person, SentMessage


def recent_sends(session, person_id: str, kind: domain.SendKind, now: datetime) -> list:
    """The e-mails of `kind` counted for the person in the last 24 hours (`at`, `outside_count`); older ones are
    deleted on the way."""
    session.execute(sa.delete(SentMessage).where(SentMessage.person_id == person_id, SentMessage.at <= now - domain.SEND_DAY))
    return session.execute(
        sa.select(SentMessage.at, SentMessage.outside_count).where(SentMessage.person_id == person_id, SentMessage.kind == kind)
    ).all()


def account_mail_allowed(session, person: Person, kind: domain.SendKind) -> bool:
    """Whether one more verification or reset e-mail may go to the person's address, counted if so. Over the limit,
    callers answer as usual and send nothing (the audit log keeps it). Call with the person's row locked."""
    now = utcnow()
    quota = domain.SendQuota(per_hour=current_settings().account_mails_per_hour, per_day=current_settings().account_mails_per_day)
    if not domain.account_mail_allowed([row.at for row in recent_sends(session, person.id, kind, now)], quota, now):
        audit(session, f"{kind}_withheld", person_id=person.id)
        return False
    session.add(SentMessage(person_id=person.id, kind=kind, recipient_count=1, outside_count=0, at=now))
    return True


def count_anonymous_request(kind: domain.AnonymousRequest) -> None:
    """Count this request from the client's IP, first thing and in its own transaction; 429 with Retry-After when the
    IP has made too many lately. Every request counts, whatever the address asked about and whatever the answer."""
    address = client_address()
    now = utcnow()
    quota = domain.SendQuota(per_hour=current_settings().anonymous_requests_per_hour, per_day=current_settings().anonymous_requests_per_day)
    with current_runtime().unit_of_work() as uow:
        uow.session.execute(sa.delete(AnonymousRequest).where(AnonymousRequest.address == address, AnonymousRequest.at <= now - domain.SEND_DAY))
        made_at = uow.session.scalars(
            sa.select(AnonymousRequest.at).where(AnonymousRequest.address == address, AnonymousRequest.kind == kind)
        ).all()
        refusal = domain.anonymous_request_refusal(kind, list(made_at), quota, now)
        if refusal is None:
            uow.session.add(AnonymousRequest(kind=kind, address=address, at=now))
        else:
            audit(uow.session, f"{kind}_throttled")
    if refusal is not None:
        message, wait = refusal
        abort(429, message=message, retry_after=wait)
