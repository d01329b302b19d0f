"""new-user journey fixes (issue 16): placeholder, filled in by that work

Revision ID: 0013_journeys
Revises: 0012_identity_providers
Create Date: 2026-12-05 00:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_journeys'
down_revision = '0012_identity_providers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
