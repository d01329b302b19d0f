"""Alembic environment for impact."""
from alembic import context

from impact.config import Settings
from impact.models import Base
from tandem_shared.migrations import run_migrations

if not context.config.get_main_option("sqlalchemy.url"):
    context.config.set_main_option("sqlalchemy.url", Settings.from_env().database_url.replace("%", "%%"))
run_migrations(Base.metadata)
