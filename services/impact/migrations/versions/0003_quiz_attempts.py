"""Impact's copy of quiz's attempts (who answered a quiz, when): the report counts the company's quiz participants.

Revision ID: 0003_quiz_attempts
Revises: 0002_yearly_bundle
Create Date: 2026-12-05
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime

revision = "0003_quiz_attempts"
down_revision = "0002_yearly_bundle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quiz_attempts",
        sa.Column("attempt_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", name=op.f("pk_quiz_attempts")),
    )
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quiz_attempts_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quiz_attempts_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_attempts_person_id"))
        batch_op.drop_index(batch_op.f("ix_quiz_attempts_company_id"))
    op.drop_table("quiz_attempts")
