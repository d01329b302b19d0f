"""How the notifier reacts to other services' events: each handler queues the e-mails an event calls for."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import apply_cutoff

from .mailbox import queue_email
from .models import token_cutoffs
from .templates import paris_time, render


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


class LinkRequested(Schema):
    """The notifier's reading of engagement's single-use link events (verification, reset, invitation)."""

    class Meta:
        unknown = EXCLUDE

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
    return {**data, "expires_at": paris_time(data["expires_at"])}


def on_email_verification_requested(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(LinkRequested().load(event.data))
    queue_email(uow, event, recipient=data["email"], subject="Finalise ton inscription sur Tandem",
                body_text=render("email_verification.txt", **data))


def on_password_reset_requested(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(LinkRequested().load(event.data))
    queue_email(uow, event, recipient=data["email"], subject="Choisis un nouveau mot de passe Tandem",
                body_text=render("password_reset.txt", **data))


def on_invitation_sent(event: Event, uow: UnitOfWork) -> None:
    data = _link_values(InvitationSent().load(event.data))
    roles = ", ".join(ROLE_LABELS.get(role, role) for role in data["roles"])
    queue_email(uow, event, recipient=data["email"], subject="Tu es invité·e à rejoindre Tandem",
                body_text=render("invitation.txt", **{**data, "roles": roles}))


def on_person_signed_out(event: Event, uow: UnitOfWork) -> None:
    """The person signed out: the tokens they got before `not_before` are refused here too."""
    apply_cutoff(uow.session, token_cutoffs, event.data)


def on_person_disabled(event: Event, uow: UnitOfWork) -> None:
    """The account was disabled: every token issued before `not_before` is refused here too."""
    apply_cutoff(uow.session, token_cutoffs, event.data)


SUBSCRIPTIONS: dict[str, Handler] = {
    "catalog.mission.published": on_mission_published,
    "engagement.person.signed_out": on_person_signed_out,
    "engagement.person.disabled": on_person_disabled,
    "engagement.email_verification.requested": on_email_verification_requested,
    "engagement.password_reset.requested": on_password_reset_requested,
    "engagement.invitation.sent": on_invitation_sent,
}
