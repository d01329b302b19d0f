"""Approval's worker process: consumer and outbox relay (`approval-worker run`), the dead-letter tools,
and the managers' reminders (`approval-worker reminders`, one pass for cron or a Kubernetes CronJob)."""
from __future__ import annotations

import logging

import click

from tandem_shared.config import configure_process
from tandem_shared.worker import worker_cli

from .bootstrap import build_runtime
from .config import SERVICE, Settings
from .reminders import send_reminders

log = logging.getLogger(__name__)


def build_cli(settings: Settings) -> click.Group:
    cli = worker_cli(SERVICE, lambda: build_runtime(settings))

    @cli.command(help="Remind managers of requests still pending after N days (once per ISO week each, with a new link), then exit.")
    @click.option("--days", type=click.IntRange(min=0), default=None,
                  help=f"Days a request waits before its first reminder (default APPROVAL_REMINDER_DAYS, now {settings.reminder_days}).")
    def reminders(days: int | None) -> None:
        runtime = build_runtime(settings)
        try:
            sent = send_reminders(runtime, settings, days)
            relayed = 0
            # On the memory bus (embedded mode) only the running process reaches the consumers: its relay
            # picks the rows up. Elsewhere publish now; if the broker is down, the worker's relay will.
            if not settings.broker_url.startswith("memory://"):
                try:
                    relayed = runtime.relay.flush()
                except Exception as exc:
                    log.warning("reminders written, relay deferred to the worker: %s", exc)
            click.echo(f"{sent} reminder(s) written, {relayed} event(s) published", err=True)
        finally:
            runtime.relay.close()
            runtime.stop()

    return cli


def main() -> None:
    settings = Settings.from_env()
    configure_process(SERVICE, settings.trace_exporter, settings.log_level, settings.json_logs)
    build_cli(settings)()


if __name__ == "__main__":
    main()
