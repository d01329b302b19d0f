"""Alembic, driven from code: each service's migrations run at start-up and in tests."""
from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

_MIGRATION_ONLY = "tandem.migration_only"


def declare_migration_only(metadata: sa.MetaData, *names: str) -> None:
    """Name what the migrations build that models.py deliberately does not describe.

    For database-specific structures only (a search index, its columns, SQLite's FTS tables): tables
    and indexes by name, columns as "table.column", shell-style wildcards allowed. Autogenerate and
    the models-against-migrations test then leave them alone instead of proposing to drop them.
    """
    metadata.info.setdefault(_MIGRATION_ONLY, set()).update(names)


def compared_with_models(metadata: sa.MetaData):
    """Alembic's include_object: skip what the database has, the models lack, and the service declared."""
    declared = metadata.info.get(_MIGRATION_ONLY, set())

    def include_object(obj, name, type_, reflected, compare_to) -> bool:
        if not reflected or compare_to is not None or name is None:
            return True
        qualified = f"{obj.table.name}.{name}" if type_ == "column" else name
        return not any(fnmatchcase(qualified, pattern) for pattern in declared)

    return include_object


def alembic_config(migrations_dir: str, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations_dir)))
    # ConfigParser interpolation would eat the % of URL-encoded passwords.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(migrations_dir: str, database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(migrations_dir, database_url), revision)


def run_migrations(target_metadata) -> None:
    """The body of every service's `migrations/env.py` (online mode only: we always have a database)."""
    from alembic import context

    from .db import make_engine

    url = context.config.get_main_option("sqlalchemy.url")
    connectable = context.config.attributes.get("connection")
    if connectable is not None:
        context.configure(
            connection=connectable, target_metadata=target_metadata, render_as_batch=True,
            include_object=compared_with_models(target_metadata),
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection, target_metadata=target_metadata, render_as_batch=True,
                include_object=compared_with_models(target_metadata),
            )
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    # The web process and the worker may start together: one migrates, the other waits.
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7261646)")
                context.run_migrations()
    finally:
        engine.dispose()
