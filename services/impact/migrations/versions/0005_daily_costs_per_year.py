"""entity_daily_costs.year: a default daily cost is set for one civil year, so that setting next year's cost no longer
rewrites the valuation of a year already valued. Each cost already there becomes the cost of the year it was last
set in; as the earliest one, it still values every year before (valuation.costs_in_force), so no valuation changes.

Revision ID: 0005_daily_costs_per_year
Revises: 0004_inbox_housekeeping
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_daily_costs_per_year"
down_revision = "0004_inbox_housekeeping"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entity_daily_costs") as batch_op:
        batch_op.add_column(sa.Column("year", sa.Integer(), nullable=True))
    year_of_update = ("CAST(EXTRACT(YEAR FROM updated_at) AS INTEGER)" if op.get_bind().dialect.name == "postgresql"
                      else "CAST(strftime('%Y', updated_at) AS INTEGER)")
    op.execute(f"UPDATE entity_daily_costs SET year = {year_of_update}")
    with op.batch_alter_table("entity_daily_costs") as batch_op:
        batch_op.alter_column("year", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint("pk_entity_daily_costs", type_="primary")
        batch_op.create_primary_key("pk_entity_daily_costs", ["company_id", "entity_id", "year"])


def downgrade() -> None:
    # Back to one cost per entity: the latest year's.
    op.execute("DELETE FROM entity_daily_costs WHERE year < (SELECT MAX(later.year) FROM entity_daily_costs AS later "
               "WHERE later.company_id = entity_daily_costs.company_id AND later.entity_id = entity_daily_costs.entity_id)")
    with op.batch_alter_table("entity_daily_costs") as batch_op:
        batch_op.drop_constraint("pk_entity_daily_costs", type_="primary")
        batch_op.create_primary_key("pk_entity_daily_costs", ["company_id", "entity_id"])
        batch_op.drop_column("year")
