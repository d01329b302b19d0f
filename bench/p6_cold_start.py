"""Benchmark P6, cold start: `make run` on existing data until every service is ready, against importing the four
libraries every Tandem process stands on.

One run, on this checkout (already set up):

  a. data       `make run` once on a fresh data directory (demo data loaded, no demo activity), until ready, then
                stopped: the database files, the catalogue and the demo people exist, as on a developer's second
                start;
  b. the flow   `make run` again on that directory, timed from the command's start until every service answers
                its readiness check through the gateway (`/api/<service>/readyz`: database and bus reachable),
                polled every 20 ms; then stopped (SIGTERM to the process group) before the next run;
  c. the floor  `python -c "import flask, sqlalchemy, kombu, weasyprint"` with the project's interpreter, timed
                the same way. Flow and floor alternate, so the machine's other load weighs on both alike;
  d. a report   medians, markdown on stdout, JSON in bench/results/p6.json.

Goal (issue 18): the start at most 3 x the import time.

Usage: uv run python bench/p6_cold_start.py [--runs 5]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import statistics
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

from helpers import SERVICES, free_port  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "p6.json"
GOAL = 3.0
FLOOR = "import flask, sqlalchemy, kombu, weasyprint"


def ready(base: str) -> bool:
    for service in SERVICES:
        try:
            if requests.get(f"{base}/api/{service}/readyz", timeout=1).status_code != 200:
                return False
        except requests.RequestException:
            return False
    return True


def start_platform(data_dir: Path, timeout: float = 600) -> float:
    """`make run` on `data_dir` until every service is ready; returns the seconds it took, then stops it."""
    port = free_port()
    env = {**os.environ, "TANDEM_PORT": str(port), "TANDEM_DATA_DIR": str(data_dir), "TANDEM_DEMO_ACTIVITY": "false",
           "TANDEM_LOG_LEVEL": "WARNING"}
    log = open(data_dir.parent / "make-run.log", "ab")
    began = time.perf_counter()
    process = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        while not ready(base):
            if process.poll() is not None:
                raise SystemExit(f"make run exited with {process.returncode}: see {log.name}")
            if time.perf_counter() - began > timeout:
                raise SystemExit(f"make run was not ready within {timeout} s")
            time.sleep(0.02)
        return time.perf_counter() - began
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def import_floor() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR], check=True, cwd=REPO_ROOT)
    return time.perf_counter() - began


def run(runs: int) -> dict[str, Any]:
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tandem-bench-p6-") as scratch:
        data_dir = Path(scratch) / "data"
        first = start_platform(data_dir)
        print(f"first start (demo data loaded): {first:.2f} s", file=sys.stderr)
        import_floor()  # the interpreter's own files in the page cache, as for the platform's
        starts, imports = [], []
        for number in range(runs):
            starts.append(start_platform(data_dir))
            imports.append(import_floor())
            print(f"run {number + 1}: make run ready in {starts[-1]:.2f} s, imports {imports[-1]:.2f} s", file=sys.stderr)
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} vCPU, {platform.platform()}, Python {platform.python_version()}",
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "first_start_seconds": round(first, 2),
        "start_seconds": [round(x, 2) for x in starts], "import_seconds": [round(x, 3) for x in imports],
        "start_median": round(statistics.median(starts), 2), "import_median": round(statistics.median(imports), 3),
        "ratio": round(statistics.median(starts) / statistics.median(imports), 2),
    }


def report(result: dict[str, Any]) -> str:
    met = "met" if result["ratio"] <= GOAL else "NOT met"
    return "\n".join([
        f"## P6 — cold start ({result['date']})",
        f"Machine: {result['machine']}. Load average {result['load_average_start'][0]} at start, {result['load_average_end'][0]} at end.",
        f"First start on an empty data directory (demo data loaded): {result['first_start_seconds']} s.",
        "",
        "| | runs (s) | median (s) |",
        "|---|---|---:|",
        f"| `make run` on existing data until every service is ready | {', '.join(map(str, result['start_seconds']))} | {result['start_median']} |",
        f"| `python -c \"{FLOOR}\"` | {', '.join(map(str, result['import_seconds']))} | {result['import_median']} |",
        "",
        f"Goal (issue 18) at most {GOAL}x the import time: {met} ({result['ratio']}x).",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = run(args.runs)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(report(result))


if __name__ == "__main__":
    main()
