"""Notifier rules, free of Flask, SQLAlchemy and SMTP: when to try a failed e-mail again."""
from __future__ import annotations

from datetime import timedelta
from enum import StrEnum


class EmailStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off from 10 s, capped at one hour: a mail server that is down for a while loses nothing."""
    return timedelta(seconds=min(10 * 2 ** max(attempts - 1, 0), 3600))


def status_after_failure(attempts: int, max_attempts: int) -> EmailStatus:
    return EmailStatus.FAILED if attempts >= max_attempts else EmailStatus.PENDING
