"""The local distributed mode in one table: its processes, their ports and environment, the files they need.

Every service runs as its own gunicorn web process and its own worker, on the machine's RabbitMQ
(127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432, one database per service), behind the production
nginx gateway. Two callers share this module, so they start exactly the same processes:

- `deploy/local/run_distributed.py` (the launcher: checks, databases, keys, nginx files, honcho);
- the cross-service tests, which import this file by path and start `process_commands(...)` themselves.

The repository's `Procfile` is rendered from the same table (`render_procfile()`); the launcher
refuses to start when the two disagree. It names no port and no path of its own: those come from
the environment that `environment()` builds, so this file stays the one place they are written.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

SERVICES = ("catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact")

DEFAULT_PORTS: Mapping[str, int] = {
    "catalog": 8101,
    "engagement": 8102,
    "approval": 8103,
    "documents": 8104,
    "notifier": 8105,
    "quiz": 8106,
    "impact": 8107,
    "gateway": 8080,
    # The mail sink: notifier delivers to its SMTP port, people read the mails on its HTTP port.
    "smtp": 1025,
    "mail_http": 8025,
}

# The environment variable carrying each port; the Procfile refers to ports only through these.
PORT_VARIABLES: Mapping[str, str] = {
    **{service: f"{service.upper()}_PORT" for service in SERVICES},
    "gateway": "GATEWAY_PORT",
    "smtp": "NOTIFIER_SMTP_PORT",
    "mail_http": "MAILSINK_HTTP_PORT",
}

BROKER = ("127.0.0.1", 5672)
POSTGRES = ("127.0.0.1", 5432)
POSTGRES_USER = "postgres"
DEFAULT_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672//"

NGINX_SOURCE = Path("deploy") / "gateway" / "nginx.conf"
JWT_PRIVATE_KEY = "jwt-private.pem"
JWT_PUBLIC_KEY = "jwt-public.pem"


def database_name(service: str) -> str:
    return f"tandem_{service}"


def database_url(service: str, host: str = POSTGRES[0], port: int = POSTGRES[1], user: str = POSTGRES_USER) -> str:
    # postgresql+psycopg, never bare postgresql://: on SQLAlchemy 2.0 that means psycopg2.
    return f"postgresql+psycopg://{user}@{host}:{port}/{database_name(service)}"


@dataclass(frozen=True)
class Layout:
    """Where one run keeps its files: keys, the nginx runtime, the mail sink's store."""

    repo_root: Path
    var_dir: Path

    @property
    def key_dir(self) -> Path:
        return self.var_dir / "keys"

    @property
    def nginx_dir(self) -> Path:
        return self.var_dir / "nginx"

    @property
    def web_root(self) -> Path:
        return self.repo_root / "web" / "dist"


# -- the processes ----------------------------------------------------------------------------
#
# Each argument is a template. `{repo}`, `{var}`, `{nginx}` are directories and `{port:<name>}`
# a port; `process_commands` fills them with real values, `render_procfile` with shell variables.

@dataclass(frozen=True)
class ProcessTemplate:
    name: str
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


def process_templates() -> tuple[ProcessTemplate, ...]:
    processes: list[ProcessTemplate] = []
    for service in SERVICES:
        processes.append(
            ProcessTemplate(
                f"{service}-web",
                ("gunicorn", "-c", f"{{repo}}/services/{service}/gunicorn.conf.py"),
                # honcho hands every process a PORT of its own choosing: the web line sets its own.
                (("PORT", f"{{port:{service}}}"),),
            )
        )
    for service in SERVICES:
        processes.append(ProcessTemplate(f"{service}-worker", (f"{service}-worker", "run")))
    processes.append(
        ProcessTemplate("gateway", ("nginx", "-p", "{nginx}", "-c", "{nginx}/nginx.conf", "-g", "daemon off;"))
    )
    processes.append(
        ProcessTemplate(
            "mail",
            (
                "python", "-m", "tandem_gateway.mailsink",
                "--smtp-port", "{port:smtp}", "--http-port", "{port:mail_http}", "--data-dir", "{var}",
            ),
        )
    )
    return tuple(processes)


_PLACEHOLDER = re.compile(r"\{(repo|var|nginx|port:[a-z_]+)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


# -- the environment ----------------------------------------------------------------------------

def environment(
    layout: Layout,
    ports: Mapping[str, int] | None = None,
    *,
    broker_url: str = DEFAULT_BROKER_URL,
    database_urls: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The variables every process of one run shares (on top of the caller's own environment)."""
    ports = {**DEFAULT_PORTS, **(ports or {})}
    database_urls = {service: database_url(service) for service in SERVICES} | dict(database_urls or {})
    env = {
        "TANDEM_BROKER_URL": broker_url,
        "TANDEM_DATA_DIR": str(layout.var_dir),
        "TANDEM_DISTRIBUTED_DIR": str(layout.var_dir),
        "TANDEM_NGINX_DIR": str(layout.nginx_dir),
        "TANDEM_PUBLIC_URL": f"http://127.0.0.1:{ports['gateway']}",
        "TANDEM_JWT_PUBLIC_KEYS_FILE": str(layout.key_dir / JWT_PUBLIC_KEY),
        "ENGAGEMENT_JWT_PRIVATE_KEY_FILE": str(layout.key_dir / JWT_PRIVATE_KEY),
        "NOTIFIER_SMTP_HOST": "127.0.0.1",
        # gunicorn binds HOST:PORT; on a developer's machine the services answer locally only.
        "HOST": "127.0.0.1",
        "PYTHONUNBUFFERED": "1",
    }
    for service in SERVICES:
        env[f"{service.upper()}_DATABASE_URL"] = database_urls[service]
    for name, variable in PORT_VARIABLES.items():
        env[variable] = str(ports[name])
    return env


def _program_paths() -> dict[str, str]:
    """Programs by absolute path: the tests start processes without a shell or a venv on PATH."""
    venv_bin = Path(sys.executable).parent
    programs = {"python": sys.executable, "nginx": find_nginx()}
    for name in ("gunicorn", *(f"{service}-worker" for service in SERVICES)):
        candidate = venv_bin / name
        programs[name] = str(candidate) if candidate.exists() else (shutil.which(name) or name)
    return programs


def find_nginx() -> str:
    # Debian installs nginx in /usr/sbin, which a non-root user's PATH often lacks.
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin") or "nginx"


def process_commands(
    repo_root: Path | str,
    var_dir: Path | str,
    ports: Mapping[str, int] | None = None,
    *,
    broker_url: str = DEFAULT_BROKER_URL,
    database_urls: Mapping[str, str] | None = None,
    base_env: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> dict[str, tuple[list[str], dict[str, str]]]:
    """`{name: (argv, env)}` for every process of the local distributed mode, ready for `subprocess.Popen`.

    argv holds absolute paths, so any working directory will do; env is complete (`base_env`,
    by default this process's environment, plus the run's variables). `ports` overrides
    `DEFAULT_PORTS` key by key. Call `prepare_runtime_files(...)` first: nginx and the services
    read the files it writes.
    """
    layout = Layout(Path(repo_root).resolve(), Path(var_dir).resolve())
    ports = {**DEFAULT_PORTS, **(ports or {})}
    shared_env = dict(os.environ if base_env is None else base_env)
    shared_env.update(environment(layout, ports, broker_url=broker_url, database_urls=database_urls))
    values = {
        "repo": str(layout.repo_root),
        "var": str(layout.var_dir),
        "nginx": str(layout.nginx_dir),
        **{f"port:{name}": str(port) for name, port in ports.items()},
    }
    programs = _program_paths()
    wanted = set(only) if only is not None else None
    commands: dict[str, tuple[list[str], dict[str, str]]] = {}
    for process in process_templates():
        if wanted is not None and process.name not in wanted:
            continue
        program, *arguments = process.argv
        argv = [programs.get(program, program), *(_fill(argument, values) for argument in arguments)]
        env = dict(shared_env)
        env.update({key: _fill(value, values) for key, value in process.env})
        commands[process.name] = (argv, env)
    return commands


# -- the Procfile ---------------------------------------------------------------------------------

_PROCFILE_VALUES = {
    # honcho runs each line with the repository root as working directory.
    "repo": ".",
    "var": "$TANDEM_DISTRIBUTED_DIR",
    "nginx": "$TANDEM_NGINX_DIR",
    **{f"port:{name}": f"${variable}" for name, variable in PORT_VARIABLES.items()},
}

_PROCFILE_HEADER = """\
# Tandem's local distributed mode: every service as its own web process and worker, the nginx
# gateway and the mail sink. Start it with `uv run python deploy/local/run_distributed.py`, which
# prepares the databases, keys and nginx files and sets the variables used below.
# Rendered from deploy/local/topology.py (`run_distributed.py procfile > Procfile`): edit that table.
"""


def _shell_word(word: str) -> str:
    if "$" in word:
        # Double quotes: the shell expands the variable and keeps the result one word.
        return f'"{word}"'
    return shlex.quote(word)


def render_procfile() -> str:
    lines = [_PROCFILE_HEADER]
    for process in process_templates():
        assignments = [f"{key}={_shell_word(_fill(value, _PROCFILE_VALUES))}" for key, value in process.env]
        words = [_shell_word(_fill(word, _PROCFILE_VALUES)) for word in process.argv]
        # exec: the process honcho signals is the program itself, not a shell in front of it.
        lines.append(f"{process.name}: {' '.join([*assignments, 'exec', *words])}\n")
    return "".join(lines)


# -- what the processes need before they start ----------------------------------------------------

class NotReachable(RuntimeError):
    """A server the distributed mode needs does not answer."""


def check_reachable(name: str, address: tuple[str, int], hint: str, timeout: float = 2.0) -> None:
    try:
        with socket.create_connection(address, timeout=timeout):
            return
    except OSError as exc:
        raise NotReachable(f"{name} does not answer on {address[0]}:{address[1]} ({exc.strerror or exc}).\n  {hint}") from exc


def check_infrastructure(broker: tuple[str, int] = BROKER, postgres: tuple[str, int] = POSTGRES) -> None:
    check_reachable("RabbitMQ", broker, "Start it with: rabbitmq-server -detached")
    check_reachable(
        "PostgreSQL",
        postgres,
        "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    )


def ensure_databases(
    names: Iterable[str] | None = None,
    host: str = POSTGRES[0],
    port: int = POSTGRES[1],
    user: str = POSTGRES_USER,
) -> list[str]:
    """Create each service database that does not exist yet; return the names created."""
    import psycopg
    from psycopg import sql

    names = list(names) if names is not None else [database_name(service) for service in SERVICES]
    created: list[str] = []
    # CREATE DATABASE cannot run inside a transaction block.
    with psycopg.connect(host=host, port=port, user=user, dbname="postgres", autocommit=True, connect_timeout=5) as connection:
        for name in names:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                created.append(name)
    return created


def declare_broker_topology(broker_url: str = DEFAULT_BROKER_URL, environ: Mapping[str, str] | None = None) -> list[str]:
    """Every installed service's queue, retry queues and dead queue, declared before any process starts
    (`tandem-topology declare`): what is published before a consumer first connects waits for it.
    Returns the services declared."""
    from tandem_shared import topology

    return sorted(topology.declare(broker_url, dict(os.environ if environ is None else environ)).services)


def ensure_jwt_keys(key_dir: Path) -> tuple[Path, Path]:
    """(private, public) PEM paths of the Ed25519 pair engagement signs with, made once."""
    from tandem_shared.keys import ensure_signing_key

    return ensure_signing_key(key_dir)


def render_upstreams(ports: Mapping[str, int], host: str = "127.0.0.1") -> str:
    lines = ["# Written by deploy/local/topology.py: the services of the local distributed mode.\n"]
    for service in SERVICES:
        lines.append(f"upstream {service} {{ server {host}:{ports[service]}; }}\n")
    return "".join(lines)


def write_nginx_runtime(
    repo_root: Path | str,
    nginx_dir: Path | str,
    ports: Mapping[str, int] | None = None,
    web_root: Path | str | None = None,
    listen_host: str = "127.0.0.1",
) -> Path:
    """Copy the production nginx.conf verbatim into `nginx_dir` with local upstreams, listen and web root.

    Returns the path of the copied nginx.conf; start nginx with
    `nginx -p <nginx_dir> -c <nginx_dir>/nginx.conf -g 'daemon off;'`.
    """
    repo_root = Path(repo_root).resolve()
    nginx_dir = Path(nginx_dir).resolve()
    ports = {**DEFAULT_PORTS, **(ports or {})}
    web_root = Path(web_root).resolve() if web_root is not None else repo_root / "web" / "dist"
    nginx_dir.mkdir(parents=True, exist_ok=True)
    config = nginx_dir / "nginx.conf"
    shutil.copyfile(repo_root / NGINX_SOURCE, config)
    (nginx_dir / "upstreams.conf").write_text(render_upstreams(ports), encoding="utf-8")
    (nginx_dir / "listen.conf").write_text(f"listen {listen_host}:{ports['gateway']};\n", encoding="utf-8")
    # Quoted: a checkout path may hold spaces.
    (nginx_dir / "web-root.conf").write_text(f'root "{web_root.as_posix()}";\n', encoding="utf-8")
    return config


def prepare_runtime_files(repo_root: Path | str, var_dir: Path | str, ports: Mapping[str, int] | None = None) -> Layout:
    """Keys and nginx files for one run (no network): what `process_commands` expects to find."""
    layout = Layout(Path(repo_root).resolve(), Path(var_dir).resolve())
    layout.var_dir.mkdir(parents=True, exist_ok=True)
    ensure_jwt_keys(layout.key_dir)
    write_nginx_runtime(layout.repo_root, layout.nginx_dir, ports)
    return layout
