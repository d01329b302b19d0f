"""Gunicorn settings for engagement's web process."""
from tandem_shared.gunicorn_defaults import *  # noqa: F401,F403
from tandem_shared.gunicorn_logging import redacting_logger

wsgi_app = "engagement.wsgi:app"
# Single-use links (verification, password reset, invitation): the API paths and, as Referer, the pages they open.
logger_class = redacting_logger(("/email-verifications/", "/password-resets/", "/invitations/",
                                  "/inscription/verification/", "/mot-de-passe/nouveau/", "/invitation/"))


def on_starting(server):
    # Once, in the master, before any worker serves: the schema is current when requests arrive.
    from engagement.bootstrap import build_runtime
    from engagement.config import Settings

    runtime = build_runtime(Settings.from_env())
    runtime.migrate()
    runtime.db.dispose()
