"""Notifier's HTML alternative of an e-mail (the « Signe ta convention » button); existing rows stay plain text.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("emails", sa.Column("body_html", sa.Text, nullable=True))


def downgrade() -> None:
    # Batch mode: SQLite (the embedded mode) rebuilds the table; PostgreSQL simply drops the column.
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("body_html")
