"""Catalog's HTTP API: thin views that read a schema, call the rules and let the unit of work commit."""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_runtime, login_required

from . import domain, events
from .models import Mission
from .schemas import MissionCreateSchema, MissionListSchema, MissionSchema, PageArgsSchema

missions = Blueprint("missions", __name__, url_prefix="/missions", description="Missions proposées par les associations.")


def _public_url() -> str:
    return current_app.config["TANDEM_SETTINGS"].public_url


def _require_mission_manager():
    principal = current_principal()
    if not domain.may_manage_missions(principal.roles):
        abort(403, message="Seuls les référents d'association peuvent créer ou publier une mission.")
    return principal


@missions.route("")
class Missions(MethodView):
    @missions.arguments(PageArgsSchema, location="query")
    @missions.response(200, MissionListSchema)
    def get(self, args):
        """Les missions publiées, les plus récentes d'abord."""
        with current_runtime().db.reading() as session:
            published = sa.select(Mission).where(Mission.status == domain.MissionStatus.PUBLISHED)
            total = session.scalar(sa.select(sa.func.count()).select_from(published.subquery()))
            items = session.scalars(
                published.order_by(Mission.published_at.desc(), Mission.id)
                .offset((args["page"] - 1) * args["per_page"])
                .limit(args["per_page"])
            ).all()
        return {"items": items, "total": total}

    @login_required
    @missions.arguments(MissionCreateSchema)
    @missions.response(201, MissionSchema)
    def post(self, payload):
        """Créer une mission (en brouillon, ou publiée tout de suite avec `publish`)."""
        principal = _require_mission_manager()
        now = utcnow()
        mission = Mission(
            id=str(uuid.uuid4()),
            title=payload["title"].strip(),
            description=payload["description"],
            association_name=payload["association_name"].strip(),
            contact_email=payload["contact_email"],
            status=domain.MissionStatus.DRAFT,
            created_by=principal.subject,
            created_at=now,
        )
        with current_runtime().unit_of_work() as uow:
            uow.session.add(mission)
            if payload["publish"]:
                _publish(uow, mission)
        return mission


@missions.route("/<string:mission_id>")
class MissionById(MethodView):
    @missions.response(200, MissionSchema)
    def get(self, mission_id):
        """Une mission publiée."""
        with current_runtime().db.reading() as session:
            mission = session.get(Mission, mission_id)
        if mission is None or mission.status != domain.MissionStatus.PUBLISHED:
            abort(404, message="Cette mission n'existe pas ou n'est plus en ligne.")
        return mission


@missions.route("/<string:mission_id>/publication")
class MissionPublication(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    @missions.alt_response(409, description="La mission est déjà publiée ou clôturée.")
    def post(self, mission_id):
        """Publier une mission en brouillon."""
        principal = _require_mission_manager()
        with current_runtime().unit_of_work() as uow:
            mission = uow.session.get(Mission, mission_id, with_for_update=True)
            if mission is None:
                abort(404, message="Cette mission n'existe pas.")
            if mission.created_by != principal.subject and not principal.has_role("platform_operator"):
                abort(403, message="Tu ne peux publier que les missions que tu as créées.")
            _publish(uow, mission)
        return mission


def _publish(uow, mission: Mission) -> None:
    try:
        mission.status = domain.publish(domain.MissionStatus(mission.status))
    except domain.DomainError as exc:
        abort(409, message=str(exc))
    mission.published_at = utcnow()
    uow.session.flush()
    events.mission_published(uow, mission, _public_url())


BLUEPRINTS = [missions]
