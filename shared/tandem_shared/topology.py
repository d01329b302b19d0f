"""The whole broker topology, declared before anything publishes: `tandem-topology declare`.

An event published while the queue of a service that wants it does not exist yet is routed nowhere and
lost. So the exchanges and, for every service, its queue with its bindings, its retry queues and its dead
queue are declared by one command before the services start: by the local distributed mode and the test
harness (`declare`, in process), by docker-compose (a one-shot `topology` service the others wait for) and
by Kubernetes (an init container of every pod). Workers still declare their own queues when they connect;
declaring is idempotent.

What each service consumes comes from its own `subscriptions(settings)`: a service is any installed
distribution with a console script `<service>-worker` that runs `<service>.worker:main` (every service has
one), so a new service is part of the topology as soon as it is installed. Where the services are not all
installed (one image per service), the topology is read from `deploy/topology.json`, which
`tandem-topology export` writes from the code and a test keeps up to date.

    tandem-topology export > deploy/topology.json
    tandem-topology declare                              # from the installed services
    tandem-topology declare --from deploy/topology.json  # from the exported file

The broker is `TANDEM_BROKER_URL`; the retry queues follow `TANDEM_RETRY_DELAYS` as the services do.
"""
from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

import click

from .bus import Bus, BusSettings, RetryPolicy
from .config import messaging_settings

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Topology:
    """Which event types each consuming service's queue is bound to."""

    services: Mapping[str, tuple[str, ...]]

    def to_json(self) -> str:
        document = {"version": FORMAT_VERSION, "services": {name: list(types) for name, types in sorted(self.services.items())}}
        return json.dumps(document, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Topology:
        document = json.loads(text)
        if document.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown topology format {document.get('version')!r}")
        return cls({name: tuple(types) for name, types in document["services"].items()})

    def declare(self, bus: Bus) -> None:
        """Exchanges, then every service's dead queue, queue with bindings and retry queues (idempotent)."""
        with bus.connection() as connection:
            connection.ensure_connection(max_retries=None if not bus.is_memory else 1, interval_max=2)
            bus.declare(connection, None, [])
            for service, event_types in sorted(self.services.items()):
                bus.declare(connection, service, list(event_types))

    def queue_names(self, bus: Bus) -> list[str]:
        names: list[str] = []
        for service, event_types in sorted(self.services.items()):
            names.append(f"{service}.dead")
            if event_types:
                names.append(service)
                names.extend(queue.name for queue in bus.retry_queues(service))
        return names


def installed_services() -> list[str]:
    """Every installed Tandem service: a console script `<name>-worker` running `<name>.worker:main`."""
    found = set()
    for script in entry_points(group="console_scripts"):
        if script.name.endswith("-worker"):
            name = script.name.removesuffix("-worker")
            if script.value.replace(" ", "") == f"{name}.worker:main":
                found.add(name)
    return sorted(found)


def service_event_types(service: str, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The event types a service's `subscriptions(settings)` binds, with settings read as the service reads them."""
    settings = importlib.import_module(f"{service}.config").Settings.from_env(dict(environ or {}))
    return tuple(sorted(importlib.import_module(f"{service}.handlers").subscriptions(settings)))


def discover(environ: Mapping[str, str] | None = None) -> Topology:
    return Topology({service: service_event_types(service, environ) for service in installed_services()})


def bus_from(broker_url: str, environ: Mapping[str, str]) -> Bus:
    """A bus configured as the services configure theirs (same retry delays, hence the same retry queues)."""
    settings = messaging_settings(environ)
    return Bus(
        BusSettings(
            url=broker_url,
            delivery_limit=settings["delivery_limit"],
            retry=RetryPolicy(
                immediate_retries=settings["immediate_retries"],
                delays=settings["retry_delays"],
                database_probe_interval=settings["database_probe_interval"],
            ),
            confirm_timeout=settings["confirm_timeout"],
        )
    )


def declare(broker_url: str, environ: Mapping[str, str] | None = None, topology: Topology | None = None) -> Topology:
    """Declare the topology (by default the installed services') on `broker_url`; returns what was declared."""
    environ = dict(environ or {})
    topology = topology or discover(environ)
    topology.declare(bus_from(broker_url, environ))
    return topology


@click.group(help="Tandem's broker topology: every service's queue, retry queues and dead queue.")
def cli() -> None:
    pass


@cli.command("declare", help="Declare the exchanges and every service's queues on the broker (TANDEM_BROKER_URL), then exit.")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Read the topology from this file (written by `export`) instead of the installed services.")
@click.option("--broker-url", envvar="TANDEM_BROKER_URL", required=True, help="The broker (default TANDEM_BROKER_URL).")
def declare_command(source: Path | None, broker_url: str) -> None:
    environ = dict(os.environ)
    topology = Topology.from_json(source.read_text(encoding="utf-8")) if source else discover(environ)
    declare(broker_url, environ, topology)
    names = topology.queue_names(bus_from(broker_url, environ))
    click.echo(f"declared {len(names)} queue(s): {', '.join(names)}", err=True)


@cli.command("export", help="Print the topology of the installed services as JSON (deploy/topology.json).")
def export_command() -> None:
    sys.stdout.write(discover(dict(os.environ)).to_json())


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
