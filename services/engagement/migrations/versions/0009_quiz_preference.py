"""« Préviens-moi quand un nouveau quiz est en ligne »: the quiz preference, off by default.

Revision ID: 0009_quiz_preference
Revises: 0008_session_families
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

revision = "0009_quiz_preference"
down_revision = "0008_session_families"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("preferences") as batch:
        batch.add_column(sa.Column("quiz_opt_in", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("preferences") as batch:
        batch.drop_column("quiz_opt_in")
