"""withdrawn_approvers: the addresses whose holder lost access, and since when (requests sent to them before are out of
their reach)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withdrawn_approvers",
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=False),
        sa.Column("reinstated_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_withdrawn_approvers")),
    )


def downgrade() -> None:
    op.drop_table("withdrawn_approvers")
