"""new-user journey fixes (issue 16): no schema change

The journey fixes turned out to need no new column. The revision stays, empty, because databases made since it was
released are stamped with it; a new change of engagement's schema comes after it.

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
