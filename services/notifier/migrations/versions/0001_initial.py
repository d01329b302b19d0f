"""Notifier's first schema: the mail queue, outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.migration_ops import create_messaging_tables, drop_messaging_tables
from tandem_shared.timeutil import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "emails",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("event_type", sa.String(200), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body_text", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_emails"),
        sa.UniqueConstraint("event_id", "recipient", name="uq_emails_event_recipient"),
    )
    op.create_index("ix_emails_recipient", "emails", ["recipient"])
    op.create_index("ix_emails_due", "emails", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_emails_due", table_name="emails")
    op.drop_index("ix_emails_recipient", table_name="emails")
    op.drop_table("emails")
    drop_messaging_tables()
