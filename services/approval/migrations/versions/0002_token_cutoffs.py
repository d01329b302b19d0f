"""Approval's token cut-offs: tokens a person got before signing out or being disabled are refused.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""
from tandem_shared.migration_ops import create_token_cutoffs_table, drop_token_cutoffs_table

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_token_cutoffs_table()


def downgrade() -> None:
    drop_token_cutoffs_table()
