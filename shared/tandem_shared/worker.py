"""The command line every service's worker shares: run, migrate, the dead-letter tools, and the frame of
a service's own one-pass commands (`one_pass`), and `ServiceWorker`, a service's worker process."""
from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from .config import CommonSettings, configure_process
from .deadletter import list_dead, replay_dead, show_dead
from .runtime import ServiceRuntime

T = TypeVar("T")
# A service's own command: made from its settings and the way to build its runtime (tests pass theirs).
CommandFactory = Callable[[Any, Callable[[], ServiceRuntime]], click.Command]


def one_pass(build_runtime: Callable[[], ServiceRuntime], work: Callable[[ServiceRuntime], T]) -> tuple[T, int]:
    """Run `work` once on a fresh runtime (cron, Kubernetes CronJob), publish what it wrote, close everything.

    Returns `work`'s result and how many events were published now. On the memory bus (embedded mode) only
    the running process reaches the consumers: its relay picks the rows up. Elsewhere the rows are published
    at once; if the broker is down they stay in the outbox for the worker's relay.
    """
    runtime = build_runtime()
    try:
        result = work(runtime)
        published = 0
        if not runtime.settings.broker_url.startswith("memory://"):
            try:
                published = runtime.relay.flush()
            except Exception as exc:  # noqa: BLE001 - the running worker relays them later
                click.echo(f"relay deferred to the worker: {exc}", err=True)
        return result, published
    finally:
        runtime.stop()


def worker_cli(service: str, build_runtime: Callable[[], ServiceRuntime], commands: Iterable[click.Command] = (),
               before_run: Callable[[], None] | None = None) -> click.Group:
    """`before_run` is called by `run` alone, first: what only a consuming worker needs (documents's rendering
    process) is not started for the dead-letter tools or a migration."""

    @click.group(help=f"Tandem {service} worker: consumer, outbox relay and operator tools.")
    def cli() -> None:
        pass

    @cli.command(help="Consume events and relay the outbox until SIGTERM or Ctrl-C.")
    @click.option("--migrate/--no-migrate", default=True, help="Apply migrations before starting.")
    def run(migrate: bool) -> None:
        if before_run is not None:
            before_run()
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

    for command in commands:
        cli.add_command(command)
    return cli


@dataclass(frozen=True)
class ServiceWorker:
    """A service's worker: `<service>-worker` with the shared commands and the service's own.

    `main` is the process's entry point (settings from the environment, logs and traces, the CLI);
    `cli(settings, build)` is the same command line for tests, `build` replacing `build_runtime(settings)`.
    """

    settings_class: type[CommonSettings]
    build_runtime: Callable[[Any], ServiceRuntime]
    commands: Sequence[CommandFactory] = ()
    # Run with the settings when `run` starts, before it consumes, e.g. to load a heavy library and fail at start
    # rather than per message. The other commands (dead letters, migrate, one-pass jobs) do not pay for it.
    prepare: Callable[[Any], None] | None = None

    def cli(self, settings: CommonSettings, build: Callable[[], ServiceRuntime] | None = None) -> click.Group:
        build = build or (lambda: self.build_runtime(settings))
        prepare = self.prepare
        before_run = (lambda: prepare(settings)) if prepare is not None else None
        return worker_cli(settings.service, build, [make(settings, build) for make in self.commands], before_run)

    def main(self) -> None:
        settings = self.settings_class.from_env()
        configure_process(settings.service, settings.trace_exporter, settings.log_level, settings.json_logs)
        self.cli(settings)()
