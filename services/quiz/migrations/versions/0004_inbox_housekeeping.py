"""inbox: an index on processed_at, what the worker's messaging housekeeping deletes old rows by

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""
from tandem_shared.migration_ops import create_inbox_processed_index, drop_inbox_processed_index

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_inbox_processed_index()


def downgrade() -> None:
    drop_inbox_processed_index()
