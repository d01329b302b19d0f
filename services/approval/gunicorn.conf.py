"""Gunicorn settings for approval's web process."""
from tandem_shared.gunicorn_defaults import *  # noqa: F401,F403
from tandem_shared.gunicorn_logging import redacting_logger
from approval import links

wsgi_app = "approval.wsgi:app"
# The manager's one-click links: /actions/<secret> here, /manager/demandes/<secret> as the page's Referer.
logger_class = redacting_logger((links.LINK_PATH + "/", "/actions/"))


def on_starting(server):
    # Once, in the master, before any worker serves: the schema is current when requests arrive.
    from approval.bootstrap import build_runtime
    from approval.config import Settings

    runtime = build_runtime(Settings.from_env())
    runtime.migrate()
    runtime.db.dispose()
