"""e-mails people have Tandem send (issue 19, point 5): one row per share or proposal, which the per-person
rate limits and the daily allowance of outside recipients count

Revision ID: 0007_send_limits
Revises: 0006_manager_policy
Create Date: 2026-12-05 10:30:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime


revision = '0007_send_limits'
down_revision = '0006_manager_policy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sent_messages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('recipient_count', sa.Integer(), nullable=False),
    sa.Column('outside_count', sa.Integer(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_sent_messages_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_messages'))
    )
    with op.batch_alter_table('sent_messages', schema=None) as batch_op:
        batch_op.create_index('ix_sent_messages_person_id_kind_at', ['person_id', 'kind', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sent_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_sent_messages_person_id_kind_at')

    op.drop_table('sent_messages')
