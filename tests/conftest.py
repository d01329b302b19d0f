"""Cross-service tests import their helpers from this folder."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

from helpers import REPO_ROOT, SERVICES, free_port, load_topology, wait_until_healthy  # noqa: E402
from tandem_shared.testing import postgres_database, rabbitmq_vhost  # noqa: E402


@pytest.fixture(scope="session")
def distributed(tmp_path_factory):
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx is not installed: run `make test` (scripts/setup --for-tests installs it)")
    topology = load_topology()
    var_dir = tmp_path_factory.mktemp("distributed")
    ports = {name: free_port() for name in (*SERVICES, "gateway", "smtp", "mail_http")}
    with contextlib.ExitStack() as stack:
        broker_url = stack.enter_context(rabbitmq_vhost())
        # As run_distributed.py and the deployments do: every queue exists before any process publishes.
        topology.declare_broker_topology(broker_url, {**os.environ, "TANDEM_LOG_LEVEL": "WARNING"})
        database_urls = {service: stack.enter_context(postgres_database(prefix=f"tandem_e2e_{service}")) for service in SERVICES}
        topology.prepare_runtime_files(REPO_ROOT, var_dir, ports)
        commands = topology.process_commands(
            REPO_ROOT, var_dir, ports, broker_url=broker_url, database_urls=database_urls,
            base_env={**os.environ, "WEB_CONCURRENCY": "1", "WEB_THREADS": "4", "TANDEM_LOG_LEVEL": "WARNING",
                      "TANDEM_OUTBOX_POLL_SECONDS": "2"},
        )
        processes: dict[str, subprocess.Popen] = {}
        logs = var_dir / "logs"
        logs.mkdir()
        try:
            for name, (argv, env) in commands.items():
                log = open(logs / f"{name}.log", "wb")
                processes[name] = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, start_new_session=True)
            base = f"http://127.0.0.1:{ports['gateway']}"
            try:
                wait_until_healthy(base, timeout=150)
            except AssertionError:
                dead = {n: p.returncode for n, p in processes.items() if p.poll() is not None}
                tails = {n: (logs / f"{n}.log").read_text(errors="replace")[-1500:] for n in processes}
                raise AssertionError(f"distributed mode not healthy; exited: {dead}\n" + json.dumps(tails, indent=1)[:12000])
            # The workers declare their queues once connected: wait until both consumers are bound.
            yield {
                "base": base, "broker_url": broker_url, "ports": ports,
                "private_key": (var_dir / "keys" / "jwt-private.pem").read_text(),
                "database_urls": database_urls,
                "processes": processes,
                "logs": logs,
            }
        finally:
            for process in processes.values():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + 20
            for process in processes.values():
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


