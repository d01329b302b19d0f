"""Impact's composition root: the one place its parts are assembled, for the app, the worker and tests."""
from __future__ import annotations

from tandem_shared.auth import TokenVerifier
from tandem_shared.revocation import cutoff_verifier
from tandem_shared.runtime import ServiceRuntime, build_service_runtime, migrations_dir

from .config import Settings
from .handlers import subscriptions
from .models import Base, messaging, token_cutoffs

MIGRATIONS_DIR = migrations_dir(__file__)


def build_runtime(settings: Settings) -> ServiceRuntime:
    return build_service_runtime(settings, __file__, Base.metadata, messaging, subscriptions(settings))


def build_verifier(settings: Settings, runtime: ServiceRuntime) -> TokenVerifier:
    # Signing out or being disabled in engagement reaches us as a cut-off: older tokens die here too.
    return cutoff_verifier(settings, runtime.db, token_cutoffs)
