"""Reminders (« relances »): one pass, run by cron or a Kubernetes CronJob (`engagement-worker reminders`).

- `application_without_dates`: applied N days ago and still no date request: the employee is nudged
  to contact the association again (the guide: « n'hésite pas à le relancer »).
- `bilan_pending`: attendance attested N days ago and the bilan still not done.

Each goes out at most once per ISO week per participation and kind: `reminders_sent` has a unique
key (participation_id, kind, period), and each reminder commits on its own, so two passes running at
once, or a pass run twice in a week, never send one twice.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from tandem_shared.runtime import ServiceRuntime

from . import domain, events
from .clock import FRANCE
from .domain import ParticipationStatus
from .models import MissionCopy, Participation, Person, ReminderSent
from .participations import full_name, waiting_at_step_one

log = logging.getLogger(__name__)

APPLICATION_WITHOUT_DATES = "application_without_dates"
BILAN_PENDING = "bilan_pending"


@dataclass
class ReminderPass:
    sent: dict[str, int] = field(default_factory=lambda: {APPLICATION_WITHOUT_DATES: 0, BILAN_PENDING: 0})
    already_sent: int = 0


def _candidates(runtime: ServiceRuntime, now: datetime, application_days: int, bilan_days: int) -> list[tuple[str, str, datetime]]:
    """(participation id, kind, due since) for every reminder due now."""
    due: list[tuple[str, str, datetime]] = []
    with runtime.db.reading() as session:
        open_ones = session.scalars(sa.select(Participation).where(Participation.status == ParticipationStatus.OPEN.value)).all()
        for participation in open_ones:
            since = participation.submitted_at + timedelta(days=application_days)
            if waiting_at_step_one(participation) and since <= now:
                due.append((participation.id, APPLICATION_WITHOUT_DATES, since))
            if participation.attendance_completed_at is not None and participation.bilan_completed_at is None:
                since = participation.attendance_completed_at + timedelta(days=bilan_days)
                if since <= now:
                    due.append((participation.id, BILAN_PENDING, since))
    return due


def send_reminders(runtime: ServiceRuntime, now: datetime, application_days: int, bilan_days: int) -> ReminderPass:
    """Publish every reminder due at `now` that was not sent this ISO week; return what was done."""
    result = ReminderPass()
    period = domain.iso_period(now.astimezone(FRANCE).date())
    for participation_id, kind, since in _candidates(runtime, now, application_days, bilan_days):
        try:
            with runtime.unit_of_work() as uow:
                session = uow.session
                exists = session.scalar(sa.select(ReminderSent.id).where(
                    ReminderSent.participation_id == participation_id, ReminderSent.kind == kind, ReminderSent.period == period))
                if exists is not None:
                    result.already_sent += 1
                    continue
                participation = session.get(Participation, participation_id)
                person = session.get(Person, participation.person_id)
                mission = session.get(MissionCopy, participation.mission_id)
                if person is None or mission is None or person.status != domain.PersonStatus.ACTIVE.value:
                    continue
                reminder_id = str(uuid.uuid4())
                session.add(ReminderSent(id=reminder_id, participation_id=participation_id, kind=kind, period=period, sent_at=now))
                session.flush()
                events.reminder_due(uow, {
                    "reminder_id": reminder_id, "kind": kind, "participation_id": participation_id,
                    "person_email": person.email, "person_name": full_name(person), "mission_title": mission.title,
                    "mission_url": mission.url, "referent_name": mission.contact_name, "referent_email": mission.contact_email,
                    "period": period, "due_since": since,
                })
            result.sent[kind] += 1
        except IntegrityError:
            # Another pass sent it between our check and our insert: once is enough.
            result.already_sent += 1
    log.info("reminders pass done", extra={"sent": result.sent, "already_sent": result.already_sent, "period": period})
    return result
