"""The command line every service's worker shares: run, relay once, and the dead-letter tools."""
from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable

import click

from .deadletter import list_dead, replay_dead, show_dead
from .runtime import ServiceRuntime


def worker_cli(service: str, build_runtime: Callable[[], ServiceRuntime]) -> click.Group:
    @click.group(help=f"Tandem {service} worker: consumer, outbox relay and operator tools.")
    def cli() -> None:
        pass

    @cli.command(help="Consume events and relay the outbox until SIGTERM or Ctrl-C.")
    @click.option("--migrate/--no-migrate", default=True, help="Apply migrations before starting.")
    def run(migrate: bool) -> None:
        runtime = build_runtime()
        if migrate:
            runtime.migrate()
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        runtime.start_worker()
        click.echo(f"{service} worker running", err=True)
        stop.wait()
        runtime.stop()

    @cli.command(help="Apply the database migrations, declare the service's queues on the broker, and exit.")
    def migrate() -> None:
        runtime = build_runtime()
        runtime.migrate()
        # Declared at deploy time, so events published before the first worker start are kept for it.
        runtime.declare_topology()

    @cli.group(help="The dead queue: messages that kept failing.")
    def dead() -> None:
        pass

    @dead.command("list", help="List the dead messages (id, type, reason).")
    def dead_list() -> None:
        messages = list_dead(build_runtime().bus, service)
        for message in messages:
            click.echo(json.dumps(message.summary(), ensure_ascii=False))
        click.echo(f"{len(messages)} message(s) in {service}.dead", err=True)

    @dead.command("show", help="Show one dead message: headers and body.")
    @click.argument("event_id")
    def dead_show(event_id: str) -> None:
        message = show_dead(build_runtime().bus, service, event_id)
        if message is None:
            click.echo(f"no dead message with id {event_id}", err=True)
            sys.exit(1)
        click.echo(json.dumps({**message.summary(), "headers": message.headers, "body": json.loads(message.body)}, ensure_ascii=False, indent=2))

    @dead.command("replay", help="Send dead messages back to this service's queue.")
    @click.argument("event_id", required=False)
    @click.option("--all", "replay_all", is_flag=True, help="Replay every dead message.")
    def dead_replay(event_id: str | None, replay_all: bool) -> None:
        if not event_id and not replay_all:
            raise click.UsageError("give an event id, or --all")
        replayed = replay_dead(build_runtime().bus, service, None if replay_all else event_id)
        for replayed_id in replayed:
            click.echo(replayed_id)
        click.echo(f"{len(replayed)} message(s) replayed to {service}", err=True)
        if event_id and not replayed:
            sys.exit(1)

    return cli
