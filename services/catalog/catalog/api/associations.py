"""The associations (« Je propose »): the directory, an association's page, registering, editing and vetting.
Use cases: `associations.py`."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_principal, current_runtime, login_required

from .. import associations as cases
from ..access import association_or_404, require_operator, viewer
from ..schemas import (
    AssociationListSchema, AssociationNamesSchema, AssociationQuerySchema, AssociationSchema, AssociationUpdateSchema,
    AssociationWriteSchema, VettingSchema,
)

associations = Blueprint("associations", __name__, url_prefix="/associations", description="Les associations (« Je propose »).")


@associations.route("/names")
class AssociationNames(MethodView):
    @associations.response(200, AssociationNamesSchema)
    def get(self):
        """Le nom de chaque association validée, par identifiant : les filtres de « Je trouve » comptent les missions
        par association (ouvert sans connexion)."""
        with current_runtime().db.reading() as session:
            viewer(session, visitors=True)
            return {"names": cases.approved_names(session)}


@associations.route("")
class Associations(MethodView):
    @associations.arguments(AssociationQuerySchema, location="query")
    @associations.response(200, AssociationListSchema)
    def get(self, args):
        """L'annuaire des associations validées, filtrable par thématique, région et mots-clés (ouvert sans connexion,
        sans l'adresse de contact)."""
        with current_runtime().db.reading() as session:
            viewer(session, visitors=True)
            return cases.directory(session, args)

    @login_required
    @associations.arguments(AssociationWriteSchema)
    @associations.response(201, AssociationSchema)
    def post(self, payload):
        """Enregistrer une association (opérateurs de la plateforme) ; elle attend ensuite sa validation."""
        require_operator("Seule l'équipe Tandem enregistre les associations.")
        association = cases.new_association(payload)
        with current_runtime().unit_of_work() as uow:
            cases.register(uow, association)
        return association


@associations.route("/<string:association_id>")
class AssociationById(MethodView):
    @associations.response(200, AssociationSchema)
    def get(self, association_id):
        """La page d'une association (« Découvre l'association »), ouverte sans connexion (sans l'adresse de contact)."""
        with current_runtime().db.reading() as session:
            return association_or_404(session, association_id, viewer(session, visitors=True))

    @login_required
    @associations.arguments(AssociationUpdateSchema(partial=True))
    @associations.response(200, AssociationSchema)
    def patch(self, payload, association_id):
        """Modifier une association (ses référents ou l'équipe Tandem)."""
        with current_runtime().unit_of_work() as uow:
            who = viewer(uow.session)
            association = association_or_404(uow.session, association_id, who, for_update=True)
            if not who.manages(association.id):
                abort(403, message="Seuls les référents de l'association peuvent la modifier.")
            cases.update(uow, association, payload)
            return association


@associations.route("/<string:association_id>/vetting")
class AssociationVetting(MethodView):
    @login_required
    @associations.arguments(VettingSchema)
    @associations.response(200, AssociationSchema)
    def post(self, payload, association_id):
        """Valider (ou refuser) une association : seule une association validée publie des missions."""
        require_operator("Seule l'équipe Tandem valide les associations.")
        with current_runtime().unit_of_work() as uow:
            return cases.vet(uow, association_id, payload["decision"], current_principal().subject)
