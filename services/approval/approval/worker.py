"""Approval's worker process: consumer and outbox relay (`approval-worker run`), the dead-letter tools,
and the managers' reminders (`approval-worker reminders`, one pass for cron or a Kubernetes CronJob)."""
from __future__ import annotations

from collections.abc import Callable

import click

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.worker import ServiceWorker, one_pass

from .bootstrap import build_runtime
from .config import Settings
from .reminders import send_reminders


def reminders_command(settings: Settings, build: Callable[[], ServiceRuntime]) -> click.Command:
    @click.command("reminders", help="Remind managers of requests still pending after N days (once per ISO week each, with a new link), then exit.")
    @click.option("--days", type=click.IntRange(min=0), default=None,
                  help=f"Days a request waits before its first reminder (default APPROVAL_REMINDER_DAYS, now {settings.reminder_days}).")
    def reminders(days: int | None) -> None:
        sent, published = one_pass(build, lambda runtime: send_reminders(runtime, settings, days))
        click.echo(f"{sent} reminder(s) written, {published} event(s) published", err=True)

    return reminders


WORKER = ServiceWorker(Settings, build_runtime, commands=(reminders_command,))
build_cli = WORKER.cli
main = WORKER.main


if __name__ == "__main__":
    main()
