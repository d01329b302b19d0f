"""associations.contact_email: the address catalog gives each association (its referent's), so that impact can tell
the association when the receipt data it confirmed no longer match the company's valuation (`impact.receipt.outdated`).
Copies made before keep none until catalog's next event about the association; the notifier skips them meanwhile.

Revision ID: 0007_association_contact
Revises: 0006_person_entities
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_association_contact"
down_revision = "0006_person_entities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("associations") as batch_op:
        batch_op.add_column(sa.Column("contact_email", sa.String(320), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("associations") as batch_op:
        batch_op.drop_column("contact_email")
