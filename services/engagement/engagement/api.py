"""Engagement's HTTP API: every blueprint, gathered in `BLUEPRINTS` (the views live in their own modules)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, login_required

from .models import MissionCopy
from .schemas import MissionCopySchema

missions = Blueprint("missions", __name__, url_prefix="/missions", description="Les missions telles qu'engagement les connaît.")


@missions.route("/<string:mission_id>")
class KnownMission(MethodView):
    @login_required
    @missions.response(200, MissionCopySchema)
    def get(self, mission_id):
        """La copie locale d'une mission publiée par le catalogue."""
        with current_runtime().db.reading() as session:
            copy = session.get(MissionCopy, mission_id)
        if copy is None:
            abort(404, message="Cette mission n'est pas (encore) connue.")
        return copy


from .accounts import accounts  # noqa: E402
from .profile import choices, profile  # noqa: E402
from .proposals import proposals, sharing  # noqa: E402

from .admin import BLUEPRINTS as ADMIN_BLUEPRINTS  # noqa: E402
from .workflow import BLUEPRINTS as WORKFLOW_BLUEPRINTS  # noqa: E402

BLUEPRINTS = [accounts, profile, choices, proposals, sharing, missions, *WORKFLOW_BLUEPRINTS, *ADMIN_BLUEPRINTS]
