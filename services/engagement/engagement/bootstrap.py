"""Engagement's composition root: the one place its parts are assembled, for the app, the worker and tests."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tandem_shared.auth import TokenVerifier, load_public_keys
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime

from .config import SERVICE, Settings
from .handlers import SUBSCRIPTIONS
from .identity import TokenIssuer
from .models import Base, Person, messaging

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def build_runtime(settings: Settings) -> ServiceRuntime:
    return ServiceRuntime(
        settings=RuntimeSettings(
            service=SERVICE,
            database_url=settings.database_url,
            broker_url=settings.broker_url,
            migrations_dir=MIGRATIONS_DIR,
            delivery_limit=settings.delivery_limit,
            outbox_poll_interval=settings.outbox_poll_interval,
        ),
        metadata=Base.metadata,
        tables=messaging,
        subscriptions=SUBSCRIPTIONS,
    )


def build_issuer(settings: Settings) -> TokenIssuer:
    return TokenIssuer(settings.jwt_private_key, audience=settings.jwt_audience, issuer=settings.jwt_issuer,
                       ttl_seconds=settings.access_token_seconds)


def build_verifier(settings: Settings, runtime: ServiceRuntime, issuer: TokenIssuer) -> TokenVerifier:
    keys = load_public_keys(settings.jwt_public_keys) if settings.jwt_public_keys else {}
    keys[issuer.key_id] = issuer.public_key

    def not_before(person_id: str) -> datetime | None:
        # Engagement owns the cut-off itself: no event needed, and a deleted person's tokens die at once.
        with runtime.db.reading() as session:
            person = session.get(Person, person_id)
            if person is None:
                return None
            return person.tokens_not_before

    return TokenVerifier(keys, audience=settings.jwt_audience, issuer=settings.jwt_issuer, not_before=not_before)
