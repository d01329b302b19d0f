"""refresh-token families (issue 19, point 7): each session row is one refresh token of a log-in's family;
a renewal marks its token rotated instead of deleting or revoking it, so that reusing it is recognised

Revision ID: 0008_session_families
Revises: 0007_send_limits
Create Date: 2026-12-04 21:10:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime


revision = '0008_session_families'
down_revision = '0007_send_limits'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('family_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('rotated_at', UTCDateTime(), nullable=True))
    # Sessions opened before families existed each start their own.
    op.execute("UPDATE sessions SET family_id = id")
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.alter_column('family_id', existing_type=sa.String(length=36), nullable=False)
        batch_op.create_index(batch_op.f('ix_sessions_family_id'), ['family_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_family_id'))
        batch_op.drop_column('rotated_at')
        batch_op.drop_column('family_id')
