"""Events engagement publishes, and the marshmallow schemas that turn them into plain JSON."""
from __future__ import annotations

from datetime import datetime

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from .models import Company, Person, Preferences

PERSON_REGISTERED = "engagement.person.registered"
PERSON_UPDATED = "engagement.person.updated"
PERSON_DISABLED = "engagement.person.disabled"
PERSON_SIGNED_OUT = "engagement.person.signed_out"
COMPANY_UPDATED = "engagement.company.updated"
PREFERENCES_UPDATED = "engagement.preferences.updated"
# The notifier writes the e-mails; these carry the single-use link it must put in them.
EMAIL_VERIFICATION_REQUESTED = "engagement.email_verification.requested"
PASSWORD_RESET_REQUESTED = "engagement.password_reset.requested"
INVITATION_SENT = "engagement.invitation.sent"
PROPOSAL_SENT = "engagement.proposal.sent"
MISSION_SHARED = "engagement.mission.shared"


class PersonData(Schema):
    person_id = fields.String(required=True)
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    last_name = fields.String(required=True)
    company_id = fields.String(allow_none=True, required=True)
    entity_id = fields.String(allow_none=True, required=True)
    entity_name = fields.String(allow_none=True, required=True)
    roles = fields.List(fields.String(), required=True)
    association_ids = fields.List(fields.String(), required=True)
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


class CutoffData(Schema):
    person_id = fields.String(required=True)
    not_before = fields.AwareDateTime(required=True)


class DisabledData(CutoffData):
    disabled_at = fields.AwareDateTime(required=True)
    # The address the person held (a deletion anonymises it in the same transaction): approval stops the links sent to it.
    email = fields.String(required=True)


class EntityData(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class CompanyData(Schema):
    company_id = fields.String(required=True)
    name = fields.String(required=True)
    head_office_address = fields.String(required=True)
    siren = fields.String(required=True)
    rcs = fields.String(required=True)
    representative_name = fields.String(required=True)
    representative_title = fields.String(required=True)
    days_per_year = fields.Float(required=True)
    end_of_career_enabled = fields.Boolean(required=True)
    uses_sso = fields.Boolean(required=True)
    email_domains = fields.List(fields.String(), required=True)
    entities = fields.List(fields.Nested(EntityData), required=True)
    updated_at = fields.AwareDateTime(required=True)


class PreferencesData(Schema):
    person_id = fields.String(required=True)
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    company_id = fields.String(allow_none=True, required=True)
    professional_expertises = fields.List(fields.String(), required=True)
    personal_expertises = fields.List(fields.String(), required=True)
    themes = fields.List(fields.String(), required=True)
    alerts_opt_in = fields.Boolean(required=True)
    quiz_opt_in = fields.Boolean(required=True)
    updated_at = fields.AwareDateTime(required=True)


class LinkData(Schema):
    person_id = fields.String(required=True)
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    link = fields.String(required=True)
    expires_at = fields.AwareDateTime(required=True)


class InvitationData(LinkData):
    invited_by = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)
    company_name = fields.String(allow_none=True, required=True)


def _person_payload(person: Person, entity_name: str | None, at: datetime) -> dict:
    return PersonData().dump(
        {
            "person_id": person.id,
            "email": person.email,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "company_id": person.company_id,
            "entity_id": person.entity_id,
            "entity_name": entity_name,
            "roles": person.role_names,
            "association_ids": person.association_ids,
            "status": person.status,
            "at": at,
        }
    )


def person_registered(uow: UnitOfWork, person: Person, entity_name: str | None, at: datetime) -> None:
    uow.publish(PERSON_REGISTERED, person.id, _person_payload(person, entity_name, at))


def person_updated(uow: UnitOfWork, person: Person, entity_name: str | None, at: datetime) -> None:
    uow.publish(PERSON_UPDATED, person.id, _person_payload(person, entity_name, at))


def person_signed_out(uow: UnitOfWork, person_id: str, not_before: datetime) -> None:
    uow.publish(PERSON_SIGNED_OUT, person_id, CutoffData().dump({"person_id": person_id, "not_before": not_before}))


def person_disabled(uow: UnitOfWork, person_id: str, email: str, not_before: datetime) -> None:
    uow.publish(PERSON_DISABLED, person_id, DisabledData().dump(
        {"person_id": person_id, "email": email, "not_before": not_before, "disabled_at": not_before}))


def company_updated(uow: UnitOfWork, company: Company) -> None:
    uow.publish(
        COMPANY_UPDATED,
        company.id,
        CompanyData().dump(
            {
                "company_id": company.id,
                "name": company.name,
                "head_office_address": company.head_office_address,
                "siren": company.siren,
                "rcs": company.rcs,
                "representative_name": company.representative_name,
                "representative_title": company.representative_title,
                "days_per_year": float(company.days_per_year),
                "end_of_career_enabled": company.end_of_career_enabled,
                "uses_sso": company.uses_sso,
                "email_domains": [d.domain for d in company.domains],
                "entities": [{"id": e.id, "name": e.name} for e in company.entities],
                "updated_at": company.updated_at,
            }
        ),
    )


def preferences_updated(uow: UnitOfWork, person: Person, preferences: Preferences) -> None:
    uow.publish(
        PREFERENCES_UPDATED,
        person.id,
        PreferencesData().dump(
            {
                "person_id": person.id,
                "email": person.email,
                "first_name": person.first_name,
                "company_id": person.company_id,
                "professional_expertises": preferences.professional_expertises,
                "personal_expertises": preferences.personal_expertises,
                "themes": preferences.themes,
                "alerts_opt_in": preferences.alerts_opt_in,
                "quiz_opt_in": bool(preferences.quiz_opt_in),
                "updated_at": preferences.updated_at,
            }
        ),
    )


def link_sent(uow: UnitOfWork, type: str, person: Person, link: str, expires_at: datetime) -> None:
    uow.publish(type, person.id, LinkData().dump(
        {"person_id": person.id, "email": person.email, "first_name": person.first_name, "link": link, "expires_at": expires_at}
    ))


def invitation_sent(uow: UnitOfWork, person: Person, link: str, expires_at: datetime, invited_by: str, company_name: str | None) -> None:
    uow.publish(INVITATION_SENT, person.id, InvitationData().dump(
        {"person_id": person.id, "email": person.email, "first_name": person.first_name, "link": link, "expires_at": expires_at,
         "invited_by": invited_by, "roles": person.role_names, "company_name": company_name}
    ))


class ProposalData(Schema):
    proposal_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    person_phone = fields.String(allow_none=True, required=True)
    company_name = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    association_email = fields.String(required=True)
    association_contact_name = fields.String(allow_none=True, required=True)
    message = fields.String(required=True)


class MissionSharedData(Schema):
    person_id = fields.String(required=True)
    sender_name = fields.String(required=True)
    sender_email = fields.String(required=True)
    recipients = fields.List(fields.String(), required=True)
    message = fields.String(allow_none=True, required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)


def proposal_sent(uow: UnitOfWork, proposal_id: str, data: dict) -> None:
    uow.publish(PROPOSAL_SENT, proposal_id, ProposalData().dump({"proposal_id": proposal_id, **data}))


def mission_shared(uow: UnitOfWork, data: dict) -> None:
    uow.publish(MISSION_SHARED, data["mission_id"], MissionSharedData().dump(data))


# -- the mission workflow (docs/workflow-events.md) ---------------------------------------------

APPLICATION_SUBMITTED = "engagement.application.submitted"
DATES_REQUESTED = "engagement.dates.requested"
DATES_CANCELLED = "engagement.dates.cancelled"
MANAGER_LOST_ACCESS = "engagement.dates.manager_lost_access"
MANAGER_ACCESS_RESTORED = "engagement.dates.manager_access_restored"
ATTENDANCE_ATTESTED = "engagement.attendance.attested"
# The association changed a day's presence on a participation whose attendance was already complete (attested).
ATTENDANCE_CORRECTED = "engagement.attendance.corrected"
BILAN_COMPLETED = "engagement.bilan.completed"
REMINDER_DUE = "engagement.reminder.due"
# The company's policy lets employees send date requests to another manager of the company, its admins being told.
OTHER_MANAGER_NAMED = "engagement.dates.other_manager_named"


class DayData(Schema):
    date = fields.Date(required=True)
    format = fields.String(required=True)


class AttendedDayData(DayData):
    present = fields.Boolean(required=True)


class ApplicationSubmittedData(Schema):
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    person_phone = fields.String(required=True)
    company_name = fields.String(required=True)
    entity_name = fields.String(allow_none=True, required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)
    association_name = fields.String(required=True)
    referent_name = fields.String(allow_none=True, required=True)
    referent_email = fields.String(required=True)
    referent_phone = fields.String(allow_none=True, required=True)
    message = fields.String(required=True)
    year = fields.Integer(required=True)
    submitted_at = fields.AwareDateTime(required=True)


class DatesRequestedData(Schema):
    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    manager_email = fields.String(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    kind = fields.String(required=True)
    dates = fields.List(fields.Nested(DayData), required=True)
    # Asked under the end-of-career allowance (one day a week): impact counts these days apart.
    end_of_career = fields.Boolean(required=True)
    message = fields.String(required=True)
    requested_at = fields.AwareDateTime(required=True)


class DatesCancelledData(Schema):
    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    manager_email = fields.String(required=True)
    mission_title = fields.String(required=True)
    dates = fields.List(fields.Nested(DayData), required=True)
    reason = fields.String(required=True)
    cancelled_at = fields.AwareDateTime(required=True)
    # False when the manager lost access to Tandem (disabled, or their account deleted): nobody is e-mailed at an
    # address that may be someone else's now.
    tell_manager = fields.Boolean(required=True)


class _WaitingRequestData(Schema):
    """A pending request, as the employee's e-mail about its manager's access tells it."""

    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    manager_email = fields.String(required=True)
    mission_title = fields.String(required=True)
    dates = fields.List(fields.Nested(DayData), required=True)
    requested_at = fields.AwareDateTime(required=True)


class ManagerLostAccessData(_WaitingRequestData):
    lost_at = fields.AwareDateTime(required=True)


class ManagerAccessRestoredData(_WaitingRequestData):
    restored_at = fields.AwareDateTime(required=True)


class AttendanceAttestedData(Schema):
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    dates = fields.List(fields.Nested(AttendedDayData), required=True)
    days_present = fields.Float(required=True)
    attested_at = fields.AwareDateTime(required=True)


class BilanAnswersData(Schema):
    relevance = fields.String(required=True)
    welcome = fields.String(required=True)
    welcome_reasons = fields.String(allow_none=True, required=True)
    expertise_match = fields.String(required=True)
    expertise_gap = fields.String(allow_none=True, required=True)
    advice_to_colleague = fields.String(required=True)
    would_do_again = fields.String(required=True)


class BilanCompletedData(Schema):
    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    days_present = fields.Float(required=True)
    # The days the association attested present, in calendar order: documents' « attestation de mission » lists them.
    dates = fields.List(fields.Nested(DayData), required=True)
    answers = fields.Nested(BilanAnswersData, required=True)
    completed_at = fields.AwareDateTime(required=True)


class ReminderDueData(Schema):
    reminder_id = fields.String(required=True)
    kind = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_email = fields.String(required=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)
    referent_name = fields.String(allow_none=True, required=True)
    referent_email = fields.String(allow_none=True, required=True)
    period = fields.String(required=True)
    due_since = fields.AwareDateTime(required=True)


class OtherManagerNamedData(Schema):
    request_id = fields.String(required=True)
    company_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.String(required=True)
    manager_email = fields.String(required=True)
    recorded_manager_email = fields.String(allow_none=True, required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    dates = fields.List(fields.Nested(DayData), required=True)
    requested_at = fields.AwareDateTime(required=True)
    admin_emails = fields.List(fields.String(), required=True)


def application_submitted(uow: UnitOfWork, data: dict) -> None:
    uow.publish(APPLICATION_SUBMITTED, data["participation_id"], ApplicationSubmittedData().dump(data))


def dates_requested(uow: UnitOfWork, data: dict) -> None:
    uow.publish(DATES_REQUESTED, data["request_id"], DatesRequestedData().dump(data))


def manager_lost_access(uow: UnitOfWork, data: dict) -> None:
    """A pending request's manager was disabled or deleted: nobody can decide it now; the notifier tells the employee."""
    uow.publish(MANAGER_LOST_ACCESS, data["request_id"], ManagerLostAccessData().dump(data))


def manager_access_restored(uow: UnitOfWork, data: dict) -> None:
    """That manager was enabled again: they can decide the request again; the notifier tells the employee."""
    uow.publish(MANAGER_ACCESS_RESTORED, data["request_id"], ManagerAccessRestoredData().dump(data))


def dates_cancelled(uow: UnitOfWork, data: dict) -> None:
    uow.publish(DATES_CANCELLED, data["request_id"], DatesCancelledData().dump(data))


def attendance_attested(uow: UnitOfWork, data: dict) -> None:
    uow.publish(ATTENDANCE_ATTESTED, data["participation_id"], AttendanceAttestedData().dump(data))


def attendance_corrected(uow: UnitOfWork, data: dict) -> None:
    """The same payload as the attestation: the participation's attendance as it now stands."""
    uow.publish(ATTENDANCE_CORRECTED, data["participation_id"], AttendanceAttestedData().dump(data))


def bilan_completed(uow: UnitOfWork, data: dict) -> None:
    uow.publish(BILAN_COMPLETED, data["participation_id"], BilanCompletedData().dump(data))


def reminder_due(uow: UnitOfWork, data: dict) -> None:
    uow.publish(REMINDER_DUE, data["participation_id"], ReminderDueData().dump(data))


def other_manager_named(uow: UnitOfWork, data: dict) -> None:
    uow.publish(OTHER_MANAGER_NAMED, data["request_id"], OtherManagerNamedData().dump(data))
