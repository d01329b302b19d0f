"""Engagement's composition root: the one place its parts are assembled, for the app, the worker and tests."""
from __future__ import annotations

from datetime import datetime

from tandem_shared.auth import TokenVerifier, build_token_verifier
from tandem_shared.runtime import ServiceRuntime, build_service_runtime, migrations_dir

from .config import Settings
from .handlers import subscriptions
from .identity import TokenIssuer
from .models import Base, Person, messaging

MIGRATIONS_DIR = migrations_dir(__file__)


def build_runtime(settings: Settings) -> ServiceRuntime:
    return build_service_runtime(settings, __file__, Base.metadata, messaging, subscriptions(settings))


def build_issuer(settings: Settings) -> TokenIssuer:
    return TokenIssuer(settings.jwt_private_key, audience=settings.jwt_audience, issuer=settings.jwt_issuer,
                       ttl_seconds=settings.access_token_seconds)


def build_verifier(settings: Settings, runtime: ServiceRuntime, issuer: TokenIssuer) -> TokenVerifier:
    def not_before(person_id: str) -> datetime | None:
        # Engagement owns the cut-off itself: no event needed, and a deleted person's tokens die at once.
        with runtime.db.reading() as session:
            person = session.get(Person, person_id)
            if person is None:
                return None
            return person.tokens_not_before

    return build_token_verifier(settings, not_before, own_keys={issuer.key_id: issuer.public_key})
