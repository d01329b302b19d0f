"""L'actu solidaire: the causes month by month with their missions' count, and editing them. Use cases: `spotlights.py`."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_principal, current_runtime, login_required

from .. import spotlights as cases
from ..access import editable_spotlight, may_edit_spotlights, viewer
from ..schemas import SpotlightListSchema, SpotlightQuerySchema, SpotlightSchema, SpotlightUpdateSchema, SpotlightWriteSchema

spotlights = Blueprint("spotlights", __name__, url_prefix="/spotlights", description="L'actu solidaire.")


@spotlights.route("")
class Spotlights(MethodView):
    @spotlights.arguments(SpotlightQuerySchema, location="query")
    @spotlights.response(200, SpotlightListSchema)
    def get(self, args):
        """L'actu solidaire, mois par mois, avec les missions liées à chaque cause. Sans connexion : les causes de
        toute la plateforme, comptées sur les missions ouvertes à toutes les entreprises."""
        start, end = cases.period(args["start"], args["months"])
        with current_runtime().db.reading() as session:
            who = viewer(session, visitors=True, associations=False)
            return cases.by_month(session, who, cases.spotlights_in(session, who, start, end))

    @login_required
    @spotlights.arguments(SpotlightWriteSchema)
    @spotlights.response(201, SpotlightSchema)
    def post(self, payload):
        """Ajouter une cause à l'actu solidaire (responsables de l'engagement et équipe Tandem)."""
        principal = current_principal()
        if not may_edit_spotlights(principal):
            abort(403, message="Seuls les responsables de l'engagement et l'équipe Tandem éditent l'actu solidaire.")
        spotlight = cases.new_spotlight(principal, payload)
        with current_runtime().unit_of_work() as uow:
            uow.session.add(spotlight)
            return cases.with_count(uow.session, viewer(uow.session, associations=False), spotlight)


@spotlights.route("/<string:spotlight_id>")
class SpotlightById(MethodView):
    @login_required
    @spotlights.arguments(SpotlightUpdateSchema(partial=True))
    @spotlights.response(200, SpotlightSchema)
    def patch(self, payload, spotlight_id):
        """Modifier une cause de l'actu solidaire."""
        with current_runtime().unit_of_work() as uow:
            spotlight = editable_spotlight(uow.session, spotlight_id)
            cases.update(spotlight, payload)
            return cases.with_count(uow.session, viewer(uow.session, associations=False), spotlight)

    @login_required
    @spotlights.response(204)
    def delete(self, spotlight_id):
        """Retirer une cause de l'actu solidaire."""
        with current_runtime().unit_of_work() as uow:
            uow.session.delete(editable_spotlight(uow.session, spotlight_id))
        return None
