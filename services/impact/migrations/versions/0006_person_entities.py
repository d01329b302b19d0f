"""person_entities: which entity each person was in from when, so that a year's valuation takes the entity of that year
(a move to another entity no longer rewrites the years before). Seeded with each person's entity as impact knows it
now: the history before cannot be recovered, and as the earliest row it stands for every year before, as it did.

Revision ID: 0006_person_entities
Revises: 0005_daily_costs_per_year
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0006_person_entities"
down_revision = "0005_daily_costs_per_year"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_entities",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("since", UTCDateTime(), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=True),
        sa.Column("entity_name", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("person_id", "since", name=op.f("pk_person_entities")),
    )
    op.execute("INSERT INTO person_entities (person_id, since, entity_id, entity_name) "
               "SELECT person_id, as_of, entity_id, entity_name FROM people")


def downgrade() -> None:
    op.drop_table("person_entities")
