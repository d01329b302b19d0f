"""The outbox and inbox tables that every service adds to its own metadata and migrations."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from .timeutil import UTCDateTime


@dataclass(frozen=True)
class MessagingTables:
    outbox: sa.Table
    inbox: sa.Table


def define_messaging_tables(metadata: sa.MetaData) -> MessagingTables:
    outbox = sa.Table(
        "outbox",
        metadata,
        # position keeps publication in commit order; the event id is what consumers deduplicate on.
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("headers", sa.JSON, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text, nullable=True),
    )
    sa.Index("ix_outbox_unsent", outbox.c.sent_at, outbox.c.position)
    inbox = sa.Table(
        "inbox",
        metadata,
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("processed_at", UTCDateTime, nullable=False),
    )
    # What housekeeping deletes by (`housekeeping.prune_messaging`).
    sa.Index("ix_inbox_processed_at", inbox.c.processed_at)
    return MessagingTables(outbox=outbox, inbox=inbox)
