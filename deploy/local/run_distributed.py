"""Start Tandem's local distributed mode without Docker: each service as its own processes, on this machine.

    uv run python deploy/local/run_distributed.py            # prepare, then run everything with honcho
    uv run python deploy/local/run_distributed.py run catalog-web catalog-worker gateway
    uv run python deploy/local/run_distributed.py prepare    # only the checks, databases, keys and files
    uv run python deploy/local/run_distributed.py procfile   # print the Procfile rendered from topology.py
    uv run python deploy/local/run_distributed.py keys deploy/secrets --container-readable

It needs the machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432, user postgres,
trust auth) and nginx. The gateway answers on http://127.0.0.1:8080 and the mails notifier sends
are readable on http://127.0.0.1:8025/dev/mail. Ports, variables and processes live in topology.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DEFAULT_VAR_DIR = REPO_ROOT / "var" / "distributed"


def _load_topology():
    # By path, as the tests do: deploy/ is not a package and must not become one for this.
    spec = importlib.util.spec_from_file_location("tandem_local_topology", HERE / "topology.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


topology = _load_topology()


def write_env_file(path: Path, env: dict[str, str]) -> None:
    """The run's variables in honcho's .env format, so `honcho start -e <file>` works by hand too."""
    lines = ["# Written by deploy/local/run_distributed.py; regenerated on every start.\n"]
    lines += [f"{key}={shlex.quote(value)}\n" for key, value in sorted(env.items())]
    path.write_text("".join(lines), encoding="utf-8")


def check_procfile() -> None:
    expected = topology.render_procfile()
    procfile = REPO_ROOT / "Procfile"
    actual = procfile.read_text(encoding="utf-8") if procfile.exists() else ""
    if actual != expected:
        sys.exit(
            "Procfile and deploy/local/topology.py disagree. Regenerate the Procfile with:\n"
            "  uv run python deploy/local/run_distributed.py procfile > Procfile"
        )


def prepare(var_dir: Path) -> dict[str, str]:
    check_procfile()
    try:
        topology.check_infrastructure()
    except topology.NotReachable as exc:
        sys.exit(f"Cannot start the distributed mode: {exc}")
    created = topology.ensure_databases()
    for name in created:
        print(f"created database {name}", file=sys.stderr)
    declared = topology.declare_broker_topology()
    print(f"declared the queues of {', '.join(declared)} on the broker", file=sys.stderr)
    layout = topology.prepare_runtime_files(REPO_ROOT, var_dir)
    if not (layout.web_root / "index.html").exists():
        print(f"warning: {layout.web_root}/index.html is missing (run scripts/setup to build the web client); / will answer 404", file=sys.stderr)
    env = topology.environment(layout)
    write_env_file(layout.var_dir / "procfile.env", env)
    return env


def run(var_dir: Path, processes: list[str]) -> int:
    env = prepare(var_dir)
    env_file = var_dir.resolve() / "procfile.env"
    child_env = dict(os.environ)
    # The venv's programs first, and nginx's folder, which a non-root user's PATH may lack.
    extra_path = [str(Path(sys.executable).parent), str(Path(topology.find_nginx()).parent)]
    child_env["PATH"] = os.pathsep.join([*extra_path, child_env.get("PATH", "")])
    child_env.update(env)
    command = [sys.executable, "-m", "honcho", "-f", str(REPO_ROOT / "Procfile"), "-e", str(env_file), "start", *processes]
    gateway = f"http://127.0.0.1:{topology.DEFAULT_PORTS['gateway']}"
    mail = f"http://127.0.0.1:{topology.DEFAULT_PORTS['mail_http']}/dev/mail"
    print(f"Tandem (distributed) on {gateway}, mails on {mail}. Ctrl-C stops everything.", file=sys.stderr)
    honcho = subprocess.Popen(command, cwd=REPO_ROOT, env=child_env)
    # A SIGTERM meant for us (a test, a supervisor) goes to honcho, which stops its processes.
    signal.signal(signal.SIGTERM, lambda *_: honcho.terminate())
    while True:
        try:
            return honcho.wait()
        except KeyboardInterrupt:
            # honcho got the same Ctrl-C and is stopping its processes: wait for it rather than
            # kill it (as subprocess.call would), which would leave them running.
            continue


def write_keys(directory: Path, container_readable: bool) -> None:
    private_key, public_key = topology.ensure_jwt_keys(directory)
    if container_readable:
        # docker compose bind-mounts file secrets with the host's owner and mode (docker/compose#9648),
        # so the images' non-root user (uid 10001) can read the key only if everyone can.
        private_key.chmod(0o644)
    print(f"{private_key}\n{public_key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR, help="where this run keeps its files (default: var/distributed)")
    commands = parser.add_subparsers(dest="command")
    run_parser = commands.add_parser("run", help="prepare, then start the processes with honcho (the default)")
    run_parser.add_argument("processes", nargs="*", help="only these Procfile entries (default: all)")
    commands.add_parser("prepare", help="check RabbitMQ and PostgreSQL, create databases, keys and nginx files")
    commands.add_parser("procfile", help="print the Procfile rendered from topology.py")
    keys_parser = commands.add_parser("keys", help="make the JWT key pair in a folder if it has none")
    keys_parser.add_argument("directory", type=Path)
    keys_parser.add_argument(
        "--container-readable",
        action="store_true",
        help="make the private key readable by the images' user (for docker-compose's deploy/secrets only)",
    )
    args = parser.parse_args(argv)

    if args.command == "procfile":
        sys.stdout.write(topology.render_procfile())
        return 0
    if args.command == "keys":
        write_keys(args.directory, args.container_readable)
        return 0
    if args.command == "prepare":
        prepare(args.var_dir)
        print(f"ready: {args.var_dir.resolve()}", file=sys.stderr)
        return 0
    return run(args.var_dir, getattr(args, "processes", []) or [])


if __name__ == "__main__":
    sys.exit(main())
