"""The tiny service's worker in its own process, for the crash test.

    python kill_after_commit_worker.py BROKER_URL DATABASE_URL

With TANDEM_TEST_KILL_AFTER_COMMIT=1 the process SIGKILLs itself from a `Database.on_commit`
listener, i.e. right after the inbox transaction (inbox row + effect) has committed and before
the consumer acknowledges the message. Without the flag it is an ordinary worker.
It prints "consuming" once its consumer is ready, and exits by itself after
TANDEM_TEST_WORKER_LIFETIME seconds (default 30) so a broken test never leaves it behind.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tandem_tiny_service import build_runtime  # noqa: E402

KILL_FLAG = "TANDEM_TEST_KILL_AFTER_COMMIT"


def main() -> int:
    broker_url, database_url = sys.argv[1], sys.argv[2]
    runtime = build_runtime(database_url, broker_url, delivery_limit=5, create_tables=False)
    if os.environ.get(KILL_FLAG) == "1":
        # Registered after the relay's wake-up, so it runs once the commit is durable; the ack never happens.
        runtime.db.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    runtime.start_worker()
    print("consuming" if runtime.wait_until_consuming(15) else "not consuming", flush=True)
    stop.wait(float(os.environ.get("TANDEM_TEST_WORKER_LIFETIME", "30")))
    runtime.stop()
    return 3


if __name__ == "__main__":
    sys.exit(main())
