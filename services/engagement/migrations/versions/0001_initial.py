"""Engagement's first schema: mission copies, outbox and inbox.

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
        "mission_copies",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("association_name", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("url", sa.String(500), nullable=False),
        sa.Column("as_of", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mission_copies"),
    )


def downgrade() -> None:
    op.drop_table("mission_copies")
    drop_messaging_tables()
