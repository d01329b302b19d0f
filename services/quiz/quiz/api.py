"""Quiz's HTTP API: the quiz du moment (home page, also for visitors), answering, MES QUIZ and the TO DO LIST count
(employees), the back office (platform operators) and the company figures (company admins and operators).

Views are thin: the rules are in `domain`, the use cases and presenters in `quizzes`. Right answers and explanations
leave only through a person's own attempt or the back office.
"""
from __future__ import annotations

import functools
import logging

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_runtime, current_settings, login_required

from . import clock, domain, quizzes, scheduler
from .models import Attempt, Quiz
from .schemas import (
    AdminQuizListSchema, AdminQuizQuerySchema, AdminQuizSchema, AttemptInputSchema, AttemptResultSchema, CompanyFiguresSchema,
    CurrentQuizSchema, MyQuizzesSchema, ParticipantQuizSchema, QuizInputSchema, TodoSchema,
)

log = logging.getLogger(__name__)

play = Blueprint("quiz", __name__, description="Le quiz RSE : le quiz du moment, y répondre, MES QUIZ et la TO DO LIST.")
back_office = Blueprint("back_office", __name__, url_prefix="/admin/quizzes",
                        description="Le back-office des opérateurs de la plateforme : créer, modifier, prévisualiser, programmer et clore les quiz.")
figures = Blueprint("figures", __name__, url_prefix="/companies",
                    description="Les chiffres du quiz pour une entreprise : participants et score moyen, par entité.")

UNKNOWN_QUIZ = "Ce quiz n'existe pas."
INVALID = "Certaines données sont invalides : vérifie les champs signalés."


def _company_id(principal) -> str | None:
    return principal.claims.get("company_id") if principal else None


def _field_error(exc: domain.DomainError):
    abort(422, message=INVALID, errors={exc.field or "quiz": [str(exc)]})


def _operator():
    principal = current_principal()
    if not principal.has_role("platform_operator"):
        log.warning("quiz back office denied to %s", principal.subject)
        abort(403, message="Le back-office des quiz est réservé aux opérateurs de la plateforme.")
    return principal


def operator_required(view):
    """Like `login_required`, and the operator's role checked too, before input validation: others get 403, not field errors."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        _operator()
        return view(*args, **kwargs)

    return wrapper


# -- participants -------------------------------------------------------------------------------------------------------

@play.route("/current")
class CurrentQuiz(MethodView):
    @play.response(200, CurrentQuizSchema)
    def get(self):
        """Le quiz du moment, pour la page d'accueil : son titre et sa première question (sans les réponses).

        Sans connexion, le quiz du moment ouvert à toutes les entreprises, et l'invitation à se connecter pour répondre.
        """
        principal = current_principal(required=False)
        with current_runtime().db.reading() as session:
            quiz = quizzes.current_quiz(session, _company_id(principal), clock.today())
            answered = bool(principal and quiz and quizzes.attempt_of(session, quiz.id, principal.subject))
            return {
                "quiz": quizzes.teaser(quiz) if quiz else None,
                "signed_in": principal is not None,
                "answered": answered,
                "login_message": None if principal else "Connecte-toi pour répondre au quiz.",
            }


@play.route("/quizzes/<string:quiz_id>")
class ParticipantQuiz(MethodView):
    @login_required
    @play.response(200, ParticipantQuizSchema)
    @play.alt_response(401, description="Connexion requise.")
    @play.alt_response(404, description="Quiz inconnu, pas encore ouvert, ou réservé à d'autres entreprises.")
    def get(self, quiz_id):
        """Un quiz à jouer : ses questions (sans les bonnes réponses), ta réponse et sa correction si tu y as répondu, les missions en lien."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            quiz = quizzes.visible_quiz(session, quiz_id, _company_id(principal))
            if quiz is None:
                abort(404, message=UNKNOWN_QUIZ)
            return quizzes.for_participant(session, quiz, principal.subject, _company_id(principal), clock.today())


@play.route("/quizzes/<string:quiz_id>/attempt")
class QuizAttempt(MethodView):
    @login_required
    @play.arguments(AttemptInputSchema)
    @play.response(201, AttemptResultSchema)
    @play.alt_response(401, description="Connexion requise.")
    @play.alt_response(403, description="Jeton anti-CSRF manquant (session par cookie).")
    @play.alt_response(404, description="Quiz inconnu, pas encore ouvert, ou réservé à d'autres entreprises.")
    @play.alt_response(409, description="Tu as déjà répondu, ou le quiz est terminé ou pas encore ouvert.")
    @play.alt_response(422, description="Réponses invalides : question oubliée ou étrangère, réponse inconnue, plusieurs réponses à une question qui n'en a qu'une.")
    def post(self, payload, quiz_id):
        """Répondre au quiz, une fois : la réponse est définitive. Renvoie le score, les bonnes réponses, les explications et les missions en lien."""
        principal = current_principal()
        company_id = _company_id(principal)
        answers: dict[str, list[str]] = {}
        for answer in payload["answers"]:
            if answer["question_id"] in answers:
                abort(422, message=INVALID, errors={"answers": {answer["question_id"]: ["Cette question a déjà une réponse."]}})
            answers[answer["question_id"]] = answer["choice_ids"]
        with current_runtime().unit_of_work() as uow:
            quiz = quizzes.visible_quiz(uow.session, quiz_id, company_id)
            if quiz is None:
                abort(404, message=UNKNOWN_QUIZ)
            try:
                attempt = quizzes.submit(uow, quiz, principal.subject, company_id, answers, clock.today(), utcnow())
            except domain.AnswerErrors as exc:
                abort(422, message=str(exc), errors={"answers": exc.errors})
            except domain.DomainError as exc:
                abort(409, message=str(exc))
            return {**quizzes.correction(quiz, attempt), "linked_missions": quizzes.missions_for(uow.session, quiz, company_id)}


@play.route("/me/quizzes")
class MyQuizzes(MethodView):
    @login_required
    @play.response(200, MyQuizzesSchema)
    @play.alt_response(401, description="Connexion requise.")
    def get(self):
        """MES QUIZ : tes quiz réalisés (score, date, tes réponses, les bonnes réponses, les explications) et les quiz ouverts pas encore faits."""
        principal = current_principal()
        company_id = _company_id(principal)
        today = clock.today()
        with current_runtime().db.reading() as session:
            mine = session.execute(
                sa.select(Attempt, Quiz).join(Quiz, Quiz.id == Attempt.quiz_id)
                .where(Attempt.person_id == principal.subject).order_by(Attempt.submitted_at.desc())
            ).all()
            answered_ids = {quiz.id for _, quiz in mine}
            open_quizzes = session.scalars(
                sa.select(Quiz).where(Quiz.status == domain.QuizStatus.OPEN, Quiz.opens_on <= today, Quiz.closes_on >= today)
                .order_by(Quiz.opens_on.desc())
            ).all()
            return {
                "answered": [{"quiz": quizzes.summary(quiz), "attempt": quizzes.correction(quiz, attempt)} for attempt, quiz in mine],
                "to_answer": [quizzes.summary(quiz) for quiz in open_quizzes
                              if quiz.id not in answered_ids and quizzes.audience_of(quiz).includes(company_id)],
            }


@play.route("/me/todo")
class MyTodo(MethodView):
    @login_required
    @play.response(200, TodoSchema)
    @play.alt_response(401, description="Connexion requise.")
    def get(self):
        """La ligne « Réponds au quiz du moment » de la TO DO LIST : 1 tant que le quiz du moment n'a pas ta réponse."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            quiz = quizzes.current_quiz(session, _company_id(principal), clock.today())
            pending = quiz is not None and quizzes.attempt_of(session, quiz.id, principal.subject) is None
            return {"answer_current_quiz": int(pending), "current_quiz_id": quiz.id if quiz else None}


# -- the back office ----------------------------------------------------------------------------------------------------

def _operator_quiz(session, quiz_id: str, for_update: bool = False) -> Quiz:
    quiz = session.get(Quiz, quiz_id, with_for_update=for_update, populate_existing=for_update)
    if quiz is None:
        abort(404, message=UNKNOWN_QUIZ)
    return quiz


@back_office.route("")
class AdminQuizzes(MethodView):
    @operator_required
    @back_office.arguments(AdminQuizQuerySchema, location="query")
    @back_office.response(200, AdminQuizListSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    def get(self, args):
        """Tous les quiz, du plus récent au plus ancien (date d'ouverture), avec le nombre de réponses."""
        with current_runtime().db.reading() as session:
            query = sa.select(Quiz).order_by(Quiz.opens_on.desc(), Quiz.id)
            if args["status"]:
                query = query.where(Quiz.status == args["status"])
            items = [quizzes.for_operator(session, quiz, with_details=False) for quiz in session.scalars(query)]
            return {"items": items, "total": len(items)}

    @operator_required
    @back_office.arguments(QuizInputSchema)
    @back_office.response(201, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(422, description="Données invalides (questions, réponses, thèmes, dates).")
    def post(self, payload):
        """Créer un quiz (brouillon)."""
        principal = current_principal()
        with current_runtime().unit_of_work() as uow:
            try:
                quiz = quizzes.create(uow, payload, principal.subject, utcnow())
            except domain.DomainError as exc:
                _field_error(exc)
            return quizzes.for_operator(uow.session, quiz)


@back_office.route("/<string:quiz_id>")
class AdminQuiz(MethodView):
    @operator_required
    @back_office.response(200, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(404, description="Quiz inconnu.")
    def get(self, quiz_id):
        """L'aperçu d'un quiz : questions, bonnes réponses, explications, sources, missions en lien, réponses reçues."""
        with current_runtime().db.reading() as session:
            return quizzes.for_operator(session, _operator_quiz(session, quiz_id))

    @operator_required
    @back_office.arguments(QuizInputSchema)
    @back_office.response(200, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(404, description="Quiz inconnu.")
    @back_office.alt_response(409, description="Quiz terminé, ou dates en conflit avec un autre quiz programmé.")
    @back_office.alt_response(422, description="Données invalides, ou questions changées alors que des personnes ont déjà répondu.")
    def put(self, payload, quiz_id):
        """Modifier un quiz. Dès qu'une personne a répondu, ses questions et ses bonnes réponses ne changent plus
        (les explications et les sources, si)."""
        with current_runtime().unit_of_work() as uow:
            quiz = _operator_quiz(uow.session, quiz_id, for_update=True)
            try:
                quizzes.update(uow, quiz, payload, utcnow())
            except domain.DomainError as exc:
                if exc.field:
                    _field_error(exc)
                abort(409, message=str(exc))
            return quizzes.for_operator(uow.session, quiz)


def _status_action(quiz_id: str, action: str):
    with current_runtime().unit_of_work() as uow:
        quiz = _operator_quiz(uow.session, quiz_id, for_update=True)
        try:
            quizzes.change_status(uow, quiz, action, utcnow())
        except domain.DomainError as exc:
            abort(409, message=str(exc))
    runtime = current_runtime()
    if action == "schedule":
        # Its day may be today: open it now rather than at the worker's next check (exactly once either way).
        scheduler.check_schedule(runtime, runtime_public_url())
    with runtime.db.reading() as session:
        return quizzes.for_operator(session, _operator_quiz(session, quiz_id))


def runtime_public_url() -> str:
    return current_settings().public_url


@back_office.route("/<string:quiz_id>/schedule")
class ScheduleQuiz(MethodView):
    @operator_required
    @back_office.response(200, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(404, description="Quiz inconnu.")
    @back_office.alt_response(409, description="Pas un brouillon, ou un autre quiz est déjà prévu pour les mêmes entreprises aux mêmes dates.")
    def post(self, quiz_id):
        """Programmer un brouillon : il deviendra le quiz du moment à sa date d'ouverture (tout de suite si elle est arrivée)."""
        return _status_action(quiz_id, "schedule")


@back_office.route("/<string:quiz_id>/unschedule")
class UnscheduleQuiz(MethodView):
    @operator_required
    @back_office.response(200, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(404, description="Quiz inconnu.")
    @back_office.alt_response(409, description="Le quiz n'est pas programmé (déjà ouvert, terminé ou brouillon).")
    def post(self, quiz_id):
        """Repasser en brouillon un quiz programmé qui n'est pas encore ouvert."""
        return _status_action(quiz_id, "unschedule")


@back_office.route("/<string:quiz_id>/close")
class CloseQuiz(MethodView):
    @operator_required
    @back_office.response(200, AdminQuizSchema)
    @back_office.alt_response(401, description="Connexion requise.")
    @back_office.alt_response(403, description="Réservé aux opérateurs de la plateforme.")
    @back_office.alt_response(404, description="Quiz inconnu.")
    @back_office.alt_response(409, description="Le quiz n'est ni programmé ni ouvert.")
    def post(self, quiz_id):
        """Clore un quiz maintenant : on ne peut plus y répondre ; les réponses restent lisibles dans MES QUIZ."""
        return _status_action(quiz_id, "close")


# -- the company figures ------------------------------------------------------------------------------------------------

@figures.route("/<string:company_id>/quiz-results")
class CompanyResults(MethodView):
    @login_required
    @figures.response(200, CompanyFiguresSchema)
    @figures.alt_response(401, description="Connexion requise.")
    @figures.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, company_id):
        """Pour chaque quiz qu'a vu l'entreprise : combien de ses collaborateurs y ont répondu et leur score moyen, par entité."""
        principal = current_principal()
        allowed = principal.has_role("platform_operator") or (
            principal.has_role("company_admin") and principal.claims.get("company_id") == company_id)
        if not allowed:
            log.warning("quiz figures of company %s denied to %s", company_id, principal.subject)
            abort(404, message="Ces chiffres ne sont pas accessibles.")
        with current_runtime().db.reading() as session:
            return {"company_id": company_id, "quizzes": quizzes.company_figures(session, company_id)}


BLUEPRINTS: list[Blueprint] = [play, back_office, figures]
