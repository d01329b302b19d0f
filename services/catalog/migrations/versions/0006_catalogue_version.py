"""the catalogue's version: a counter every write to the searched tables bumps (issue 18)

`catalog.search` keeps the facet counts and total of a search without keywords (« Toutes les
missions » and the filters alone) per catalogue version: a count is served again only while the
version it was computed at is still the current one. So every write that may change a count bumps
the version IN ITS OWN TRANSACTION, by triggers: whoever writes (API, demo loader, bulk COPY, a
later migration), the counter moves with the data, and a reader who sees the new data sees the new
version.

`catalogue_version` holds one row (id 1). Bumped after any INSERT, UPDATE or DELETE on `missions`,
`mission_companies` (who may see a reserved mission) and `associations` (a mission's search text and its
association facet carry the association's name; deleting an association that still has missions is refused by
the missions' foreign key, it takes none with it), and on PostgreSQL after a TRUNCATE of them. PostgreSQL bumps once per statement (a bulk
COPY of 100,000 missions is one bump); SQLite, which has no statement triggers, once per row. The
bump takes the row's lock until the writer commits: writers of the catalogue queue behind each other
there, which costs nothing at the catalogue's pace of writes (missions are published by hand). One
risk comes with it: two transactions that each write the SAME rows in several statements can deadlock
(one holds the counter and waits for a row the other holds); PostgreSQL then aborts one of them. A
sequence would not do instead: its next value is seen before the writer commits, so a reader could
count the old data under the new version.

`ix_missions_recent`: the page of a search without keywords is the newest published missions; this
index gives them in order (PostgreSQL: partial on published missions) without sorting them all,
which matters once the counts come from the cache.

WARNING for later migrations on SQLite: as for 0004's triggers, recreating `missions` (batch mode)
drops the `catalogue_version_*` triggers of missions; such a migration must recreate them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
import time

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("missions", "mission_companies", "associations")

PG_UPGRADE = [
    """
    CREATE FUNCTION catalog_bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
    END
    $$
    """,
    *(f"""
    CREATE TRIGGER catalogue_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_catalogue_version()
    """ for table in TABLES),
]

PG_DOWNGRADE = [
    *(f"DROP TRIGGER IF EXISTS catalogue_version_{table} ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS catalog_bump_catalogue_version()",
]

SQLITE_UPGRADE = [
    f"""
    CREATE TRIGGER catalogue_version_{table}_{operation.lower()} AFTER {operation} ON {table} BEGIN
        UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
    END
    """
    for table in TABLES for operation in ("INSERT", "UPDATE", "DELETE")
]

SQLITE_DOWNGRADE = [
    f"DROP TRIGGER IF EXISTS catalogue_version_{table}_{operation.lower()}"
    for table in TABLES for operation in ("INSERT", "UPDATE", "DELETE")
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"catalog's search supports PostgreSQL and SQLite, not {dialect}")
    op.create_table(
        "catalogue_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_catalogue_version_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_version")),
    )
    # Starts at the clock (microseconds), not 0: a process that outlives a downgrade and an upgrade (the
    # tests do) never meets a version it already kept counts for.
    op.execute(f"INSERT INTO catalogue_version (id, version) VALUES (1, {time.time_ns() // 1000})")
    for statement in PG_UPGRADE if dialect == "postgresql" else SQLITE_UPGRADE:
        op.execute(statement)
    if dialect == "postgresql":
        op.create_index("ix_missions_recent", "missions", [sa.text("published_at DESC"), sa.text("id")],
                        postgresql_where=sa.text("status = 'published'"))
    else:
        op.create_index("ix_missions_recent", "missions", [sa.text("published_at DESC"), sa.text("id")])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index("ix_missions_recent", table_name="missions")
    for statement in PG_DOWNGRADE if dialect == "postgresql" else SQLITE_DOWNGRADE:
        op.execute(statement)
    op.drop_table("catalogue_version")
