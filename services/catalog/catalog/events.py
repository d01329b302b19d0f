"""Events catalog publishes, and the marshmallow schemas that turn them into plain JSON."""
from __future__ import annotations

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from .models import Mission

MISSION_PUBLISHED = "catalog.mission.published"


class MissionPublishedData(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    association_name = fields.String(required=True)
    contact_email = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)
    url = fields.String(required=True)


def mission_published(uow: UnitOfWork, mission: Mission, public_url: str) -> None:
    data = MissionPublishedData().dump(
        {
            "id": mission.id,
            "title": mission.title,
            "description": mission.description,
            "association_name": mission.association_name,
            "contact_email": mission.contact_email,
            "published_at": mission.published_at,
            "url": f"{public_url}/missions/{mission.id}",
        }
    )
    uow.publish(MISSION_PUBLISHED, mission.id, data)
