"""A manager's decision, the same from the e-mailed link and from « Les missions de mon équipe »:
the caller has locked the request row, the rule decides, every open link dies, the event leaves with the commit."""
from __future__ import annotations

from datetime import date, datetime

from tandem_shared.inbox import UnitOfWork

from . import clock, domain, events, links
from .models import AbsenceRequest


def facts(request: AbsenceRequest) -> domain.RequestFacts:
    return domain.RequestFacts(
        status=domain.RequestStatus(request.status), person_name=request.person_name, decided_at=request.decided_at,
        via=request.via, cancellation=request.cancellation,
        dates=tuple(date.fromisoformat(entry["date"]) for entry in request.dates),
    )


def acceptance_refusal(request: AbsenceRequest) -> str | None:
    """Why the manager can no longer accept this pending request (a date has passed), for their pages; else None."""
    if request.status != domain.RequestStatus.PENDING:
        return None
    return domain.acceptance_refusal(facts(request), clock.today())


def decide(uow: UnitOfWork, request: AbsenceRequest, decision: domain.Decision, reason: str | None, via: domain.Via,
           decided_by: str | None, decided_by_email: str, now: datetime) -> None:
    """Raises `domain.DomainError` (with the French reason) when the request is no longer pending, or when accepting it
    comes after one of its dates.

    `decided_by_email` is the address of who decided: the one the link was bound to, or the team view's caller.
    documents lets that person, and no one else merely sent the request, read the convention (issue 19)."""
    request.status = domain.decide(facts(request), decision, clock.today())
    request.reason = domain.refusal_reason(decision, reason)
    request.decided_at = now
    request.decided_by = decided_by
    request.via = via
    links.revoke_open_links(uow.session, request.id, now)
    events.request_decided(uow, request, decided_by_email)


def decided_message(request: AbsenceRequest) -> str:
    """What the manager reads right after deciding."""
    if request.status == domain.RequestStatus.APPROVED:
        return f"C'est validé : {request.person_name} est prévenu·e par e-mail et peut poursuivre avec la convention."
    return f"La demande est refusée : {request.person_name} est prévenu·e par e-mail et pourra proposer d'autres dates."
