"""Documents's worker process: consumer and outbox relay (`documents-worker run`), plus dead-letter tools.

The worker is where PDFs are rendered (conventions, signed copies, bilans); the web process never renders.
"""
from __future__ import annotations

from tandem_shared.config import configure_process
from tandem_shared.worker import worker_cli

from .bootstrap import build_runtime
from .config import SERVICE, Settings
from .conventions import load_renderer


def main() -> None:
    settings = Settings.from_env()
    configure_process(SERVICE, settings.trace_exporter, settings.log_level, settings.json_logs)
    # WeasyPrint once, at start: the first approval is not slowed by its import, and a missing system library
    # (Pango, HarfBuzz) stops the worker here rather than failing every message.
    load_renderer()

    worker_cli(SERVICE, lambda: build_runtime(settings))()


if __name__ == "__main__":
    main()
