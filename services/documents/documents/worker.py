"""Documents's worker process: consumer and outbox relay (`documents-worker run`), plus dead-letter tools.

The worker is where PDFs are rendered (conventions, signed copies, bilans), in a child process of its own
(`renderer.render_in_child_process`); the web process never renders.

This module imports nothing heavy at its top, on purpose: multiprocessing makes every child it starts import the
parent's main module again (here the `documents-worker` script, which imports this module), and the rendering
child must not load Flask, SQLAlchemy and the rest of the worker for nothing (bench/README.md, P5).
"""
from __future__ import annotations

from .renderer import SealSettings, render_in_child_process


def prepare(settings) -> None:
    """The rendering process, started when `run` starts (not for the dead-letter tools or `migrate`); it renders and
    seals one page, so a missing system library (Pango, HarfBuzz) or a broken seal stops the worker here rather than
    failing every message, and the first approval waits for no import."""
    render_in_child_process(SealSettings.of(settings))


def main() -> None:
    from tandem_shared.worker import ServiceWorker

    from .bootstrap import build_runtime
    from .config import Settings

    ServiceWorker(Settings, build_runtime, prepare=prepare).main()


if __name__ == "__main__":
    main()
