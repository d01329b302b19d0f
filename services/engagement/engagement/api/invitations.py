"""Invitations: inviting administrators, association referents or employees, and accepting an invitation.
Access rules: `access.py`; use cases: `invitations.py`."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from .. import invitations as cases
from ..access import staff
from ..people import admin_person_view
from ..schemas.admin import InvitationAcceptanceSchema, InvitationPreviewSchema, InvitationSchema, InvitationSentSchema
from ..schemas.common import MessageSchema

invitations = Blueprint("invitations", __name__, url_prefix="/invitations",
                        description="Inviter des administrateurs, des référents d'association ou des salariés.")


@invitations.route("")
class Invitations(MethodView):
    @login_required
    @invitations.arguments(InvitationSchema)
    @invitations.response(201, InvitationSentSchema)
    @invitations.alt_response(409, description="Cette adresse a déjà un compte.")
    def post(self, payload):
        """Inviter une personne : elle reçoit un lien pour choisir son mot de passe et activer son compte."""
        with current_runtime().unit_of_work() as uow:
            person, expires_at = cases.invite(uow, staff(uow.session), payload)
            return {"person": admin_person_view(uow.session, person), "expires_at": expires_at}


@invitations.route("/<string:secret>")
class Invitation(MethodView):
    @invitations.response(200, InvitationPreviewSchema)
    @invitations.alt_response(410, description="Invitation déjà acceptée ou expirée.")
    def get(self, secret):
        """Ce que dit une invitation (pour préremplir le formulaire d'acceptation) ; le lien n'est pas consommé."""
        with current_runtime().db.reading() as session:
            return cases.invitation_preview(session, secret)


@invitations.route("/<string:secret>/acceptance")
class InvitationAcceptance(MethodView):
    @invitations.arguments(InvitationAcceptanceSchema)
    @invitations.response(200, MessageSchema)
    @invitations.alt_response(410, description="Invitation déjà acceptée ou expirée.")
    def post(self, payload, secret):
        """Accepter une invitation : choisir son mot de passe ; le compte est alors actif et l'adresse vérifiée."""
        cases.check_acceptance(payload)
        with current_runtime().unit_of_work() as uow:
            cases.accept_invitation(uow, secret, payload)
        return {"detail": "Bienvenue sur Tandem : ton compte est activé, tu peux te connecter."}
