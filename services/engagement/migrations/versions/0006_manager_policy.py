"""who approves dates (issue 19, point 1): the company's policy on sending a request to someone other than the
recorded manager, and each request's recorded manager at the time; the managers employees typed themselves are
forgotten, since only a company admin (later SSO or SCIM) records a manager

Revision ID: 0006_manager_policy
Revises: 0005
Create Date: 2026-12-05 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_manager_policy'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('other_manager_policy', sa.String(length=30), server_default='allowed_notify_admin', nullable=False))
    with op.batch_alter_table('date_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recorded_manager_email', sa.String(length=254), nullable=True))
    # Until now the person typed this address (or their first request saved it): the company never vouched for it.
    # Requests already made keep recorded_manager_email null, so the admins see them among « autre manager ».
    op.execute("UPDATE people SET manager_email = NULL")


def downgrade() -> None:
    with op.batch_alter_table('date_requests', schema=None) as batch_op:
        batch_op.drop_column('recorded_manager_email')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('other_manager_policy')
