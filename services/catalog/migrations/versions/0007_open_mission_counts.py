"""« Toutes les missions »: the counts of the missions open to every company, maintained (issue 18)

« Toutes les missions » (no keyword, no filter) counted every visible mission at each request: 78,954
rows and 350–580 ms on the 100,000-mission bench. 0006 keeps those counts per catalogue version, but per
process: after any change, each worker's first visitor of each company paid the full count again.

Here the counts are maintained instead, on PostgreSQL: `open_mission_tag_counts` holds, for every tag of
`missions.search_facets` (0004: `t:environnement`, `r:Bretagne`, `a:<association id>`…) and for `#`
(the total), how many PUBLISHED missions OPEN TO EVERY COMPANY carry it. Row triggers on `missions` take
a mission's old tags out and put its new tags in, in the writer's own transaction, so the counts are
exactly those of the committed rows a reader's snapshot sees. The landing then reads these few hundred
rows and adds, counted on the spot, the published missions reserved to the viewer's company (a few
hundred through `ix_mission_companies_company_id`). Who may see a reserved mission (`mission_companies`)
does not enter the maintained counts, so no trigger is needed there.

Locks: a writer first takes `catalogue_version`'s row (as 0006's statement trigger will anyway), then
the tag rows; every writer takes them in that order, so two writers cannot deadlock on tag rows.
A TRUNCATE of `missions` (which fires no row trigger) empties the counts. Rows whose count falls to 0 stay (a value that comes back reuses them); readers skip them.

SQLite (the embedded mode, a few hundred missions) keeps counting, with 0006's kept counts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# A mission is counted when it is published and open to every company; its tags, without NULLs (a mission
# may have no region), plus '#' for the total.
PG_UPGRADE = [
    """
    CREATE FUNCTION catalog_open_mission_tags(p_status text, p_open boolean, p_facets text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN p_status = 'published' AND p_open
                    THEN array_remove(coalesce(p_facets, '{}'::text[]), NULL) || '#'::text
                    ELSE '{}'::text[] END
    $$
    """,
    """
    CREATE FUNCTION catalog_count_open_mission_tags() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        old_tags text[] := '{}';
        new_tags text[] := '{}';
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            old_tags := catalog_open_mission_tags(OLD.status, OLD.open_to_all_companies, OLD.search_facets);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            new_tags := catalog_open_mission_tags(NEW.status, NEW.open_to_all_companies, NEW.search_facets);
        END IF;
        IF old_tags = new_tags THEN
            RETURN NULL;
        END IF;
        -- Lock order: the catalogue's version first (every writer of missions takes it), then the tag rows.
        PERFORM 1 FROM catalogue_version WHERE id = 1 FOR UPDATE;
        INSERT INTO open_mission_tag_counts AS c (tag, missions)
            SELECT tag, sum(delta)::integer FROM (
                SELECT unnest(old_tags) AS tag, -1 AS delta
                UNION ALL
                SELECT unnest(new_tags), 1
            ) AS changes
            GROUP BY tag HAVING sum(delta) <> 0
            ORDER BY tag
        ON CONFLICT (tag) DO UPDATE SET missions = c.missions + EXCLUDED.missions;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER open_mission_tag_counts_insert_delete AFTER INSERT OR DELETE ON missions
        FOR EACH ROW EXECUTE FUNCTION catalog_count_open_mission_tags()
    """,
    # Most updates of a mission (its description, its dates, its image) change none of the three columns.
    """
    CREATE TRIGGER open_mission_tag_counts_update AFTER UPDATE ON missions
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                           OR OLD.open_to_all_companies IS DISTINCT FROM NEW.open_to_all_companies
                           OR OLD.search_facets IS DISTINCT FROM NEW.search_facets)
        EXECUTE FUNCTION catalog_count_open_mission_tags()
    """,
    # A TRUNCATE fires no row trigger: it empties the counts with the missions.
    """
    CREATE FUNCTION catalog_forget_open_mission_tags() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM open_mission_tag_counts;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER open_mission_tag_counts_truncate AFTER TRUNCATE ON missions
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_forget_open_mission_tags()
    """,
    """
    INSERT INTO open_mission_tag_counts (tag, missions)
        SELECT tag, count(*) FROM missions,
            unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
        GROUP BY tag
    """,
]

PG_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_truncate ON missions",
    "DROP FUNCTION IF EXISTS catalog_forget_open_mission_tags()",
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_update ON missions",
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_insert_delete ON missions",
    "DROP FUNCTION IF EXISTS catalog_count_open_mission_tags()",
    "DROP FUNCTION IF EXISTS catalog_open_mission_tags(text, boolean, text[])",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "open_mission_tag_counts",
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("missions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tag", name=op.f("pk_open_mission_tag_counts")),
    )
    for statement in PG_UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in PG_DOWNGRADE:
        op.execute(statement)
    op.drop_table("open_mission_tag_counts")
