"""A service under test: its app, runtime and database, tokens to call it, and its contract checked on the way out.

Each service's `tests/conftest.py` builds one per test; `close()` validates every event the
service wrote to its outbox against the JSON Schemas of its AsyncAPI document.
"""
from __future__ import annotations

import importlib
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .auth import key_id
from .contract import AsyncApiDocument
from .envelope import Event
from .testing import deliver, make_event, published


class TokenFactory:
    """Mints session tokens as engagement will, with a key pair made for the test run."""

    audience = "tandem"
    issuer = "tandem-engagement"

    def __init__(self) -> None:
        self.private_key = Ed25519PrivateKey.generate()
        self.private_pem = self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode("ascii")
        self.public_pem = (
            self.private_key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode("ascii")
        )

    @property
    def key_id(self) -> str:
        return key_id(self.private_key.public_key())

    def mint(self, subject: str = "person-1", roles: Iterable[str] = ("employee",), ttl: int = 300, **claims: Any) -> str:
        now = int(time.time())
        payload = {
            "sub": subject,
            "aud": self.audience,
            "iss": self.issuer,
            "iat": now,
            "exp": now + ttl,
            "roles": list(roles),
            **claims,
        }
        return jwt.encode(payload, self.private_key, algorithm="EdDSA", headers={"kid": self.key_id})

    def headers(self, subject: str = "person-1", roles: Iterable[str] = ("employee",), **claims: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.mint(subject, roles, **claims)}"}


class ServiceHarness:
    def __init__(
        self,
        package: str,
        service_dir: Path,
        database_url: str,
        broker_url: str = "memory://",
        tokens: TokenFactory | None = None,
        environ: dict[str, str] | None = None,
    ):
        self.package = package
        self.tokens = tokens or TokenFactory()
        self.contract = AsyncApiDocument(Path(service_dir) / "asyncapi.yaml")
        config = importlib.import_module(f"{package}.config")
        bootstrap = importlib.import_module(f"{package}.bootstrap")
        app_module = importlib.import_module(f"{package}.app")
        env = {
            f"{package.upper()}_DATABASE_URL": database_url,
            "TANDEM_BROKER_URL": broker_url,
            "TANDEM_JWT_PUBLIC_KEYS": self.tokens.public_pem,
            # Only engagement signs; giving it the factory's key lets tests mix minted and issued tokens.
            "ENGAGEMENT_JWT_PRIVATE_KEY": self.tokens.private_pem,
            "TANDEM_PUBLIC_URL": "http://tandem.test",
            "TANDEM_OUTBOX_POLL_SECONDS": "0.5",
            **(environ or {}),
        }
        self.settings = config.Settings.from_env(env)
        self.runtime = bootstrap.build_runtime(self.settings)
        self.runtime.migrate()
        self.app = app_module.create_app(self.settings, self.runtime)
        self.app.testing = True
        self.client = self.app.test_client()

    # -- events -------------------------------------------------------------------------

    def deliver(self, type: str, data: dict[str, Any], event_id: str | None = None) -> str:
        return deliver(self.runtime, make_event(type, data, event_id=event_id or str(uuid.uuid4())))

    def deliver_event(self, event: Event) -> str:
        return deliver(self.runtime, event)

    def published(self, type: str | None = None) -> list[Event]:
        return published(self.runtime, type)

    def check_contract(self) -> None:
        declared = self.contract.published_types()
        for event in self.published():
            assert event.type in declared, f"{self.package} published {event.type}, which its AsyncAPI document does not declare"
            self.contract.validate(event.type, event.data)

    def close(self, check_contract: bool = True) -> None:
        try:
            if check_contract:
                self.check_contract()
        finally:
            self.runtime.stop()


def wait_for(predicate: Callable[[], Any], timeout: float = 5.0, interval: float = 0.01) -> Any:
    """Poll until `predicate` returns something truthy; fail with a clear message at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)
