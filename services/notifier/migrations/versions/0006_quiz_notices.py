"""« Le nouveau quiz est en ligne »: the quiz opt-in in the alert subscriptions copy, and the notices sent (one per
person per quiz).

Revision ID: 0006_quiz_notices
Revises: 0005
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime

revision = "0006_quiz_notices"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alert_subscriptions") as batch:
        batch.add_column(sa.Column("quiz_opt_in", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "quiz_notices_sent",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("quiz_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "quiz_id", name=op.f("pk_quiz_notices_sent")),
    )


def downgrade() -> None:
    op.drop_table("quiz_notices_sent")
    with op.batch_alter_table("alert_subscriptions") as batch:
        batch.drop_column("quiz_opt_in")
