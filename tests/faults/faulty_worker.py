"""A service's real worker (`<service>-worker run`) with one crash point armed, for the fault suite.

    python faulty_worker.py SERVICE run --no-migrate

`TANDEM_FAULT=<point>:<n>` SIGKILLs the process at the n-th passage through <point>:
- `relay_after_confirm`: the broker confirmed the n-th outbox row, before the relay marked it sent;
- `relay_before_publish`: the relay is about to publish the n-th row;
- `consumer_after_commit`: the n-th event's inbox transaction committed, before the ack;
- `consumer_before_commit`: the n-th event's handler ran, before its transaction commits;
- `smtp_after_accept`: the SMTP server accepted the n-th e-mail, before the sender commits it as sent.
Without the variable it is the ordinary worker. Everything else is the service's own code.
"""
from __future__ import annotations

import importlib
import os
import signal
import sys
import threading


def _crash_at(limit: int):
    lock = threading.Lock()
    passages = [0]

    def passage() -> None:
        with lock:
            passages[0] += 1
            if passages[0] == limit:
                sys.stderr.write(f"fault injected at passage {limit}\n")
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGKILL)

    return passage


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
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        from tandem_shared.inbox import PROCESSED, Inbox

        handle = Inbox.handle
        in_inbox = threading.local()

        def inbox_handle(self, incoming):
            in_inbox.active = True
            try:
                outcome = handle(self, incoming)
            finally:
                in_inbox.active = False
            if point == "consumer_after_commit" and outcome == PROCESSED:
                crash()
            return outcome

        Inbox.handle = inbox_handle
        if point == "consumer_before_commit":
            @event.listens_for(Session, "before_commit")
            def before_commit(session):
                if getattr(in_inbox, "active", False):
                    crash()
    elif point == "smtp_after_accept":
        import smtplib

        send_message = smtplib.SMTP.send_message

        def accepted(self, *args, **kwargs):
            result = send_message(self, *args, **kwargs)
            crash()
            return result

        smtplib.SMTP.send_message = accepted
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
