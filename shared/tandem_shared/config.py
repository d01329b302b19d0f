"""Reading the settings every service has in common, from a mapping its own config passes in."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import telemetry
from .bus import parse_delays


def read_key_material(environ: Mapping[str, str], name: str) -> str:
    """Key text from `NAME` itself, or from the file `NAME_FILE` points at (mounted secrets)."""
    inline = environ.get(name, "")
    if inline.strip():
        return inline
    path = environ.get(f"{name}_FILE", "")
    if path:
        return Path(path).read_text(encoding="ascii")
    return ""


@dataclass(frozen=True)
class CommonSettings:
    """The settings every service has; each service's `Settings` extends it with its own."""

    service: str
    data_dir: str
    database_url: str
    broker_url: str
    delivery_limit: int
    outbox_poll_interval: float
    trace_exporter: str
    log_level: str
    json_logs: bool
    public_url: str
    jwt_public_keys: str
    jwt_audience: str
    jwt_issuer: str
    # The retry policy (bus.RetryPolicy) and the publisher's confirm timeout: messaging_settings() below.
    immediate_retries: int
    retry_delays: tuple[float, ...]
    database_probe_interval: float
    confirm_timeout: float
    # How many messages already delivered the consumer handles in one transaction (1: one by one).
    consumer_batch: int
    # Days sent outbox rows and inbox rows are kept before the worker's housekeeping deletes them.
    outbox_keep_days: int
    inbox_keep_days: int


def messaging_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """The bus settings, the same for every service and for `tandem-topology` (retry queues are named by delay)."""
    return {
        "delivery_limit": int(environ.get("TANDEM_DELIVERY_LIMIT", "5")),
        "immediate_retries": int(environ.get("TANDEM_IMMEDIATE_RETRIES", "2")),
        "retry_delays": parse_delays(environ.get("TANDEM_RETRY_DELAYS", "5,30,120,600")),
        "database_probe_interval": float(environ.get("TANDEM_DATABASE_PROBE_SECONDS", "2")),
        "confirm_timeout": float(environ.get("TANDEM_PUBLISH_CONFIRM_TIMEOUT", "15")),
        # At most 64: each message of a batch is a savepoint, hence a PostgreSQL subtransaction; past 64 in one
        # transaction PostgreSQL's subtransaction cache overflows and every session's snapshots slow down.
        "consumer_batch": positive_int(environ, "TANDEM_CONSUMER_BATCH", 20, maximum=64),
        # A sent outbox row keeps the event's whole body (names, addresses, links): a week for looking into an
        # incident. An inbox row must outlive any redelivery of its event (retries, a consumer down for a while).
        "outbox_keep_days": positive_int(environ, "TANDEM_OUTBOX_KEEP_DAYS", 7, maximum=3650),
        "inbox_keep_days": positive_int(environ, "TANDEM_INBOX_KEEP_DAYS", 30, maximum=3650),
    }


def positive_int(environ: Mapping[str, str], name: str, default: int, maximum: int) -> int:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= maximum:
        raise ValueError(f"{name} must be a whole number from 1 to {maximum}, not {text!r}")
    return value


def common_settings(service: str, environ: Mapping[str, str]) -> dict[str, Any]:
    """Settings with working defaults for the embedded mode (SQLite under TANDEM_DATA_DIR, memory bus)."""
    data_dir = Path(environ.get("TANDEM_DATA_DIR", "var"))
    prefix = service.upper()
    return {
        "service": service,
        "data_dir": str(data_dir),
        "database_url": environ.get(f"{prefix}_DATABASE_URL") or f"sqlite:///{(data_dir / f'{service}.db').as_posix()}",
        "broker_url": environ.get("TANDEM_BROKER_URL", "memory://"),
        **messaging_settings(environ),
        "outbox_poll_interval": float(environ.get("TANDEM_OUTBOX_POLL_SECONDS", "5")),
        "trace_exporter": environ.get("TANDEM_TRACE_EXPORTER", "none"),
        "log_level": environ.get("TANDEM_LOG_LEVEL", "INFO"),
        "json_logs": environ.get("TANDEM_LOG_FORMAT", "json") == "json",
        "public_url": environ.get("TANDEM_PUBLIC_URL", "http://127.0.0.1:8080").rstrip("/"),
        "jwt_public_keys": read_key_material(environ, "TANDEM_JWT_PUBLIC_KEYS"),
        "jwt_audience": environ.get("TANDEM_JWT_AUDIENCE", "tandem"),
        "jwt_issuer": environ.get("TANDEM_JWT_ISSUER", "tandem-engagement"),
    }


def configure_process(service: str, trace_exporter: str, log_level: str = "INFO", json_logs: bool = True) -> None:
    """Once per process (gunicorn app, worker, embedded mode): logs and the tracer provider."""
    telemetry.configure_logging(service, log_level, json_logs)
    telemetry.configure_tracing(service, trace_exporter)
