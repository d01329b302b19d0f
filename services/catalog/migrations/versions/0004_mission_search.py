"""mission search in the database: tsvector + GIN (PostgreSQL), FTS5 (SQLite)

What the search ("Je trouve", `catalog.search`) relies on, built here for the rows already there
and kept in sync by triggers, so no writer (API, demo loader, bulk insert) has to think about it.

PostgreSQL
  * `unaccent` (a trusted extension since PostgreSQL 13: the database owner may create it).
  * Two text search configurations: `french_unaccent` (french with `unaccent` before `french_stem`)
    and `simple_unaccent` (no stemming). The document holds both: the French stems give the
    morphology ("jardins" finds "jardin"), the unstemmed words make every prefix work ("associati"
    stems to "associat" while "association" stems to "associ", so a stemmed prefix alone misses it;
    about 4 % of the prefixes of the demo vocabulary fail that way).
  * `missions.search_vector`, weighted: A the title, B the association's name, themes and
    expertises, C the description and city.
  * `missions.search_facets`, the mission's filter values as tags, one letter for the facet:
    `a:<association id>`, `r:<region>`, `t:<theme>`, `p:<professional expertise>`,
    `e:<personal expertise>`. Every filter is then `search_facets && '{t:…,t:…}'`, which the index
    below answers together with the keywords, and the facet counts unnest one small array per
    matching row (see `catalog.search`).
  * Both set by a BEFORE trigger on missions, and the document refreshed for an association's
    missions when it is renamed. A generated column cannot read `associations`.
  * One GIN index on both columns (`ix_missions_search`), partial (`WHERE status = 'published'`:
    only published missions are searched; the search writes that condition as a literal so that
    the planner can use the index with generic plans too).
  * A B-tree index on `mission_companies (company_id)`: "reserved to my company" is then an index
    lookup instead of a scan of every reservation (the primary key starts with mission_id).

SQLite (embedded mode)
  * `missions_fts`, an FTS5 table (unicode61, remove_diacritics 2) with the same three parts in
    three columns plus the mission id (UNINDEXED: a mission's rowid is not stable across the table
    copies that Alembic's batch mode makes on SQLite). Triggers on missions and associations keep
    it in sync. œ and æ are spelled oe and ae first, as unaccent does on PostgreSQL.

WARNING for later migrations on SQLite: `op.batch_alter_table("missions")` recreates the table
when it must (altering or dropping a column), and dropping the table drops its triggers. Such a
migration must recreate the three `missions_fts_*` triggers below (and rebuild `missions_fts`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LIST_COLUMNS = ("themes", "professional_expertises", "personal_expertises")

# -- PostgreSQL -------------------------------------------------------------------------------

PG_UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent'
                       AND cfgnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())) THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent'
                       AND cfgnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())) THEN
            CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION simple_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    # The weighted document of a mission. STABLE, not IMMUTABLE: it reads the association's name.
    """
    CREATE FUNCTION catalog_mission_document(
        p_title text, p_association_id varchar, p_themes json, p_professional json, p_personal json,
        p_description text, p_city text
    ) RETURNS tsvector LANGUAGE sql STABLE AS $$
        WITH parts AS (
            SELECT coalesce(p_title, '') AS a,
                   concat_ws(' ',
                       (SELECT name FROM associations WHERE id = p_association_id),
                       (SELECT string_agg(v, ' ') FROM json_array_elements_text(p_themes) AS v),
                       (SELECT string_agg(v, ' ') FROM json_array_elements_text(p_professional) AS v),
                       (SELECT string_agg(v, ' ') FROM json_array_elements_text(p_personal) AS v)) AS b,
                   concat_ws(' ', p_description, p_city) AS c
        )
        SELECT setweight(to_tsvector('french_unaccent', a), 'A')
            || setweight(to_tsvector('french_unaccent', b), 'B')
            || setweight(to_tsvector('french_unaccent', c), 'C')
            || setweight(to_tsvector('simple_unaccent', a), 'A')
            || setweight(to_tsvector('simple_unaccent', b), 'B')
            || setweight(to_tsvector('simple_unaccent', c), 'C')
        FROM parts
    $$
    """,
    # The filter values as tags (the letters are catalog.search.FACET_TAGS).
    """
    CREATE FUNCTION catalog_mission_facets(
        p_association_id varchar, p_region varchar, p_themes json, p_professional json, p_personal json
    ) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
        SELECT ARRAY['a:' || p_association_id, 'r:' || p_region]
            || ARRAY(SELECT 't:' || v FROM json_array_elements_text(p_themes) AS v)
            || ARRAY(SELECT 'p:' || v FROM json_array_elements_text(p_professional) AS v)
            || ARRAY(SELECT 'e:' || v FROM json_array_elements_text(p_personal) AS v)
    $$
    """,
    """
    CREATE FUNCTION catalog_missions_search_columns() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := catalog_mission_document(NEW.title, NEW.association_id, NEW.themes,
            NEW.professional_expertises, NEW.personal_expertises, NEW.description, NEW.city);
        NEW.search_facets := catalog_mission_facets(NEW.association_id, NEW.region, NEW.themes,
            NEW.professional_expertises, NEW.personal_expertises);
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER missions_search_columns
        BEFORE INSERT OR UPDATE OF title, association_id, region, themes, professional_expertises,
            personal_expertises, description, city
        ON missions FOR EACH ROW EXECUTE FUNCTION catalog_missions_search_columns()
    """,
    # A renamed association: its missions' documents carry its name.
    """
    CREATE FUNCTION catalog_associations_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE missions SET search_vector = catalog_mission_document(title, association_id, themes,
            professional_expertises, personal_expertises, description, city)
        WHERE association_id = NEW.id;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER associations_search_vector
        AFTER UPDATE OF name ON associations FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION catalog_associations_search_vector()
    """,
]

PG_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS associations_search_vector ON associations",
    "DROP FUNCTION IF EXISTS catalog_associations_search_vector()",
    "DROP TRIGGER IF EXISTS missions_search_columns ON missions",
    "DROP FUNCTION IF EXISTS catalog_missions_search_columns()",
    "DROP FUNCTION IF EXISTS catalog_mission_document(text, varchar, json, json, json, text, text)",
    "DROP FUNCTION IF EXISTS catalog_mission_facets(varchar, varchar, json, json, json)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
    # The extension stays: other objects of the database may use it.
]

# -- SQLite -----------------------------------------------------------------------------------


def _sqlite_fold(expression: str) -> str:
    # remove_diacritics folds é to e but leaves the ligatures alone; unaccent spells them out.
    for ligature, spelled in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE")):
        expression = f"replace({expression}, '{ligature}', '{spelled}')"
    return expression


def _sqlite_list(column: str) -> str:
    return f"(SELECT group_concat(value, ' ') FROM json_each({column}))"


def _sqlite_row(m: str) -> str:
    """The FTS row of mission `m` (a table alias, or NEW in a trigger)."""
    tags = " || ' ' || ".join(
        [f"coalesce((SELECT name FROM associations WHERE id = {m}.association_id), '')"]
        + [f"coalesce({_sqlite_list(f'{m}.{column}')}, '')" for column in LIST_COLUMNS]
    )
    return (
        f"{m}.id, {_sqlite_fold(f'{m}.title')}, {_sqlite_fold(tags)},"
        f" {_sqlite_fold(f'''{m}.description || ' ' || {m}.city''')}"
    )


SQLITE_UPGRADE = [
    """
    CREATE VIRTUAL TABLE missions_fts USING fts5(
        mission_id UNINDEXED, title, tags, body,
        tokenize = "unicode61 remove_diacritics 2"
    )
    """,
    f"INSERT INTO missions_fts (mission_id, title, tags, body) SELECT {_sqlite_row('m')} FROM missions AS m",
    f"""
    CREATE TRIGGER missions_fts_insert AFTER INSERT ON missions BEGIN
        INSERT INTO missions_fts (mission_id, title, tags, body) SELECT {_sqlite_row('new')};
    END
    """,
    f"""
    CREATE TRIGGER missions_fts_update
    AFTER UPDATE OF title, association_id, themes, professional_expertises, personal_expertises, description, city
    ON missions BEGIN
        DELETE FROM missions_fts WHERE mission_id = old.id;
        INSERT INTO missions_fts (mission_id, title, tags, body) SELECT {_sqlite_row('new')};
    END
    """,
    """
    CREATE TRIGGER missions_fts_delete AFTER DELETE ON missions BEGIN
        DELETE FROM missions_fts WHERE mission_id = old.id;
    END
    """,
    f"""
    CREATE TRIGGER associations_fts_update AFTER UPDATE OF name ON associations
    WHEN old.name IS NOT new.name BEGIN
        DELETE FROM missions_fts WHERE mission_id IN (SELECT id FROM missions WHERE association_id = new.id);
        INSERT INTO missions_fts (mission_id, title, tags, body)
            SELECT {_sqlite_row('m')} FROM missions AS m WHERE m.association_id = new.id;
    END
    """,
]

SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS associations_fts_update",
    "DROP TRIGGER IF EXISTS missions_fts_delete",
    "DROP TRIGGER IF EXISTS missions_fts_update",
    "DROP TRIGGER IF EXISTS missions_fts_insert",
    "DROP TABLE IF EXISTS missions_fts",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.add_column("missions", sa.Column("search_vector", postgresql.TSVECTOR(), nullable=True))
        op.add_column("missions", sa.Column("search_facets", postgresql.ARRAY(sa.Text()), nullable=True))
        for statement in PG_UPGRADE:
            op.execute(statement)
        # Index the rows already there (the trigger only sees later writes).
        op.execute(
            "UPDATE missions SET search_vector = catalog_mission_document(title, association_id, themes,"
            " professional_expertises, personal_expertises, description, city),"
            " search_facets = catalog_mission_facets(association_id, region, themes, professional_expertises,"
            " personal_expertises)"
        )
        # One GIN index on both columns, not one each: a keyword search with filters is then a single
        # index scan that intersects the two inside the index. With two indexes the planner, which
        # underrates the cost of testing a tsvector row by row, often reads every row the filters
        # match and tests the keywords on each (measured on 100,000 missions: 150 ms instead of 37).
        op.create_index("ix_missions_search", "missions", ["search_vector", "search_facets"], postgresql_using="gin",
                        postgresql_where=sa.text("status = 'published'"))
    elif dialect == "sqlite":
        for statement in SQLITE_UPGRADE:
            op.execute(statement)
    else:
        raise NotImplementedError(f"catalog's search supports PostgreSQL and SQLite, not {dialect}")
    op.create_index("ix_mission_companies_company_id", "mission_companies", ["company_id"])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index("ix_mission_companies_company_id", table_name="mission_companies")
    if dialect == "postgresql":
        op.drop_index("ix_missions_search", table_name="missions")
        for statement in PG_DOWNGRADE:
            op.execute(statement)
        op.drop_column("missions", "search_facets")
        op.drop_column("missions", "search_vector")
    elif dialect == "sqlite":
        for statement in SQLITE_DOWNGRADE:
            op.execute(statement)
