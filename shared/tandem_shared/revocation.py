"""Per-person token cut-offs: tokens issued before a person's "not before" time are refused.

Mechanism only. Each service decides which events carry a cut-off (their names are business
meaning and live in the service's `handlers.py`, each bound to a `CutoffHandler`); this module
stores the cut-off and answers `TokenVerifier`'s question "since when are this person's tokens
valid?" (`cutoff_verifier`).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from marshmallow import fields, validate
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .auth import TokenVerifier, build_token_verifier
from .db import Database
from .envelope import Event, EventData
from .inbox import UnitOfWork
from .timeutil import UTCDateTime

TABLE_NAME = "token_cutoffs"


def define_token_cutoffs_table(metadata: sa.MetaData) -> sa.Table:
    """One row per person whose older tokens must die; the migration is `migration_ops.create_token_cutoffs_table`."""
    return sa.Table(
        TABLE_NAME,
        metadata,
        sa.Column("person_id", sa.String(36), primary_key=True),
        sa.Column("not_before", UTCDateTime, nullable=False),
    )


def record_not_before(session: Session, table: sa.Table, person_id: str, not_before: datetime) -> None:
    """Move the person's cut-off forward to `not_before`; an older cut-off arriving late never moves it back.

    One statement (an upsert whose update only applies when the new time is later), so two
    events for the same person handled at once cannot undo each other.
    """
    if not_before.tzinfo is None:
        raise ValueError("not_before must be an aware datetime")
    values = {"person_id": person_id, "not_before": not_before}
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table).values(**values)
        session.execute(
            insert.on_conflict_do_update(
                index_elements=[table.c.person_id],
                set_={"not_before": insert.excluded.not_before},
                where=table.c.not_before < insert.excluded.not_before,
            )
        )
        return
    # Any other database: lock the row, then compare in Python.
    current = session.execute(
        sa.select(table.c.not_before).where(table.c.person_id == person_id).with_for_update()
    ).scalar_one_or_none()
    if current is None:
        session.execute(table.insert().values(**values))
    elif current < not_before:
        session.execute(table.update().where(table.c.person_id == person_id).values(not_before=not_before))


class CutoffSchema(EventData):
    """The narrow reading of any event that carries a cut-off: who, and since when tokens are valid."""

    person_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    not_before = fields.AwareDateTime(required=True)


def apply_cutoff(session: Session, table: sa.Table, data: dict[str, Any]) -> datetime:
    """Read an event's `person_id` and `not_before` and record the cut-off; returns the time read.

    Invalid data raises `marshmallow.ValidationError`: the handler fails and the message ends in
    the dead-letter queue rather than being silently dropped.
    """
    cutoff = CutoffSchema.read(data)
    record_not_before(session, table, cutoff["person_id"], cutoff["not_before"])
    return cutoff["not_before"]


class NotBeforeLookup:
    """`TokenVerifier`'s `not_before`: the person's cut-off, read from the database on every call.

    No cache: a logout must take effect on the very next request. The read is one primary-key
    lookup; on PostgreSQL it runs in autocommit, so it costs no BEGIN/ROLLBACK round trips.
    """

    def __init__(self, db: Database, table: sa.Table):
        self.db = db
        engine = db.engine
        if engine.dialect.name == "postgresql":
            # A lone SELECT needs no transaction; SQLite keeps the house's own transaction handling.
            engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.engine = engine
        self.query = sa.select(table.c.not_before).where(table.c.person_id == sa.bindparam("person_id"))
        self.max_length = table.c.person_id.type.length

    def __call__(self, subject: str) -> datetime | None:
        if self.max_length is not None and len(subject) > self.max_length:
            return None  # no person id is that long, so no row can match
        with self.engine.connect() as connection:
            return connection.execute(self.query, {"person_id": subject}).scalar_one_or_none()


class CutoffHandler:
    """The handler of an event that carries a cut-off (`person_id`, `not_before`): records it in `table`.

    One handler for every such event: signing out and being disabled move the cut-off the same way.
    """

    def __init__(self, table: sa.Table):
        self.table = table

    def __call__(self, event: Event, uow: UnitOfWork) -> None:
        apply_cutoff(uow.session, self.table, event.data)


def cutoff_verifier(settings: Any, db: Database, table: sa.Table) -> TokenVerifier:
    """The verifier of a service that keeps a copy of the cut-offs: tokens older than the person's cut-off die here too."""
    return build_token_verifier(settings, NotBeforeLookup(db, table))
