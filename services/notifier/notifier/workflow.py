"""The e-mails of the mission workflow (issues 5 and 6, `docs/workflow-events.md`): applying, the manager's request and
decision, withdrawing, « Signe ta convention », attendance, the bilan and the reminders; and the yearly bundle's
receipt data the association must confirm again.

Each handler reads its event with a narrow marshmallow schema (unknown fields are ignored, so producers may add
some) and queues one e-mail per recipient with `queue_email`, in the inbox transaction: a redelivered event, a
reminder included, finds its (event id, recipient) pair and sends nothing more.
A handler whose e-mail links to the site takes `public_url`, which `handlers.subscriptions` binds from the
settings with `functools.partial`, as every service binds a setting its handlers need.

The manager's action link is a secret: it goes into the e-mail body and nowhere else (never into a log line, a
subject or an exception message).
"""
from __future__ import annotations

import logging
from typing import Any

from marshmallow import fields, validate

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import UnitOfWork

from . import domain, ics
from .mailbox import attachment, queue_email
from .templates import paris_date, paris_time, render

APPLICATION_SUBMITTED = "engagement.application.submitted"
REQUEST_CREATED = "approval.request.created"
REQUEST_APPROVED = "approval.request.approved"
REQUEST_REFUSED = "approval.request.refused"
DATES_CANCELLED = "engagement.dates.cancelled"
ATTENDANCE_ATTESTED = "engagement.attendance.attested"
ATTENDANCE_CORRECTED = "engagement.attendance.corrected"
BILAN_COMPLETED = "engagement.bilan.completed"
REMINDER_DUE = "engagement.reminder.due"
REQUEST_REMINDED = "approval.request.reminded"
CONVENTION_ISSUED = "documents.convention.issued"
OTHER_MANAGER_NAMED = "engagement.dates.other_manager_named"
RECEIPT_OUTDATED = "impact.receipt.outdated"

log = logging.getLogger(__name__)
MANAGER_LOST_ACCESS = "engagement.dates.manager_lost_access"
MANAGER_ACCESS_RESTORED = "engagement.dates.manager_access_restored"

FORMATS = list(domain.DAY_FORMAT_LABELS)



class MissionDate(EventData):
    date = fields.Date(required=True)
    format = fields.String(required=True, validate=validate.OneOf(FORMATS))


class AttestedDate(MissionDate):
    present = fields.Boolean(required=True)


def _dates(attested: bool = False) -> fields.List:
    return fields.List(fields.Nested(AttestedDate if attested else MissionDate), required=True, validate=validate.Length(min=1))


def _optional() -> fields.String:
    return fields.String(allow_none=True, load_default=None)


class ApplicationSubmitted(EventData):
    """`engagement.application.submitted`: step 1, « Je postule »."""

    participation_id = fields.String(required=True)
    person_id = fields.String(required=True)
    person_name = fields.String(required=True, validate=validate.Length(min=1))
    person_email = fields.Email(required=True)
    person_phone = _optional()
    company_name = fields.String(required=True)
    entity_name = _optional()
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)
    association_name = fields.String(required=True)
    referent_name = fields.String(required=True)
    referent_email = fields.Email(required=True)
    referent_phone = _optional()
    message = _optional()
    year = fields.Integer(required=True)


class RequestCreated(EventData):
    """`approval.request.created`: the manager's request, with the single-use action link."""

    request_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    manager_email = fields.Email(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["initial", "additional"]))
    dates = _dates()
    message = _optional()
    action_link = fields.Url(required=True, require_tld=False)
    link_expires_at = fields.AwareDateTime(required=True)
    # Absent from the events approval published before it said it.
    accept_until = fields.Date(load_default=None)


class RequestDecided(EventData):
    """`approval.request.approved` and `approval.request.refused`."""

    request_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["initial", "additional"]))
    dates = _dates()
    decided_at = fields.AwareDateTime(required=True)
    reason = _optional()


class DatesCancelled(EventData):
    """`engagement.dates.cancelled`: a pending request cancelled, or a withdrawal before the dates."""

    request_id = fields.String(required=True)
    person_name = fields.String(required=True)
    manager_email = fields.Email(required=True)
    mission_title = fields.String(required=True)
    dates = _dates()
    reason = fields.String(required=True, validate=validate.OneOf(["cancelled", "withdrawn"]))
    # Events published before it was added carry none: the manager was told then.
    tell_manager = fields.Boolean(load_default=True)


class ManagerLostAccess(EventData):
    """`engagement.dates.manager_lost_access`: the manager a pending request went to was disabled or deleted. Also
    `engagement.dates.manager_access_restored`, the same data when that manager is enabled again."""

    request_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    manager_email = fields.String(required=True)
    mission_title = fields.String(required=True)
    dates = _dates()
    requested_at = fields.AwareDateTime(required=True)


class AttendanceAttested(EventData):
    """`engagement.attendance.attested`: every past approved date attested; step 4 unlocks. Also
    `engagement.attendance.corrected`, the same data after the association changed an attested date."""

    participation_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    dates = _dates(attested=True)
    days_present = fields.Decimal(required=True, as_string=False)


class BilanCompleted(EventData):
    """`engagement.bilan.completed`: step 4 done, the year's participation is closed."""

    participation_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    mission_id = fields.String(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    days_present = fields.Decimal(required=True, as_string=False)


APPLICATION_WITHOUT_DATES = "application_without_dates"
BILAN_PENDING = "bilan_pending"


class ReminderDue(EventData):
    """`engagement.reminder.due`: a nudge to the employee, once per reminder and period."""

    reminder_id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf([APPLICATION_WITHOUT_DATES, BILAN_PENDING]))
    participation_id = fields.String(required=True)
    person_email = fields.Email(required=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    mission_url = fields.String(required=True)
    referent_name = _optional()
    referent_email = fields.Email(allow_none=True, load_default=None)
    period = fields.String(required=True)


class RequestReminded(EventData):
    """`approval.request.reminded`: a request still pending; carries a fresh link (the previous one stopped)."""

    request_id = fields.String(required=True)
    manager_email = fields.Email(required=True)
    person_name = fields.String(required=True)
    mission_title = fields.String(required=True)
    dates = _dates()
    action_link = fields.Url(required=True, require_tld=False)
    link_expires_at = fields.AwareDateTime(required=True)
    accept_until = fields.Date(load_default=None)
    period = fields.String(required=True)


class ConventionIssued(EventData):
    """`documents.convention.issued`: a version of the convention to sign (v1 on the first approval, v2… after new dates)."""

    convention_id = fields.String(required=True)
    participation_id = fields.String(required=True)
    person_name = fields.String(required=True, validate=validate.Length(min=1))
    person_email = fields.Email(required=True)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    year = fields.Integer(required=True)
    version = fields.Integer(required=True, validate=validate.Range(min=1))
    dates = _dates()
    total_days = fields.Decimal(required=True, as_string=False)
    # Goes behind a button: only a web address, never a javascript: or data: one.
    sign_url = fields.Url(required=True, require_tld=False, schemes={"http", "https"})


class OtherManagerNamed(EventData):
    """`engagement.dates.other_manager_named`: a request sent to someone other than the recorded manager, for the admins."""

    request_id = fields.String(required=True)
    person_name = fields.String(required=True)
    person_email = fields.Email(required=True)
    manager_email = fields.Email(required=True)
    recorded_manager_email = fields.Email(allow_none=True, load_default=None)
    mission_title = fields.String(required=True)
    association_name = fields.String(required=True)
    dates = _dates()
    admin_emails = fields.List(fields.Email(), required=True)


class ReceiptOutdated(EventData):
    """`impact.receipt.outdated`: the receipt data the association confirmed for a company's year no longer match, because
    the company changed what values it, a person who gave days changed, or the days did (no amount: the association
    reads the new one on its page)."""

    receipt_id = fields.String(required=True)
    year = fields.Integer(required=True)
    receipt_number = fields.String(required=True)
    company_id = fields.String(required=True)
    company_name = fields.String(required=True)
    association_id = fields.String(required=True)
    association_name = fields.String(required=True)
    # Null for an association impact knew before it kept the address: nobody to e-mail.
    association_email = fields.Email(allow_none=True, load_default=None)
    confirmed_at = fields.AwareDateTime(required=True)
    # Events published before impact said why were all about the valuation (a pay import, a daily cost).
    because = fields.String(load_default="valuation", validate=validate.OneOf(["valuation", "person", "attendance"]))


def _date_values(dates: list[dict[str, Any]]) -> dict[str, Any]:
    return {"date_labels": domain.dated_labels(dates), "total": domain.days_label(domain.days_count(dates))}


def _link_values(request: dict[str, Any]) -> dict[str, Any]:
    """Until when the manager's link works, and, when it outlives it, the last day the request may still be accepted
    (a date passed, it may only be refused): « valable jusqu'au 21 décembre » alone, after dates of 9 and 10 December,
    would tell the manager they have until the 21st."""
    accept_until = request.get("accept_until")
    link_ends_on = paris_date(request["link_expires_at"])
    return {
        "expires_at": paris_time(request["link_expires_at"]),
        "accept_until": domain.long_date(accept_until) if accept_until and accept_until < link_ends_on else None,
    }


def account_url(public_url: str) -> str:
    """« Mon compte », where every workflow e-mail sends its reader (the notifier's public URL)."""
    return f"{public_url.rstrip('/')}/mon-compte"


def mission_url(public_url: str, mission_id: str) -> str:
    # The mission sheet's address, as catalog writes it in its events.
    return f"{public_url.rstrip('/')}/missions/{mission_id}"


def on_application_submitted(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The referent gets the application and the employee's contact; the employee gets the referent's contact."""
    application = ApplicationSubmitted.of(event)
    values = {**application, "message": domain.quoted(application["message"]), "account_url": account_url(public_url)}
    queue_email(
        uow, event, recipient=application["referent_email"],
        subject=f"Nouvelle candidature de {application['person_name']} pour ta mission « {application['mission_title']} »",
        body_text=render("application_to_referent.txt", **values),
    )
    queue_email(
        uow, event, recipient=application["person_email"],
        subject=f"Ta candidature est envoyée : « {application['mission_title']} »",
        body_text=render("application_to_employee.txt", **values),
    )


def on_request_created(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """« Demande d'absence à valider »: the manager gets the dates, the message and the single-use link."""
    request = RequestCreated.of(event)
    queue_email(
        uow, event, recipient=request["manager_email"],
        subject=f"Demande d'absence à valider : {request['person_name']}, mission « {request['mission_title']} »",
        body_text=render("request_to_manager.txt", **{
            **request, **_date_values(request["dates"]), **_link_values(request), "message": domain.quoted(request["message"]),
            "account_url": account_url(public_url),
        }),
    )


def on_request_approved(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """« Tes dates sont validées », with the dates as an .ics calendar invitation."""
    decision = RequestDecided.of(event)
    calendar = ics.approved_dates_calendar(
        request_id=decision["request_id"], mission_title=decision["mission_title"],
        association_name=decision["association_name"], dates=decision["dates"],
        decided_at=decision["decided_at"], account_url=account_url(public_url),
    )
    queue_email(
        uow, event, recipient=decision["person_email"],
        subject=f"Tes dates sont validées : mission « {decision['mission_title']} »",
        body_text=render("request_approved.txt", **decision, **_date_values(decision["dates"]),
                         account_url=account_url(public_url), ics_filename=ics.FILENAME),
        attachments=[attachment(ics.FILENAME, ics.CONTENT_TYPE, calendar)],
    )


def on_request_refused(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The employee gets the manager's reason, if any, and may make a new request from « Mon compte »."""
    decision = RequestDecided.of(event)
    queue_email(
        uow, event, recipient=decision["person_email"],
        subject=f"Ta demande d'absence pour la mission « {decision['mission_title']} » n'est pas validée",
        body_text=render("request_refused.txt", **{
            **decision, **_date_values(decision["dates"]), "reason": domain.quoted(decision["reason"]),
            "account_url": account_url(public_url),
        }),
    )


def on_dates_cancelled(event: Event, uow: UnitOfWork) -> None:
    """The manager is told that the request was cancelled, or that the employee withdrew; not one who lost access to
    Tandem, whose address may be someone else's now."""
    cancelled = DatesCancelled.of(event)
    if not cancelled["tell_manager"]:
        return
    if cancelled["reason"] == "cancelled":
        subject = f"Demande d'absence annulée : {cancelled['person_name']}, mission « {cancelled['mission_title']} »"
    else:
        subject = f"{cancelled['person_name']} se retire de la mission « {cancelled['mission_title']} »"
    queue_email(
        uow, event, recipient=cancelled["manager_email"], subject=subject,
        body_text=render("dates_cancelled.txt", **cancelled, **_date_values(cancelled["dates"])),
    )


def _tell_employee_about_their_manager(event: Event, uow: UnitOfWork, public_url: str, subject_end: str, template: str) -> None:
    waiting = ManagerLostAccess.of(event)
    queue_email(
        uow, event, recipient=waiting["person_email"],
        subject=f"Ta demande de dates pour « {waiting['mission_title']} » {subject_end}",
        body_text=render(template, **waiting, **_date_values(waiting["dates"]),
                         requested=paris_time(waiting["requested_at"]), account_url=account_url(public_url)),
    )


def on_manager_access_restored(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The manager the employee was told had lost access has it again: the request can be decided after all."""
    _tell_employee_about_their_manager(event, uow, public_url, "peut de nouveau être validée", "manager_access_restored.txt")


def on_manager_lost_access(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The employee's request can no longer be decided (its manager lost access): cancel it and ask the current manager."""
    _tell_employee_about_their_manager(event, uow, public_url, "ne peut plus être validée", "manager_lost_access.txt")


def _attendance_lines(dates: list[dict]) -> list[str]:
    """« Lundi 25 janvier 2027 (journée) : présent·e », in calendar order."""
    return [f"{domain.date_label(item['date'], item['format'])} : {'présent·e' if item['present'] else 'absent·e'}"
            for item in domain.in_calendar_order(dates)]


def on_attendance_attested(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """« Ta présence est confirmée : complète ton bilan », with the link to « Mon compte »."""
    attested = AttendanceAttested.of(event)
    queue_email(
        uow, event, recipient=attested["person_email"],
        subject="Ta présence est confirmée : complète ton bilan",
        body_text=render("attendance_attested.txt", **attested, attendance=_attendance_lines(attested["dates"]),
                         days=domain.days_label(attested["days_present"]), account_url=account_url(public_url)),
    )


def on_attendance_corrected(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The association changed a date it had already attested (present or absent): the employee hears of it, with
    every date as it now stands, since the days counted for their company change with it."""
    corrected = AttendanceAttested.of(event)
    queue_email(
        uow, event, recipient=corrected["person_email"],
        subject=f"L'association {corrected['association_name']} a corrigé ta présence",
        body_text=render("attendance_corrected.txt", **corrected, attendance=_attendance_lines(corrected["dates"]),
                         days=domain.days_label(corrected["days_present"]), account_url=account_url(public_url)),
    )


def on_bilan_completed(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """Thanks, and what the year's mission gave: the days present."""
    bilan = BilanCompleted.of(event)
    queue_email(
        uow, event, recipient=bilan["person_email"],
        subject=f"Merci pour ton engagement auprès de l'association {bilan['association_name']} !",
        body_text=render("bilan_completed.txt", **bilan, days=domain.days_label(bilan["days_present"]),
                         mission_url=mission_url(public_url, bilan["mission_id"]), account_url=account_url(public_url),
                         next_year=bilan["year"] + 1),
    )


def on_reminder_due(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """A nudge to the employee: contact the association again, or complete the bilan."""
    reminder = ReminderDue.of(event)
    if reminder["kind"] == APPLICATION_WITHOUT_DATES:
        subject = "Tu as postulé il y a quelques jours : n'hésite pas à relancer l'association"
        template = "reminder_application_without_dates.txt"
    else:
        subject = f"Pense à compléter ton bilan : mission « {reminder['mission_title']} »"
        template = "reminder_bilan_pending.txt"
    queue_email(uow, event, recipient=reminder["person_email"], subject=subject,
                body_text=render(template, **reminder, account_url=account_url(public_url)))


def on_request_reminded(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """« Rappel : une demande d'absence attend ta réponse », with the new link (the previous one stopped working)."""
    reminder = RequestReminded.of(event)
    queue_email(
        uow, event, recipient=reminder["manager_email"],
        subject="Rappel : une demande d'absence attend ta réponse",
        body_text=render("request_reminder.txt", **{**reminder, **_date_values(reminder["dates"]), **_link_values(reminder)},
                         account_url=account_url(public_url)),
    )


def on_convention_issued(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """« Signe ta convention »: the dates, their total and the link to sign online; from version 2 on, the e-mail
    says the convention was updated with the new dates (the version covers them all)."""
    convention = ConventionIssued.of(event)
    updated = convention["version"] > 1
    title = convention["mission_title"]
    subject = f"Ta convention a été mise à jour : signe-la pour « {title} »" if updated else f"Signe ta convention pour « {title} »"
    values = {**convention, "updated": updated, "date_labels": domain.dated_labels(convention["dates"]),
              "total": domain.days_label(convention["total_days"]), "account_url": account_url(public_url)}
    queue_email(
        uow, event, recipient=convention["person_email"], subject=subject,
        body_text=render("convention_issued.txt", **values), body_html=render("convention_issued.html", **values),
    )


def on_other_manager_named(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The company lets employees ask another manager, its admins being told: each admin gets who asked whom, and
    where to see every such request (the admin page)."""
    named = OtherManagerNamed.of(event)
    values = {**named, **_date_values(named["dates"]), "admin_url": f"{public_url.rstrip('/')}/entreprise/politique"}
    for admin in dict.fromkeys(named["admin_emails"]):
        queue_email(
            uow, event, recipient=admin,
            subject=f"Demande d'absence envoyée à un autre manager : {named['person_name']}, mission « {named['mission_title']} »",
            body_text=render("other_manager_named.txt", **values),
        )


def bundle_url(public_url: str, company_id: str, association_id: str, year: int) -> str:
    """The association's page of one company's year in its « Dossier annuel » (the statement and the receipt data)."""
    return f"{public_url.rstrip('/')}/association/dossier-annuel/{company_id}/{association_id}?annee={year}"


def on_receipt_outdated(event: Event, uow: UnitOfWork, public_url: str) -> None:
    """The association confirms the receipt data again: the valuation, a person who gave days, or the days changed since
    (`because`, which the e-mail names)."""
    outdated = ReceiptOutdated.of(event)
    if not outdated["association_email"]:
        log.warning("receipt %s no longer matches (%s), but impact knows no address for association %s: no e-mail",
                    outdated["receipt_id"], outdated["because"], outdated["association_id"])
        return
    queue_email(
        uow, event, recipient=outdated["association_email"],
        subject=f"Reçu {outdated['year']} pour {outdated['company_name']} : confirme de nouveau ses données",
        body_text=render("receipt_outdated.txt", **outdated, confirmed=paris_time(outdated["confirmed_at"]),
                         url=bundle_url(public_url, outdated["company_id"], outdated["association_id"], outdated["year"])),
    )
