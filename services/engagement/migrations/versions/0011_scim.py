"""SCIM provisioning (issue 14): the company's SCIM bearer tokens (hashed) and the HR directory's externalId of a
person

Revision ID: 0011_scim
Revises: 0010_account_mail_limits
Create Date: 2026-12-05 00:00:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime


revision = '0011_scim'
down_revision = '0010_account_mail_limits'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scim_tokens',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('last_used_at', UTCDateTime(), nullable=True),
    sa.Column('revoked_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_scim_tokens_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scim_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_scim_tokens_token_hash'))
    )
    with op.batch_alter_table('scim_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scim_tokens_company_id'), ['company_id'], unique=False)

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scim_external_id', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('scim_external_id')

    with op.batch_alter_table('scim_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scim_tokens_company_id'))

    op.drop_table('scim_tokens')
