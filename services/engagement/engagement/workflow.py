"""The mission workflow's HTTP API (issue 5): « Je postule », « Je valide mes dates » and « Ajouter des dates »,
withdrawing, the association's attendance, « Je complète mon bilan », and « MES MISSIONS ».

Thin views: the rules are in `domain.py` (pure), the shared database work in `participations.py`.
Every refusal is a French problem document and writes nothing (the unit of work rolls back).
Date errors are 422 with `errors: {"dates": {"<position in the request>": ["…", …]}}`.
"""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy.exc import IntegrityError

from tandem_shared.web import current_runtime, login_required

from . import clock, domain, events
from .access import MISSION_NOT_FOUND, audit, me, offered_mission
from .accounts import field_error
from .admin import is_operator
from .domain import DateState, ParticipationStatus, RequestStatus, Role
from .models import AssociationCopy, Company, DateRequest, Entity, MissionCopy, MissionDate, Participation, Person
from .participations import (
    approved_dates, booked, cancel_request, full_name, other_manager_named, participation_view, pending_requests, referent_view,
    refresh_attendance, request_view, signed_days, waiting_at_step_one,
)
from .profile import allowance_of
from .schemas import (
    ApplicationDraftQuerySchema, ApplicationDraftSchema, ApplicationSchema, AttendanceInputSchema, BilanInputSchema,
    BilanQuestionListSchema, DateRequestDraftSchema, DateRequestInputSchema, DateRequestViewSchema, PageQuerySchema,
    ParticipationListSchema, ParticipationSchema, ReferentParticipationListSchema, ReferentParticipationSchema,
)

applications = Blueprint("applications", __name__, url_prefix="/applications",
                         description="Étape 1 « Je postule à la mission ».")
participations = Blueprint("participations", __name__, url_prefix="/participations",
                           description="Une participation (une personne × une mission × une année civile) : dates, retrait, présence, bilan.")
date_requests = Blueprint("date_requests", __name__, url_prefix="/date-requests", description="Les demandes de dates envoyées au manager.")
my_missions = Blueprint("my_missions", __name__, url_prefix="/me", description="« MES MISSIONS » : mes participations et leurs quatre étapes.")
association_participations = Blueprint("association_participations", __name__, url_prefix="/associations",
                                       description="Pour les référents d'association : les participations à leurs missions et la présence.")
bilan_questions = Blueprint("bilan_questions", __name__, url_prefix="/bilan-questions", description="Les questions du bilan de fin de mission.")

APPLIED = ("Ta candidature est envoyée ! L'association prendra contact avec toi dans les jours qui suivent pour définir ensemble "
           "les modalités et dates de la mission. Tu reçois aussi par e-mail les coordonnées du référent de la mission : "
           "n'hésite pas à le relancer si tu n'as pas de retour.")
NOT_FOUND = "Cette participation n'existe pas."


# -- helpers ------------------------------------------------------------------------------------


def _dates_error(errors: dict[int, list[str]], field: str = "dates") -> None:
    messages = list(dict.fromkeys(message for found in errors.values() for message in found))
    if len(messages) == 1:
        detail = messages[0]
    else:
        count = len(errors)
        detail = f"{count} date{'s' if count > 1 else ''} ne convien{'nent' if count > 1 else 't'} pas : " + " ".join(messages)
    abort(422, message=detail, errors={field: {str(index): found for index, found in errors.items()}})


def _own(session, participation_id: str, person: Person, for_update: bool = False) -> Participation:
    participation = session.get(Participation, participation_id, with_for_update=for_update)
    if participation is None or participation.person_id != person.id:
        abort(404, message=NOT_FOUND)
    return participation


def _mission_of(session, participation: Participation) -> MissionCopy:
    mission = session.get(MissionCopy, participation.mission_id)
    if mission is None:  # never deleted; a participation is only made for a known mission
        abort(404, message=MISSION_NOT_FOUND)
    return mission


def _refer(caller: Person, association_id: str | None) -> bool:
    """Platform operators, and referents of the association (engagement's own links, not the token's claims)."""
    if is_operator(caller):
        return True
    return (association_id is not None and Role.ASSOCIATION_REFERENT.value in caller.role_names
            and association_id in caller.association_ids)


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


def _page(items: list, args: dict) -> dict:
    start = (args["page"] - 1) * args["per_page"]
    return {"items": items[start:start + args["per_page"]], "total": len(items)}


# -- step 1: « Je postule » ---------------------------------------------------------------------


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


@applications.route("/draft")
class ApplicationDraft(MethodView):
    @login_required
    @applications.arguments(ApplicationDraftQuerySchema, location="query")
    @applications.response(200, ApplicationDraftSchema)
    def get(self, args):
        """Le formulaire « Je postule à la mission » pré-rempli : le message du guide et ton téléphone."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            person = me(session)
            mission = offered_mission(session, args["mission_id"], person)
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


@applications.route("")
class Applications(MethodView):
    @login_required
    @applications.arguments(ApplicationSchema)
    @applications.response(201, ParticipationSchema)
    def post(self, payload):
        """Postuler : crée la participation de l'année et prévient l'association (une candidature à la fois à l'étape 1)."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            person = me(session, for_update=True)
            if not person.company_id:
                abort(403, message="Seuls les collaborateurs d'une entreprise peuvent postuler à une mission.")
            mission = offered_mission(session, payload["mission_id"], person)
            years = domain.application_years(today)
            year = payload["year"] or today.year
            if year not in years:
                field_error("year", f"Tu peux postuler pour {years[0]} ou {years[1]} (1 convention = 1 année civile).")
            mine = list(session.scalars(sa.select(Participation).where(Participation.person_id == person.id)))
            participation = _application_refusal(session, person, mission, year, mine)
            referent_email, referent_name = mission.contact_email, mission.contact_name
            if not referent_email and mission.association_id:
                association = session.get(AssociationCopy, mission.association_id)
                if association is not None:
                    referent_email, referent_name = association.contact_email, association.contact_name
            if not referent_email:
                abort(409, message="Cette mission n'a pas encore de contact à l'association : réessaie dans quelques instants.")
            message, phone = payload["message"].strip(), payload["phone"].strip()
            if participation is None:
                participation = Participation(id=str(uuid.uuid4()), person_id=person.id, mission_id=mission.id, year=year)
                session.add(participation)
            participation.status = ParticipationStatus.OPEN.value
            participation.message, participation.phone = message, phone
            participation.submitted_at = participation.updated_at = now
            participation.withdrawn_at = participation.attendance_completed_at = None
            if not person.phone:
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
            return {**participation_view(participation, mission, today), "detail": APPLIED}


# -- « MES MISSIONS » ---------------------------------------------------------------------------


@my_missions.route("/participations")
class MyParticipations(MethodView):
    @login_required
    @my_missions.arguments(PageQuerySchema, location="query")
    @my_missions.response(200, ParticipationListSchema)
    def get(self, args):
        """Toutes mes participations : les quatre étapes, les dates par mois, les demandes, ce que je peux faire ensuite."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            person = me(session)
            rows = session.execute(
                sa.select(Participation, MissionCopy).join(MissionCopy, MissionCopy.id == Participation.mission_id)
                .where(Participation.person_id == person.id)
            ).all()
            order = {ParticipationStatus.OPEN.value: 0, ParticipationStatus.CLOSED.value: 1, ParticipationStatus.WITHDRAWN.value: 2}
            rows = sorted(rows, key=lambda row: (order.get(row[0].status, 3), -row[0].year, -row[0].submitted_at.timestamp()))
            return _page([participation_view(p, m, today) for p, m in rows], args)


@participations.route("/<string:participation_id>")
class OneParticipation(MethodView):
    @login_required
    @participations.response(200, ParticipationSchema)
    def get(self, participation_id):
        """Une de mes participations."""
        with current_runtime().db.reading() as session:
            participation = _own(session, participation_id, me(session))
            return participation_view(participation, _mission_of(session, participation), clock.today())


# -- step 2: « Je valide mes dates » and « Ajouter des dates » -------------------------------------


def _approver(session, person: Person, named: str | None) -> domain.Approver:
    """Who the request goes to (`domain.choose_approver`): 422 on manager_email when the company does not recognise them."""
    company = session.get(Company, person.company_id) if person.company_id else None
    try:
        return domain.choose_approver(
            named, person_email=person.email, recorded_manager=person.manager_email,
            company_domains=frozenset(row.domain for row in company.domains) if company else frozenset(),
            policy=company.other_manager_policy if company else domain.OtherManagerPolicy.REFUSED,
        )
    except domain.DomainError as exc:
        field_error(exc.field or "manager_email", str(exc))


@participations.route("/<string:participation_id>/date-requests/draft")
class DateRequestDraft(MethodView):
    @login_required
    @participations.response(200, DateRequestDraftSchema)
    def get(self, participation_id):
        """Le formulaire de l'étape 2 pré-rempli : ton manager enregistré par ton entreprise, le message du guide, et si tu peux
        envoyer ta demande à un autre manager de l'entreprise."""
        with current_runtime().db.reading() as session:
            person = me(session)
            participation = _own(session, participation_id, person)
            mission = _mission_of(session, participation)
            company = session.get(Company, person.company_id) if person.company_id else None
            return {"manager_email": person.manager_email, "message": domain.date_request_template(mission.association_name),
                    "year": participation.year,
                    "other_manager_policy": company.other_manager_policy if company else domain.OtherManagerPolicy.REFUSED.value,
                    "company_domains": [row.domain for row in company.domains] if company else []}


@participations.route("/<string:participation_id>/date-requests")
class DateRequests(MethodView):
    @login_required
    @participations.arguments(DateRequestInputSchema)
    @participations.response(201, DateRequestViewSchema)
    def post(self, payload, participation_id):
        """Demander des dates à ton manager (la première fois, ou pour en ajouter) : jours ouvrés, à venir, dans l'année de la participation et dans ton allocation."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            person = me(session, for_update=True)
            participation = _own(session, participation_id, person, for_update=True)
            _open(participation)
            mission = _mission_of(session, participation)
            approver = _approver(session, person, payload["manager_email"])
            manager_email = approver.email
            requested = [domain.DayRequest(day=entry["date"], format=entry["format"]) for entry in payload["dates"]]
            errors = domain.check_dates(requested, year=participation.year, today=today, booked=booked(session, person.id),
                                        allowance=allowance_of(session, person, today))
            if errors:
                _dates_error(errors)
            request = DateRequest(
                id=str(uuid.uuid4()), person_id=person.id, manager_email=manager_email, recorded_manager_email=person.manager_email,
                kind=domain.request_kind(bool(approved_dates(participation)), bool(pending_requests(participation))),
                message=(payload["message"] or "").strip() or domain.date_request_template(mission.association_name),
                status=RequestStatus.PENDING.value, requested_at=now,
            )
            request.dates = [
                MissionDate(participation_id=participation.id, person_id=person.id, day=entry.day, format=entry.format,
                            state=DateState.PENDING.value)
                for entry in sorted(requested, key=lambda entry: entry.day)
            ]
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
                "person_name": full_name(person), "person_email": person.email, "manager_email": manager_email,
                "mission_id": mission.id, "mission_title": mission.title, "association_name": mission.association_name,
                "year": participation.year, "kind": request.kind,
                "dates": [{"date": d.day, "format": d.format} for d in request.dates],
                "message": request.message, "requested_at": now,
            })
            if not approver.recorded:
                audit(session, "date_request_sent_to_other_manager", person_id=person.id, actor_id=person.id, request_id=request.id,
                      manager_email=manager_email, recorded_manager_email=person.manager_email)
            if approver.notify_admin:
                other_manager_named(uow, request, person, mission)
            return request_view(request)


@date_requests.route("/<string:request_id>")
class OneDateRequest(MethodView):
    @login_required
    @date_requests.response(200, DateRequestViewSchema)
    def get(self, request_id):
        """Une de mes demandes de dates."""
        with current_runtime().db.reading() as session:
            person = me(session)
            request = session.get(DateRequest, request_id)
            if request is None or request.person_id != person.id:
                abort(404, message="Cette demande n'existe pas.")
            return request_view(request)

    @login_required
    @date_requests.response(204)
    def delete(self, request_id):
        """Annuler une demande encore en attente : les jours sont libérés et ton manager est prévenu."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            person = me(session, for_update=True)
            request = session.get(DateRequest, request_id, with_for_update=True)
            if request is None or request.person_id != person.id:
                abort(404, message="Cette demande n'existe pas.")
            if request.status != RequestStatus.PENDING.value:
                abort(409, message="Seule une demande en attente de ton manager peut être annulée. "
                                   "Pour libérer des dates déjà validées, retire-toi de la mission avant son début.")
            participation = request.participation
            mission = _mission_of(session, participation)
            cancel_request(uow, request, "cancelled", person, mission, now)
            participation.updated_at = now
            refresh_attendance(uow, participation, person, mission, now, today)
            audit(session, "date_request_cancelled", person_id=person.id, actor_id=person.id, request_id=request.id)
        return None


# -- withdrawing --------------------------------------------------------------------------------


@participations.route("/<string:participation_id>/withdrawal")
class Withdrawal(MethodView):
    @login_required
    @participations.response(200, ParticipationSchema)
    def post(self, participation_id):
        """Me retirer de la mission avant sa première date validée : les demandes en attente sont annulées, les dates validées libérées."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            person = me(session, for_update=True)
            participation = _own(session, participation_id, person, for_update=True)
            _open(participation)
            mission = _mission_of(session, participation)
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
            return participation_view(participation, mission, today)


# -- attendance (association referents) ---------------------------------------------------------


@association_participations.route("/<string:association_id>/participations")
class AssociationParticipations(MethodView):
    @login_required
    @association_participations.arguments(PageQuerySchema, location="query")
    @association_participations.response(200, ReferentParticipationListSchema)
    def get(self, args, association_id):
        """Les participations aux missions de l'association, avec leurs dates validées et la présence."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            caller = me(session)
            if not _refer(caller, association_id):
                abort(403, message="Seuls les référents de cette association voient les participations à ses missions.")
            rows = session.execute(
                sa.select(Participation, MissionCopy, Person)
                .join(MissionCopy, MissionCopy.id == Participation.mission_id)
                .join(Person, Person.id == Participation.person_id)
                .where(MissionCopy.association_id == association_id)
                .order_by(Participation.submitted_at.desc())
            ).all()
            return _page([referent_view(p, person, m, today) for p, m, person in rows], args)


@participations.route("/<string:participation_id>/attendance")
class Attendance(MethodView):
    @login_required
    @participations.arguments(AttendanceInputSchema)
    @participations.response(200, ReferentParticipationSchema)
    def post(self, payload, participation_id):
        """Attester la présence, date par date (présent / absent), pour les dates validées dont le jour est venu.

        Seulement pour les dates qu'une version signée de la convention couvre : elle se signe avant les jours de
        mission qu'elle ajoute (422 par date sinon).
        """
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            caller = me(session)
            participation = session.get(Participation, participation_id, with_for_update=True)
            if participation is None:
                abort(404, message=NOT_FOUND)
            mission = _mission_of(session, participation)
            if not _refer(caller, mission.association_id):
                abort(403, message="Seule l'association de la mission atteste la présence.")
            if participation.status == ParticipationStatus.WITHDRAWN.value:
                abort(409, message="Cette personne s'est retirée de la mission.")
            if participation.status == ParticipationStatus.CLOSED.value:
                abort(409, message="Le bilan de cette participation est complété : la présence ne peut plus changer.")
            items = [(entry["date"], entry["present"]) for entry in payload["dates"]]
            by_day = {d.day: d for d in approved_dates(participation)}
            person = session.get(Person, participation.person_id)
            errors = domain.check_attendance(items, set(by_day), today, signed=signed_days(participation),
                                             first_name=person.first_name)
            if errors:
                _dates_error(errors)
            for day, present in items:
                mission_date = by_day[day]
                mission_date.present, mission_date.attested_at, mission_date.attested_by = present, now, caller.id
            participation.updated_at = now
            refresh_attendance(uow, participation, person, mission, now, today)
            audit(session, "attendance_attested", person_id=person.id, actor_id=caller.id, participation_id=participation.id,
                  dates=[day.isoformat() for day, _ in items])
            return referent_view(participation, person, mission, today)


# -- step 4: « Je complète mon bilan » ----------------------------------------------------------


@bilan_questions.route("")
class BilanQuestions(MethodView):
    @bilan_questions.response(200, BilanQuestionListSchema)
    def get(self):
        """Les questions du bilan de fin de mission, avec leurs choix (les mots du guide, plus deux questions de fin de mission)."""
        return {"title": "BILAN DE FIN DE MISSION", "items": [dict(q) for q in domain.BILAN_QUESTIONS]}


@participations.route("/<string:participation_id>/bilan")
class Bilan(MethodView):
    @login_required
    @participations.arguments(BilanInputSchema)
    @participations.response(200, ParticipationSchema)
    def post(self, payload, participation_id):
        """Compléter mon bilan : possible une fois ma présence attestée ; clôt la participation de l'année."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            person = me(session, for_update=True)
            participation = _own(session, participation_id, person, for_update=True)
            if participation.status == ParticipationStatus.WITHDRAWN.value:
                abort(409, message="Tu t'es retiré·e de cette mission : il n'y a pas de bilan à compléter.")
            if participation.bilan_completed_at is not None:
                abort(409, message=f"Ton bilan {participation.year} est déjà complété. Merci !")
            if participation.attendance_completed_at is None:
                abort(409, message="Ton bilan s'ouvrira une fois que l'association aura attesté ta présence à tous tes jours de mission. "
                                   "N'hésite pas à la relancer.")
            answers, errors = domain.check_bilan(payload["answers"])
            if errors:
                abort(422, message="Réponds aux questions signalées du bilan.", errors={"answers": errors})
            mission = _mission_of(session, participation)
            participation.bilan_answers = answers
            participation.bilan_completed_at = participation.updated_at = now
            participation.status = ParticipationStatus.CLOSED.value
            days = domain.days_present(
                [domain.AttendedDay(day=d.day, format=d.format, present=d.present) for d in approved_dates(participation)])
            events.bilan_completed(uow, {
                "participation_id": participation.id, "person_id": person.id, "person_name": full_name(person),
                "person_email": person.email, "mission_id": mission.id, "mission_title": mission.title,
                "association_name": mission.association_name, "year": participation.year, "days_present": float(days),
                "answers": answers, "completed_at": now,
            })
            return participation_view(participation, mission, today)


BLUEPRINTS = [applications, participations, date_requests, my_missions, association_participations, bilan_questions]
