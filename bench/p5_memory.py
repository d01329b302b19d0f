"""Benchmark P5, memory: the resident memory of every Tandem process after a warm-up, against a bare app beside it.

One run, on the real RabbitMQ and PostgreSQL (a fresh vhost and one fresh database per service, removed afterwards):

  a. the services  every service's gunicorn web process (one worker, as `WEB_CONCURRENCY=1`) and its worker
                   process, exactly as the local distributed mode starts them (deploy/local/topology.py), behind
                   the production nginx gateway;
  b. the floor     `bench/p5_bare_app.py`, a bare Flask + SQLAlchemy app on its own database, served by the same
                   gunicorn with the same worker class and threads, started beside them;
  c. the embedded  `tandem-embedded` (what `make run` starts: every service in one process, SQLite, a memory
                   bus), on a fresh data directory, demo data loaded, no demo activity;
  d. warm-up       the same for each: `--warmup` rounds of the health and readiness checks of every service, the
                   OpenAPI document (every schema built), « Je trouve » as a visitor and the taxonomy; the bare
                   app gets as many requests to its database route;
  e. measure       VmRSS of each process (/proc/<pid>/status): gunicorn's worker (not its master), the worker
                   process and every process below it (documents's rendering process and the fork server that
                   forked it), the embedded process; markdown on stdout, JSON in bench/results/p5.json.

Goal (issue 18): no service process above 2 x the bare app's worker.

Usage: uv run python bench/p5_memory.py [--warmup 20]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import requests

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from helpers import SERVICES, free_port, load_topology, wait_until_healthy  # noqa: E402

from tandem_shared.testing import postgres_database, rabbitmq_vhost  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "p5.json"
GOAL = 2.0


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, children first (a worker's fork server, then the process it forked)."""
    found, frontier = [], children(pid)
    while frontier:
        found += frontier
        frontier = [grandchild for child in frontier for grandchild in children(child)]
    return found


def command_line(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")


def describe(pid: int) -> str:
    command = command_line(pid)
    if "multiprocessing.resource_tracker" in command:
        return "multiprocessing's resource tracker"
    if "multiprocessing.forkserver" in command:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        forked = "multiprocessing.forkserver" in command_line(parent)
        return "a rendering process, forked by the fork server" if forked else "multiprocessing's fork server"
    return command[:60]


def gunicorn_worker(master: int, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = children(master)
        if workers:
            return workers[0]
        time.sleep(0.2)
    raise SystemExit(f"gunicorn {master} has no worker")


def warm_up(base: str, rounds: int) -> None:
    for _ in range(rounds):
        for service in SERVICES:
            for path in ("healthz", "readyz", "openapi.json"):
                requests.get(f"{base}/api/{service}/{path}", timeout=30).raise_for_status()
        requests.get(f"{base}/api/catalog/missions?per_page=20", timeout=30).raise_for_status()
        requests.get(f"{base}/api/catalog/taxonomy", timeout=30).raise_for_status()


def wait_http(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args} exited with {process.returncode}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def start(argv: list[str], env: dict[str, str], log: Path, stack: contextlib.ExitStack) -> subprocess.Popen:
    process = subprocess.Popen(argv, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, cwd=REPO_ROOT,
                               start_new_session=True)

    def stop() -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    stack.callback(stop)
    return process


def run(warmup: int) -> dict[str, Any]:
    topology = load_topology()
    bin_dir = Path(sys.executable).parent
    measured: dict[str, float] = {}
    load_start = os.getloadavg()
    with contextlib.ExitStack() as stack:
        var_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tandem-bench-p5-")))
        logs = var_dir / "logs"
        logs.mkdir()
        broker_url = stack.enter_context(rabbitmq_vhost())
        database_urls = {service: stack.enter_context(postgres_database(prefix=f"tandem_bench_{service}")) for service in SERVICES}
        bare_database = stack.enter_context(postgres_database(prefix="tandem_bench_bare"))
        ports = {name: free_port() for name in (*SERVICES, "gateway", "smtp", "mail_http")}
        topology.prepare_runtime_files(REPO_ROOT, var_dir, ports)
        names = [*(f"{s}-web" for s in SERVICES), *(f"{s}-worker" for s in SERVICES), "gateway", "mail"]
        commands = topology.process_commands(
            REPO_ROOT, var_dir, ports, broker_url=broker_url, database_urls=database_urls, only=names,
            base_env={**os.environ, "WEB_CONCURRENCY": "1", "WEB_THREADS": "4", "TANDEM_LOG_LEVEL": "WARNING",
                      "NOTIFIER_SMTP_PORT": str(ports["smtp"])})
        processes = {name: start(argv, env, logs / f"{name}.log", stack) for name, (argv, env) in commands.items()}
        base = f"http://127.0.0.1:{ports['gateway']}"
        wait_until_healthy(base, timeout=180)

        # The floor, beside them: the same gunicorn, worker class and threads.
        bare_port = free_port()
        bare = start([str(bin_dir / "gunicorn"), "--chdir", str(REPO_ROOT / "bench"), "--worker-class", "gthread", "--threads", "4",
                      "--workers", "1", "--bind", f"127.0.0.1:{bare_port}", "p5_bare_app:app"],
                     {**os.environ, "BARE_DATABASE_URL": bare_database}, logs / "bare.log", stack)
        wait_http(f"http://127.0.0.1:{bare_port}/healthz", bare)

        warm_up(base, warmup)
        for _ in range(warmup * (3 * len(SERVICES) + 2)):
            requests.get(f"http://127.0.0.1:{bare_port}/items", timeout=30).raise_for_status()
        time.sleep(1)
        measured["bare Flask + SQLAlchemy (gunicorn worker)"] = rss_mib(gunicorn_worker(bare.pid))
        for service in SERVICES:
            measured[f"{service} web (gunicorn worker)"] = rss_mib(gunicorn_worker(processes[f"{service}-web"].pid))
            worker = processes[f"{service}-worker"].pid
            measured[f"{service} worker"] = rss_mib(worker)
            # A worker's own processes count as its service's (documents renders in one, forked by a fork server).
            for number, below in enumerate(descendants(worker), start=1):
                measured[f"{service} worker, process {number} below it ({describe(below)})"] = rss_mib(below)

        # The embedded mode, on its own data directory.
        embedded_port = free_port()
        embedded_dir = var_dir / "embedded"
        embedded = start([str(bin_dir / "tandem-embedded")],
                         {**os.environ, "TANDEM_PORT": str(embedded_port), "TANDEM_DATA_DIR": str(embedded_dir),
                          "TANDEM_DEMO_ACTIVITY": "false", "TANDEM_LOG_LEVEL": "WARNING"}, logs / "embedded.log", stack)
        embedded_base = f"http://127.0.0.1:{embedded_port}"
        wait_http(f"{embedded_base}/readyz", embedded, timeout=300)
        warm_up(embedded_base, warmup)
        time.sleep(1)
        measured["embedded mode (make run), all services in one process"] = rss_mib(embedded.pid)

    floor = measured["bare Flask + SQLAlchemy (gunicorn worker)"]
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} vCPU, {platform.platform()}, Python {platform.python_version()}",
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "warmup_rounds": warmup,
        "rss_mib": {name: round(value, 1) for name, value in measured.items()},
        "ratio": {name: round(value / floor, 2) for name, value in measured.items()},
    }


def report(result: dict[str, Any]) -> str:
    lines = [
        f"## P5 — memory after warm-up ({result['date']})",
        f"Machine: {result['machine']}. Load average {result['load_average_start'][0]} at start, {result['load_average_end'][0]} at end.",
        "",
        "| process | RSS MiB | × bare app |",
        "|---|---:|---:|",
    ]
    for name, value in result["rss_mib"].items():
        lines.append(f"| {name} | {value} | {result['ratio'][name]} |")
    services = {name: ratio for name, ratio in result["ratio"].items() if not name.startswith(("bare", "embedded"))}
    worst = max(services, key=services.get)
    met = "met" if services[worst] <= GOAL else "NOT met"
    lines += ["", f"Goal (issue 18) no service process above {GOAL}x the bare app: {met} (highest: {worst}, {services[worst]}x). "
              f"The embedded mode, every service in one process: {result['ratio'][next(n for n in result['ratio'] if n.startswith('embedded'))]}x."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    result = run(args.warmup)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(report(result))


if __name__ == "__main__":
    main()
