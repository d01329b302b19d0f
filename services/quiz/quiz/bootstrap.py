"""Quiz's composition root: the one place its parts are assembled, for the app, the worker and tests."""
from __future__ import annotations

from pathlib import Path

from tandem_shared.auth import TokenVerifier, load_public_keys
from tandem_shared.revocation import NotBeforeLookup
from tandem_shared.runtime import RuntimeSettings, ServiceRuntime

from .config import SERVICE, Settings
from .handlers import SUBSCRIPTIONS
from .models import Base, messaging, token_cutoffs
from .scheduler import schedule_loop

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def build_runtime(settings: Settings) -> ServiceRuntime:
    runtime = ServiceRuntime(
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
    # Quizzes open on their day with no one at the keyboard: the worker (and the embedded mode) checks the schedule.
    runtime.add_loop(schedule_loop(runtime, settings.public_url, settings.schedule_seconds))
    return runtime


def build_verifier(settings: Settings, runtime: ServiceRuntime) -> TokenVerifier:
    return TokenVerifier(
        load_public_keys(settings.jwt_public_keys) if settings.jwt_public_keys else {},
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        # Signing out or being disabled in engagement reaches us as a cut-off: older tokens die here too.
        not_before=NotBeforeLookup(runtime.db, token_cutoffs),
    )
