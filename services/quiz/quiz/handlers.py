"""How quiz reacts to other services' events: one table, one plain function per event type.

Quiz keeps two narrow copies: catalog's missions (« Des missions en lien avec ce quiz », never asking catalog at
request time) and engagement's people's company and entity (the company figures by entity). Events may arrive late
or twice: each copy keeps its producer's time and only ever moves forward.
"""
from __future__ import annotations

import sqlalchemy as sa
from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler

from .models import Attempt, MissionCopy, PersonCopy, token_cutoffs

MISSION_PUBLISHED = "catalog.mission.published"
MISSION_UPDATED = "catalog.mission.updated"
MISSION_CLOSED = "catalog.mission.closed"
PERSON_REGISTERED = "engagement.person.registered"
PERSON_UPDATED = "engagement.person.updated"



class MissionChanged(EventData):
    """Quiz's narrow reading of `catalog.mission.*`."""

    id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    themes = fields.List(fields.String(), load_default=list)
    city = fields.String(allow_none=True, load_default=None)
    department = fields.String(allow_none=True, load_default=None)
    status = fields.String(required=True)
    # Absent means "not said": shown to nobody rather than to companies it may not be open to.
    open_to_all_companies = fields.Boolean(load_default=False)
    company_ids = fields.List(fields.String(), load_default=list)
    url = fields.String(required=True)
    published_at = fields.AwareDateTime(allow_none=True, load_default=None)
    updated_at = fields.AwareDateTime(required=True)


class PersonChanged(EventData):
    """Quiz's narrow reading of `engagement.person.registered/updated`."""

    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    company_id = fields.String(allow_none=True, load_default=None)
    entity_id = fields.String(allow_none=True, load_default=None)
    entity_name = fields.String(allow_none=True, load_default=None)
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


def on_mission_changed(event: Event, uow: UnitOfWork) -> None:
    """Published, updated or closed: the copy takes the mission as catalog last described it."""
    data = MissionChanged.of(event)
    mission = uow.session.get(MissionCopy, data["id"], with_for_update=True)
    if mission is None:
        mission = MissionCopy(id=data["id"])
        uow.session.add(mission)
    elif mission.updated_at >= data["updated_at"]:
        return
    for key in ("title", "association_name", "themes", "city", "department", "status", "open_to_all_companies",
                "company_ids", "url", "published_at", "updated_at"):
        setattr(mission, key, data[key])
    if event.type == MISSION_CLOSED:
        mission.status = "closed"
    # A department code is at most three characters (2A, 974); anything else is not one.
    if mission.department and len(mission.department) > 3:
        mission.department = None


def on_person_changed(event: Event, uow: UnitOfWork) -> None:
    """The person's company and entity; attempts submitted before quiz knew the entity get it now."""
    data = PersonChanged.of(event)
    person = uow.session.get(PersonCopy, data["person_id"], with_for_update=True)
    if person is None:
        person = PersonCopy(person_id=data["person_id"])
        uow.session.add(person)
    elif person.as_of >= data["at"]:
        return
    for key in ("company_id", "entity_id", "entity_name", "status"):
        setattr(person, key, data[key])
    person.as_of = data["at"]
    if data["entity_id"]:
        uow.session.execute(
            sa.update(Attempt)
            .where(Attempt.person_id == data["person_id"], Attempt.entity_id.is_(None),
                   Attempt.company_id == data["company_id"])
            .values(entity_id=data["entity_id"], entity_name=data["entity_name"])
        )


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `quiz`)."""
    # A cut-off event (signing out, being disabled): tokens issued before it are refused here too.
    record_cutoff = CutoffHandler(token_cutoffs)
    return {
        MISSION_PUBLISHED: on_mission_changed,
        MISSION_UPDATED: on_mission_changed,
        MISSION_CLOSED: on_mission_changed,
        PERSON_REGISTERED: on_person_changed,
        PERSON_UPDATED: on_person_changed,
        "engagement.person.signed_out": record_cutoff,
        "engagement.person.disabled": record_cutoff,
    }
