"""Benchmark P2, "accept to « Signe ta convention »": from the manager's click to the e-mail handed to SMTP.

One run, on the real RabbitMQ and PostgreSQL (a fresh vhost and one fresh database per service, all removed
afterwards), every service as its own processes exactly as the local distributed mode starts them
(deploy/local/topology.py: gunicorn web process + worker per service, the production nginx gateway):

  a. set-up      engagement's demo people (Groupe Horizon) loaded into its database, one mission published by
                 the platform operator, the company's allowance raised to 10 days (the policy's maximum) so
                 that each employee can ask for 20 half days, each employee applies for next year;
  b. the flow    per sample: the employee asks for one more half day (POST date-requests); the manager's
                 e-mail arrives at this script's own SMTP server, which gives the link; then the clock starts
                 just before the manager's `POST /api/approval/actions/<secret>` (accept) and stops when this
                 script's SMTP server receives the employee's « Signe ta convention » / « Ta convention a été
                 mise à jour » e-mail. In between: approval commits and relays `approval.request.approved`,
                 documents' worker renders version n (WeasyPrint) and stores it with its SHA-256, relays
                 `documents.convention.issued`, the notifier's worker queues and sends the e-mail;
  c. the floor   right after each sample, in this process: a bare WeasyPrint render (`HTML(string=…).write_pdf()`)
                 of the very HTML that version was rendered from (rebuilt from documents' own database with
                 its own `convention_context` and `render_convention_html`). Interleaved with the flow, so
                 that the load of the shared machine weighs on both sides alike;
  d. a report    markdown on stdout, JSON in bench/results/p2.json.

Goal (issue 6): p50 of the flow at most 1.3 x the bare render's p50 + 50 ms.

Usage: uv run python bench/p2_convention.py [--samples 30]
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email
import email.policy
import importlib.util
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import holidays
import requests
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from helpers import SERVICES, free_port, publish_mission, requests_post, token_signed_with, wait_for_consumers, wait_until_healthy  # noqa: E402

from tandem_shared.testing import postgres_database, rabbitmq_vhost  # noqa: E402

DEMO_PASSWORD = "Tandem démo 2026 !"
MANAGER = "sophie.laurent@horizon.example"
EMPLOYEES = ("camille.martin@horizon.example", "lucas.bernard@horizon.example")
HALF_DAYS_PER_EMPLOYEE = 20  # 10 days a year, the policy's maximum, in half days
CONVENTION_SUBJECTS = ("Signe ta convention", "Ta convention a été mise à jour")


def load_topology():
    spec = importlib.util.spec_from_file_location("tandem_local_topology", REPO_ROOT / "deploy" / "local" / "topology.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Mailbox:
    """This script's SMTP server: every message with the monotonic time its DATA command completed."""

    def __init__(self) -> None:
        self.messages: list[tuple[float, list[str], email.message.EmailMessage]] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        stamp = time.monotonic()
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.arrived:
            self.messages.append((stamp, [r.lower() for r in envelope.rcpt_tos], message))
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, recipient: str, subjects: tuple[str, ...], after: int, timeout: float = 60.0):
        """The first message to `recipient` whose subject contains one of `subjects`, among those after index `after`."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for index in range(after, len(self.messages)):
                    stamp, recipients, message = self.messages[index]
                    if recipient in recipients and any(s in str(message["subject"]) for s in subjects):
                        return stamp, message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no {subjects} e-mail to {recipient} within {timeout} s")
                self.arrived.wait(remaining)


def text_of(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def working_half_days(year: int, count: int) -> list[dt.date]:
    closed = holidays.France(years=year)
    day, found = dt.date(year, 1, 4), []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ms(value: float) -> float:
    return round(value * 1000, 1)


class BareRender:
    """Rebuilds the HTML of a stored version from documents' database and renders it with bare WeasyPrint."""

    def __init__(self, documents_database_url: str):
        from documents import conventions, models, rendering
        from weasyprint import HTML

        self.conventions, self.models, self.rendering, self.HTML = conventions, models, rendering, HTML
        self.engine = sa.create_engine(documents_database_url)

    def html_of(self, participation_id: str, number: int) -> str:
        models = self.models
        with Session(self.engine) as session:
            convention = session.scalar(sa.select(models.Convention).where(models.Convention.participation_id == participation_id))
            version = session.scalar(sa.select(models.ConventionVersion).where(
                models.ConventionVersion.convention_id == convention.id, models.ConventionVersion.number == number))
            parties = self.conventions.find_parties(session, convention.person_id, convention.mission_id, "bench")
            context = self.conventions.convention_context(convention, number, version.dates, version.rendered_at, parties)
            return self.rendering.render_convention_html(context)

    def time(self, html: str) -> tuple[float, int]:
        started = time.perf_counter()
        pdf = self.HTML(string=html).write_pdf()
        return time.perf_counter() - started, len(pdf)


def run(samples: int) -> dict[str, Any]:
    topology = load_topology()
    year = dt.date.today().year + 1
    with contextlib.ExitStack() as stack:
        var_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tandem-bench-p2-")))
        broker_url = stack.enter_context(rabbitmq_vhost())
        database_urls = {service: stack.enter_context(postgres_database(prefix=f"tandem_bench_{service}")) for service in SERVICES}
        ports = {name: free_port() for name in (*SERVICES, "gateway", "smtp", "mail_http")}
        mailbox = Mailbox()
        controller = Controller(mailbox, hostname="127.0.0.1", port=ports["smtp"])
        controller.start()
        stack.callback(controller.stop)
        topology.prepare_runtime_files(REPO_ROOT, var_dir, ports)
        names = [name for name in (*(f"{s}-web" for s in SERVICES), *(f"{s}-worker" for s in SERVICES), "gateway")]
        commands = topology.process_commands(
            REPO_ROOT, var_dir, ports, broker_url=broker_url, database_urls=database_urls, only=names,
            base_env={**os.environ, "WEB_CONCURRENCY": "1", "WEB_THREADS": "4", "TANDEM_LOG_LEVEL": "WARNING",
                      "NOTIFIER_SMTP_PORT": str(ports["smtp"])},
        )
        logs = var_dir / "logs"
        logs.mkdir()
        processes: dict[str, subprocess.Popen] = {}

        def stop_all() -> None:
            for process in processes.values():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)

        stack.callback(stop_all)
        for name, (argv, env) in commands.items():
            processes[name] = subprocess.Popen(argv, env=env, stdout=open(logs / f"{name}.log", "wb"), stderr=subprocess.STDOUT,
                                               cwd=REPO_ROOT, start_new_session=True)
        base = f"http://127.0.0.1:{ports['gateway']}"
        wait_until_healthy(base, timeout=150)
        wait_for_consumers(broker_url, ("engagement", "approval", "documents", "notifier", "catalog"))
        private_key = (var_dir / "keys" / "jwt-private.pem").read_text()

        # a. set-up: the demo company and its people, one mission, a 10-day allowance, one application each.
        from engagement.bootstrap import build_runtime
        from engagement.config import Settings
        from engagement.demo import load_demo_data

        runtime = build_runtime(Settings.from_env({
            "ENGAGEMENT_DATABASE_URL": database_urls["engagement"], "TANDEM_BROKER_URL": broker_url,
            "ENGAGEMENT_JWT_PRIVATE_KEY": private_key,
        }))
        try:
            load_demo_data(runtime)
            runtime.relay.flush()
        finally:
            runtime.stop()
        operator = {"Authorization": "Bearer " + token_signed_with(private_key, "bench-operator", ["platform_operator"])}
        mission_id = publish_mission(requests_post(base), operator, "Préparer des jeunes aux entretiens", "referente@passerelle.example")

        def log_in(address: str) -> dict[str, str]:
            response = requests.post(f"{base}/api/engagement/session", json={"email": address, "password": DEMO_PASSWORD}, timeout=10)
            response.raise_for_status()
            return {"Authorization": f"Bearer {response.cookies['tandem_session']}"}

        admin = log_in("admin@horizon.example")
        company_id = requests.get(f"{base}/api/engagement/me", headers=admin, timeout=10).json()["company"]["id"]
        raised = requests.patch(f"{base}/api/engagement/companies/{company_id}", json={"days_per_year": 10}, headers=admin, timeout=10)
        assert raised.status_code == 200, raised.text

        renderer = BareRender(database_urls["documents"])
        flow, bare, accept_responses, stored_after, pdf_sizes = [], [], [], [], []
        days = working_half_days(year, HALF_DAYS_PER_EMPLOYEE)
        employees = EMPLOYEES[: (samples + HALF_DAYS_PER_EMPLOYEE - 1) // HALF_DAYS_PER_EMPLOYEE]
        if len(employees) * HALF_DAYS_PER_EMPLOYEE < samples:
            raise SystemExit(f"at most {len(EMPLOYEES) * HALF_DAYS_PER_EMPLOYEE} samples")
        done = 0
        for address in employees:
            employee = log_in(address)
            deadline = time.monotonic() + 600  # the session token lives 15 minutes: log in again per employee
            # engagement learns the mission from catalog's event.
            while requests.get(f"{base}/api/engagement/missions/{mission_id}", headers=employee, timeout=10).status_code != 200:
                time.sleep(0.05)
            applied = requests.post(f"{base}/api/engagement/applications", headers=employee, timeout=10, json={
                "mission_id": mission_id, "message": "Bonjour, je souhaite aider vos bénéficiaires.", "phone": "06 12 34 56 78", "year": year,
            })
            assert applied.status_code == 201, applied.text
            participation = applied.json()["id"]
            for index, day in enumerate(days):
                if done >= samples:
                    break
                if time.monotonic() > deadline:
                    employee, deadline = log_in(address), time.monotonic() + 600
                seen = len(mailbox.messages)
                asked = requests.post(f"{base}/api/engagement/participations/{participation}/date-requests", headers=employee, timeout=10, json={
                    "manager_email": MANAGER, "message": "Peux-tu valider cette demi-journée ?",
                    "dates": [{"date": day.isoformat(), "format": "half_day"}],
                })
                assert asked.status_code in (200, 201), asked.text
                _, manager_mail = mailbox.wait_for(MANAGER, ("Demande d'absence",), seen)
                secret = re.search(r"/manager/demandes/([A-Za-z0-9_\-]+)", text_of(manager_mail)).group(1)
                seen = len(mailbox.messages)
                # b. the flow: the manager's click to the e-mail accepted by SMTP.
                started_wall, started = time.time(), time.monotonic()
                accepted = requests.post(f"{base}/api/approval/actions/{secret}", json={"decision": "accept"}, timeout=30)
                answered = time.monotonic()
                assert accepted.status_code == 200, accepted.text
                arrived, _ = mailbox.wait_for(address, CONVENTION_SUBJECTS, seen)
                flow.append(arrived - started)
                accept_responses.append(answered - started)
                # c. the floor: the same HTML, bare.
                html = renderer.html_of(participation, index + 1)
                with Session(renderer.engine) as session:
                    version = session.execute(sa.text(
                        "SELECT v.rendered_at FROM convention_versions v JOIN conventions c ON c.id = v.convention_id "
                        "WHERE c.participation_id = :p AND v.number = :n"), {"p": participation, "n": index + 1}).one()
                stored_after.append(version.rendered_at.timestamp() - started_wall)
                seconds, size = renderer.time(html)
                bare.append(seconds)
                pdf_sizes.append(size)
                done += 1
                print(f"sample {done}/{samples}: flow {ms(flow[-1])} ms, bare render {ms(bare[-1])} ms", file=sys.stderr, flush=True)

    p50_flow, p50_bare = statistics.median(flow), statistics.median(bare)
    goal = 1.3 * p50_bare + 0.050
    return {
        "benchmark": "P2 accept -> convention stored -> « Signe ta convention » handed to SMTP",
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "samples": len(flow),
        "flow_ms": {"p50": ms(p50_flow), "p90": ms(percentile(flow, 0.9)), "max": ms(max(flow))},
        "bare_render_ms": {"p50": ms(p50_bare), "p90": ms(percentile(bare, 0.9)), "max": ms(max(bare))},
        "accept_response_ms": {"p50": ms(statistics.median(accept_responses))},
        # documents stamps `rendered_at` as it starts the version: the hop approval -> documents' handler.
        "version_started_after_ms": {"p50": ms(statistics.median(stored_after))},
        "pdf_bytes": {"min": min(pdf_sizes), "max": max(pdf_sizes)},
        "ratio_p50": round(p50_flow / p50_bare, 2),
        "goal_ms": ms(goal),
        "goal_met": p50_flow <= goal,
    }


def report(result: dict[str, Any]) -> str:
    flow, bare = result["flow_ms"], result["bare_render_ms"]
    return "\n".join([
        f"# P2 — accept to « Signe ta convention » ({result['samples']} samples, {result['when']})",
        "",
        "| measure | p50 | p90 | max |",
        "|---|---|---|---|",
        f"| flow: POST accept → e-mail handed to SMTP | {flow['p50']} ms | {flow['p90']} ms | {flow['max']} ms |",
        f"| floor: bare WeasyPrint render of the same HTML | {bare['p50']} ms | {bare['p90']} ms | {bare['max']} ms |",
        "",
        f"- manager's POST answered after {result['accept_response_ms']['p50']} ms (p50);"
        f" documents started the version {result['version_started_after_ms']['p50']} ms after the click (p50)",
        f"- ratio flow / bare render (p50): **{result['ratio_p50']}**",
        f"- goal: flow p50 ≤ 1.3 × bare p50 + 50 ms = {result['goal_ms']} ms → **{'met' if result['goal_met'] else 'not met'}**",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    result = run(args.samples)
    out = REPO_ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "p2.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(report(result))


if __name__ == "__main__":
    main()
