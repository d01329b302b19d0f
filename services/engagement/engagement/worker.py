"""Engagement's worker process: consumer and outbox relay (`engagement-worker run`), the dead-letter tools,
and `engagement-worker reminders`, one pass of the reminders for cron or a Kubernetes CronJob."""
from __future__ import annotations

from collections.abc import Callable

import click

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.worker import ServiceWorker, one_pass

from . import clock
from .bootstrap import build_runtime
from .config import Settings
from .reminders import send_reminders


def reminders_command(settings: Settings, build: Callable[[], ServiceRuntime]) -> click.Command:
    @click.command("reminders", help="Publish the reminders due now (applications without dates, pending bilans), once per ISO week each, and exit.")
    @click.option("--application-days", type=click.IntRange(min=0), default=settings.reminder_application_days, show_default=True,
                  help="Days after an application with no date request (ENGAGEMENT_REMINDER_APPLICATION_DAYS).")
    @click.option("--bilan-days", type=click.IntRange(min=0), default=settings.reminder_bilan_days, show_default=True,
                  help="Days after the attendance was attested with no bilan (ENGAGEMENT_REMINDER_BILAN_DAYS).")
    def reminders(application_days: int, bilan_days: int) -> None:
        result, _ = one_pass(build, lambda runtime: send_reminders(runtime, clock.now(), application_days, bilan_days))
        sent = ", ".join(f"{kind}={count}" for kind, count in result.sent.items())
        click.echo(f"reminders sent: {sent}; already sent this week: {result.already_sent}", err=True)

    return reminders


WORKER = ServiceWorker(Settings, build_runtime, commands=(reminders_command,))
build_cli = WORKER.cli
main = WORKER.main


if __name__ == "__main__":
    main()
