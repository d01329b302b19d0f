"""the yearly bundle per association and company (issue 15): the referents' confirmations of the « état récapitulatif
des journées » and of the receipt's data (Cerfa n° 16216)

Revision ID: 0002_yearly_bundle
Revises: 0001_initial
Create Date: 2026-12-05 00:10:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime

revision = "0002_yearly_bundle"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement_confirmations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("association_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("rows_sha256", sa.String(length=64), nullable=False),
        sa.Column("total_days", sa.Numeric(8, 1), nullable=False),
        sa.Column("confirmed_by", sa.String(length=36), nullable=False),
        sa.Column("confirmed_by_name", sa.String(length=200), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_confirmations")),
        sa.UniqueConstraint("company_id", "association_id", "year", "version", name="uq_statement_confirmations_version"),
    )
    op.create_index(op.f("ix_statement_confirmations_company_id"), "statement_confirmations", ["company_id"])
    op.create_index(op.f("ix_statement_confirmations_association_id"), "statement_confirmations", ["association_id"])
    op.create_table(
        "receipt_confirmations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("association_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("receipt_number", sa.String(length=50), nullable=False),
        sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        sa.Column("total_days", sa.Numeric(8, 1), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("confirmed_by", sa.String(length=36), nullable=False),
        sa.Column("confirmed_by_name", sa.String(length=200), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_confirmations")),
        sa.UniqueConstraint("company_id", "association_id", "year", "version", name="uq_receipt_confirmations_version"),
    )
    op.create_index(op.f("ix_receipt_confirmations_company_id"), "receipt_confirmations", ["company_id"])
    op.create_index(op.f("ix_receipt_confirmations_association_id"), "receipt_confirmations", ["association_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_receipt_confirmations_association_id"), table_name="receipt_confirmations")
    op.drop_index(op.f("ix_receipt_confirmations_company_id"), table_name="receipt_confirmations")
    op.drop_table("receipt_confirmations")
    op.drop_index(op.f("ix_statement_confirmations_association_id"), table_name="statement_confirmations")
    op.drop_index(op.f("ix_statement_confirmations_company_id"), table_name="statement_confirmations")
    op.drop_table("statement_confirmations")
