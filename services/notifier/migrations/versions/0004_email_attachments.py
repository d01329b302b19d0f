"""Notifier's e-mail attachments (the .ics invitation of approved dates).

A JSON list of {filename, content_type, content_base64} on each queued e-mail; existing rows get an empty list.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("emails", sa.Column("attachments", sa.JSON, nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    # Batch mode: SQLite (the embedded mode) rebuilds the table; PostgreSQL simply drops the column.
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("attachments")
