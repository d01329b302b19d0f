"""Approval's HTTP API: the manager's one-click link (no login: the link is the credential) and
« Les missions de mon équipe » (login: the caller's token `email` must be the request's manager address).

Every decision locks the request row first (`SELECT … FOR UPDATE`), so two clicks, or a click and the
team view, make exactly one decision.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.paging import page_of_query
from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_runtime, login_required

from . import decisions, domain, links
from .models import AbsenceRequest, ActionLink
from .schemas import DecidedSchema, DecisionSchema, LinkRequestSchema, ManagerRequestSchema, RequestListSchema, RequestQuerySchema

log = logging.getLogger(__name__)

actions = Blueprint(
    "actions", __name__, url_prefix="/actions",
    description="Le lien reçu par e-mail : voir la demande d'absence, l'accepter ou la refuser. Sans connexion : le lien "
                "est la clé (usage unique, lié à une demande et à l'adresse du manager, avec une date d'expiration).",
)
team = Blueprint("team", __name__, url_prefix="/requests", description="Les missions de mon équipe : les demandes dont tu es le manager.")

UNKNOWN_LINK = "Ce lien n'est pas valide. Vérifie que tu as copié l'adresse du lien en entier."
UNKNOWN_REQUEST = "Cette demande n'existe pas."


def present(request: AbsenceRequest) -> dict[str, Any]:
    """A request as the manager's pages show it: dates with their French labels, grouped by month."""
    parsed = [(date.fromisoformat(entry["date"]), entry["format"]) for entry in request.dates]
    return {
        **{key: getattr(request, key) for key in (
            "id", "participation_id", "person_name", "person_email", "mission_title", "association_name", "year", "kind", "message", "status",
            "reason", "decided_at", "via", "cancellation", "cancelled_at", "created_at", "reminders",
        )},
        "dates": [{"date": day.isoformat(), "format": format, "label": domain.date_label(day, format)} for day, format in parsed],
        "months": domain.by_month(parsed),
        "days": domain.days_count(format for _, format in parsed),
        "accept_until": domain.accept_until(day for day, _ in parsed),
        "acceptance_refused": decisions.acceptance_refusal(request),
    }


def _link_refusal(session, request: AbsenceRequest, link: ActionLink) -> str | None:
    if request.status == domain.RequestStatus.PENDING and links.is_out_of_reach(session, request):
        return domain.APPROVER_WITHDRAWN
    state = domain.link_state(used_at=link.used_at, revoked_at=link.revoked_at, expires_at=link.expires_at, now=utcnow())
    return domain.link_refusal(state, decisions.facts(request), link.expires_at, link.manager_email, request.manager_email)


def _no_referrer(response):
    # The page's address holds the secret: it must not leak to another site through Referer.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@actions.after_request
def _action_headers(response):
    return _no_referrer(response)


@actions.route("/<string:secret>")
class Action(MethodView):
    @actions.response(200, LinkRequestSchema)
    @actions.alt_response(404, description="Lien inconnu.")
    @actions.alt_response(410, description="Lien déjà utilisé, expiré, remplacé par une relance, ou demande déjà décidée ou annulée.")
    def get(self, secret):
        """Voir la demande d'absence à valider (ne change rien : les scanners de messagerie ouvrent aussi les liens)."""
        with current_runtime().db.reading() as session:
            link = links.find_link(session, secret)
            if link is None:
                abort(404, message=UNKNOWN_LINK)
            request = session.get(AbsenceRequest, link.request_id)
            refusal = _link_refusal(session, request, link)
            if refusal:
                abort(410, message=refusal)
            return {**present(request), "link_expires_at": link.expires_at}

    @actions.arguments(DecisionSchema)
    @actions.response(200, DecidedSchema)
    @actions.alt_response(404, description="Lien inconnu.")
    @actions.alt_response(409, description="Une date de la demande est passée : elle ne peut plus être acceptée, seulement refusée.")
    @actions.alt_response(410, description="Lien déjà utilisé, expiré, remplacé par une relance, ou demande déjà décidée ou annulée.")
    def post(self, payload, secret):
        """« Accepter la demande » ou « Refuser la demande » (avec un motif facultatif), une seule fois."""
        with current_runtime().unit_of_work() as uow:
            found = links.find_link(uow.session, secret)
            if found is None:
                abort(404, message=UNKNOWN_LINK)
            # The request row first, then the link: every decision path takes the locks in this order.
            request = uow.session.get(AbsenceRequest, found.request_id, with_for_update=True, populate_existing=True)
            link = links.find_link(uow.session, secret, for_update=True)
            refusal = _link_refusal(uow.session, request, link)
            if refusal:
                abort(410, message=refusal)
            now = utcnow()
            link.used_at = now
            try:
                decisions.decide(uow, request, domain.Decision(payload["decision"]), payload["reason"], domain.Via.LINK, None,
                                 link.manager_email, now)
            except domain.DomainError as exc:
                # Nothing is written (the link stays usable): the manager may still refuse.
                abort(409, message=str(exc))
            return {**present(request), "detail": decisions.decided_message(request)}


def _my_request(session, request_id: str, for_update: bool = False) -> AbsenceRequest:
    """The request, when the caller is its manager; 404 otherwise (whether it exists is none of their business)."""
    principal = current_principal()
    request = session.get(AbsenceRequest, request_id, with_for_update=for_update, populate_existing=for_update)
    email = domain.normalize_email(principal.email or "")
    if request is None or not email or request.manager_email != email or links.is_out_of_reach(session, request):
        if request is not None:
            log.warning("approval request %s denied to %s: not its manager", request_id, principal.subject)
        abort(404, message=UNKNOWN_REQUEST)
    return request


@team.route("")
class TeamRequests(MethodView):
    @login_required
    @team.arguments(RequestQuerySchema, location="query")
    @team.response(200, RequestListSchema)
    @team.alt_response(401, description="Connexion requise.")
    def get(self, args):
        """Les demandes de ton équipe : celles en attente d'abord, puis les autres, des plus récentes aux plus anciennes."""
        email = domain.normalize_email(current_principal().email or "")
        # Not what was sent to this address before its holder lost access: whoever holds it now is someone else.
        mine = sa.and_(AbsenceRequest.manager_email == email, ~links.out_of_reach())
        with current_runtime().db.reading() as session:
            pending = session.scalar(sa.select(sa.func.count()).where(mine, AbsenceRequest.status == domain.RequestStatus.PENDING))
            where = [mine] if args["status"] is None else [mine, AbsenceRequest.status == args["status"]]
            rows, total = page_of_query(
                session, sa.select(AbsenceRequest).where(*where), args,
                sa.case((AbsenceRequest.status == domain.RequestStatus.PENDING, 0), else_=1),
                AbsenceRequest.created_at.desc(), AbsenceRequest.id)
            return {"items": [present(row) for row in rows], "total": total, "pending": pending}


@team.route("/<string:request_id>")
class TeamRequest(MethodView):
    @login_required
    @team.response(200, ManagerRequestSchema)
    @team.alt_response(401, description="Connexion requise.")
    @team.alt_response(404, description="Demande inconnue, ou dont tu n'es pas le manager.")
    def get(self, request_id):
        """Une demande de ton équipe."""
        with current_runtime().db.reading() as session:
            return present(_my_request(session, request_id))


@team.route("/<string:request_id>/decision")
class TeamDecision(MethodView):
    @login_required
    @team.arguments(DecisionSchema)
    @team.response(200, DecidedSchema)
    @team.alt_response(401, description="Connexion requise.")
    @team.alt_response(404, description="Demande inconnue, ou dont tu n'es pas le manager.")
    @team.alt_response(403, description="Ta propre demande : c'est à ton manager de la valider.")
    @team.alt_response(409, description="Demande déjà décidée ou annulée, ou acceptée alors qu'une de ses dates est passée.")
    def post(self, payload, request_id):
        """Accepter ou refuser une demande de ton équipe ; le lien envoyé par e-mail cesse alors de fonctionner."""
        with current_runtime().unit_of_work() as uow:
            request = _my_request(uow.session, request_id, for_update=True)
            try:
                domain.check_decider(current_principal().subject, request.person_id)
            except domain.DomainError as exc:
                abort(403, message=str(exc))
            try:
                decisions.decide(uow, request, domain.Decision(payload["decision"]), payload["reason"], domain.Via.TEAM_VIEW,
                                 current_principal().subject, domain.normalize_email(current_principal().email or ""), utcnow())
            except domain.DomainError as exc:
                abort(409, message=str(exc))
            return {**present(request), "detail": decisions.decided_message(request)}


BLUEPRINTS: list[Blueprint] = [actions, team]
