"""The mission workflow's HTTP API (issue 5): « Je postule », « Je valide mes dates » and « Ajouter des dates »,
withdrawing, the association's attendance, « Je complète mon bilan », and « MES MISSIONS ».

Thin views: who may see what is in `access.py`, the use cases in `workflow.py`, the rules in `domain/`.
Every refusal is a French problem document and writes nothing (the unit of work rolls back).
Date errors are 422 with `errors: {"dates": {"<position in the request>": ["…", …]}}`.
"""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, login_required

from .. import clock, domain
from .. import workflow as cases
from ..access import PARTICIPATION_NOT_FOUND, me, mission_of, offered_mission, own_participation, refers
from ..models import Participation
from tandem_shared.paging import page_of_list
from ..participations import participation_view, referent_view, request_view
from ..schemas.common import PageQuerySchema
from ..schemas.workflow import (
    ApplicationDraftQuerySchema, ApplicationDraftSchema, ApplicationSchema, AttendanceInputSchema, BilanInputSchema,
    BilanQuestionListSchema, DateRequestDraftSchema, DateRequestInputSchema, DateRequestViewSchema,
    ParticipationListSchema, ParticipationSchema, ReferentParticipationListSchema, ReferentParticipationSchema,
    TeamParticipationListSchema,
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


# -- step 1: « Je postule » ---------------------------------------------------------------------


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
            return cases.application_draft(session, person, offered_mission(session, args["mission_id"], person), today)


@applications.route("")
class Applications(MethodView):
    @login_required
    @applications.arguments(ApplicationSchema)
    @applications.response(201, ParticipationSchema)
    def post(self, payload):
        """Postuler : crée la participation de l'année et prévient l'association (une candidature à la fois à l'étape 1)."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            participation, mission = cases.apply(uow, me(uow.session, for_update=True), payload, now, today)
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
            items, total = page_of_list(cases.my_participations(session, me(session), today), args)
            return {"items": items, "total": total}


@my_missions.route("/team/participations")
class MyTeamParticipations(MethodView):
    @login_required
    @my_missions.arguments(PageQuerySchema, location="query")
    @my_missions.response(200, TeamParticipationListSchema)
    def get(self, args):
        """« Les missions de mon équipe » : les missions des personnes dont je suis le manager (ou qui m'ont demandé des
        dates), avec leurs quatre étapes et leurs dates."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            items, total = page_of_list(cases.team_participations(session, me(session), today), args)
            return {"items": items, "total": total}


@participations.route("/<string:participation_id>")
class OneParticipation(MethodView):
    @login_required
    @participations.response(200, ParticipationSchema)
    def get(self, participation_id):
        """Une de mes participations."""
        with current_runtime().db.reading() as session:
            participation = own_participation(session, participation_id, me(session))
            return participation_view(participation, mission_of(session, participation), clock.today())


# -- step 2: « Je valide mes dates » and « Ajouter des dates » -------------------------------------


@participations.route("/<string:participation_id>/date-requests/draft")
class DateRequestDraft(MethodView):
    @login_required
    @participations.response(200, DateRequestDraftSchema)
    def get(self, participation_id):
        """Le formulaire de l'étape 2 pré-rempli : ton manager enregistré par ton entreprise, le message du guide, et si tu peux
        envoyer ta demande à un autre manager de l'entreprise."""
        with current_runtime().db.reading() as session:
            person = me(session)
            participation = own_participation(session, participation_id, person)
            return cases.date_request_draft(session, person, participation, mission_of(session, participation))


@participations.route("/<string:participation_id>/date-requests")
class DateRequests(MethodView):
    @login_required
    @participations.arguments(DateRequestInputSchema)
    @participations.response(201, DateRequestViewSchema)
    def post(self, payload, participation_id):
        """Demander des dates à ton manager (la première fois, ou pour en ajouter) : jours ouvrés, à venir, dans l'année de la participation et dans ton allocation."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session, for_update=True)
            participation = own_participation(uow.session, participation_id, person, for_update=True)
            return request_view(cases.request_dates(uow, person, participation, payload, now, today))


@date_requests.route("/<string:request_id>")
class OneDateRequest(MethodView):
    @login_required
    @date_requests.response(200, DateRequestViewSchema)
    def get(self, request_id):
        """Une de mes demandes de dates."""
        with current_runtime().db.reading() as session:
            return request_view(cases.own_request(session, me(session), request_id))

    @login_required
    @date_requests.response(204)
    def delete(self, request_id):
        """Annuler une demande encore en attente : les jours sont libérés et ton manager est prévenu."""
        now, today = clock.now(), clock.today()
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session, for_update=True)
            request = cases.own_request(uow.session, person, request_id, for_update=True)
            cases.cancel_date_request(uow, person, request, now, today)
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
            person = me(uow.session, for_update=True)
            participation = own_participation(uow.session, participation_id, person, for_update=True)
            mission = cases.withdraw(uow, person, participation, now, today)
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
            if not refers(me(session), association_id):
                abort(403, message="Seuls les référents de cette association voient les participations à ses missions.")
            items, total = page_of_list(cases.association_participations(session, association_id, today), args)
            return {"items": items, "total": total}


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
            caller = me(uow.session)
            participation = uow.session.get(Participation, participation_id, with_for_update=True)
            if participation is None:
                abort(404, message=PARTICIPATION_NOT_FOUND)
            mission = mission_of(uow.session, participation)
            if not refers(caller, mission.association_id):
                abort(403, message="Seule l'association de la mission atteste la présence.")
            person = cases.attest(uow, caller, participation, mission, payload["dates"], now, today)
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
            person = me(uow.session, for_update=True)
            participation = own_participation(uow.session, participation_id, person, for_update=True)
            mission = cases.complete_bilan(uow, person, participation, payload["answers"], now)
            return participation_view(participation, mission, today)


BLUEPRINTS = [applications, participations, date_requests, my_missions, association_participations, bilan_questions]
