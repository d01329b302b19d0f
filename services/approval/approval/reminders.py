"""Reminders to managers (« relances »): a request still pending N days after it arrived is reminded once per
ISO week, with a fresh link (only hashes are stored, so the old secret cannot be resent; the old link stops).

One pass and return: `approval-worker reminders` runs it from cron or a Kubernetes CronJob.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from tandem_shared.runtime import ServiceRuntime

from . import clock, domain, events, links
from .models import AbsenceRequest, ReminderSent

log = logging.getLogger(__name__)


def send_reminders(runtime: ServiceRuntime, settings, days: int | None = None, now: datetime | None = None) -> int:
    """Remind every request due in this period; returns how many reminders were written to the outbox.

    Each request is its own transaction with its row locked, and `reminders_sent` (request, period) is the
    primary key: two passes running at once, or twice in a week, still send one reminder per period.
    """
    # Approval's clock, as the acceptance reads it: a request nobody may accept any more is not reminded.
    now = now or clock.now()
    days = settings.reminder_days if days is None else days
    period = domain.reminder_period(now)
    policy = links.LinkPolicy.from_settings(settings)
    with runtime.db.reading() as session:
        candidates = session.scalars(
            sa.select(AbsenceRequest.id)
            .where(AbsenceRequest.status == domain.RequestStatus.PENDING, AbsenceRequest.created_at <= now - timedelta(days=days),
                   # Nobody to remind: the address's holder lost access after the request came.
                   ~links.out_of_reach())
            .order_by(AbsenceRequest.created_at)
        ).all()
    sent = 0
    for request_id in candidates:
        try:
            with runtime.unit_of_work() as uow:
                request = uow.session.get(AbsenceRequest, request_id, with_for_update=True, populate_existing=True)
                due = domain.reminder_due(
                    status=domain.RequestStatus(request.status), created_at=request.created_at, now=now, days=days,
                    dates=[date.fromisoformat(entry["date"]) for entry in request.dates],
                )
                if not due or uow.session.get(ReminderSent, (request_id, period)) is not None:
                    continue
                uow.session.add(ReminderSent(request_id=request_id, period=period, sent_at=now))
                uow.session.flush()
                link, expires_at = links.issue_link(uow.session, request, policy, now)
                request.reminders += 1
                request.last_reminded_at = now
                events.request_reminded(uow, request, link, expires_at, period)
            sent += 1
        except IntegrityError:
            # Another pass reminded this request for this period first.
            log.info("request %s already reminded for %s", request_id, period)
    return sent
