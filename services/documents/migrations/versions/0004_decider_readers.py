"""the convention's manager reader is who decided the approval (issue 19, point 1): approved_requests.decider_email,
from approval's decided_by_email; until now links were bound to the address the request was sent to, so the rows
already received take that address

Revision ID: 0004_decider_readers
Revises: 0003
Create Date: 2026-12-05 11:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_decider_readers'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('approved_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decider_email', sa.String(length=254), nullable=True))
    op.execute("UPDATE approved_requests SET decider_email = manager_email")
    with op.batch_alter_table('approved_requests', schema=None) as batch_op:
        batch_op.alter_column('decider_email', existing_type=sa.String(length=254), nullable=False)
        batch_op.create_index(batch_op.f('ix_approved_requests_decider_email'), ['decider_email'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('approved_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approved_requests_decider_email'))
        batch_op.drop_column('decider_email')
