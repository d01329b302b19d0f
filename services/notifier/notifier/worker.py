"""Notifier's worker process: consumer and outbox relay (`notifier-worker run`), plus dead-letter tools."""
from __future__ import annotations

from tandem_shared.config import configure_process
from tandem_shared.worker import worker_cli

from .bootstrap import build_runtime
from .config import SERVICE, Settings


def main() -> None:
    settings = Settings.from_env()
    configure_process(SERVICE, settings.trace_exporter, settings.log_level, settings.json_logs)
    worker_cli(SERVICE, lambda: build_runtime(settings))()


if __name__ == "__main__":
    main()
