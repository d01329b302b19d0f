"""Gunicorn settings for impact's web process."""
from tandem_shared.gunicorn_defaults import *  # noqa: F401,F403

wsgi_app = "impact.wsgi:app"


def on_starting(server):
    # Once, in the master, before any worker serves: the schema is current when requests arrive.
    from impact.bootstrap import build_runtime
    from impact.config import Settings

    runtime = build_runtime(Settings.from_env())
    runtime.migrate()
    runtime.db.dispose()
