"""How the notifier reacts to other services' events: each handler queues the e-mails an event calls for."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork

from .mailbox import queue_email
from .templates import render


class MissionPublished(Schema):
    """The notifier's narrow reading of `catalog.mission.published`."""

    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    contact_email = fields.Email(required=True)
    url = fields.String(required=True)


def on_mission_published(event: Event, uow: UnitOfWork) -> None:
    mission = MissionPublished().load(event.data)
    queue_email(
        uow,
        event,
        recipient=mission["contact_email"],
        subject=f"Ta mission « {mission['title']} » est en ligne sur Tandem",
        body_text=render("mission_published.txt", **mission),
    )


SUBSCRIPTIONS: dict[str, Handler] = {
    "catalog.mission.published": on_mission_published,
}
