"""How engagement reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork

from . import domain
from .models import MissionCopy


class MissionPublished(Schema):
    """engagement's narrow reading of `catalog.mission.published`: only the fields it keeps."""

    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    url = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)


def on_mission_published(event: Event, uow: UnitOfWork) -> None:
    data = MissionPublished().load(event.data)
    copy = uow.session.get(MissionCopy, data["id"])
    if copy is None:
        copy = MissionCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(data["published_at"], copy.as_of):
        return
    copy.title = data["title"]
    copy.association_name = data["association_name"]
    copy.url = data["url"]
    copy.status = "published"
    copy.as_of = data["published_at"]


SUBSCRIPTIONS: dict[str, Handler] = {
    "catalog.mission.published": on_mission_published,
}
