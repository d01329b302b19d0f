"""withdrawn_readers: the addresses whose holder lost access, and since when (what was decided from them before no
longer lets them read)

Revision ID: 0008_withdrawn_readers
Revises: 0007_inbox_housekeeping
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0008_withdrawn_readers"
down_revision = "0007_inbox_housekeeping"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withdrawn_readers",
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=False),
        sa.Column("reinstated_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_withdrawn_readers")),
    )


def downgrade() -> None:
    op.drop_table("withdrawn_readers")
