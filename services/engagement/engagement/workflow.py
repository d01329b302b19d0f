"""The mission workflow's use cases (issue 5): « Je postule », « Je valide mes dates » and « Ajouter des dates »,
cancelling a date request, withdrawing, the association's attendance, « Je complète mon bilan », « MES MISSIONS ».

The rules are in `domain/` (pure), the shared database work in `participations.py`, who may see what in `access.py`.
Every refusal is a French problem document and writes nothing (the unit of work rolls back).
"""
from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from flask_smorest import abort
from sqlalchemy.exc import IntegrityError

from . import domain, events
from .access import audit, mission_of, offered_mission
from .domain import DateState, ParticipationStatus, RequestStatus
from .errors import dates_error, field_error
from .models import AssociationCopy, Company, DateRequest, Entity, MissionCopy, MissionDate, Participation, Person
from .proposals import association_contact
from .participations import (
    approved_dates, attendance_data, booked, cancel_request, date_rules_of, full_name, other_manager_named, participation_view,
    pending_requests, referent_view, refresh_attendance, sent_to, signed_days, waiting_at_step_one,
)

REQUEST_NOT_FOUND = "Cette demande n'existe pas."


def _open(participation: Participation) -> None:
    """Dates and withdrawal need a participation still running."""
    if participation.status == ParticipationStatus.WITHDRAWN.value:
        abort(409, message="Tu t'es retiré·e de cette mission : postule de nouveau pour la reprendre.")
    if participation.status == ParticipationStatus.CLOSED.value:
        abort(409, message=f"Ton bilan {participation.year} est complété : ta participation {participation.year} est close. "
                           "Pour poursuivre ta mission sur l'année suivante, postule de nouveau (1 convention = 1 année civile).")


def _company_and_entity(session, person: Person) -> tuple[str, str | None]:
    company = session.get(Company, person.company_id) if person.company_id else None
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    return (company.name if company else ""), (entity.name if entity else None)


# -- step 1: « Je postule » ---------------------------------------------------------------------


def application_draft(session, person: Person, mission: MissionCopy, today: date) -> dict:
    """The guide's message with the person's company and entity, their phone, and the years still open to them."""
    company_name, entity_name = _company_and_entity(session, person)
    taken = set(session.scalars(sa.select(Participation.year).where(
        Participation.person_id == person.id, Participation.mission_id == mission.id,
        Participation.status != ParticipationStatus.WITHDRAWN.value,
    )))
    return {
        "mission_id": mission.id, "mission_title": mission.title, "association_name": mission.association_name,
        "message": domain.application_template(person.first_name, person.last_name, company_name, entity_name, mission.association_name),
        "phone": person.phone,
        "years": [year for year in domain.application_years(today) if year not in taken],
    }


def _application_refusal(session, person: Person, mission: MissionCopy, year: int, mine: list[Participation]) -> Participation | None:
    """Why this application cannot be made (409), or the withdrawn participation it reopens."""
    same = {p.year: p for p in mine if p.mission_id == mission.id}
    existing = same.get(year)
    if existing is not None and existing.status != ParticipationStatus.WITHDRAWN.value:
        abort(409, message=f"Tu as déjà postulé à « {mission.title} » pour {year} : retrouve-la dans « Mes missions ».")
    previous = same.get(year - 1)
    if previous is not None and previous.status == ParticipationStatus.OPEN.value:
        hint = ("complète d'abord ton bilan {prev}." if previous.attendance_completed_at is not None
                else "complète d'abord ton bilan {prev} : il s'ouvrira quand l'association aura attesté ta présence, n'hésite pas à la relancer."
                if approved_dates(previous) else
                "termine ou retire d'abord ta participation {prev} depuis « Mes missions ».")
        abort(409, message=f"1 convention = 1 année civile : pour poursuivre « {mission.title} » en {year}, " + hint.format(prev=year - 1))
    for other in mine:
        if other is not existing and waiting_at_step_one(other):
            title = session.get(MissionCopy, other.mission_id)
            name = f"« {title.title} » ({title.association_name})" if title else "une autre mission"
            abort(409, message=f"Merci de ne contacter qu'une association à la fois ! Ta candidature à {name} attend encore "
                               "tes dates : valide-les avec ton manager (étape 2) ou retire cette candidature avant de postuler ailleurs.")
    return existing


def _application_year(requested: int | None, today: date) -> int:
    years = domain.application_years(today)
    year = requested or today.year
    if year not in years:
        field_error("year", f"Tu peux postuler pour {years[0]} ou {years[1]} (1 convention = 1 année civile).")
    return year


def _referent(session, mission: MissionCopy) -> tuple[str, str | None]:
    """Who hears of the application: the mission's contact, else the association's (409 while neither is known)."""
    referent_email, referent_name = mission.contact_email, mission.contact_name
    if not referent_email and mission.association_id:
        association = session.get(AssociationCopy, mission.association_id)
        if association is not None:
            referent_email, referent_name = association_contact(session, association)
    if not referent_email:
        abort(409, message="Cette mission n'a pas encore de contact à l'association : réessaie dans quelques instants.")
    return referent_email, referent_name


def apply(uow, person: Person, payload: dict, now: datetime, today: date) -> tuple[Participation, MissionCopy]:
    """The participation of the year, (re)opened; the association hears of it (one application at a time at step 1)."""
    session = uow.session
    if not person.company_id:
        abort(403, message="Seuls les collaborateurs d'une entreprise peuvent postuler à une mission.")
    mission = offered_mission(session, payload["mission_id"], person)
    year = _application_year(payload["year"], today)
    mine = list(session.scalars(sa.select(Participation).where(Participation.person_id == person.id)))
    participation = _application_refusal(session, person, mission, year, mine)
    referent_email, referent_name = _referent(session, mission)
    message, phone = payload["message"].strip(), payload["phone"].strip()
    if participation is None:
        participation = Participation(id=str(uuid.uuid4()), person_id=person.id, mission_id=mission.id, year=year)
        session.add(participation)
    participation.status = ParticipationStatus.OPEN.value
    participation.message, participation.phone = message, phone
    participation.submitted_at = participation.updated_at = now
    participation.withdrawn_at = participation.attendance_completed_at = None
    if phone != person.phone:
        # The number given last is the one to reach the person by (a proposal offers it next).
        person.phone = phone
        person.updated_at = now
    try:
        session.flush()
    except IntegrityError:
        abort(409, message=f"Tu as déjà postulé à « {mission.title} » pour {year}.")
    company_name, entity_name = _company_and_entity(session, person)
    events.application_submitted(uow, {
        "participation_id": participation.id, "person_id": person.id, "person_name": full_name(person),
        "person_email": person.email, "person_phone": phone, "company_name": company_name, "entity_name": entity_name,
        "mission_id": mission.id, "mission_title": mission.title, "mission_url": mission.url,
        "association_name": mission.association_name, "referent_name": referent_name, "referent_email": referent_email,
        "referent_phone": mission.contact_phone, "message": message, "year": year, "submitted_at": now,
    })
    audit(session, "application_submitted", person_id=person.id, actor_id=person.id, mission_id=mission.id, year=year)
    return participation, mission


# -- « MES MISSIONS » ---------------------------------------------------------------------------


def my_participations(session, person: Person, today: date) -> list[dict]:
    """Open ones first, then closed, then withdrawn; the latest year and application first within each."""
    rows = session.execute(
        sa.select(Participation, MissionCopy).join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .where(Participation.person_id == person.id)
    ).all()
    order = {ParticipationStatus.OPEN.value: 0, ParticipationStatus.CLOSED.value: 1, ParticipationStatus.WITHDRAWN.value: 2}
    rows = sorted(rows, key=lambda row: (order.get(row[0].status, 3), -row[0].year, -row[0].submitted_at.timestamp()))
    return [participation_view(p, m, today) for p, m in rows]


def team_participations(session, manager: Person, today: date) -> list[dict]:
    """« Les missions de mon équipe » (the guide's « Exclusivité manager »): the current and coming participations of
    the people who name the caller as their recorded manager, or sent the caller a date request; each with its four
    steps and its dates. Withdrawn ones are left out; open ones first, then by name."""
    address = domain.normalize_email(manager.email)
    asked_me = sa.select(DateRequest.participation_id).where(sent_to(address))
    rows = session.execute(
        sa.select(Participation, MissionCopy, Person)
        .join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .join(Person, Person.id == Participation.person_id)
        .where(
            Participation.person_id != manager.id,
            Participation.status != ParticipationStatus.WITHDRAWN.value,
            Participation.year >= today.year,
            sa.or_(
                sa.and_(sa.func.lower(Person.manager_email) == address, Person.company_id == manager.company_id),
                Participation.id.in_(asked_me),
            ),
        )
    ).all()
    rows = sorted(rows, key=lambda row: (row[0].status != ParticipationStatus.OPEN.value, row[2].last_name, row[2].first_name,
                                         row[0].year))
    views = []
    for participation, mission, person in rows:
        view = participation_view(participation, mission, today)
        views.append({
            "id": participation.id, "year": participation.year, "status": participation.status,
            "person": {"id": person.id, "name": full_name(person)},
            # The steps' hints speak to the employee (« ton manager », « tu la signeras ici »): the manager sees the four
            # steps and their state, as the guide's view shows them, and decides on the requests above them.
            "mission": view["mission"], "steps": [{**step, "hint": None} for step in view["steps"]], "months": view["months"],
            "days_approved": view["days_approved"], "days_pending": view["days_pending"],
        })
    return views


# -- step 2: « Je valide mes dates » and « Ajouter des dates » -------------------------------------


def _approver(session, person: Person, named: str | None) -> domain.Approver:
    """Who the request goes to (`domain.choose_approver`): 422 on manager_email when the company does not recognise them."""
    company = session.get(Company, person.company_id) if person.company_id else None
    try:
        approver = domain.choose_approver(
            named, person_email=person.email, recorded_manager=person.manager_email,
            company_domains=frozenset(row.domain for row in company.domains) if company else frozenset(),
            policy=company.other_manager_policy if company else domain.OtherManagerPolicy.REFUSED,
        )
    except domain.DomainError as exc:
        field_error(exc.field or "manager_email", str(exc))
    if session.scalar(sa.select(Person.id).where(Person.email == approver.email, Person.status == domain.PersonStatus.DISABLED.value)):
        # Their links would be refused (approval hears person.disabled): the request would wait for nobody.
        field_error("manager_email", f"{approver.email} n'a plus accès à Tandem : indique l'adresse de ton manager actuel, "
                                     "ou demande au responsable de l'engagement de ton entreprise de l'enregistrer.")
    return approver


def date_request_draft(session, person: Person, participation: Participation, mission: MissionCopy) -> dict:
    company = session.get(Company, person.company_id) if person.company_id else None
    return {"manager_email": person.manager_email, "message": domain.date_request_template(mission.association_name),
            "year": participation.year,
            "other_manager_policy": company.other_manager_policy if company else domain.OtherManagerPolicy.REFUSED.value,
            "company_domains": [row.domain for row in company.domains] if company else []}


def _new_request(person: Person, participation: Participation, mission: MissionCopy, manager_email: str,
                 requested: list[domain.DayRequest], message: str | None, now: datetime) -> DateRequest:
    request = DateRequest(
        id=str(uuid.uuid4()), person_id=person.id, manager_email=manager_email, recorded_manager_email=person.manager_email,
        kind=domain.request_kind(bool(approved_dates(participation)), bool(pending_requests(participation))),
        message=(message or "").strip() or domain.date_request_template(mission.association_name),
        status=RequestStatus.PENDING.value, requested_at=now,
    )
    request.dates = [
        MissionDate(participation_id=participation.id, person_id=person.id, day=entry.day, format=entry.format,
                    state=DateState.PENDING.value)
        for entry in sorted(requested, key=lambda entry: entry.day)
    ]
    return request


def request_dates(uow, person: Person, participation: Participation, payload: dict, now: datetime, today: date) -> DateRequest:
    """Working days to come, in the participation's year and within the person's allowance, sent to the approver."""
    session = uow.session
    _open(participation)
    mission = mission_of(session, participation)
    approver = _approver(session, person, payload["manager_email"])
    requested = [domain.DayRequest(day=entry["date"], format=entry["format"]) for entry in payload["dates"]]
    rules = date_rules_of(session, person)
    errors = domain.check_dates(requested, year=participation.year, today=today, booked=booked(session, person.id),
                                rules=rules)
    if errors:
        dates_error(errors)
    request = _new_request(person, participation, mission, approver.email, requested, payload["message"], now)
    participation.requests.append(request)
    participation.updated_at = now
    try:
        session.flush()
    except IntegrityError:
        abort(409, message="Une de ces dates vient d'être demandée par ailleurs : recharge la page et réessaie.")
    # New dates to come: step 4 waits for them (and unlocks again once they are attested).
    refresh_attendance(uow, participation, person, mission, now, today)
    events.dates_requested(uow, {
        "request_id": request.id, "participation_id": participation.id, "person_id": person.id,
        "person_name": full_name(person), "person_email": person.email, "manager_email": approver.email,
        "mission_id": mission.id, "mission_title": mission.title, "association_name": mission.association_name,
        "year": participation.year, "kind": request.kind,
        "dates": [{"date": d.day, "format": d.format} for d in request.dates],
        "end_of_career": rules.weekly(requested[0].day),  # one request is all of one kind (check_dates)
        "message": request.message, "requested_at": now,
    })
    if not approver.recorded:
        audit(session, "date_request_sent_to_other_manager", person_id=person.id, actor_id=person.id, request_id=request.id,
              manager_email=approver.email, recorded_manager_email=person.manager_email)
    if approver.notify_admin:
        other_manager_named(uow, request, person, mission)
    return request


def own_request(session, person: Person, request_id: str, for_update: bool = False) -> DateRequest:
    request = session.get(DateRequest, request_id, with_for_update=for_update)
    if request is None or request.person_id != person.id:
        abort(404, message=REQUEST_NOT_FOUND)
    return request


def cancel_date_request(uow, person: Person, request: DateRequest, now: datetime, today: date) -> None:
    """Only a request still pending: its days are freed and the manager hears of it."""
    if request.status != RequestStatus.PENDING.value:
        abort(409, message="Seule une demande en attente de ton manager peut être annulée. "
                           "Pour libérer des dates déjà validées, retire-toi de la mission avant son début.")
    participation = request.participation
    mission = mission_of(uow.session, participation)
    cancel_request(uow, request, "cancelled", person, mission, now)
    participation.updated_at = now
    refresh_attendance(uow, participation, person, mission, now, today)
    audit(uow.session, "date_request_cancelled", person_id=person.id, actor_id=person.id, request_id=request.id)


# -- withdrawing --------------------------------------------------------------------------------


def withdraw(uow, person: Person, participation: Participation, now: datetime, today: date) -> MissionCopy:
    """Before the first approved date only: pending requests are cancelled, approved dates freed."""
    session = uow.session
    _open(participation)
    mission = mission_of(session, participation)
    started = [d.day for d in approved_dates(participation) if d.day <= today]
    if started:
        abort(409, message=f"Ta mission a commencé le {domain.long_date(min(started))} : tu ne peux plus t'en retirer ici. "
                           "Parles-en avec l'association et ton manager.")
    for request in participation.requests:
        if any(d.state in domain.BOOKED_STATES for d in request.dates):
            cancel_request(uow, request, "withdrawn", person, mission, now)
    participation.status = ParticipationStatus.WITHDRAWN.value
    participation.withdrawn_at = participation.updated_at = now
    participation.attendance_completed_at = None
    audit(session, "participation_withdrawn", person_id=person.id, actor_id=person.id, participation_id=participation.id)
    session.flush()
    return mission


# -- attendance (association referents) ---------------------------------------------------------


def association_participations(session, association_id: str, today: date) -> list[dict]:
    rows = session.execute(
        sa.select(Participation, MissionCopy, Person)
        .join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .join(Person, Person.id == Participation.person_id)
        .where(MissionCopy.association_id == association_id)
        .order_by(Participation.submitted_at.desc())
    ).all()
    return [referent_view(p, person, m, today) for p, m, person in rows]


def attest(uow, caller: Person, participation: Participation, mission: MissionCopy, entries: list[dict],
           now: datetime, today: date) -> Person:
    """Present or absent, date by date, for approved dates that have come and that a signed convention covers
    (422 per date otherwise); returns the participant."""
    session = uow.session
    if participation.status == ParticipationStatus.WITHDRAWN.value:
        abort(409, message="Cette personne s'est retirée de la mission.")
    if participation.status == ParticipationStatus.CLOSED.value:
        abort(409, message="Le bilan de cette participation est complété : la présence ne peut plus changer.")
    items = [(entry["date"], entry["present"]) for entry in entries]
    by_day = {d.day: d for d in approved_dates(participation)}
    person = session.get(Person, participation.person_id)
    errors = domain.check_attendance(items, set(by_day), today, signed=signed_days(participation),
                                     first_name=person.first_name)
    if errors:
        dates_error(errors)
    was_complete = participation.attendance_completed_at is not None
    corrected = False
    for day, present in items:
        mission_date = by_day[day]
        corrected |= mission_date.present is not None and mission_date.present != present
        mission_date.present, mission_date.attested_at, mission_date.attested_by = present, now, caller.id
    participation.updated_at = now
    refresh_attendance(uow, participation, person, mission, now, today)
    if corrected and was_complete and participation.attendance_completed_at is not None:
        # The attestation went out when the participation became complete; the days done it counted (impact's
        # figures, the association's statement, the receipt) must follow the association's correction.
        events.attendance_corrected(uow, attendance_data(participation, person, mission, now))
    audit(session, "attendance_attested", person_id=person.id, actor_id=caller.id, participation_id=participation.id,
          dates=[day.isoformat() for day, _ in items])
    return person


# -- step 4: « Je complète mon bilan » ----------------------------------------------------------


def complete_bilan(uow, person: Person, participation: Participation, answers: dict, now: datetime) -> MissionCopy:
    """Once attendance is attested; closes the participation of the year."""
    if participation.status == ParticipationStatus.WITHDRAWN.value:
        abort(409, message="Tu t'es retiré·e de cette mission : il n'y a pas de bilan à compléter.")
    if participation.bilan_completed_at is not None:
        abort(409, message=f"Ton bilan {participation.year} est déjà complété. Merci !")
    if participation.attendance_completed_at is None:
        abort(409, message="Ton bilan s'ouvrira une fois que l'association aura attesté ta présence à tous tes jours de mission. "
                           "N'hésite pas à la relancer.")
    answers, errors = domain.check_bilan(answers)
    if errors:
        abort(422, message="Réponds aux questions signalées du bilan.", errors={"answers": errors})
    mission = mission_of(uow.session, participation)
    participation.bilan_answers = answers
    participation.bilan_completed_at = participation.updated_at = now
    participation.status = ParticipationStatus.CLOSED.value
    days = domain.days_present(
        [domain.AttendedDay(day=d.day, format=d.format, present=d.present) for d in approved_dates(participation)])
    events.bilan_completed(uow, {
        "participation_id": participation.id, "person_id": person.id, "person_name": full_name(person),
        "person_email": person.email, "mission_id": mission.id, "mission_title": mission.title,
        "association_name": mission.association_name, "year": participation.year, "days_present": float(days),
        "dates": [{"date": d.day, "format": d.format} for d in sorted(approved_dates(participation), key=lambda d: d.day)
                  if d.present],
        "answers": answers, "completed_at": now,
    })
    return mission
