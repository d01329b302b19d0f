"""Migration steps shared by every service: the outbox and inbox tables, the token cut-offs."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from .timeutil import UTCDateTime


def create_messaging_tables() -> None:
    op.create_table(
        "outbox",
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("headers", sa.JSON, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("position", name="pk_outbox"),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_id"),
    )
    op.create_index("ix_outbox_unsent", "outbox", ["sent_at", "position"])
    op.create_table(
        "inbox",
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("processed_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_inbox"),
    )


def create_inbox_processed_index() -> None:
    """The index housekeeping deletes old inbox rows by (added after the tables, by each service's own revision)."""
    op.create_index("ix_inbox_processed_at", "inbox", ["processed_at"])


def drop_inbox_processed_index() -> None:
    op.drop_index("ix_inbox_processed_at", table_name="inbox")


def drop_messaging_tables() -> None:
    op.drop_table("inbox")
    op.drop_index("ix_outbox_unsent", table_name="outbox")
    op.drop_table("outbox")


def create_token_cutoffs_table() -> None:
    """The per-person token cut-offs of `revocation.define_token_cutoffs_table`."""
    op.create_table(
        "token_cutoffs",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("not_before", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("person_id", name="pk_token_cutoffs"),
    )


def drop_token_cutoffs_table() -> None:
    op.drop_table("token_cutoffs")
