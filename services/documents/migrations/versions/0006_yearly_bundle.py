"""the yearly bundle per association and company (issue 15): the sealed « état récapitulatif des journées » and the
receipt's data sheet (Cerfa n° 16216), rendered from impact's confirmations

Revision ID: 0006_yearly_bundle
Revises: 0005_mission_certificates
Create Date: 2026-12-05 00:20:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime

revision = '0006_yearly_bundle'
down_revision = '0005_mission_certificates'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'day_statements',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('company_id', sa.String(length=36), nullable=False),
        sa.Column('association_id', sa.String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('total_days', sa.Float(), nullable=False),
        sa.Column('confirmed_at', UTCDateTime(), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('rendered_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_day_statements')),
    )
    op.create_index(op.f('ix_day_statements_company_id'), 'day_statements', ['company_id'])
    op.create_index(op.f('ix_day_statements_association_id'), 'day_statements', ['association_id'])
    op.create_table(
        'donation_receipts',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('statement_id', sa.String(length=36), nullable=False),
        sa.Column('company_id', sa.String(length=36), nullable=False),
        sa.Column('association_id', sa.String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('receipt_number', sa.String(length=50), nullable=False),
        sa.Column('confirmed_at', UTCDateTime(), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('rendered_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_donation_receipts')),
    )
    op.create_index(op.f('ix_donation_receipts_company_id'), 'donation_receipts', ['company_id'])
    op.create_index(op.f('ix_donation_receipts_association_id'), 'donation_receipts', ['association_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_donation_receipts_association_id'), table_name='donation_receipts')
    op.drop_index(op.f('ix_donation_receipts_company_id'), table_name='donation_receipts')
    op.drop_table('donation_receipts')
    op.drop_index(op.f('ix_day_statements_association_id'), table_name='day_statements')
    op.drop_index(op.f('ix_day_statements_company_id'), table_name='day_statements')
    op.drop_table('day_statements')
