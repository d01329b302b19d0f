"""Participations in the database, shared by the API, the handlers, the dashboard and the reminders.

No Flask here: the handlers and the worker use it too. The rules themselves are in `domain/`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession

from tandem_shared.inbox import UnitOfWork

from . import clock, domain, events
from .domain import DateState, ParticipationStatus, RequestStatus
from .models import Company, Convention, DateRequest, MissionCopy, MissionDate, Participation, Person, PersonRole

CONVENTION_VIEWER = "/mon-compte/conventions/{convention_id}"
"""The web client's convention viewer, where the employee reads and signs a version (`docs/workflow-events.md`)."""
BILAN_PDF = "/api/documents/bilans/{participation_id}.pdf"
"""Where documents serves the bilan's PDF, once `documents.bilan.issued` has said it exists."""


def full_name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


def day_data(mission_date: MissionDate) -> dict:
    return {"date": mission_date.day, "format": mission_date.format}


# -- the ledger ---------------------------------------------------------------------------------


def booked(session: DbSession, person_id: str) -> list[domain.DayRequest]:
    """Every date of the person pending or approved, on any participation."""
    rows = session.execute(
        sa.select(MissionDate.day, MissionDate.format).where(
            MissionDate.person_id == person_id, MissionDate.state.in_(domain.BOOKED_STATES)
        )
    ).all()
    return [domain.DayRequest(day=row.day, format=row.format) for row in rows]


def days_in_year(session: DbSession, person_id: str, year: int, states: tuple[str, ...], *, after: date | None = None,
                 until: date | None = None, before: date | None = None) -> Decimal:
    """Days of the civil year's dates in `states`; `after`/`until`/`before` narrow them to dates after one day, up to
    one, or before one."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    conditions = [MissionDate.person_id == person_id, MissionDate.state.in_(states), MissionDate.day >= start, MissionDate.day <= end]
    if after is not None:
        conditions.append(MissionDate.day > after)
    if until is not None:
        conditions.append(MissionDate.day <= until)
    if before is not None:
        conditions.append(MissionDate.day < before)
    rows = session.execute(sa.select(MissionDate.format, sa.func.count()).where(*conditions).group_by(MissionDate.format)).all()
    return sum((domain.FORMAT_DAYS[fmt] * count for fmt, count in rows), Decimal("0"))


def days_used(session: DbSession, person_id: str, year: int) -> Decimal:
    """The days-used ledger: approved dates of the civil year (« Tu as déjà utilisé X jours de mission »)."""
    return days_in_year(session, person_id, year, (DateState.APPROVED.value,))


def days_done(session: DbSession, person_id: str, year: int, today: date) -> Decimal:
    """« Tu as déjà utilisé X jours » as the guide means it: approved dates that have come (today included)."""
    return days_in_year(session, person_id, year, (DateState.APPROVED.value,), until=today)


def sent_to(address: str) -> sa.ColumnElement[bool]:
    """The requests sent to `address` (lower case) that are its present holder's: not those sent to someone who lost
    access since (`withdraw_requests_sent_to`): after a deletion someone else may hold the address now."""
    return sa.and_(sa.func.lower(DateRequest.manager_email) == address, DateRequest.addressee_left_at.is_(None))


def _waiting_request_data(request: DateRequest, person: Person, mission: MissionCopy) -> dict:
    """What the employee's e-mail about a pending request says: whose, which mission, which dates, sent when and to whom."""
    return {
        "request_id": request.id, "participation_id": request.participation_id, "person_id": person.id,
        "person_name": full_name(person), "person_email": person.email, "manager_email": request.manager_email,
        "mission_title": mission.title, "requested_at": request.requested_at,
        "dates": [day_data(d) for d in request.dates if d.state in domain.BOOKED_STATES],
    }


def _pending_with_people(session: DbSession, *where: sa.ColumnElement[bool]):
    return session.execute(
        sa.select(DateRequest, Person, MissionCopy)
        .join(Person, Person.id == DateRequest.person_id)
        .join(Participation, Participation.id == DateRequest.participation_id)
        .join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .where(DateRequest.status == RequestStatus.PENDING.value, *where)
    ).all()


def withdraw_requests_sent_to(uow: UnitOfWork, address: str, at: datetime) -> None:
    """The person holding `address` was disabled, or their account deleted: the requests sent to it leave the address
    (whoever holds it next does not see the former manager's team), and each employee whose request still waits is
    told that nobody can decide it now (`engagement.dates.manager_lost_access`)."""
    session = uow.session
    waiting = _pending_with_people(session, sent_to(address))
    session.execute(
        sa.update(DateRequest).where(sent_to(address)).values(addressee_left_at=at)
        .execution_options(synchronize_session=False)
    )
    for request, person, mission in waiting:
        events.manager_lost_access(uow, {**_waiting_request_data(request, person, mission), "lost_at": at})


def reinstate_requests_sent_to(uow: UnitOfWork, manager: Person, at: datetime) -> None:
    """A disabled person is active again: the requests sent to their address while they held it are theirs again, and
    each employee whose request still waits, told it could no longer be validated, is told it can
    (`engagement.dates.manager_access_restored`). Those withdrawn from an earlier holder of the address (before this
    person's account existed) stay withdrawn."""
    session = uow.session
    theirs = sa.and_(sa.func.lower(DateRequest.manager_email) == domain.normalize_email(manager.email),
                     DateRequest.addressee_left_at >= manager.created_at)
    waiting = _pending_with_people(session, theirs)
    session.execute(
        sa.update(DateRequest).where(theirs).values(addressee_left_at=None).execution_options(synchronize_session=False)
    )
    for request, person, mission in waiting:
        events.manager_access_restored(uow, {**_waiting_request_data(request, person, mission), "restored_at": at})


def team_requests_to_validate(session: DbSession, manager_email: str) -> int:
    """« Valide les dates de ton équipe »: requests approval has sent to this address and nobody has decided."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(DateRequest).where(
            sent_to(domain.normalize_email(manager_email)), DateRequest.status == RequestStatus.PENDING.value,
            DateRequest.approval_created_at.is_not(None),
        )
    ) or 0


def company_admin_emails(session: DbSession, company_id: str) -> list[str]:
    """The addresses of the company's active admins, who hear of requests sent to someone other than the recorded manager."""
    return list(session.scalars(
        sa.select(Person.email).join(PersonRole, PersonRole.person_id == Person.id).where(
            Person.company_id == company_id, Person.status == domain.PersonStatus.ACTIVE.value,
            PersonRole.role == domain.Role.COMPANY_ADMIN.value,
        ).order_by(Person.email)
    ))


def other_manager_named(uow: UnitOfWork, request: DateRequest, person: Person, mission: MissionCopy) -> None:
    """« Autorisé, l'administrateur est prévenu »: the company's admins are e-mailed (by the notifier) about the request."""
    events.other_manager_named(uow, {
        "request_id": request.id, "company_id": person.company_id, "person_id": person.id, "person_name": full_name(person),
        "person_email": person.email, "manager_email": request.manager_email,
        "recorded_manager_email": request.recorded_manager_email, "mission_title": mission.title,
        "association_name": mission.association_name, "year": request.participation.year,
        "dates": [day_data(d) for d in request.dates], "requested_at": request.requested_at,
        "admin_emails": company_admin_emails(uow.session, person.company_id),
    })


def bilans_to_complete(session: DbSession, person_id: str) -> int:
    """« Complète ton bilan »: attendance attested, bilan not done."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(Participation).where(
            Participation.person_id == person_id, Participation.status == ParticipationStatus.OPEN.value,
            Participation.attendance_completed_at.is_not(None), Participation.bilan_completed_at.is_(None),
        )
    ) or 0


def conventions_to_sign(session: DbSession, person_id: str) -> int:
    """« Signe ta convention »: the person's conventions whose latest version issued is not signed
    (a withdrawn participation asks for no signature)."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(Convention)
        .join(Participation, Participation.id == Convention.participation_id)
        .where(
            Convention.person_id == person_id, Participation.status != ParticipationStatus.WITHDRAWN.value,
            sa.or_(Convention.signed_version.is_(None), Convention.signed_version < Convention.issued_version),
        )
    ) or 0


# -- a participation's state --------------------------------------------------------------------


def approved_dates(participation: Participation) -> list[MissionDate]:
    return [d for d in participation.dates if d.state == DateState.APPROVED.value]


def attended(participation: Participation) -> list[domain.AttendedDay]:
    return [domain.AttendedDay(day=d.day, format=d.format, present=d.present) for d in approved_dates(participation)]


def pending_requests(participation: Participation) -> list[DateRequest]:
    return [r for r in participation.requests if r.status == RequestStatus.PENDING.value]


def waiting_at_step_one(participation: Participation) -> bool:
    """Applied, and no date request since: the dates are not agreed with the association yet.

    (A participation reopened after a withdrawal starts again at step 1: its old requests predate it.)
    """
    return participation.status == ParticipationStatus.OPEN.value and not any(
        request.requested_at >= participation.submitted_at for request in participation.requests
    )


def refresh_attendance(uow: UnitOfWork, participation: Participation, person: Person, mission: MissionCopy, now: datetime, today: date) -> None:
    """Publish engagement.attendance.attested when the participation becomes complete; lock step 4 again when it no longer is.

    Called after anything that changes the dates or their attendance. A participation that stays
    complete publishes nothing more, so the event goes out once per completion.
    """
    if participation.bilan_completed_at is not None:
        return
    uow.session.flush()
    complete = domain.attendance_complete(attended(participation), len(pending_requests(participation)), today)
    if complete and participation.attendance_completed_at is None:
        participation.attendance_completed_at = now
        participation.updated_at = now
        events.attendance_attested(uow, attendance_data(participation, person, mission, now))
    elif not complete and participation.attendance_completed_at is not None:
        participation.attendance_completed_at = None
        participation.updated_at = now


def attendance_data(participation: Participation, person: Person, mission: MissionCopy, now: datetime) -> dict:
    """The participation's attendance as it stands: every approved date, present or not."""
    return {
        "participation_id": participation.id, "person_id": person.id, "person_name": full_name(person),
        "person_email": person.email, "mission_id": mission.id, "mission_title": mission.title,
        "association_name": mission.association_name, "year": participation.year,
        "dates": [{"date": d.day, "format": d.format, "present": bool(d.present)} for d in approved_dates(participation)],
        "days_present": float(domain.days_present(attended(participation))), "attested_at": now,
    }


def cancel_request(uow: UnitOfWork, request: DateRequest, reason: str, person: Person, mission: MissionCopy, now: datetime) -> None:
    """Cancel a pending request, or release the (future) dates of an approved one; tell approval and the manager."""
    affected = [d for d in request.dates if d.state in domain.BOOKED_STATES]
    for mission_date in affected:
        mission_date.state = DateState.CANCELLED.value
    request.status = RequestStatus.CANCELLED.value
    request.cancelled_at = now
    request.cancel_reason = reason
    events.dates_cancelled(uow, {
        "request_id": request.id, "participation_id": request.participation_id, "person_id": person.id,
        "person_name": full_name(person), "manager_email": request.manager_email, "mission_title": mission.title,
        "dates": [day_data(d) for d in affected], "reason": reason, "cancelled_at": now,
        "tell_manager": request.addressee_left_at is None,
    })


# -- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """Which dates ((ISO date, format) pairs) the convention's latest signed version and latest issued version cover."""

    signed: frozenset[tuple[str, str]] = frozenset()
    latest: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of(cls, convention: Convention | None) -> Coverage:
        if convention is None:
            return cls()

        def keys(dates: list[dict] | None) -> frozenset[tuple[str, str]]:
            return frozenset((str(item["date"]), str(item["format"])) for item in dates or ())

        return cls(signed=keys(convention.signed_dates), latest=keys(convention.issued_dates))


NO_CONVENTION = Coverage()


def signed_days(participation: Participation) -> set[date]:
    """The approved dates a signed version of the convention covers (each date's `convention_signed`): only these
    can be attested."""
    signed = Coverage.of(participation.convention).signed
    return {d.day for d in approved_dates(participation) if (d.day.isoformat(), d.format) in signed}


def mission_view(mission: MissionCopy) -> dict:
    return {
        "id": mission.id, "title": mission.title, "association_id": mission.association_id,
        "association_name": mission.association_name, "url": mission.url, "status": mission.status,
        "contact_name": mission.contact_name, "contact_email": mission.contact_email, "contact_phone": mission.contact_phone,
    }


def date_view(mission_date: MissionDate, coverage: Coverage = NO_CONVENTION) -> dict:
    key = (mission_date.day.isoformat(), mission_date.format)
    signed = key in coverage.signed
    # Approval accepts no request with a date gone by (`has_passed_date`): such a day no longer waits for anyone.
    too_late = mission_date.state == DateState.PENDING.value and mission_date.day < clock.today()
    return {
        "date": mission_date.day, "format": mission_date.format, "format_label": domain.FORMAT_LABELS[mission_date.format],
        "label": domain.date_label(mission_date.day, mission_date.format), "state": mission_date.state,
        "state_label": domain.date_state_label(mission_date.state, convention_signed=signed, in_latest_convention=key in coverage.latest,
                                               too_late=too_late),
        "too_late": too_late, "convention_signed": signed, "present": mission_date.present, "request_id": mission_date.request_id,
    }


def has_passed_date(request: DateRequest, today: date) -> bool:
    """Approval accepts a request only while none of its dates has passed (the dates are validated before leaving)."""
    return any(d.day < today for d in request.dates)


def request_view(request: DateRequest, coverage: Coverage | None = None) -> dict:
    if coverage is None:
        coverage = Coverage.of(request.participation.convention)
    return {
        "id": request.id, "participation_id": request.participation_id, "kind": request.kind, "status": request.status,
        "manager_email": request.manager_email, "message": request.message, "requested_at": request.requested_at,
        "sent_to_manager": request.approval_created_at is not None, "manager_lost_access": request.addressee_left_at is not None,
        "date_passed": request.status == RequestStatus.PENDING.value and has_passed_date(request, clock.today()),
        "decided_at": request.decided_at,
        "refusal_reason": request.refusal_reason, "cancelled_at": request.cancelled_at, "cancel_reason": request.cancel_reason,
        "dates": [date_view(d, coverage) for d in request.dates],
    }


def months(dates: list[MissionDate], coverage: Coverage = NO_CONVENTION) -> list[dict]:
    """« JANVIER 2026 » → [« Lundi 26 (journée) », …]: the approved and pending dates, as the guide shows them."""
    shown = [date_view(d, coverage) for d in dates if d.state in domain.BOOKED_STATES]
    return domain.group_by_month(shown)


def convention_view(convention: Convention | None) -> dict | None:
    """Step 3: the latest version issued, the latest signed, and where to read and sign it."""
    if convention is None:
        return None
    return {
        "id": convention.convention_id, "version": convention.issued_version, "issued_at": convention.issued_at,
        "signed_version": convention.signed_version, "signed_at": convention.signed_at, "to_sign": convention.to_sign,
        "sign_url": CONVENTION_VIEWER.format(convention_id=convention.convention_id),
    }


def participation_view(participation: Participation, mission: MissionCopy, today: date) -> dict:
    """One card of « MES MISSIONS »: the mission, its four steps, its dates by month and what can be done next."""
    approved = approved_dates(participation)
    pending = pending_requests(participation)
    is_open = participation.status == ParticipationStatus.OPEN.value
    bilan_done = participation.bilan_completed_at is not None
    attendance_complete = participation.attendance_completed_at is not None
    can_request = is_open and not bilan_done and participation.year >= today.year
    convention = participation.convention
    coverage = Coverage.of(convention)
    convention_state = domain.convention_step_state(convention.issued_version if convention else None,
                                                    convention.signed_version if convention else None)
    return {
        "id": participation.id,
        "year": participation.year,
        "status": participation.status,
        "submitted_at": participation.submitted_at,
        "withdrawn_at": participation.withdrawn_at,
        "mission": mission_view(mission),
        "steps": domain.steps(
            has_approved=bool(approved), has_pending=bool(pending), convention_state=convention_state,
            attendance_complete=attendance_complete, bilan_done=bilan_done,
            convention_updated=convention is not None and convention.issued_version > 1,
            pending_unreachable=bool(pending) and all(request.addressee_left_at is not None for request in pending),
            pending_too_late=bool(pending) and all(has_passed_date(request, today) for request in pending),
        ),
        "convention_state": convention_state,
        "convention": convention_view(convention),
        "months": months(participation.dates, coverage),
        "requests": [request_view(r, coverage) for r in reversed(participation.requests)],
        "days_approved": float(sum((domain.FORMAT_DAYS[d.format] for d in approved), Decimal("0"))),
        "days_pending": float(sum((domain.FORMAT_DAYS[d.format] for r in pending for d in r.dates), Decimal("0"))),
        "attendance_complete": attendance_complete,
        "attendance_completed_at": participation.attendance_completed_at,
        "bilan_completed_at": participation.bilan_completed_at,
        "bilan_pdf_url": BILAN_PDF.format(participation_id=participation.id) if participation.bilan_pdf_issued_at else None,
        "can_request_dates": can_request,
        "can_add_dates": can_request and bool(approved or pending),
        "can_withdraw": is_open and not bilan_done and domain.can_withdraw([d.day for d in approved], today),
        "can_complete_bilan": is_open and attendance_complete and not bilan_done,
    }


def referent_view(participation: Participation, person: Person, mission: MissionCopy, today: date) -> dict:
    """What an association referent sees: who, which mission, the approved dates and their attendance."""
    approved = approved_dates(participation)
    coverage = Coverage.of(participation.convention)
    return {
        "id": participation.id,
        "year": participation.year,
        "status": participation.status,
        "submitted_at": participation.submitted_at,
        "person": {"id": person.id, "name": full_name(person), "email": person.email, "phone": participation.phone},
        "mission": {"id": mission.id, "title": mission.title},
        "message": participation.message,
        "dates": [{**date_view(d, coverage), "attestable": d.day <= today} for d in approved],
        "pending_dates": [date_view(d, coverage) for r in pending_requests(participation) for d in r.dates],
        "attendance_complete": participation.attendance_completed_at is not None,
        "days_present": float(domain.days_present(attended(participation))),
        "bilan_completed": participation.bilan_completed_at is not None,
    }


def date_rules_of(session: DbSession, person: Person) -> domain.DateRules:
    """What each date the person asks for is checked against (`domain.check_dates`): their company's days per year, one
    day a week in the twelve months before a confirmed retirement (where the company allows it), none after it."""
    company = session.get(Company, person.company_id) if person.company_id else None
    days_per_year = company.days_per_year if company else domain.DEFAULT_DAYS_PER_YEAR
    confirmed = person.retirement_confirmed_at is not None
    return domain.DateRules(
        annual_days=Decimal(days_per_year),
        weekly_from=domain.end_of_career_start(person.retirement_date, confirmed, bool(company and company.end_of_career_enabled)),
        retirement=person.retirement_date if confirmed else None,
    )
