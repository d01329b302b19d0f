"""A service's real worker (`<service>-worker run`) with one crash point armed, for the fault suite.

    python faulty_worker.py SERVICE run --no-migrate

`TANDEM_FAULT=<point>:<n>` SIGKILLs the process at the n-th passage through <point>:
- `relay_after_confirm`: the broker confirmed the n-th outbox row, before the relay marked it sent;
- `relay_before_publish`: the relay is about to publish the n-th row;
- `consumer_after_commit`: the n-th event's inbox transaction (alone or in a batch) committed, before the ack;
- `consumer_before_commit`: the n-th event's handler ran (alone or in a batch), before its transaction commits;
  for these two the log says how many events had committed before the crash.
- `smtp_after_accept`: the SMTP server accepted the n-th e-mail, before the sender commits it as sent.
Without the variable it is the ordinary worker. Everything else is the service's own code.
"""
from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
import threading


def _crash_at(limit: int, detail=lambda: ""):
    """A passage counter that SIGKILLs the process at the `limit`-th passage, logging it (with `detail()`)."""
    lock = threading.Lock()
    passages = [0]

    def passage() -> None:
        with lock:
            passages[0] += 1
            if passages[0] == limit:
                sys.stderr.write(f"fault injected at passage {limit}{detail()}\n")
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGKILL)

    return passage


def _arm_consumer(point: str, limit: int) -> None:
    """One passage per event the inbox handles, alone or in a batch; the log says how many events had committed."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from tandem_shared.inbox import PROCESSED, Inbox

    committed = [0]
    crash = _crash_at(limit, lambda: f"; events committed before the crash: {committed[0]}")
    in_inbox = threading.local()
    handle, handle_batch = Inbox.handle, Inbox.handle_batch

    def inbox_handle(self, incoming):
        in_inbox.active = True
        try:
            outcome = handle(self, incoming)
        finally:
            in_inbox.active = False
        if outcome == PROCESSED:
            committed[0] += 1
            if point == "consumer_after_commit":
                crash()
        return outcome

    def inbox_handle_batch(self, events, around=None):
        @contextlib.contextmanager
        def around_and_count(incoming):
            with around(incoming) if around else contextlib.nullcontext():
                yield
            if point == "consumer_before_commit":  # its handler ran; the batch's COMMIT has not happened yet
                crash()

        outcome = handle_batch(self, events, around_and_count)
        processed = sum(1 for result in outcome.outcomes.values() if result == PROCESSED)
        committed[0] += processed
        if point == "consumer_after_commit":
            for _ in range(processed):
                crash()
        return outcome

    Inbox.handle = inbox_handle
    Inbox.handle_batch = inbox_handle_batch
    if point == "consumer_before_commit":
        @event.listens_for(Session, "before_commit")
        def before_commit(session):
            if getattr(in_inbox, "active", False):  # one event alone: its handler ran, its COMMIT is next
                crash()


def arm(point: str, limit: int) -> None:
    crash = _crash_at(limit)
    if point in ("relay_after_confirm", "relay_before_publish"):
        from tandem_shared.outbox import OutboxRelay

        publish = OutboxRelay._publish

        def relay_publish(self, row):
            if point == "relay_before_publish":
                crash()
            publish(self, row)
            if point == "relay_after_confirm":
                crash()

        OutboxRelay._publish = relay_publish
    elif point in ("consumer_after_commit", "consumer_before_commit"):
        _arm_consumer(point, limit)
    elif point == "smtp_after_accept":
        from notifier import sender

        # The server accepts a message at its final dot, which `_end_message` sends.
        end_message = sender._end_message

        def accepted(smtp):
            end_message(smtp)
            crash()

        sender._end_message = accepted
    else:
        raise SystemExit(f"unknown fault point {point!r}")


def main() -> None:
    service = sys.argv[1]
    fault = os.environ.get("TANDEM_FAULT", "")
    if fault:
        point, _, limit = fault.partition(":")
        arm(point, int(limit or "1"))
    sys.argv = [f"{service}-worker", *sys.argv[2:]]
    importlib.import_module(f"{service}.worker").main()


if __name__ == "__main__":
    main()
