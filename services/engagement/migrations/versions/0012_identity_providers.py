"""company identity providers for SSO (issue 14): placeholder, filled in by the SSO work

Revision ID: 0012_identity_providers
Revises: 0011_scim
Create Date: 2026-12-05 00:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_identity_providers'
down_revision = '0011_scim'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
