"""SCIM provisioning (issue 14): placeholder, filled in by the SCIM work

Revision ID: 0011_scim
Revises: 0010_account_mail_limits
Create Date: 2026-12-05 00:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_scim'
down_revision = '0010_account_mail_limits'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
