"""The directory of « Je propose » (`GET /associations`), counted and sorted by the database, on SQLite and PostgreSQL.

A brute force in Python (what the directory did before it moved to SQL) is the oracle: the page, the total and every
facet count must equal it, whatever the keywords and filters.
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import associations, taxonomy
from catalog.models import Association
from catalog.text import fold
from tandem_shared.timeutil import utcnow

from .conftest import written_at_revision


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def harness(request):
    """The service on SQLite or on PostgreSQL, with no association."""
    harness = request.getfixturevalue("service" if request.param == "sqlite" else "service_on_real_infrastructure")
    with harness.runtime.unit_of_work() as uow:
        for table in ("mission_companies", "missions", "associations"):
            uow.session.execute(sa.text(f"DELETE FROM {table}"))
    return harness


def add(session, association_id: str, name: str, *, themes=(), region="Bretagne", city="Brest", description="",
        status="approved") -> None:
    now = utcnow()
    session.add(Association(
        id=association_id, name=name, rna=None, siren=None, address="1 place de la Mairie", city=city, department="29",
        region=region, website=None, contact_email=f"{association_id}@asso.example", themes=list(themes),
        description=description, representative_name="Claire Martin", representative_title="Présidente",
        general_interest_category="social", vetting_status=status, created_at=now, updated_at=now,
    ))


def directory(harness, q=None, theme=(), region=(), page=1, per_page=20):
    args = {"q": q, "theme": list(theme), "region": list(region), "page": page, "per_page": per_page}
    with harness.runtime.db.reading() as session:
        found = associations.directory(session, args)
        return [a.id for a in found["items"]], found["total"], found["facets"]


def brute_force(rows: list[dict], q, theme, region) -> tuple[list[str], int, dict]:
    """The directory's rule, association by association: every keyword begins a word; a facet skips its own filter."""
    words = [fold(w) for w in (q or "").split() if len(w) >= 2]

    def matches(row, skip=None) -> bool:
        text = fold(" ".join([row["name"], row["description"], row["city"], " ".join(row["themes"])])).split()
        if row["status"] != "approved" or not all(any(token.startswith(w) for token in text) for w in words):
            return False
        if skip != "theme" and theme and not set(theme) & set(row["themes"]):
            return False
        return skip == "region" or not region or row["region"] in region

    facets: dict[str, dict[str, int]] = {"theme": {}, "region": {}}
    for row in rows:
        if matches(row, "theme"):
            for value in row["themes"]:
                facets["theme"][value] = facets["theme"].get(value, 0) + 1
        if matches(row, "region"):
            facets["region"][row["region"]] = facets["region"].get(row["region"], 0) + 1
    selected = sorted((row for row in rows if matches(row)), key=lambda row: (fold(row["name"]), row["id"]))
    return [row["id"] for row in selected], len(selected), facets


# Names whose folded order differs from a naive one: accents, case, spaces and a ligature.
NAMES = ("Élan Solidaire", "elan solidaire", "Les Amis", "Les amis du cœur", "L'Abri", "Zèbre", "abc", "Œuvre Commune", "Ëté")
WORDS = ("théâtre", "musique", "vélo", "potager", "jardin", "jardinage", "cœur", "100%", "a_b")
QUERIES = (None, "", "théâtre", "THEATRE", "théâ", "jardin", "jardi vélo", "coeur", "ŒUV", "elan", "100%", "a_b", "%", "_", "x", "zz")
THEMES = taxonomy.THEMES[:4]
REGIONS = taxonomy.REGIONS[:3]

association_strategy = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES),
    "description": st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join),
    "city": st.sampled_from(("Brest", "Saint-Étienne", "Lyon")),
    "themes": st.lists(st.sampled_from(THEMES), max_size=3, unique=True),
    "region": st.sampled_from(REGIONS),
    "status": st.sampled_from(("approved", "approved", "approved", "pending")),
})
query_strategy = st.fixed_dictionaries({
    "q": st.sampled_from(QUERIES),
    "theme": st.lists(st.sampled_from(THEMES), max_size=2, unique=True),
    "region": st.lists(st.sampled_from(REGIONS), max_size=2, unique=True),
    "page": st.integers(1, 3),
    "per_page": st.integers(1, 4),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(association_strategy, max_size=12), queries=st.lists(query_strategy, min_size=1, max_size=4))
def test_the_page_the_total_and_every_facet_count_equal_a_brute_force(harness, rows, queries):
    with harness.runtime.unit_of_work() as uow:
        uow.session.execute(sa.delete(Association))
    rows = [{**row, "id": f"a-{i:02d}"} for i, row in enumerate(rows)]
    with harness.runtime.unit_of_work() as uow:
        for row in rows:
            add(uow.session, row["id"], row["name"], themes=row["themes"], region=row["region"], city=row["city"],
                description=row["description"], status=row["status"])
    for query in queries:
        order, total, facets = brute_force(rows, query["q"], query["theme"], query["region"])
        start = (query["page"] - 1) * query["per_page"]
        assert directory(harness, **query) == (order[start:start + query["per_page"]], total, facets), query


def test_an_edited_association_is_found_by_its_new_words_and_sorted_by_its_new_name(harness):
    with harness.runtime.unit_of_work() as uow:
        add(uow.session, "a-1", "Graines de Guillotière", themes=["environnement"], description="Jardins partagés.")
        add(uow.session, "a-2", "Les Petits Savants", themes=["sciences / recherche"])
    assert directory(harness, q="guillotiere jardin")[0] == ["a-1"]
    assert directory(harness)[0] == ["a-1", "a-2"]
    with harness.runtime.unit_of_work() as uow:
        association = uow.session.get(Association, "a-1")
        association.name, association.description = "Zone Verte", "Vergers en ville."
        association.themes = ["environnement", "sport"]
    assert directory(harness, q="guillotiere")[1] == 0
    assert directory(harness, q="verger zone")[0] == ["a-1"]
    assert directory(harness, q="sport")[0] == ["a-1"]  # a theme is a word too
    assert directory(harness)[0] == ["a-2", "a-1"]


def test_a_name_that_folding_lengthens_is_kept_whole(harness):
    """« œ » folds to « oe »: a name of 200 characters may fold to more."""
    name = "Œuvre " + "œ" * 194
    with harness.runtime.unit_of_work() as uow:
        add(uow.session, "a-1", name)
    assert directory(harness, q="oeuvre")[0] == ["a-1"]
    with harness.runtime.db.reading() as session:
        assert session.get(Association, "a-1").folded_name == "oeuvre " + "oe" * 194


def test_each_statement_reads_only_the_approved_associations_it_needs(harness):
    """No statement loads the whole directory: the page has a LIMIT, the counts are grouped by the database."""
    with harness.runtime.unit_of_work() as uow:
        for i in range(30):
            add(uow.session, f"a-{i:02d}", f"Association {i:02d}", themes=["sport"], description="Vélo et jardinage.")
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    engine = harness.runtime.db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        ids, total, facets = directory(harness, q="velo", per_page=5)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    assert (len(ids), total, facets["theme"], facets["region"]) == (5, 30, {"sport": 30}, {"Bretagne": 30})
    reads = [s for s in statements if "FROM associations" in s]
    assert len(reads) == 4, reads  # theme counts, region counts, the page's total, the page
    assert sum("LIMIT" in s for s in reads) == 1
    assert all("GROUP BY" in s or "LIMIT" in s or "count(*)" in s for s in reads), reads


def test_the_migration_fills_the_directory_columns_of_the_associations_already_there(harness):
    """Down to 0007, write an association as 0007 knew it, up again: the directory finds it by its words."""
    now = utcnow()
    with written_at_revision(harness, "0007") as connection:
        # Only the columns 0007 has: the INSERT names no other.
        connection.execute(sa.insert(Association.__table__).values(
            id="a-old", name="Éclats de Rire", address="", city="Quimper", department="29", region="Bretagne",
            contact_email="old@asso.example", themes=["arts / culture"], description="Théâtre d'improvisation.",
            representative_name="", representative_title="", general_interest_category="culturel",
            vetting_status="approved", created_at=now, updated_at=now))
    assert directory(harness, q="eclats theatre quimper")[0] == ["a-old"]
    assert directory(harness, q="arts")[2]["theme"] == {"arts / culture": 1}
    with harness.runtime.db.reading() as session:
        assert session.get(Association, "a-old").folded_name == "eclats de rire"
