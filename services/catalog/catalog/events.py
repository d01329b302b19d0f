"""Events catalog publishes, and the marshmallow schemas that turn them into plain JSON."""
from __future__ import annotations

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from . import taxonomy
from .models import Association, Mission

MISSION_PUBLISHED = "catalog.mission.published"
MISSION_UPDATED = "catalog.mission.updated"
MISSION_CLOSED = "catalog.mission.closed"
ASSOCIATION_REGISTERED = "catalog.association.registered"
ASSOCIATION_UPDATED = "catalog.association.updated"
ASSOCIATION_APPROVED = "catalog.association.approved"


class AssociationData(Schema):
    """The association's legal identity, as a convention and a proposal need it."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    rna = fields.String(allow_none=True, required=True)
    siren = fields.String(allow_none=True, required=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    department = fields.String(required=True)
    region = fields.String(required=True)
    website = fields.String(allow_none=True, required=True)
    contact_email = fields.String(required=True)
    themes = fields.List(fields.String(), required=True)
    representative_name = fields.String(required=True)
    representative_title = fields.String(required=True)
    general_interest_category = fields.String(required=True)
    general_interest_label = fields.String(required=True)
    vetting_status = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


class MissionData(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    association = fields.Dict(required=True, metadata={"description": "AssociationData, already plain JSON"})
    contact_name = fields.String(required=True)
    contact_email = fields.String(required=True)
    contact_phone = fields.String(allow_none=True, required=True)
    themes = fields.List(fields.String(), required=True)
    professional_expertises = fields.List(fields.String(), required=True)
    personal_expertises = fields.List(fields.String(), required=True)
    format = fields.String(required=True)
    format_label = fields.String(required=True)
    duration = fields.String(required=True)
    address = fields.String(required=True)
    city = fields.String(required=True)
    department = fields.String(required=True)
    region = fields.String(required=True)
    remote_possible = fields.Boolean(required=True)
    places = fields.Integer(required=True)
    all_jobs = fields.Boolean(required=True)
    open_to_all_companies = fields.Boolean(required=True)
    company_ids = fields.List(fields.String(), required=True)
    status = fields.String(required=True)
    published_at = fields.AwareDateTime(allow_none=True, required=True)
    updated_at = fields.AwareDateTime(required=True)
    url = fields.String(required=True)


def association_payload(association: Association) -> dict:
    return AssociationData().dump(
        {
            **{column: getattr(association, column) for column in (
                "id", "name", "rna", "siren", "address", "city", "department", "region", "website", "contact_email",
                "themes", "representative_name", "representative_title", "general_interest_category", "vetting_status", "updated_at",
            )},
            "general_interest_label": taxonomy.GENERAL_INTEREST_CATEGORIES.get(association.general_interest_category, ""),
        }
    )


def mission_payload(mission: Mission, public_url: str) -> dict:
    association = mission.association
    return MissionData().dump(
        {
            **{column: getattr(mission, column) for column in (
                "id", "title", "description", "association_id", "contact_name", "contact_email", "contact_phone", "themes",
                "professional_expertises", "personal_expertises", "format", "duration", "address", "city", "department",
                "region", "remote_possible", "places", "all_jobs", "open_to_all_companies", "status", "published_at", "updated_at",
            )},
            "association_name": association.name,
            "association": association_payload(association),
            "format_label": taxonomy.MISSION_FORMATS[mission.format],
            "company_ids": mission.company_ids,
            "url": f"{public_url}/missions/{mission.id}",
        }
    )


def mission_changed(uow: UnitOfWork, type: str, mission: Mission, public_url: str) -> None:
    uow.publish(type, mission.id, mission_payload(mission, public_url))


def association_changed(uow: UnitOfWork, type: str, association: Association) -> None:
    uow.publish(type, association.id, association_payload(association))
