"""company identity providers for SSO (issue 14): OpenID Connect and SAML 2.0 providers per company and the e-mail
domains they answer for, started sign-ins (state, nonce, PKCE, SAML request id), seen SAML assertions (replay), and
the company's password fallback

Revision ID: 0012_identity_providers
Revises: 0011_scim
Create Date: 2026-12-05 00:00:00
"""
from alembic import op
import sqlalchemy as sa

from tandem_shared.timeutil import UTCDateTime


revision = '0012_identity_providers'
down_revision = '0011_scim'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sso_password_fallback', sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table('identity_providers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('protocol', sa.String(length=10), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('enabled', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('oidc_issuer', sa.String(length=500), nullable=True),
    sa.Column('oidc_client_id', sa.String(length=300), nullable=True),
    sa.Column('oidc_client_secret_encrypted', sa.Text(), nullable=True),
    sa.Column('oidc_client_secret_ref', sa.String(length=200), nullable=True),
    sa.Column('oidc_scopes', sa.String(length=300), nullable=True),
    sa.Column('saml_idp_metadata_xml', sa.Text(), nullable=True),
    sa.Column('saml_idp_metadata_url', sa.String(length=500), nullable=True),
    sa.Column('saml_idp_entity_id', sa.String(length=500), nullable=True),
    sa.Column('claim_mapping', sa.JSON(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_identity_providers_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_providers'))
    )
    with op.batch_alter_table('identity_providers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_providers_company_id'), ['company_id'], unique=False)

    op.create_table('identity_provider_domains',
    sa.Column('provider_id', sa.String(length=36), nullable=False),
    sa.Column('domain', sa.String(length=253), nullable=False),
    sa.ForeignKeyConstraint(['provider_id'], ['identity_providers.id'], name=op.f('fk_identity_provider_domains_provider_id_identity_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('provider_id', 'domain', name=op.f('pk_identity_provider_domains'))
    )
    with op.batch_alter_table('identity_provider_domains', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_provider_domains_domain'), ['domain'], unique=False)

    op.create_table('sso_login_attempts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('provider_id', sa.String(length=36), nullable=False),
    sa.Column('state', sa.String(length=128), nullable=True),
    sa.Column('nonce', sa.String(length=128), nullable=True),
    sa.Column('code_verifier', sa.String(length=128), nullable=True),
    sa.Column('saml_request_id', sa.String(length=128), nullable=True),
    sa.Column('return_path', sa.String(length=500), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('consumed_at', UTCDateTime(), nullable=True),
    sa.Column('pending_claims', sa.JSON(), nullable=True),
    sa.Column('completed_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['provider_id'], ['identity_providers.id'], name=op.f('fk_sso_login_attempts_provider_id_identity_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sso_login_attempts')),
    sa.UniqueConstraint('saml_request_id', name=op.f('uq_sso_login_attempts_saml_request_id')),
    sa.UniqueConstraint('state', name=op.f('uq_sso_login_attempts_state'))
    )
    with op.batch_alter_table('sso_login_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sso_login_attempts_provider_id'), ['provider_id'], unique=False)

    op.create_table('sso_seen_assertions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('provider_id', sa.String(length=36), nullable=False),
    sa.Column('assertion_id', sa.String(length=200), nullable=False),
    sa.Column('expires_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['provider_id'], ['identity_providers.id'], name=op.f('fk_sso_seen_assertions_provider_id_identity_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sso_seen_assertions')),
    sa.UniqueConstraint('provider_id', 'assertion_id', name=op.f('uq_sso_seen_assertions_provider_id'))
    )
    with op.batch_alter_table('sso_seen_assertions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sso_seen_assertions_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sso_seen_assertions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sso_seen_assertions_expires_at'))
    op.drop_table('sso_seen_assertions')

    with op.batch_alter_table('sso_login_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sso_login_attempts_provider_id'))
    op.drop_table('sso_login_attempts')

    with op.batch_alter_table('identity_provider_domains', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identity_provider_domains_domain'))
    op.drop_table('identity_provider_domains')

    with op.batch_alter_table('identity_providers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identity_providers_company_id'))
    op.drop_table('identity_providers')

    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('sso_password_fallback')
