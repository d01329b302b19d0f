"""Impact's app factory."""
from __future__ import annotations

from flask import Flask

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.web import build_app

from .api import BLUEPRINTS
from .bootstrap import build_runtime, build_verifier
from .config import Settings


def create_app(settings: Settings | None = None, runtime: ServiceRuntime | None = None) -> Flask:
    settings = settings or Settings.from_env()
    runtime = runtime or build_runtime(settings)
    return build_app(settings, runtime, "Tandem — impact", BLUEPRINTS, build_verifier(settings, runtime))
