"""How engagement reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork

from . import domain
from .models import AssociationCopy, MissionCopy


class MissionPublished(Schema):
    """engagement's narrow reading of `catalog.mission.*`: only the fields it keeps."""

    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    url = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(load_default=None)
    status = fields.String(load_default="published")


class AssociationChanged(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    name = fields.String(required=True)
    contact_email = fields.Email(required=True)
    representative_name = fields.String(required=True)
    vetting_status = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    """Published, updated or closed: the copy follows, never backwards in time."""
    data = MissionPublished().load(event.data)
    as_of = data["updated_at"] or data["published_at"]
    copy = uow.session.get(MissionCopy, data["id"])
    if copy is None:
        copy = MissionCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(as_of, copy.as_of):
        return
    copy.title = data["title"]
    copy.association_name = data["association_name"]
    copy.url = data["url"]
    copy.status = data["status"]
    copy.as_of = as_of


def on_association_changed(event: Event, uow: UnitOfWork) -> None:
    data = AssociationChanged().load(event.data)
    copy = uow.session.get(AssociationCopy, data["id"])
    if copy is None:
        copy = AssociationCopy(id=data["id"])
        uow.session.add(copy)
    elif not domain.is_newer(data["updated_at"], copy.as_of):
        return
    copy.name, copy.contact_email, copy.contact_name = data["name"], data["contact_email"], data["representative_name"]
    copy.vetting_status, copy.as_of = data["vetting_status"], data["updated_at"]


SUBSCRIPTIONS: dict[str, Handler] = {
    "catalog.mission.published": on_mission_changed,
    "catalog.mission.updated": on_mission_changed,
    "catalog.mission.closed": on_mission_changed,
    "catalog.association.registered": on_association_changed,
    "catalog.association.updated": on_association_changed,
    "catalog.association.approved": on_association_changed,
}
