"""« Préviens-moi quand un nouveau quiz est en ligne »: the quiz preference, off by default.

Revision ID: 0006_quiz_preference
Revises: 0005
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

revision = "0006_quiz_preference"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("preferences") as batch:
        batch.add_column(sa.Column("quiz_opt_in", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("preferences") as batch:
        batch.drop_column("quiz_opt_in")
