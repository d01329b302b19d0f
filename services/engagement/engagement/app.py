"""Engagement's app factory."""
from __future__ import annotations

from flask import Flask

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.web import build_app

from .api import BLUEPRINTS
from .api.scim import SCIM_SECURITY, SCIM_SECURITY_SCHEME, scim_fallback
from .bootstrap import build_issuer, build_runtime, build_verifier
from .config import Settings


def create_app(settings: Settings | None = None, runtime: ServiceRuntime | None = None) -> Flask:
    settings = settings or Settings.from_env()
    runtime = runtime or build_runtime(settings)
    issuer = build_issuer(settings)
    app = build_app(settings, runtime, "Tandem — engagement des collaborateurs", BLUEPRINTS, build_verifier(settings, runtime, issuer))
    app.extensions["tandem_issuer"] = issuer
    # The HR directory's SCIM token, which the /scim/v2 operations declare instead of a session.
    app.extensions["tandem_api"].spec.components.security_scheme(SCIM_SECURITY_SCHEME, SCIM_SECURITY)
    app.register_blueprint(scim_fallback)
    return app
