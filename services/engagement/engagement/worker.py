"""Engagement's worker process: consumer and outbox relay (`engagement-worker run`), the dead-letter tools,
and `engagement-worker reminders`, one pass of the reminders for cron or a Kubernetes CronJob."""
from __future__ import annotations

import click

from tandem_shared.config import configure_process
from tandem_shared.worker import worker_cli

from . import clock
from .bootstrap import build_runtime
from .config import SERVICE, Settings
from .reminders import send_reminders


def reminders_command(settings: Settings, build=None) -> click.Command:
    build = build or (lambda: build_runtime(settings))

    @click.command("reminders", help="Publish the reminders due now (applications without dates, pending bilans), once per ISO week each, and exit.")
    @click.option("--application-days", type=click.IntRange(min=0), default=settings.reminder_application_days, show_default=True,
                  help="Days after an application with no date request (ENGAGEMENT_REMINDER_APPLICATION_DAYS).")
    @click.option("--bilan-days", type=click.IntRange(min=0), default=settings.reminder_bilan_days, show_default=True,
                  help="Days after the attendance was attested with no bilan (ENGAGEMENT_REMINDER_BILAN_DAYS).")
    def reminders(application_days: int, bilan_days: int) -> None:
        runtime = build()
        try:
            result = send_reminders(runtime, clock.now(), application_days, bilan_days)
            if not runtime.settings.broker_url.startswith("memory://"):
                # Hand the reminders to the broker now; what fails stays in the outbox for the worker's relay.
                try:
                    runtime.relay.flush()
                except Exception as exc:  # noqa: BLE001 - the running worker relays them later
                    click.echo(f"relay deferred to the worker: {exc}", err=True)
        finally:
            runtime.stop()
        sent = ", ".join(f"{kind}={count}" for kind, count in result.sent.items())
        click.echo(f"reminders sent: {sent}; already sent this week: {result.already_sent}", err=True)

    return reminders


def build_cli(settings: Settings, build=None) -> click.Group:
    build = build or (lambda: build_runtime(settings))
    cli = worker_cli(SERVICE, build)
    cli.add_command(reminders_command(settings, build))
    return cli


def main() -> None:
    settings = Settings.from_env()
    configure_process(SERVICE, settings.trace_exporter, settings.log_level, settings.json_logs)
    build_cli(settings)()


if __name__ == "__main__":
    main()
