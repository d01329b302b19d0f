"""The embedded mode: every service in one process on a memory bus and SQLite files (`make run`).

Same code paths as production: only the transport and database URLs differ.
"""
from __future__ import annotations

import importlib
import json
import logging
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from waitress import create_server
from werkzeug.wrappers import Request, Response

from tandem_shared.config import configure_process
from tandem_shared.keys import ensure_signing_key
from tandem_shared.runtime import ServiceRuntime, wait_until_settled

from .mailsink import MailSink
from .routing import Gateway

SERVICES = ("catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact")
REPO_ROOT = Path(__file__).resolve().parents[2]

log = logging.getLogger(__name__)


@dataclass
class Platform:
    gateway: Gateway
    runtimes: dict[str, ServiceRuntime]
    sink: MailSink
    environ: dict[str, str]
    apps: dict = field(default_factory=dict)

    def start_workers(self) -> None:
        # Every queue is bound before any relay publishes its backlog: memory:// drops unroutable messages.
        for runtime in self.runtimes.values():
            runtime.declare_topology()
        for runtime in self.runtimes.values():
            runtime.start_worker()
        for runtime in self.runtimes.values():
            runtime.wait_until_consuming()

    def stop(self, settle_timeout: float = 10.0) -> None:
        """Stop the workers once the events under way are handled (at most `settle_timeout` seconds): the memory bus
        keeps its messages in this process, and one left in a queue at exit would be lost for good."""
        if all(runtime.bus.is_memory for runtime in self.runtimes.values()):
            try:
                wait_until_settled(self.runtimes.values(), settle_timeout)
            except KeyboardInterrupt:  # asked twice: stop at once
                log.warning("stopping without waiting for the events under way")
            except Exception:  # noqa: BLE001 - whatever the wait met, the workers must still stop
                log.exception("could not wait for the events under way; stopping now")
        for runtime in self.runtimes.values():
            runtime.ask_to_stop()
        for runtime in self.runtimes.values():
            runtime.stop()
        self.sink.stop()


def build_platform(data_dir: Path, port: int, smtp_port: int | None = None, base_environ: dict[str, str] | None = None) -> Platform:
    """Assemble the six services, the SMTP sink and the gateway; migrations applied, workers not started yet."""
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    private_key, public_key = ensure_signing_key(data_dir / "keys")
    sink = MailSink(data_dir, port=smtp_port)
    sink.start()
    environ = dict(os.environ if base_environ is None else base_environ)
    environ.update(
        {
            "TANDEM_DATA_DIR": str(data_dir),
            "TANDEM_PUBLIC_URL": environ.get("TANDEM_PUBLIC_URL") or f"http://127.0.0.1:{port}",
            "TANDEM_JWT_PUBLIC_KEYS_FILE": str(public_key),
            "ENGAGEMENT_JWT_PRIVATE_KEY_FILE": str(private_key),
            "NOTIFIER_SMTP_HOST": "127.0.0.1",
            "NOTIFIER_SMTP_PORT": str(sink.port),
        }
    )
    environ.setdefault("TANDEM_BROKER_URL", "memory://")
    runtimes: dict[str, ServiceRuntime] = {}
    apps = {}
    load_demo = environ.get("TANDEM_DEMO_DATA", "true").lower() != "false"
    for service in SERVICES:
        settings = importlib.import_module(f"{service}.config").Settings.from_env(environ)
        runtime = importlib.import_module(f"{service}.bootstrap").build_runtime(settings)
        runtime.migrate()
        runtimes[service] = runtime
        apps[service] = importlib.import_module(f"{service}.app").create_app(settings, runtime)
        if load_demo:
            _load_demo_data(service, runtime, settings)
    if load_demo:
        _link_demo_referents(runtimes)
    # The built client (scripts/setup runs the Vite build when web/ changed).
    web_root = Path(environ.get("TANDEM_WEB_ROOT") or REPO_ROOT / "web" / "dist")
    gateway = Gateway(apps, web_root=web_root, dev_mail=sink.wsgi_app, demo_accounts=demo_accounts() if load_demo else None,
                      dev_clock=workflow_clock_app)
    return Platform(gateway=gateway, runtimes=runtimes, sink=sink, environ=environ, apps=apps)


@Request.application
def workflow_clock_app(request: Request) -> Response:
    """/dev/clock: GET shows engagement's "today", PUT {"today": "YYYY-MM-DD"} runs it (and quiz's and approval's) ahead,
    DELETE brings them back.

    The embedded mode is one process, so this moves the very clock engagement's workflow reads (dates asked for,
    presence attested, bilans unlocked); tokens, links and e-mails keep the real time.
    """
    clock = importlib.import_module("engagement.clock")
    # Quiz's schedule reads its own clock (quizzes open on their day): it moves with the workflow's, so a tester can
    # reach the next quiz du moment too (its worker's next schedule check opens it). Approval's says whether a
    # request's dates have passed: it moves too, or a request made on the workflow's day could not be accepted.
    clocks = tuple(importlib.import_module(f"{service}.clock").CLOCK for service in ("engagement", "quiz", "approval"))
    if request.method == "PUT":
        payload = request.get_json(silent=True) or {}
        try:
            day = date.fromisoformat(str(payload.get("today", "")))
        except ValueError:
            return _json({"detail": "Indique le jour voulu : {\"today\": \"AAAA-MM-JJ\"}."}, 422)
        for moved in clocks:
            moved.run_ahead_to(day)
    elif request.method == "DELETE":
        for moved in clocks:
            moved.run_ahead_to(datetime.now(clock.FRANCE).date())
    elif request.method not in ("GET", "HEAD"):
        return _json({"detail": "Méthode non autorisée."}, 405)
    return _json({"today": clock.today().isoformat(), "offset_days": clock.CLOCK.offset().days}, 200)


def _json(body: dict, status: int) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8",
                    headers={"Cache-Control": "no-store"})


def _load_demo_data(service: str, runtime: ServiceRuntime, settings) -> None:
    """A service that has demo content offers `<service>.demo.load_demo_data`; it does nothing once data exists."""
    try:
        demo = importlib.import_module(f"{service}.demo")
    except ModuleNotFoundError as exc:
        if exc.name == f"{service}.demo":
            return
        raise
    if demo.load_demo_data(runtime, settings):
        log.info("demo data loaded for %s", service)


def _link_demo_referents(runtimes: dict[str, ServiceRuntime]) -> None:
    """Every demo association gets a referent login: the catalog's demo content names them, engagement creates them.

    Only the embedded mode composes services, so this is where the two demo sets meet.
    """
    demo_content = importlib.import_module("catalog.demo_content")
    referents = [
        {**association["referent"], "association_id": association["id"]}
        for association in demo_content.ASSOCIATIONS
    ]
    created = importlib.import_module("engagement.demo").add_demo_referents(runtimes["engagement"], referents)
    if created:
        log.info("%d demo referent accounts created", created)


# The demo logins' role codes (README's « Demo logins » table gives their French labels).
_DEMO_ROLE_PRIORITY = ("platform_operator", "company_admin", "association_referent")


def demo_accounts() -> dict:
    """GET /dev/demo-accounts.json: the demo logins by role, for the log-in page's one-click buttons.

    Built from the services' demo modules, so it names exactly the accounts they create: the
    people of engagement's demo company (README's table) and, of the 46 association referents,
    only « Les Petits Savants »' one plus their number.
    """
    demo = importlib.import_module("engagement.demo")
    demo_content = importlib.import_module("catalog.demo_content")
    people = {row[0]: row for row in demo._PEOPLE}
    accounts = []
    for label, email in demo.DEMO_LOGINS:
        _, first_name, last_name, roles, *_ = people[email]
        role_names = {getattr(role, "value", role) for role in roles}
        role = next((name for name in _DEMO_ROLE_PRIORITY if name in role_names), "employee")
        if role == "employee" and email == demo.MANAGER_EMAIL:
            role = "manager"
        accounts.append({"role": role, "role_label": label, "name": f"{first_name} {last_name}", "email": email})
    referents = {association["referent"]["email"].lower() for association in demo_content.ASSOCIATIONS}
    return {
        "password": demo.DEMO_PASSWORD,
        "accounts": accounts,
        "association_referents": {
            "count": len(referents),
            "detail": "Chaque association de démonstration a un compte référent, avec le même mot de passe : la liste est dans le README.",
        },
    }


# Two interrupts closer than this are one Ctrl-C delivered twice (see `_shutdown` in `main`).
SAME_INTERRUPT_SECONDS = 1.0


def main() -> None:
    port = int(os.environ.get("TANDEM_PORT", "8080"))
    data_dir = Path(os.environ.get("TANDEM_DATA_DIR", "var"))
    configure_process(
        "tandem-embedded",
        os.environ.get("TANDEM_TRACE_EXPORTER", "none"),
        os.environ.get("TANDEM_LOG_LEVEL", "INFO"),
        os.environ.get("TANDEM_LOG_FORMAT", "text") == "json",
    )
    platform = build_platform(data_dir, port, smtp_port=int(os.environ["TANDEM_SMTP_PORT"]) if os.environ.get("TANDEM_SMTP_PORT") else None)
    platform.start_workers()
    if platform.environ.get("TANDEM_DEMO_DATA", "true").lower() != "false" and platform.environ.get("TANDEM_DEMO_ACTIVITY", "").lower() == "true":
        # `make run` asks for a year of activity told through the services' APIs (demo_activity.py), once per data directory.
        from .demo_activity import load_demo_activity

        try:
            load_demo_activity(platform.gateway, data_dir, importlib.import_module("engagement.clock").today())
        except Exception:  # a convenience of the development mode: the platform serves without it
            log.exception("the demo year of activity could not be told")
    server = create_server(platform.gateway, host=os.environ.get("TANDEM_HOST", "127.0.0.1"), port=port, threads=16, ident="tandem")

    interrupted_at: list[float] = []

    def _shutdown(*_):
        # A terminal's Ctrl-C signals the whole process group, and `uv run` (make run's launcher) forwards it to this
        # process as well: the copy that follows within a moment is the same Ctrl-C, not the person's second one, which
        # would skip waiting for the events under way (measured: every Ctrl-C arrived twice, 2026-12-06).
        now = time.monotonic()
        if interrupted_at and now - interrupted_at[-1] < SAME_INTERRUPT_SECONDS:
            return
        interrupted_at.append(now)
        raise KeyboardInterrupt

    # Set both explicitly: a process started in the background inherits SIGINT ignored.
    signal.signal(signal.SIGTERM, _shutdown)
    signal.signal(signal.SIGINT, _shutdown)
    print(f"\nTandem est prêt : http://127.0.0.1:{port}/  (boîte mail de développement : http://127.0.0.1:{port}/dev/mail)", flush=True)
    print("Ctrl-C pour arrêter.", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        print("Arrêt de Tandem… (les événements en cours sont traités d'abord ; Ctrl-C à nouveau pour arrêter tout de suite)",
              file=sys.stderr, flush=True)
        server.close()
        try:
            platform.stop(settle_timeout=30.0)
        except KeyboardInterrupt:
            print("Arrêt immédiat : les événements encore en cours sont abandonnés.", file=sys.stderr, flush=True)
            sys.exit(130)


if __name__ == "__main__":
    main()
