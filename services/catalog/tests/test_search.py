"""The search ("Je trouve", `GET /missions`), on SQLite (FTS5) and on PostgreSQL (tsvector + GIN).

Every test runs on both databases: `engine` is the `service` fixture (SQLite, memory bus) or
`service_on_real_infrastructure` (PostgreSQL, RabbitMQ; marked `integration`). The PostgreSQL database
lives for the whole module, so each test starts by emptying the catalogue.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from catalog import taxonomy
from catalog.domain import Viewer
from catalog.models import Association, Mission, MissionCompany
from catalog.search import FACETS, Filters, Link, linked_counts, search_missions, search_statements
from tandem_shared.timeutil import utcnow

from .conftest import written_at_revision

BASE_TIME = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def engine(request):
    """The service on SQLite or on PostgreSQL, with an empty catalogue."""
    harness = request.getfixturevalue("service" if request.param == "sqlite" else "service_on_real_infrastructure")
    empty_catalogue(harness)
    return harness


def empty_catalogue(harness) -> None:
    with harness.runtime.unit_of_work() as uow:
        for table in ("mission_companies", "missions", "associations"):
            uow.session.execute(sa.text(f"DELETE FROM {table}"))


def add_association(session, association_id: str, name: str, themes=("social / précarité",)) -> None:
    now = utcnow()
    session.add(Association(
        id=association_id, name=name, rna=None, siren=None, address="1 place de la Mairie", city="Lyon", department="69",
        region="Auvergne-Rhône-Alpes", website=None, contact_email=f"{association_id}@asso.example", themes=list(themes),
        description="Une association de quartier.", representative_name="Claire Martin", representative_title="Présidente",
        general_interest_category="social", vetting_status="approved", created_at=now, updated_at=now,
    ))


def add_mission(session, mission_id: str, association_id: str, *, title: str = "Mission de quartier", description: str = "Une mission.",
                themes=(), professional=(), personal=(), region: str = "Bretagne", city: str = "Brest", status: str = "published",
                published_at: datetime | None = BASE_TIME, companies=()) -> None:
    now = utcnow()
    session.add(Mission(
        id=mission_id, association_id=association_id, title=title, description=description, themes=list(themes),
        professional_expertises=list(professional), personal_expertises=list(personal), format="half_day", duration="",
        address="", city=city, department=taxonomy.departments_of_region(region)[0], region=region, remote_possible=False,
        places=1, all_jobs=False, open_to_all_companies=not companies, contact_name="Claire Martin",
        contact_email="claire@asso.example", contact_phone=None, status=status, created_by="op-1", created_at=now,
        updated_at=now, published_at=published_at if status != "draft" else None,
        closed_at=now if status == "closed" else None,
        companies=[MissionCompany(company_id=company) for company in companies],
    ))


def employee(company_id: str | None = "c-1") -> Viewer:
    return Viewer(person_id="emp-1", company_id=company_id, roles=frozenset({"employee"}), association_ids=frozenset())


def search(harness, viewer: Viewer | None = None, page: int = 1, per_page: int = 20, **filters):
    with harness.runtime.db.reading() as session:
        items, total, facets = search_missions(session, viewer or employee(), Filters(**filters), page, per_page)
        return [mission.id for mission in items], total, facets


# -- the property: the database counts what a brute force counts ----------------------------------

# Words that only ever appear where the test puts them (titles and descriptions), chosen so that no
# query below is a prefix of any other word of the data: the brute force can then rank exactly.
VOCABULARY = ("théâtre", "musique", "vélo", "potager")
QUERIES = (None, "", "   ", "théâtre", "THEATRE", "théâ", "Musiq", "musique", "vélo", "VELO", "pota", "potager", "xylophone")
ASSOCIATIONS = {"a-1": "Association Alpha", "a-2": "Les Amis de Bêta", "a-3": "Collectif Gamma"}
# Small pools, so that random filters often select something.
THEMES = taxonomy.THEMES[:4]
PROFESSIONAL = taxonomy.PROFESSIONAL_EXPERTISES[:3]
PERSONAL = taxonomy.PERSONAL_EXPERTISES[:3]
REGIONS = ("Bretagne", "Île-de-France", "Occitanie")
CITIES = ("Lyon", "Brest", "Lille", "Nantes", "Dijon")
COMPANIES = ("c-1", "c-2", "c-3")


def fold(text: str) -> str:
    lowered = text.casefold().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return [token for token in re.split(r"[\W_]+", fold(text)) if token]


def sublist(values):
    return st.lists(st.sampled_from(values), unique=True, max_size=3)


def maybe_filter(values):
    """No filter two times in three, else one or two values (sometimes one no mission has)."""
    return st.just([]) | st.just([]) | st.lists(st.sampled_from(values), unique=True, min_size=1, max_size=2)


missions_strategy = st.lists(
    st.fixed_dictionaries({
        "association": st.sampled_from(sorted(ASSOCIATIONS)),
        "themes": sublist(THEMES),
        "professional": sublist(PROFESSIONAL),
        "personal": sublist(PERSONAL),
        "region": st.sampled_from(REGIONS),
        "city": st.sampled_from(CITIES),
        "title_word": st.none() | st.sampled_from(VOCABULARY),
        "description_word": st.none() | st.sampled_from(VOCABULARY),
        "status": st.sampled_from(("published", "published", "published", "draft", "closed")),
        # Few distinct dates, so that equal dates fall back to the id.
        "day": st.integers(min_value=0, max_value=6),
        "companies": st.just(()) | st.lists(st.sampled_from(COMPANIES), unique=True, min_size=1, max_size=2),
    }),
    min_size=20, max_size=40,
)

filters_strategy = st.fixed_dictionaries({
    "association": maybe_filter(sorted(ASSOCIATIONS) + ["a-unknown"]),
    "theme": maybe_filter(THEMES + taxonomy.THEMES[-1:]),
    "professional_expertise": maybe_filter(PROFESSIONAL),
    "personal_expertise": maybe_filter(PERSONAL),
    "region": maybe_filter(REGIONS),
    "q": st.sampled_from(QUERIES),
    "company": st.sampled_from(COMPANIES + (None,)),
    "per_page": st.integers(min_value=1, max_value=8),
    "page": st.integers(min_value=1, max_value=3),
})


def store(harness, generated: list[dict]) -> list[dict]:
    """Write the generated missions; return them as the brute force sees them."""
    rows = []
    empty_catalogue(harness)
    with harness.runtime.unit_of_work() as uow:
        for association_id, name in ASSOCIATIONS.items():
            add_association(uow.session, association_id, name)
        uow.session.flush()
        for i, m in enumerate(generated):
            mission_id = f"m-{i:03d}"
            title = f"Atelier {m['title_word']} n°{i}" if m["title_word"] else f"Atelier n°{i}"
            description = "Une mission en ville avec des jeunes" + (f" autour de {m['description_word']}" if m["description_word"] else "") + "."
            published_at = BASE_TIME + timedelta(days=m["day"])
            add_mission(uow.session, mission_id, m["association"], title=title, description=description, themes=m["themes"],
                        professional=m["professional"], personal=m["personal"], region=m["region"], city=m["city"],
                        status=m["status"], published_at=published_at, companies=m["companies"])
            rows.append({**m, "id": mission_id, "title": title, "description": description, "published_at": published_at})
    return rows


def values_of(row: dict, facet: str) -> set[str]:
    return {
        "association": {row["association"]},
        "theme": set(row["themes"]),
        "professional_expertise": set(row["professional"]),
        "personal_expertise": set(row["personal"]),
        "region": {row["region"]},
    }[facet]


def brute_force(rows: list[dict], wanted: dict):
    """What the search must answer, in plain Python: (ids in order, total, facets)."""
    words = [word for word in tokens(wanted["q"] or "") if len(word) >= 2]
    assert len(words) <= 1, "one word at most: several words rank by their distance on PostgreSQL"

    def visible(row):
        return row["status"] == "published" and (not row["companies"] or wanted["company"] in row["companies"])

    def relevance(row):
        if not words:
            return 0
        title, other = tokens(row["title"]), tokens(" ".join([
            ASSOCIATIONS[row["association"]], *row["themes"], *row["professional"], *row["personal"], row["description"], row["city"]]))
        in_title = any(token.startswith(words[0]) for token in title)
        in_description = any(token.startswith(words[0]) for token in tokens(row["description"]))
        # The vocabulary appears nowhere else, so a hit is in the title or the description (or both).
        assert any(token.startswith(words[0]) for token in other) == in_description
        # A title hit outranks a description hit; both outrank either (ts_rank_cd on PostgreSQL, hit counts on SQLite).
        return 10 * in_title + 2 * in_description

    def passes(row, skipped=None):
        return all(not wanted[facet] or values_of(row, facet) & set(wanted[facet]) for facet in FACETS if facet != skipped)

    candidates = [row for row in rows if visible(row) and (not words or relevance(row) > 0)]
    facets = {}
    for facet in FACETS:
        counts = {}
        for row in candidates:
            if passes(row, skipped=facet):
                for value in values_of(row, facet):
                    counts[value] = counts.get(value, 0) + 1
        facets[facet] = dict(sorted(counts.items()))
    selected = sorted((row for row in candidates if passes(row)), key=lambda row: (-relevance(row), -row["published_at"].timestamp(), row["id"]))
    return [row["id"] for row in selected], len(selected), facets


def check_against_brute_force(harness, generated, queries) -> None:
    rows = store(harness, generated)
    for wanted in queries:
        filters = {facet: tuple(wanted[facet]) for facet in FACETS}
        order, total, facets = brute_force(rows, wanted)
        event(f"keywords: {bool((wanted['q'] or '').strip())}, filters: {sum(bool(wanted[f]) for f in FACETS)}, found: {min(total, 3)}+")
        start = (wanted["page"] - 1) * wanted["per_page"]
        got_ids, got_total, got_facets = search(harness, employee(wanted["company"]), wanted["page"], wanted["per_page"], q=wanted["q"], **filters)
        assert got_total == total, wanted
        assert got_facets == facets, wanted
        assert got_ids == order[start:start + wanted["per_page"]], wanted


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(generated=missions_strategy, queries=st.lists(filters_strategy, min_size=1, max_size=4))
def test_total_page_and_every_facet_count_equal_a_brute_force_count(engine, generated, queries):
    check_against_brute_force(engine, generated, queries)


# -- French full text ---------------------------------------------------------------------------


def test_accents_case_and_word_prefixes_are_ignored(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien", themes=("environnement",))
        add_association(uow.session, "a-2", "Savoirs Partagés")
        uow.session.flush()
        add_mission(uow.session, "m-edu", "a-2", title="Éducation populaire au centre social", description="Des ateliers du soir.")
        add_mission(uow.session, "m-perso", "a-2", title="Coup de main un samedi", personal=["Jardinage"])
        add_mission(uow.session, "m-text", "a-1", title="Potager au pied des immeubles", description="Un peu de jardinage avec les voisins.")
        add_mission(uow.session, "m-other", "a-2", title="Relecture de CV", description="Préparer un entretien.")
    for q in ("education", "EDUCATION", "éducation", "Educ", "édu"):
        assert search(engine, q=q)[0] == ["m-edu"], q
    assert set(search(engine, q="jardi")[0]) == {"m-perso", "m-text"}
    assert set(search(engine, q="JARDINAGE")[0]) == {"m-perso", "m-text"}
    # Every word must match, each as a prefix, wherever it is.
    assert search(engine, q="jardi voisins")[0] == ["m-text"]
    assert search(engine, q="jardi xylophone")[0] == []
    # Stop words are no keywords: only stop words is no keyword at all.
    assert search(engine, q="le jardinage")[0] == search(engine, q="jardinage")[0]
    assert search(engine, q="de la")[1] == 4
    # Punctuation never reaches the query language.
    assert search(engine, q="jardi:* | & ! ( ' \" (* potager-")[0] == ["m-text"]
    assert search(engine, q="cœur")[1] == 0


def test_title_matches_come_first_then_the_newest(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Association Alpha")
        uow.session.flush()
        add_mission(uow.session, "m-title-old", "a-1", title="Atelier musique au foyer", published_at=BASE_TIME)
        add_mission(uow.session, "m-title-new", "a-1", title="Chorale et musique du monde", published_at=BASE_TIME + timedelta(days=3))
        add_mission(uow.session, "m-text-newest", "a-1", title="Après-midi récréatif",
                    description="Jeux, goûter et un peu de musique.", published_at=BASE_TIME + timedelta(days=9))
        add_mission(uow.session, "m-tags", "a-1", title="Soirée au foyer", themes=["arts / culture"], published_at=BASE_TIME + timedelta(days=5))
        add_mission(uow.session, "m-none", "a-1", title="Tri de vêtements", published_at=BASE_TIME + timedelta(days=10))
    assert search(engine, q="musique")[0] == ["m-title-new", "m-title-old", "m-text-newest"]
    # Association name, themes and expertises rank between the title and the description.
    assert search(engine, q="cultur")[0] == ["m-tags"]
    with engine.runtime.unit_of_work() as uow:
        uow.session.get(Mission, "m-tags").description = "Une soirée musique."
        uow.session.get(Mission, "m-none").title = "Tri de vêtements en musique"
    assert search(engine, q="musique")[0] == ["m-none", "m-title-new", "m-title-old", "m-text-newest", "m-tags"]
    # Without keywords: the newest first.
    assert search(engine)[0] == ["m-none", "m-text-newest", "m-tags", "m-title-new", "m-title-old"]


def test_the_index_follows_missions_and_association_names(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Petits Savants")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", title="Aide aux devoirs")
        add_mission(uow.session, "m-2", "a-1", title="Lecture à voix haute", status="draft")
    assert search(engine, q="savants")[0] == ["m-1"]
    with engine.runtime.unit_of_work() as uow:
        uow.session.get(Association, "a-1").name = "Les Grands Lecteurs"
        mission = uow.session.get(Mission, "m-2")
        mission.status, mission.published_at = "published", BASE_TIME
    assert search(engine, q="savants")[1] == 0
    # Both carry the association's new name; m-2's title also matches "lect", so it ranks first.
    assert search(engine, q="grands lect")[0] == ["m-2", "m-1"]
    with engine.runtime.unit_of_work() as uow:
        uow.session.get(Mission, "m-1").title = "Soutien en mathématiques"
        uow.session.delete(uow.session.get(Mission, "m-2"))
    assert search(engine, q="mathem")[0] == ["m-1"]
    assert search(engine, q="lecture")[1] == 0
    # The filter values follow too.
    with engine.runtime.unit_of_work() as uow:
        mission = uow.session.get(Mission, "m-1")
        mission.themes, mission.personal_expertises, mission.region = ["sciences / recherche"], ["Mentorat"], "Corse"
    ids, total, facets = search(engine, theme=("sciences / recherche",), region=("Corse",))
    assert ids == ["m-1"] and facets["personal_expertise"] == {"Mentorat": 1} and facets["region"] == {"Corse": 1}


# -- who sees what --------------------------------------------------------------------------------


def test_reserved_draft_and_closed_missions_never_appear_nor_count(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        common = {"themes": ["environnement"], "region": "Bretagne", "title": "Jardin partagé"}
        add_mission(uow.session, "m-open", "a-1", **common)
        add_mission(uow.session, "m-mine", "a-1", companies=["c-1", "c-9"], **common)
        add_mission(uow.session, "m-theirs", "a-1", companies=["c-2"], **common)
        add_mission(uow.session, "m-draft", "a-1", status="draft", **common)
        add_mission(uow.session, "m-closed", "a-1", status="closed", **common)
    for filters in ({}, {"q": "jardin"}, {"theme": ("environnement",)}, {"region": ("Bretagne",), "association": ("a-1",)}):
        ids, total, facets = search(engine, employee("c-1"), **filters)
        assert sorted(ids) == ["m-mine", "m-open"] and total == 2, filters
        assert facets["theme"] == {"environnement": 2} and facets["region"] == {"Bretagne": 2} and facets["association"] == {"a-1": 2}
        assert sorted(search(engine, employee("c-2"), **filters)[0]) == ["m-open", "m-theirs"]
        assert search(engine, employee(None), **filters)[0] == ["m-open"]
    assert search(engine, employee("c-1"), q="jardin", exclude=("m-open",))[0] == ["m-mine"]


def test_the_http_search_answers_with_items_total_and_facets(engine, tokens):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        for i in range(5):
            add_mission(uow.session, f"m-{i}", "a-1", title=f"Jardin partagé {i}", themes=["environnement"], personal=["Jardinage"],
                        region="Bretagne" if i % 2 else "Occitanie", published_at=BASE_TIME + timedelta(days=i))
    response = engine.client.get(
        "/missions?q=jardi&theme=environnement&region=Bretagne&region=Occitanie&per_page=2&page=2",
        headers=tokens.headers("emp-1", roles=["employee"], company_id="c-1"),
    )
    assert response.status_code == 200, response.json
    assert response.json["total"] == 5
    assert [item["id"] for item in response.json["items"]] == ["m-2", "m-1"]
    assert response.json["items"][0]["association"]["name"] == "Les Jardins du Lien"
    assert response.json["facets"]["region"] == {"Bretagne": 2, "Occitanie": 3}
    assert response.json["facets"]["personal_expertise"] == {"Jardinage": 5}


def test_a_search_does_not_look_up_the_associations_the_caller_manages(engine, tokens):
    """It sees what the company may see: the referent lookup other reads need is one query less per search."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    sa.event.listen(engine.runtime.db.engine, "before_cursor_execute", record)
    try:
        response = engine.client.get("/missions", headers=tokens.headers("emp-1", roles=["employee"], company_id="c-1"))
        mine = engine.client.get("/missions/mine", headers=tokens.headers("emp-1", roles=["association_referent"]))
    finally:
        sa.event.remove(engine.runtime.db.engine, "before_cursor_execute", record)
    assert response.status_code == 200 and mine.status_code == 200
    referent_lookups = [statement for statement in seen if "FROM referents" in statement]
    assert len(referent_lookups) == 1  # /missions/mine's, which needs it; none for the search


CARD_FIELDS = {
    "id", "title", "association", "association_id", "association_name", "themes", "professional_expertises",
    "personal_expertises", "format", "format_label", "duration", "city", "department", "region", "remote_possible",
    "places", "open_to_all_companies", "published_at", "cover_url", "cover_thumbnail_url",
}


def test_a_search_answers_cards_read_from_the_card_columns_alone(engine, tokens):
    """A list shows cards: not the description, the address, the contact or the companies of the mission page, and
    it does not read them from the database either (one statement for the page's missions and their associations)."""
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        for i in range(3):
            add_mission(uow.session, f"m-{i}", "a-1", title=f"Jardin partagé {i}", description="Un long texte " * 200,
                        companies=["c-1"] if i == 0 else (), published_at=BASE_TIME + timedelta(days=i))
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    headers = tokens.headers("emp-1", roles=["employee"], company_id="c-1")
    sa.event.listen(engine.runtime.db.engine, "before_cursor_execute", record)
    try:
        searched = engine.client.get("/missions?q=jardin", headers=headers)
        for_me = engine.client.get("/missions/for-me", headers=headers)
    finally:
        sa.event.remove(engine.runtime.db.engine, "before_cursor_execute", record)
    assert searched.status_code == 200 and for_me.status_code == 200
    for answer in (searched.json, for_me.json):
        assert sorted(item["id"] for item in answer["items"]) == ["m-0", "m-1", "m-2"]
        for item in answer["items"]:
            assert set(item) == CARD_FIELDS
            assert set(item["association"]) == {"id", "name", "logo_url"}
            assert item["association_name"] == "Les Jardins du Lien" and item["format_label"]
    loading = [statement for statement in seen if re.search(r"FROM missions\b", statement) and "missions.title" in statement]
    assert len(loading) == 2, loading  # one per answer: the missions with their associations joined
    for statement in loading:
        assert "missions.description" not in statement and "missions.contact_email" not in statement
        assert not re.search(r"associations(_\d+)?\.description", statement)
    assert not [statement for statement in seen if "FROM mission_companies" in statement and "missions.id IN" in statement]
    # The mission page still has everything.
    sheet = engine.client.get("/missions/m-0", headers=headers).json
    assert sheet["description"].startswith("Un long texte") and sheet["company_ids"] == ["c-1"]


def test_missions_for_me_are_ranked_by_shared_preferences_then_newest_on_every_page(engine, tokens):
    """PostgreSQL ranks « Ces missions sont pour toi » in the database, SQLite in Python (`missions.ranked_for`):
    both give ranked_for's order over the visible missions, page after page, with the same total."""
    from catalog.domain import overlap_score
    from catalog.missions import ranked_for
    from catalog.models import PreferencesCopy

    themes, pro, perso = list(taxonomy.THEMES[:4]), list(taxonomy.PROFESSIONAL_EXPERTISES[:3]), list(taxonomy.PERSONAL_EXPERTISES[:3])
    rng = __import__("random").Random(18)
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        for i in range(40):
            add_mission(uow.session, f"m-{i:02d}", "a-1", themes=rng.sample(themes, rng.randint(1, 3)),
                        professional=rng.sample(pro, rng.randint(0, 2)), personal=rng.sample(perso, rng.randint(0, 2)),
                        # a few share their publication time, so the id decides between them
                        published_at=BASE_TIME + timedelta(hours=i // 3),
                        status="draft" if i % 13 == 5 else "published",
                        companies=(["c-other"] if i % 11 == 3 else ["c-1"] if i % 11 == 4 else ()))
        uow.session.add(PreferencesCopy(person_id="emp-1", company_id="c-1", themes=themes[:1],
                                        professional_expertises=pro[:1], personal_expertises=perso[:1], as_of=BASE_TIME))
    with engine.runtime.db.reading() as session:
        visible = [m for m in session.scalars(sa.select(Mission)).all()
                   if m.status == "published" and (m.open_to_all_companies or "c-1" in m.company_ids)]
        preferences = session.get(PreferencesCopy, "emp-1")
        expected = [m.id for m in ranked_for(preferences, visible)]
        newest_first = [m.id for m in ranked_for(None, visible)]
        sharing = sum(1 for m in visible if overlap_score(m.themes, m.professional_expertises, m.personal_expertises,
                                                            preferences.themes, preferences.professional_expertises,
                                                            preferences.personal_expertises))
    assert len(expected) == 33 and expected != newest_first  # 3 drafts and 4 missions reserved to another company left out
    # PostgreSQL reads those that share a ticked box, then the others: one page holds the end of the first and the
    # start of the second.
    assert 0 < sharing < 33 and sharing % 8, sharing

    def every_page(person: str) -> list[str]:
        headers = tokens.headers(person, roles=["employee"], company_id="c-1")
        seen = []
        for page in range(1, 6):
            answer = engine.client.get(f"/missions/for-me?per_page=8&page={page}", headers=headers)
            assert answer.status_code == 200 and answer.json["total"] == 33, answer.json
            seen += [item["id"] for item in answer.json["items"]]
        return seen

    assert every_page("emp-1") == expected
    assert every_page("emp-without-preferences") == newest_first
    past_the_end = engine.client.get("/missions/for-me?per_page=8&page=9", headers=tokens.headers("emp-1", roles=["employee"], company_id="c-1"))
    assert past_the_end.status_code == 200 and past_the_end.json["items"] == [] and past_the_end.json["total"] == 33


# -- the migration and the index ------------------------------------------------------------------


def test_the_migration_indexes_the_missions_already_there(engine):
    """Down to 0003, write missions as 0003 knew them, up again: they are found."""
    now = utcnow()
    with written_at_revision(engine, "0003") as connection:
        connection.execute(sa.insert(Association.__table__).values(
            id="a-old", name="Vieille Association", address="", city="Lyon", department="69", region="Auvergne-Rhône-Alpes",
            contact_email="old@asso.example", themes=[], description="", representative_name="", representative_title="",
            general_interest_category="social", vetting_status="approved", created_at=now, updated_at=now))
        connection.execute(sa.insert(Mission.__table__).values(
            id="m-old", association_id="a-old", title="Éducation à l'environnement", description="Sorties nature.",
            themes=["environnement"], professional_expertises=[], personal_expertises=["Jardinage"],
            contact_email="old@asso.example", status="published", created_by="op-1", created_at=now, updated_at=now,
            published_at=now, city="Lyon", region="Auvergne-Rhône-Alpes"))
    assert search(engine, q="education")[0] == ["m-old"]
    assert search(engine, q="jardi vieil")[0] == ["m-old"]
    assert search(engine, theme=("environnement",))[2]["personal_expertise"] == {"Jardinage": 1}


@pytest.mark.integration
def test_postgresql_answers_the_keyword_query_from_the_gin_index(service_on_real_infrastructure):
    harness = service_on_real_infrastructure
    empty_catalogue(harness)
    with harness.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Association Alpha")
        uow.session.flush()
        for i in range(300):
            add_mission(uow.session, f"m-{i}", "a-1", title=f"Jardin partagé {i}" if i % 30 == 0 else f"Atelier cuisine {i}",
                        themes=["environnement"], region="Bretagne")
    statements = search_statements("postgresql", employee(), Filters(q="jardin", theme=("environnement",), region=("Bretagne",)), 1, 20)
    engine = harness.runtime.db.engine
    with engine.connect() as connection:
        # With a few hundred rows a sequential scan is cheaper and the planner would rightly take it;
        # turning it off (for this connection only) shows the index serves the query, which is what we
        # check. ANALYZE first, or the planner believes the fresh table empty and walks the status index.
        connection.exec_driver_sql("ANALYZE missions")
        connection.exec_driver_sql("SET enable_seqscan = off")
        assert statements.page is None  # on PostgreSQL the page comes with the counts
        for statement in (statements.counts,):
            compiled = statement.compile(dialect=engine.dialect)
            plan = "\n".join(connection.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).scalars())
            lines = plan.splitlines()
            scans = [i for i, line in enumerate(lines) if "Bitmap Index Scan on ix_missions_search " in line]
            assert scans, plan
            # The keywords (and the filters) are answered by the index, not tested row by row.
            assert "Index Cond:" in lines[scans[0] + 1] and "search_vector @@" in lines[scans[0] + 1], plan
            assert "search_facets &&" in lines[scans[0] + 1], plan
        assert "USING gin (search_vector, search_facets)" in connection.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_missions_search'").scalar()
    assert search(harness, q="jardin")[1] == 10


def test_keyword_input_is_sanitised_before_the_query_language(engine):
    """Whatever is typed, the database gets letters and digits: no syntax error, no injection."""
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Association Alpha")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", title="Atelier d'écriture")
    nasty = ["'", '"', "\\", ":*", "a & b", "!x", "(", "NEAR(", "AND OR NOT", "'); DROP TABLE missions; --", "é:*|ç", "%s", "{x}", "*"]
    for q in itertools.chain(nasty, ["".join(nasty)]):
        search(engine, q=q)
    assert search(engine, q="d'écri")[0] == ["m-1"]


# -- l'actu solidaire: the missions a cause links to ---------------------------------------------------


def linked(harness, viewer: Viewer, *links: Link) -> tuple[list[int], list[list[str]]]:
    """(the counts l'actu solidaire shows, the ids « Je trouve » lists with each cause): they must agree."""
    with harness.runtime.db.reading() as session:
        counts = linked_counts(session, viewer, list(links))
        found = [sorted(m.id for m in search_missions(session, viewer, Filters(linked_to=link), 1, 50)[0]) for link in links]
    return counts, found


def test_a_cause_links_its_themes_and_what_a_search_finds_with_its_keywords_counted_as_listed(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Association Alpha")
        add_association(uow.session, "a-2", "Handicap et Sport")
        uow.session.flush()
        add_mission(uow.session, "m-theme", "a-1", themes=["environnement"])
        add_mission(uow.session, "m-phrase", "a-1", title="Collecte des Restos du Cœur")
        add_mission(uow.session, "m-half", "a-1", title="Les restos en fête")  # one word of the phrase only
        add_mission(uow.session, "m-prefix", "a-1", description="Le Téléthon approche : viens tenir un stand.")
        add_mission(uow.session, "m-association", "a-2")  # found by the association's name, as a search finds it
        add_mission(uow.session, "m-theirs", "a-1", themes=["environnement"], companies=["c-2"])
        add_mission(uow.session, "m-draft", "a-1", themes=["environnement"], status="draft")
        add_mission(uow.session, "m-other", "a-1", themes=["culture"], title="Atelier d'écriture")
    causes = (
        Link(themes=("environnement",)),
        Link(keywords=("Restos du coeur",)),
        Link(keywords=("télé", "handicap")),
        Link(themes=("environnement",), keywords=("restos du cœur", "xylophone")),
        Link(),  # neither themes nor keywords
        Link(keywords=("de la", "  ")),  # only stop words: no keyword at all
    )
    counts, found = linked(engine, employee("c-1"), *causes)
    assert found == [
        ["m-theme"],
        ["m-phrase"],
        ["m-association", "m-prefix"],
        ["m-phrase", "m-theme"],
        [],
        [],
    ]
    assert counts == [len(ids) for ids in found]
    # Each viewer counts what they may see: c-2 also sees the mission reserved to it.
    assert linked(engine, employee("c-2"), causes[0]) == ([2], [["m-theirs", "m-theme"]])
    # The cause combines with the other filters and the keywords.
    ids, total, facets = search(engine, employee("c-1"), linked_to=causes[3], q="collecte")
    assert (ids, total) == (["m-phrase"], 1)
    assert search(engine, employee("c-1"), linked_to=causes[3], theme=("environnement",))[:2] == (["m-theme"], 1)
    assert facets["theme"] == {}
    # A cause's keywords reach the query languages as letters and digits only, like a search's.
    hostile = Link(keywords=('"restos"', "NEAR(coeur", "a & b:*", "'); DROP TABLE missions; --", "restos) OR (x"))
    assert linked(engine, employee("c-1"), hostile) == ([2], [["m-half", "m-phrase"]])


# -- counts kept per catalogue version (issue 18) ----------------------------------------------------


def counting_statements(harness):
    """The statements that count facets, as search_missions sends them (a list that fills as it runs)."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "AS MATERIALIZED" in statement:
            seen.append(statement)

    sa.event.listen(harness.runtime.db.engine, "before_cursor_execute", record)
    return seen, lambda: sa.event.remove(harness.runtime.db.engine, "before_cursor_execute", record)


def test_counts_without_keywords_are_kept_until_a_committed_change_bumps_the_version(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", themes=["environnement"], region="Bretagne")
        add_mission(uow.session, "m-2", "a-1", themes=["environnement"], region="Corse", published_at=BASE_TIME + timedelta(days=1))
    # On PostgreSQL « Toutes les missions » reads the maintained counts (migration 0007) and never counts: only
    # the filters alone go through the kept counts there.
    landing_counts = engine.runtime.db.engine.dialect.name == "sqlite"
    seen, stop = counting_statements(engine)
    try:
        first = search(engine)
        assert first[0] == ["m-2", "m-1"] and first[1] == 2 and first[2]["region"] == {"Bretagne": 1, "Corse": 1}
        assert len(seen) == landing_counts
        # Nothing changed: the same answer, without counting again (the page is still read).
        assert search(engine) == first and len(seen) == landing_counts
        assert search(engine, page=2, per_page=1)[0] == ["m-1"] and len(seen) == landing_counts
        # Another company's viewer or other filters are other entries.
        search(engine, viewer=employee("c-2"))
        search(engine, region=("Corse",))
        search(engine, region=("Corse",))
        assert len(seen) == 1 + 2 * landing_counts

        # Each committed change is in the next answer: a new mission, a changed filter value, a
        # reservation to another company, an unpublished mission, a deleted association.
        with engine.runtime.unit_of_work() as uow:
            add_mission(uow.session, "m-3", "a-1", themes=["sport"], region="Corse", published_at=BASE_TIME + timedelta(days=2))
        ids, total, facets = search(engine)
        assert (ids, total) == (["m-3", "m-2", "m-1"], 3) and facets["theme"] == {"environnement": 2, "sport": 1}
        ids, total, facets = search(engine, region=("Corse",))
        assert (ids, total) == (["m-3", "m-2"], 2) and facets["region"] == {"Bretagne": 1, "Corse": 2}

        with engine.runtime.unit_of_work() as uow:
            uow.session.get(Mission, "m-3").region = "Bretagne"
        assert search(engine, region=("Corse",))[:2] == (["m-2"], 1)

        with engine.runtime.unit_of_work() as uow:
            mission = uow.session.get(Mission, "m-2")
            mission.open_to_all_companies = False
            mission.companies = [MissionCompany(company_id="c-2")]
        assert search(engine)[:2] == (["m-3", "m-1"], 2)
        assert search(engine, viewer=employee("c-2"))[:2] == (["m-3", "m-2", "m-1"], 3)

        with engine.runtime.unit_of_work() as uow:
            uow.session.get(Mission, "m-1").status = "closed"
        ids, total, facets = search(engine)
        assert (ids, total, facets["region"]) == (["m-3"], 1, {"Bretagne": 1})

        empty_catalogue(engine)
        assert search(engine) == ([], 0, {facet: {} for facet in FACETS})
    finally:
        stop()


def test_a_write_outside_the_orm_bumps_the_version_too(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", themes=["environnement"])
    with engine.runtime.db.reading() as session:
        before = session.execute(sa.text("SELECT version FROM catalogue_version")).scalar_one()
    assert search(engine, theme=("environnement",))[1] == 1
    with engine.runtime.unit_of_work() as uow:
        uow.session.execute(sa.text("UPDATE missions SET status = 'draft' WHERE id = 'm-1'"))
    with engine.runtime.db.reading() as session:
        assert session.execute(sa.text("SELECT version FROM catalogue_version")).scalar_one() > before
    assert search(engine, theme=("environnement",)) == ([], 0, {facet: {} for facet in FACETS})


def test_a_rolled_back_change_leaves_the_version_and_the_kept_counts(engine):
    with engine.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1")
    first = search(engine)
    with engine.runtime.db.reading() as session:
        before = session.execute(sa.text("SELECT version FROM catalogue_version")).scalar_one()
    with pytest.raises(RuntimeError), engine.runtime.unit_of_work() as uow:
        add_mission(uow.session, "m-2", "a-1")
        uow.session.flush()
        raise RuntimeError("the writer fails before committing")
    with engine.runtime.db.reading() as session:
        assert session.execute(sa.text("SELECT version FROM catalogue_version")).scalar_one() == before
    assert search(engine) == first


# -- « Toutes les missions » on PostgreSQL: counts maintained by triggers (migration 0007) -------------------------

RECOUNT = sa.text("""
    SELECT tag, count(*) FROM missions, unnest(catalog_open_mission_tags(status, open_to_all_companies, search_facets)) AS tag
    GROUP BY tag ORDER BY tag""")
MAINTAINED = sa.text("SELECT tag, missions FROM open_mission_tag_counts WHERE missions <> 0 ORDER BY tag")


def maintained_and_recounted(harness) -> tuple[list, list]:
    with harness.runtime.db.reading() as session:
        return [tuple(row) for row in session.execute(MAINTAINED)], [tuple(row) for row in session.execute(RECOUNT)]


@pytest.mark.integration
def test_the_maintained_counts_follow_every_kind_of_write(service_on_real_infrastructure):
    harness = service_on_real_infrastructure
    empty_catalogue(harness)
    with harness.runtime.unit_of_work() as uow:
        for association_id, name in ASSOCIATIONS.items():
            add_association(uow.session, association_id, name)
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", themes=["environnement", "sport"], region="Bretagne")
        add_mission(uow.session, "m-2", "a-2", themes=["environnement"], personal=["Jardinage"], region="Corse")
        add_mission(uow.session, "m-3", "a-2", themes=["sport"], companies=["c-1"])
        add_mission(uow.session, "m-4", "a-3", status="draft")
    maintained, recounted = maintained_and_recounted(harness)
    assert maintained == recounted and ("#", 2) in maintained and ("t:environnement", 2) in maintained

    writes = [
        "UPDATE missions SET themes = '[\"culture\"]' WHERE id = 'm-1'",     # a filter value changes
        "UPDATE missions SET status = 'published', published_at = now() WHERE id = 'm-4'",  # published
        "UPDATE missions SET open_to_all_companies = true WHERE id = 'm-3'",  # opened to everyone
        "UPDATE missions SET open_to_all_companies = false WHERE id = 'm-2'",  # reserved
        "UPDATE missions SET description = 'Autre texte.' WHERE id = 'm-1'",  # nothing counted changes
        "UPDATE missions SET status = 'closed' WHERE id = 'm-3'",             # closed
        "DELETE FROM missions WHERE id = 'm-4'",
        "DELETE FROM missions WHERE association_id = 'a-2'",                  # several rows in one statement
    ]
    for write in writes:
        with harness.runtime.unit_of_work() as uow:
            uow.session.execute(sa.text(write))
        maintained, recounted = maintained_and_recounted(harness)
        assert maintained == recounted, write
    with harness.runtime.unit_of_work() as uow:
        uow.session.execute(sa.text("TRUNCATE missions CASCADE"))
    assert maintained_and_recounted(harness) == ([], [])


@pytest.mark.integration
def test_the_landing_adds_the_missions_reserved_to_the_viewer_company(service_on_real_infrastructure):
    harness = service_on_real_infrastructure
    empty_catalogue(harness)
    with harness.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
        uow.session.flush()
        add_mission(uow.session, "m-1", "a-1", themes=["environnement"], region="Bretagne")
        add_mission(uow.session, "m-2", "a-1", themes=["environnement", "sport"], region="Corse", companies=["c-1", "c-2"],
                    published_at=BASE_TIME + timedelta(days=1))
        add_mission(uow.session, "m-3", "a-1", themes=["sport"], region="Corse", companies=["c-2"], published_at=BASE_TIME + timedelta(days=2))
    seen, stop = counting_statements(harness)
    try:
        ids, total, facets = search(harness, viewer=employee("c-1"))
        assert (ids, total) == (["m-2", "m-1"], 2)
        assert facets["theme"] == {"environnement": 2, "sport": 1} and facets["region"] == {"Bretagne": 1, "Corse": 1}
        ids, total, facets = search(harness, viewer=employee("c-2"))
        assert (ids, total, facets["theme"]) == (["m-3", "m-2", "m-1"], 3, {"environnement": 2, "sport": 2})
        assert search(harness, viewer=employee(None))[:2] == (["m-1"], 1)  # a visitor: the missions open to all
        assert seen == []  # never counted over the missions
    finally:
        stop()


@pytest.mark.integration
def test_concurrent_writers_keep_the_counts_exact_and_never_deadlock(service_on_real_infrastructure):
    import threading
    harness = service_on_real_infrastructure
    empty_catalogue(harness)
    with harness.runtime.unit_of_work() as uow:
        add_association(uow.session, "a-1", "Les Jardins du Lien")
    themes = [["environnement", "sport"], ["sport", "environnement"]]  # the same tags, listed in the other order
    failures = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                with harness.runtime.unit_of_work() as uow:
                    add_mission(uow.session, f"m-{n}-{i}", "a-1", themes=themes[n], region="Bretagne" if i % 2 else "Corse")
                    uow.session.flush()
                    if i % 3 == 0:
                        uow.session.execute(sa.text("UPDATE missions SET open_to_all_companies = NOT open_to_all_companies"
                                                    " WHERE id = :id"), {"id": f"m-{n}-{i}"})
        except Exception as exc:  # a deadlock would surface here as psycopg's DeadlockDetected
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    maintained, recounted = maintained_and_recounted(harness)
    assert maintained == recounted and dict(maintained)["#"] == 20
