"""Helpers for the cross-service tests: free ports, HTTP polling, tokens signed with a platform's key."""
from __future__ import annotations

import socket
import time
from pathlib import Path

import jwt
import requests

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("catalog", "engagement", "approval", "documents", "notifier", "quiz")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base_url: str, timeout: float = 60.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    pending = set(SERVICES)
    while pending:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the platform exited with {process.returncode} before answering")
        for service in list(pending):
            try:
                if requests.get(f"{base_url}/api/{service}/healthz", timeout=1).status_code == 200:
                    pending.discard(service)
            except requests.RequestException:
                pass
        if pending and time.monotonic() > deadline:
            raise AssertionError(f"not healthy within {timeout} s: {sorted(pending)}")
        if pending:
            time.sleep(0.2)


def token_signed_with(private_key_pem: str, subject: str, roles: list[str], ttl: int = 600) -> str:
    now = int(time.time())
    claims = {"sub": subject, "aud": "tandem", "iss": "tandem-engagement", "iat": now, "exp": now + ttl, "roles": roles}
    return jwt.encode(claims, private_key_pem, algorithm="EdDSA")


def poll(fetch, timeout: float, interval: float = 0.02):
    """Call `fetch` until it returns something truthy; returns (value, seconds waited)."""
    started = time.monotonic()
    while True:
        value = fetch()
        if value:
            return value, time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"nothing within {timeout} s")
        time.sleep(interval)
