""""Je propose mes compétences" (a message to an association) and sharing a mission by e-mail.
Use cases and send limits: `proposals.py`."""
from __future__ import annotations

import functools

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, login_required

from .. import proposals as cases
from ..access import audit, me, offered_mission
from ..errors import field_error
from ..schemas.proposals import (
    DraftQuerySchema, DraftSchema, ProposalSchema, ProposalWriteSchema, ShareResultSchema, ShareSchema,
)

proposals = Blueprint("proposals", __name__, url_prefix="/proposals", description="Je propose mes compétences à une association.")
sharing = Blueprint("sharing", __name__, url_prefix="/missions", description="Partager une mission par e-mail.")


def answers_send_refusals(view):
    """The view's transaction is rolled back on a refusal; the audit log keeps it in one of its own."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except cases.SendRefused as refusal:
            with current_runtime().unit_of_work() as uow:
                audit(uow.session, f"{refusal.kind}_refused", person_id=refusal.person_id,
                      throttled=refusal.retry_after is not None, **refusal.details)
            if refusal.field:
                field_error(refusal.field, refusal.message)
            abort(429, message=refusal.message, retry_after=refusal.retry_after)

    return wrapper


@proposals.route("/draft")
class ProposalDraft(MethodView):
    @login_required
    @proposals.arguments(DraftQuerySchema, location="query")
    @proposals.response(200, DraftSchema)
    def get(self, args):
        """Le message pré-rempli du formulaire « Propose directement ton aide à l'association »."""
        with current_runtime().db.reading() as session:
            return cases.proposal_draft(session, me(session), args["association_id"])


@proposals.route("")
class Proposals(MethodView):
    @login_required
    @proposals.arguments(ProposalWriteSchema)
    @proposals.response(201, ProposalSchema)
    @proposals.alt_response(429, description="Trop de propositions envoyées ces dernières heures (en-tête Retry-After).")
    @answers_send_refusals
    def post(self, payload):
        """Envoyer ton message à l'association : elle reçoit tes coordonnées, tu reçois les siennes."""
        with current_runtime().unit_of_work() as uow:
            return cases.propose(uow, me(uow.session, for_update=True), payload["association_id"], payload["message"],
                                 payload.get("phone", cases.PROFILE_PHONE))


@sharing.route("/<string:mission_id>/share")
class ShareMission(MethodView):
    @login_required
    @sharing.arguments(ShareSchema)
    @sharing.response(202, ShareResultSchema)
    @sharing.alt_response(429, description="Trop de partages ces dernières heures (en-tête Retry-After).")
    @answers_send_refusals
    def post(self, payload, mission_id):
        """Partager la fiche mission par e-mail, à toi-même ou à des collègues, avec un message facultatif."""
        recipients = cases.normalized_recipients(payload["recipients"])
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session, for_update=True)
            cases.share(uow, person, offered_mission(uow.session, mission_id, person), recipients, payload["message"])
        return {"detail": "C'est envoyé !", "recipients": recipients}
