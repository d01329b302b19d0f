"""Impact's worker process: consumer and outbox relay (`impact-worker run`), plus dead-letter tools."""
from __future__ import annotations

from tandem_shared.worker import ServiceWorker

from .bootstrap import build_runtime
from .config import Settings


main = ServiceWorker(Settings, build_runtime).main


if __name__ == "__main__":
    main()
