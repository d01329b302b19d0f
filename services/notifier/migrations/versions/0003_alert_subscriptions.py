"""Notifier's alert subscriptions (a copy of engagement's preferences) and the alerts already sent.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_subscriptions",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("first_name", sa.String(100), nullable=True),
        sa.Column("company_id", sa.String(36), nullable=True),
        sa.Column("themes", sa.JSON, nullable=False),
        sa.Column("professional_expertises", sa.JSON, nullable=False),
        sa.Column("personal_expertises", sa.JSON, nullable=False),
        sa.Column("alerts_opt_in", sa.Boolean, nullable=False),
        sa.Column("as_of", UTCDateTime, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("contact_as_of", UTCDateTime, nullable=True),
        sa.Column("status_as_of", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("person_id", name="pk_alert_subscriptions"),
    )
    op.create_index("ix_alert_subscriptions_company_id", "alert_subscriptions", ["company_id"])
    op.create_table(
        "alerts_sent",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("mission_id", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "mission_id", name="pk_alerts_sent"),
    )


def downgrade() -> None:
    op.drop_table("alerts_sent")
    op.drop_index("ix_alert_subscriptions_company_id", table_name="alert_subscriptions")
    op.drop_table("alert_subscriptions")
