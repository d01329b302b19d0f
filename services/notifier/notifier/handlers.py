"""How the notifier reacts to other services' events: it queues the e-mails an event calls for, and keeps
the copy of alert subscriptions that tells it whom a new mission interests. The mission workflow's e-mails
are in `workflow.py`; `subscriptions(settings)` gathers every handler in one table."""
from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler, apply_cutoff

from . import alerts, domain, workflow
from .mailbox import queue_email
from .models import token_cutoffs
from .templates import paris_time, render

log = logging.getLogger(__name__)


class MissionPublished(EventData):
    """The notifier's narrow reading of `catalog.mission.published`.

    What alerts need (themes, expertises, place, companies) came with the catalog's extension: read as
    optional, an older event still reaches the association contact and alerts nobody.
    """

    id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    title = fields.String(required=True)
    association_name = fields.String(required=True)
    contact_email = fields.Email(required=True)
    url = fields.String(required=True)
    association_id = fields.String(allow_none=True, load_default=None)
    themes = fields.List(fields.String(), load_default=list)
    professional_expertises = fields.List(fields.String(), load_default=list)
    personal_expertises = fields.List(fields.String(), load_default=list)
    format = fields.String(allow_none=True, load_default=None)
    city = fields.String(allow_none=True, load_default=None)
    department = fields.String(allow_none=True, load_default=None)
    region = fields.String(allow_none=True, load_default=None)
    # Absent means "not said": nobody is alerted rather than employees of companies it may not be open to.
    open_to_all_companies = fields.Boolean(load_default=False)
    company_ids = fields.List(fields.String(), load_default=list)
    published_at = fields.AwareDateTime(allow_none=True, load_default=None)


def on_mission_published(event: Event, uow: UnitOfWork) -> None:
    """Tell the association contact that the mission is online, and alert each matching subscriber once."""
    mission = MissionPublished.of(event)
    queue_email(
        uow,
        event,
        recipient=mission["contact_email"],
        subject=f"Ta mission « {mission['title']} » est en ligne sur Tandem",
        body_text=render("mission_published.txt", **mission),
    )
    values = {
        **mission,
        "place": domain.place_label(mission["city"], mission["department"]),
        "format_label": domain.MISSION_FORMAT_LABELS.get(mission["format"] or ""),
    }
    if not domain.publication_is_news(mission["published_at"], datetime.fromisoformat(event.time.replace("Z", "+00:00"))):
        log.info("mission %s was published on %s: old news, no alert", mission["id"], mission["published_at"])
        return
    for subscriber in alerts.subscribers_to_alert(uow.session, mission):
        # The (person, mission) record, not the event id, is what stops a republished mission from alerting twice.
        if alerts.claim_alert(uow.session, subscriber.person_id, mission["id"], event.id):
            queue_email(
                uow,
                event,
                recipient=subscriber.email,
                subject=f"Une nouvelle mission correspond à tes préférences : « {mission['title']} »",
                body_text=render("mission_alert.txt", **values, first_name=subscriber.first_name),
            )


class LinkRequested(EventData):
    """The notifier's reading of engagement's single-use link events (verification, reset, invitation)."""

    email = fields.Email(required=True)
    first_name = fields.String(required=True)
    link = fields.Url(required=True, require_tld=False)
    expires_at = fields.AwareDateTime(required=True)


class InvitationSent(LinkRequested):
    invited_by = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)
    company_name = fields.String(allow_none=True, load_default=None)


ROLE_LABELS = {
    "employee": "collaborateur",
    "association_referent": "référent d'association",
    "company_admin": "responsable de l'engagement",
    "platform_operator": "opérateur de la plateforme",
}


def _link_values(data: dict) -> dict:
    # Names are typed by whoever signs up or invites, and reach someone else's mailbox: text, never links.
    names = {key: domain.unlinked(data[key]) for key in ("first_name", "invited_by") if key in data}
    return {**data, **names, "expires_at": paris_time(data["expires_at"])}


def on_email_verification_requested(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(LinkRequested.of(event))
    queue_email(uow, event, recipient=data["email"], subject="Finalise ton inscription sur Tandem",
                body_text=render("email_verification.txt", **data))


def on_password_reset_requested(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(LinkRequested.of(event))
    queue_email(uow, event, recipient=data["email"], subject="Choisis un nouveau mot de passe Tandem",
                body_text=render("password_reset.txt", **data))


def on_invitation_sent(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(InvitationSent.of(event))
    roles = ", ".join(ROLE_LABELS.get(role, role) for role in data["roles"])
    queue_email(uow, event, recipient=data["email"], subject="Tu es invité·e à rejoindre Tandem",
                body_text=render("invitation.txt", **{**data, "roles": roles}))


class PersonDisabled(EventData):
    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    not_before = fields.AwareDateTime(required=True)
    disabled_at = fields.AwareDateTime(allow_none=True, load_default=None)


def on_person_disabled(event: Event, uow: UnitOfWork) -> None:
    """The account was disabled: every token issued before `not_before` is refused here too, and alerts stop."""
    apply_cutoff(uow.session, token_cutoffs, event.data)
    data = PersonDisabled.of(event)
    alerts.record_disabled(uow.session, data["person_id"], data["disabled_at"] or data["not_before"])


class PreferencesUpdated(EventData):
    """The notifier's reading of `engagement.preferences.updated`: what its alert subscriptions copy."""

    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    email = fields.Email(required=True)
    first_name = fields.String(required=True, validate=validate.Length(max=100))
    company_id = fields.String(required=True, allow_none=True, validate=validate.Length(max=36))
    themes = fields.List(fields.String(), required=True)
    professional_expertises = fields.List(fields.String(), required=True)
    personal_expertises = fields.List(fields.String(), required=True)
    alerts_opt_in = fields.Boolean(required=True)
    # Came with the quiz: an older event means "not asked", which is off.
    quiz_opt_in = fields.Boolean(load_default=False)
    updated_at = fields.AwareDateTime(required=True)


def on_preferences_updated(event: Event, uow: UnitOfWork) -> None:
    """Keep the copy of the person's preferences; an older event never overwrites a newer copy."""
    alerts.record_preferences(uow.session, PreferencesUpdated.of(event))


class PersonUpdated(EventData):
    """The notifier's reading of `engagement.person.updated`: the address alerts go to, and whether to send any."""

    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    # Not fields.Email: a deleted account's anonymised address must not make the event undeliverable.
    email = fields.String(required=True, validate=validate.Length(max=254))
    first_name = fields.String(required=True, validate=validate.Length(max=100))
    company_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=36))
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


def on_person_updated(event: Event, uow: UnitOfWork) -> None:
    """A new address or first name is used from now on; a status other than active stops alerts."""
    alerts.record_person(uow.session, PersonUpdated.of(event))


class MissionShared(EventData):
    """The notifier's reading of `engagement.mission.shared` ("Partager par e-mail" on a mission sheet)."""

    person_id = fields.String(required=True)
    sender_name = fields.String(required=True, validate=validate.Length(min=1))
    sender_email = fields.Email(required=True)
    # Ten at most, as engagement promises: a bug upstream must not turn the notifier into a mass mailer.
    recipients = fields.List(fields.Email(), required=True, validate=validate.Length(min=1, max=10))
    message = fields.String(allow_none=True, load_default=None)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)


def on_mission_shared(event: Event, uow: UnitOfWork) -> None:
    """One e-mail per recipient, with the sender's message; sharing to oneself reads as a note to self."""
    share = MissionShared.of(event)
    # What the sender typed (their name too) reaches the recipients as text, never as a link (`domain.unlinked`).
    values = {**share, "sender_name": domain.unlinked(share["sender_name"]), "message": domain.quoted(share["message"])}
    sender = share["sender_email"].strip().lower()
    for recipient in dict.fromkeys(address.strip().lower() for address in share["recipients"]):
        if recipient == sender:
            subject = f"Tu t'es envoyé la mission « {share['mission_title']} »"
            body = render("mission_shared_to_self.txt", **values)
        else:
            subject = f"{share['sender_name']} te propose une mission sur Tandem"
            body = render("mission_shared.txt", **values)
        queue_email(uow, event, recipient=recipient, subject=subject, body_text=body)


class ProposalSent(EventData):
    """The notifier's reading of `engagement.proposal.sent` ("Je propose mes compétences")."""

    proposal_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True, validate=validate.Length(min=1))
    person_email = fields.Email(required=True)
    person_phone = fields.String(allow_none=True, load_default=None)
    company_name = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    association_email = fields.Email(required=True)
    association_contact_name = fields.String(allow_none=True, load_default=None)
    message = fields.String(required=True)


def on_proposal_sent(event: Event, uow: UnitOfWork) -> None:
    """The association gets the employee's message and contact; the employee gets the association's contact."""
    proposal = ProposalSent.of(event)
    values = {**proposal, "person_name": domain.unlinked(proposal["person_name"]), "person_phone": domain.unlinked(proposal["person_phone"]),
              "message": domain.quoted(proposal["message"])}
    queue_email(
        uow, event, recipient=proposal["association_email"],
        subject=f"{proposal['person_name']}, de {proposal['company_name']}, propose ses compétences à ton association",
        body_text=render("proposal_to_association.txt", **values),
    )
    queue_email(
        uow, event, recipient=proposal["person_email"],
        subject=f"Ta proposition est envoyée à l'association « {proposal['association_name']} »",
        body_text=render("proposal_to_employee.txt", **values),
    )


class QuizOpened(EventData):
    """The notifier's reading of `quiz.quiz.opened`."""

    quiz_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    title = fields.String(required=True)
    first_question = fields.String(required=True)
    closes_on = fields.Date(required=True)
    open_to_all_companies = fields.Boolean(required=True)
    company_ids = fields.List(fields.String(), required=True)
    url = fields.String(required=True)


def on_quiz_opened(event: Event, uow: UnitOfWork) -> None:
    """« Le nouveau quiz est en ligne », once per person and quiz, to the opted-in active people it is for."""
    quiz = QuizOpened.of(event)
    values = {**quiz, "closes_on": domain.french_date(quiz["closes_on"])}
    for subscriber in alerts.quiz_subscribers(uow.session, quiz):
        if alerts.claim_quiz_notice(uow.session, subscriber.person_id, quiz["quiz_id"], event.id):
            queue_email(
                uow, event, recipient=subscriber.email,
                subject=f"Le nouveau quiz est en ligne : « {quiz['title']} »",
                body_text=render("quiz_opened.txt", **values, first_name=subscriber.first_name),
                body_html=render("quiz_opened.html", **values, first_name=subscriber.first_name),
            )


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `notifier`).

    The workflow's e-mails link to « Mon compte » under the public URL: those handlers receive it.
    """
    # A cut-off event: tokens issued before it are refused here too (being disabled also stops alerts).
    record_cutoff = CutoffHandler(token_cutoffs)

    def with_url(handler: Handler) -> Handler:
        return partial(handler, public_url=settings.public_url)

    return {
        "catalog.mission.published": on_mission_published,
        "engagement.person.signed_out": record_cutoff,
        "engagement.person.disabled": on_person_disabled,
        "engagement.email_verification.requested": on_email_verification_requested,
        "engagement.password_reset.requested": on_password_reset_requested,
        "engagement.invitation.sent": on_invitation_sent,
        "engagement.preferences.updated": on_preferences_updated,
        "engagement.person.updated": on_person_updated,
        "engagement.mission.shared": on_mission_shared,
        "engagement.proposal.sent": on_proposal_sent,
        "quiz.quiz.opened": on_quiz_opened,
        workflow.APPLICATION_SUBMITTED: with_url(workflow.on_application_submitted),
        workflow.REQUEST_CREATED: with_url(workflow.on_request_created),
        workflow.REQUEST_APPROVED: with_url(workflow.on_request_approved),
        workflow.REQUEST_REFUSED: with_url(workflow.on_request_refused),
        workflow.DATES_CANCELLED: workflow.on_dates_cancelled,
        workflow.ATTENDANCE_ATTESTED: with_url(workflow.on_attendance_attested),
        workflow.ATTENDANCE_CORRECTED: with_url(workflow.on_attendance_corrected),
        workflow.MANAGER_LOST_ACCESS: with_url(workflow.on_manager_lost_access),
        workflow.MANAGER_ACCESS_RESTORED: with_url(workflow.on_manager_access_restored),
        workflow.BILAN_COMPLETED: with_url(workflow.on_bilan_completed),
        workflow.REMINDER_DUE: with_url(workflow.on_reminder_due),
        workflow.REQUEST_REMINDED: with_url(workflow.on_request_reminded),
        workflow.CONVENTION_ISSUED: with_url(workflow.on_convention_issued),
        workflow.OTHER_MANAGER_NAMED: with_url(workflow.on_other_manager_named),
        workflow.RECEIPT_OUTDATED: with_url(workflow.on_receipt_outdated),
    }
