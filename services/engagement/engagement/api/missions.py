"""Engagement's copy of the catalogue's missions, as the caller may see it."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from ..access import caller_mission_viewer, visible_mission
from ..schemas.accounts import MissionCopySchema

UNKNOWN_MISSION = "Cette mission n'est pas (encore) connue."

missions = Blueprint("missions", __name__, url_prefix="/missions", description="Les missions telles qu'engagement les connaît.")


@missions.route("/<string:mission_id>")
class KnownMission(MethodView):
    @login_required
    @missions.response(200, MissionCopySchema)
    def get(self, mission_id):
        """La copie locale d'une mission publiée par le catalogue, si tu peux la voir (même règle que le catalogue)."""
        with current_runtime().db.reading() as session:
            return visible_mission(session, mission_id, caller_mission_viewer(session), message=UNKNOWN_MISSION)

