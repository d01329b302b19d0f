"""what anyone can ask without an account (issue 19, point 5): sign-ups, verification links and resets asked from
each client IP, which the per-IP limits count (the per-address limits on verification and reset e-mails count
sent_messages rows, of new kinds, and need no schema change)

Revision ID: 0010_account_mail_limits
Revises: 0009_quiz_preference
Create Date: 2026-12-06 10:00:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime


revision = '0010_account_mail_limits'
down_revision = '0009_quiz_preference'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('anonymous_requests',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anonymous_requests'))
    )
    with op.batch_alter_table('anonymous_requests', schema=None) as batch_op:
        batch_op.create_index('ix_anonymous_requests_address_kind_at', ['address', 'kind', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('anonymous_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_anonymous_requests_address_kind_at')

    op.drop_table('anonymous_requests')
