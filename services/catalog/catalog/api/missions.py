"""The missions (« Je trouve »): search, « Ces missions sont pour toi », a referent's missions, the mission page,
creating, editing, publishing and closing a mission. Use cases: `missions.py`."""
from __future__ import annotations

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.paging import page_of_query
from tandem_shared.web import current_runtime, login_required

from .. import missions as cases
from ..access import managed_mission, mission_or_404, viewer
from ..models import Mission
from ..schemas import (
    MissionCardListSchema, MissionListSchema, MissionSchema, MissionSearchSchema, MissionUpdateSchema, MissionWriteSchema,
    PageArgsSchema, SearchArgsSchema,
)

missions = Blueprint("missions", __name__, url_prefix="/missions", description="Les missions proposées par les associations (« Je trouve »).")


@missions.route("")
class Missions(MethodView):
    @missions.arguments(SearchArgsSchema, location="query")
    @missions.response(200, MissionSearchSchema)
    def get(self, args):
        """Chercher parmi les missions publiées ouvertes à ton entreprise : filtres, mots-clés, compteurs par valeur,
        et avec `spotlight` celles liées à une cause de l'actu solidaire.
        Sans connexion : les missions ouvertes à toutes les entreprises, sans les coordonnées du contact."""
        with current_runtime().db.reading() as session:
            return cases.find(session, viewer(session, visitors=True, associations=False), args)

    @login_required
    @missions.arguments(MissionWriteSchema)
    @missions.response(201, MissionSchema)
    def post(self, payload):
        """Créer une mission pour ton association (en brouillon, ou publiée tout de suite avec `publish`)."""
        with current_runtime().unit_of_work() as uow:
            return cases.create(uow, viewer(uow.session), payload)


@missions.route("/for-me")
class MissionsForMe(MethodView):
    @login_required
    @missions.arguments(PageArgsSchema, location="query")
    @missions.response(200, MissionCardListSchema)
    def get(self, args):
        """« Ces missions sont pour toi » : les plus proches de tes préférences, puis les plus récentes."""
        with current_runtime().db.reading() as session:
            items, total = cases.for_me(session, viewer(session), args)
            return {"items": items, "total": total, "facets": {}}


@missions.route("/mine")
class MyAssociationMissions(MethodView):
    @login_required
    @missions.arguments(PageArgsSchema, location="query")
    @missions.response(200, MissionListSchema)
    def get(self, args):
        """Les missions de mes associations, brouillons et missions clôturées compris (référents)."""
        with current_runtime().db.reading() as session:
            who = viewer(session)
            query = sa.select(Mission).where(Mission.association_id.in_(who.association_ids)) if not who.is_operator else sa.select(Mission)
            # The page only: an operator's list is the whole catalogue.
            items, total = page_of_query(session, query, args, Mission.updated_at.desc(), Mission.id)
            return {"items": items, "total": total, "facets": {}}


@missions.route("/<string:mission_id>")
class MissionById(MethodView):
    @missions.response(200, MissionSchema)
    def get(self, mission_id):
        """La fiche mission, avec la présentation de l'association. Sans connexion : seulement une mission ouverte à
        toutes les entreprises (404 pour une mission réservée), sans les coordonnées du contact."""
        with current_runtime().db.reading() as session:
            return mission_or_404(session, mission_id, viewer(session, visitors=True))

    @login_required
    @missions.arguments(MissionUpdateSchema(partial=True))
    @missions.response(200, MissionSchema)
    def patch(self, payload, mission_id):
        """Modifier une mission de ton association ; une mission publiée annonce la mise à jour."""
        with current_runtime().unit_of_work() as uow:
            who = viewer(uow.session)
            mission = mission_or_404(uow.session, mission_id, who, for_update=True)
            cases.update(uow, who, mission, payload)
            return mission


@missions.route("/<string:mission_id>/publication")
class MissionPublication(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    @missions.alt_response(409, description="Mission déjà publiée ou clôturée, ou association pas encore validée.")
    def post(self, mission_id):
        """Publier une mission en brouillon."""
        with current_runtime().unit_of_work() as uow:
            mission = managed_mission(uow.session, mission_id)
            cases.publish(uow, mission)
            return mission


@missions.route("/<string:mission_id>/closure")
class MissionClosure(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    def post(self, mission_id):
        """Clôturer une mission : elle disparaît de la recherche ; les participations en cours continuent."""
        with current_runtime().unit_of_work() as uow:
            mission = managed_mission(uow.session, mission_id)
            cases.close(uow, mission)
            return mission
