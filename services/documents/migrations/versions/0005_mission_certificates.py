"""the employee's « attestation de mission de mécénat de compétences » (issue 15): rendered with the bilan from the
days attested present, stored beside it; bilans received before have none (their event carried no dates)

Revision ID: 0005_mission_certificates
Revises: 0004_decider_readers
Create Date: 2026-12-05 00:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_mission_certificates'
down_revision = '0004_decider_readers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bilans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attended_dates', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('certificate_pdf', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('certificate_sha256', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('bilans', schema=None) as batch_op:
        batch_op.drop_column('certificate_sha256')
        batch_op.drop_column('certificate_pdf')
        batch_op.drop_column('attended_dates')
