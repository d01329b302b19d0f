"""Impact's WSGI entry point for gunicorn: `gunicorn -c gunicorn.conf.py impact.wsgi:app`."""
from tandem_shared.config import configure_process

from .app import create_app
from .config import SERVICE, Settings

settings = Settings.from_env()
configure_process(SERVICE, settings.trace_exporter, settings.log_level, settings.json_logs)
app = create_app(settings)
