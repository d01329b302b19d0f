"""Impact's first schema: outbox, inbox, token cut-offs, the read model, pay data and the valuation settings.

Revision ID: 0001_initial
Revises:
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.migration_ops import (
    create_messaging_tables, create_token_cutoffs_table, drop_messaging_tables, drop_token_cutoffs_table,
)
from tandem_shared.timeutil import UTCDateTime

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_messaging_tables()
    create_token_cutoffs_table()
    op.create_table('associations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('rna', sa.String(length=20), nullable=True),
    sa.Column('siren', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('general_interest_label', sa.String(length=300), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_associations'))
    )
    op.create_table('companies',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('siren', sa.String(length=20), nullable=False),
    sa.Column('head_office_address', sa.String(length=500), nullable=False),
    sa.Column('entities', sa.JSON(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_companies'))
    )
    op.create_table('entity_daily_costs',
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('daily_cost', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('company_id', 'entity_id', name=op.f('pk_entity_daily_costs'))
    )
    op.create_table('missions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('association_id', sa.String(length=64), nullable=False),
    sa.Column('association_name', sa.String(length=200), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_missions'))
    )
    with op.batch_alter_table('missions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_missions_association_id'), ['association_id'], unique=False)

    op.create_table('participation_days',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('participation_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('end_of_career', sa.Boolean(), nullable=False),
    sa.Column('changed_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation_days')),
    sa.UniqueConstraint('participation_id', 'day', name='uq_participation_days_participation_day')
    )
    with op.batch_alter_table('participation_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_days_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_days_participation_id'), ['participation_id'], unique=False)

    op.create_table('participations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('mission_id', sa.String(length=64), nullable=True),
    sa.Column('mission_title', sa.String(length=200), nullable=True),
    sa.Column('association_name', sa.String(length=200), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('applied_at', UTCDateTime(), nullable=True),
    sa.Column('dates_approved_at', UTCDateTime(), nullable=True),
    sa.Column('convention_signed_at', UTCDateTime(), nullable=True),
    sa.Column('attested_at', UTCDateTime(), nullable=True),
    sa.Column('bilan_at', UTCDateTime(), nullable=True),
    sa.Column('bilan_answers', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participations'))
    )
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participations_mission_id'), ['mission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participations_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participations_year'), ['year'], unique=False)

    op.create_table('pay_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_audit'))
    )
    with op.batch_alter_table('pay_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_audit_company_id'), ['company_id'], unique=False)

    op.create_table('pay_permissions',
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('granted_by', sa.String(length=36), nullable=False),
    sa.Column('granted_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('company_id', 'person_id', name=op.f('pk_pay_permissions'))
    )
    op.create_table('pay_records',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('annual_gross_pay', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('employer_charge_rate', sa.Numeric(precision=6, scale=4), nullable=False),
    sa.Column('employed_from', sa.Date(), nullable=True),
    sa.Column('imported_by', sa.String(length=36), nullable=False),
    sa.Column('imported_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_records')),
    sa.UniqueConstraint('company_id', 'person_id', 'year', name='uq_pay_records_company_person_year')
    )
    with op.batch_alter_table('pay_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_records_company_id'), ['company_id'], unique=False)

    op.create_table('people',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=True),
    sa.Column('entity_id', sa.String(length=36), nullable=True),
    sa.Column('entity_name', sa.String(length=200), nullable=True),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('as_of', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_email'), ['email'], unique=False)

    op.create_table('valuation_settings',
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('turnover_excl_tax', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('prior_excess', sa.JSON(), nullable=False),
    sa.Column('exception_association_ids', sa.JSON(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('company_id', 'year', name=op.f('pk_valuation_settings'))
    )


def downgrade() -> None:
    op.drop_table('valuation_settings')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_email'))
        batch_op.drop_index(batch_op.f('ix_people_company_id'))

    op.drop_table('people')
    with op.batch_alter_table('pay_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_records_company_id'))

    op.drop_table('pay_records')
    op.drop_table('pay_permissions')
    with op.batch_alter_table('pay_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_audit_company_id'))

    op.drop_table('pay_audit')
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participations_year'))
        batch_op.drop_index(batch_op.f('ix_participations_person_id'))
        batch_op.drop_index(batch_op.f('ix_participations_mission_id'))

    op.drop_table('participations')
    with op.batch_alter_table('participation_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_days_participation_id'))
        batch_op.drop_index(batch_op.f('ix_participation_days_day'))

    op.drop_table('participation_days')
    with op.batch_alter_table('missions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_missions_association_id'))

    op.drop_table('missions')
    op.drop_table('entity_daily_costs')
    op.drop_table('companies')
    op.drop_table('associations')
    drop_token_cutoffs_table()
    drop_messaging_tables()
