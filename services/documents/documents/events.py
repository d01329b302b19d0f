"""Events documents publishes, and the marshmallow schemas that turn them into plain JSON
(the contract: docs/workflow-events.md and asyncapi.yaml)."""
from __future__ import annotations

from datetime import datetime

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from .models import BilanDocument, Convention, ConventionVersion, Signature

CONVENTION_ISSUED = "documents.convention.issued"
CONVENTION_SIGNED = "documents.convention.signed"
BILAN_ISSUED = "documents.bilan.issued"


class DateData(Schema):
    # Stored as ISO strings already ("2027-01-25").
    date = fields.String(required=True)
    format = fields.String(required=True)


class ConventionIssuedData(Schema):
    convention_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    version = fields.Integer(required=True)
    previous_version = fields.Integer(required=True, allow_none=True)
    dates = fields.List(fields.Nested(DateData), required=True)
    total_days = fields.Float(required=True)
    sha256 = fields.String(required=True)
    issued_at = fields.AwareDateTime(required=True)
    sign_url = fields.String(required=True)


class ConventionSignedData(Schema):
    convention_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    year = fields.Integer(required=True)
    version = fields.Integer(required=True)
    dates = fields.List(fields.Nested(DateData), required=True)
    total_days = fields.Float(required=True)
    sha256 = fields.String(required=True)
    signed_at = fields.AwareDateTime(required=True)


class BilanIssuedData(Schema):
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    year = fields.Integer(required=True)
    sha256 = fields.String(required=True)
    issued_at = fields.AwareDateTime(required=True)
    download_path = fields.String(required=True)


def sign_url(public_url: str, convention_id: str) -> str:
    """The web client's convention viewer, where « Signe ta convention » leads."""
    return f"{public_url}/mon-compte/conventions/{convention_id}"


def convention_issued(uow: UnitOfWork, convention: Convention, version: ConventionVersion, public_url: str) -> None:
    """A new version exists: engagement shows step 3 to do, the notifier e-mails « Signe ta convention »."""
    uow.publish(CONVENTION_ISSUED, convention.id, ConventionIssuedData().dump({
        "convention_id": convention.id,
        **{name: getattr(convention, name) for name in (
            "participation_id", "person_id", "person_name", "person_email", "mission_id", "mission_title",
            "association_name", "year")},
        "version": version.number,
        "previous_version": version.number - 1 if version.number > 1 else None,
        "dates": version.dates,
        "total_days": version.total_days,
        "sha256": version.sha256,
        "issued_at": version.rendered_at,
        "sign_url": sign_url(public_url, convention.id),
    }))


def convention_signed(uow: UnitOfWork, convention: Convention, version: ConventionVersion, signature: Signature) -> None:
    """The employee signed a version. The evidence (IP address, user agent) stays here."""
    uow.publish(CONVENTION_SIGNED, convention.id, ConventionSignedData().dump({
        "convention_id": convention.id,
        "participation_id": convention.participation_id,
        "person_id": convention.person_id,
        "year": convention.year,
        "version": version.number,
        "dates": version.dates,
        "total_days": version.total_days,
        "sha256": version.sha256,
        "signed_at": signature.signed_at,
    }))


def bilan_path(participation_id: str) -> str:
    return f"/api/documents/bilans/{participation_id}.pdf"


def bilan_issued(uow: UnitOfWork, bilan: BilanDocument, issued_at: datetime) -> None:
    """The bilan's PDF is ready to download."""
    uow.publish(BILAN_ISSUED, bilan.participation_id, BilanIssuedData().dump({
        "participation_id": bilan.participation_id,
        "person_id": bilan.person_id,
        "year": bilan.year,
        "sha256": bilan.sha256,
        "issued_at": issued_at,
        "download_path": bilan_path(bilan.participation_id),
    }))
