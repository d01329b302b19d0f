"""Notifier's composition root: the one place its parts are assembled, for the app, the worker and tests."""
from __future__ import annotations

from pathlib import Path

from tandem_shared.auth import TokenVerifier, load_public_keys
from tandem_shared.revocation import NotBeforeLookup
from tandem_shared.runtime import BackgroundLoop, RuntimeSettings, ServiceRuntime

from .config import SERVICE, Settings
from .handlers import build_subscriptions
from .models import Base, messaging, token_cutoffs
from .mailbox import EMAIL_QUEUED
from .sender import MailSender

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
        subscriptions=build_subscriptions(settings),
    )
    sender = MailSender(
        runtime.db,
        host=settings.smtp_host,
        port=settings.smtp_port,
        mail_from=settings.mail_from,
        max_attempts=settings.mail_max_attempts,
    )
    runtime.add_loop(BackgroundLoop(name="mail-sender", run=sender.run, wake=sender.wake, wake_when=EMAIL_QUEUED))
    return runtime


def build_verifier(settings: Settings, runtime: ServiceRuntime) -> TokenVerifier:
    return TokenVerifier(
        load_public_keys(settings.jwt_public_keys) if settings.jwt_public_keys else {},
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        # Signing out or being disabled in engagement reaches us as a cut-off: older tokens die here too.
        not_before=NotBeforeLookup(runtime.db, token_cutoffs),
    )
