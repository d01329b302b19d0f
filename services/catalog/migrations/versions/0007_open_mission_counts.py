"""« Toutes les missions »: the counts of the missions open to every company, maintained (issue 18)

« Toutes les missions » (no keyword, no filter) counted every visible mission at each request: 78,954
rows and 350–580 ms on the 100,000-mission bench. 0006 keeps those counts per catalogue version, but per
process: after any change, each worker's first visitor of each company paid the full count again.

Here the counts are maintained instead, on PostgreSQL: `open_mission_tag_counts` holds, for every tag of
`missions.search_facets` (0004: `t:environnement`, `r:Bretagne`, `a:<association id>`…) and for `#`
(the total), how many PUBLISHED missions OPEN TO EVERY COMPANY carry it. Statement triggers on `missions`
take the old tags of the rows a statement changed out and put their new tags in, in the writer's own
transaction (one aggregate per statement, from its transition tables: a bulk COPY costs one upsert per tag), so the counts are
exactly those of the committed rows a reader's snapshot sees. The landing then reads these few hundred
rows and adds, counted on the spot, the published missions reserved to the viewer's company (a few
hundred through `ix_mission_companies_company_id`). Who may see a reserved mission (`mission_companies`)
does not enter the maintained counts, so no trigger is needed there.

Locks: a writer first takes `catalogue_version`'s row (as 0006's statement trigger does anyway), then
the tag rows in the order of their tags; every writer takes them in that order, so two writers cannot deadlock on tag rows.
A TRUNCATE of `missions` (which no INSERT/UPDATE/DELETE trigger sees) empties the counts. Rows whose count falls to 0 stay (a value that comes back reuses them); readers skip them.

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
    # One trigger per statement, reading the statement's old and new rows (transition tables): a bulk COPY of
    # 100,000 missions is one aggregate, not 100,000 upserts. PostgreSQL allows transition tables on a trigger
    # of one event only, hence three triggers on one function.
    """
    CREATE FUNCTION catalog_count_open_mission_tags() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- Lock order: the catalogue's version first (0006's trigger, named before this one, already took it for
        -- this write), then the tag rows in the order of their tags: two writers never wait the other way round.
        PERFORM 1 FROM catalogue_version WHERE id = 1 FOR UPDATE;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO open_mission_tag_counts AS c (tag, missions)
                SELECT tag, count(*) FROM new_missions,
                    unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
                GROUP BY tag ORDER BY tag
            ON CONFLICT (tag) DO UPDATE SET missions = c.missions + EXCLUDED.missions;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO open_mission_tag_counts AS c (tag, missions)
                SELECT tag, -count(*) FROM old_missions,
                    unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
                GROUP BY tag ORDER BY tag
            ON CONFLICT (tag) DO UPDATE SET missions = c.missions + EXCLUDED.missions;
        ELSE
            -- Most updates (a description, dates, a photo) change no tag: their changes sum to nothing.
            INSERT INTO open_mission_tag_counts AS c (tag, missions)
                SELECT tag, sum(delta) FROM (
                    SELECT tag, -1 AS delta FROM old_missions,
                        unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
                    UNION ALL
                    SELECT tag, 1 FROM new_missions,
                        unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
                ) AS changes
                GROUP BY tag HAVING sum(delta) <> 0 ORDER BY tag
            ON CONFLICT (tag) DO UPDATE SET missions = c.missions + EXCLUDED.missions;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER open_mission_tag_counts_insert AFTER INSERT ON missions
        REFERENCING NEW TABLE AS new_missions
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_open_mission_tags()
    """,
    """
    CREATE TRIGGER open_mission_tag_counts_update AFTER UPDATE ON missions
        REFERENCING OLD TABLE AS old_missions NEW TABLE AS new_missions
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_open_mission_tags()
    """,
    """
    CREATE TRIGGER open_mission_tag_counts_delete AFTER DELETE ON missions
        REFERENCING OLD TABLE AS old_missions
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_open_mission_tags()
    """,
    # A TRUNCATE is none of the three events: it empties the counts with the missions.
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
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_insert ON missions",
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_update ON missions",
    "DROP TRIGGER IF EXISTS open_mission_tag_counts_delete ON missions",
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
