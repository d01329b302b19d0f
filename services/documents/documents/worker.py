"""Documents's worker process: consumer and outbox relay (`documents-worker run`), plus dead-letter tools.

The worker is where PDFs are rendered (conventions, signed copies, bilans); the web process never renders.
"""
from __future__ import annotations

from tandem_shared.worker import ServiceWorker

from .bootstrap import build_runtime
from .config import Settings
from .conventions import load_renderer


# WeasyPrint once, at start: the first approval is not slowed by its import, and a missing system library
# (Pango, HarfBuzz) stops the worker here rather than failing every message.
main = ServiceWorker(Settings, build_runtime, prepare=load_renderer).main


if __name__ == "__main__":
    main()
