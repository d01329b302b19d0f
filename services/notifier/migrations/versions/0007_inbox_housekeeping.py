"""inbox: an index on processed_at, what the worker's messaging housekeeping deletes old rows by

A plain CREATE INDEX, in the migration's transaction: the consumer's inbox INSERTs wait while it is built (0.3 s for
a million rows on the development machine, 2026-12-06; the inbox had never been pruned before).

Revision ID: 0007_inbox_housekeeping
Revises: 0006_quiz_notices
Create Date: 2026-12-06
"""
from tandem_shared.migration_ops import create_inbox_processed_index, drop_inbox_processed_index

revision = "0007_inbox_housekeeping"
down_revision = "0006_quiz_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_inbox_processed_index()


def downgrade() -> None:
    drop_inbox_processed_index()
