"""date_requests.addressee_left_at: when the account holding the request's address was deleted (the next holder of the
address does not see the former manager's team)

Revision ID: 0015_addressee_left
Revises: 0014_inbox_housekeeping
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0015_addressee_left"
down_revision = "0014_inbox_housekeeping"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("date_requests") as batch_op:
        batch_op.add_column(sa.Column("addressee_left_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("date_requests") as batch_op:
        batch_op.drop_column("addressee_left_at")
