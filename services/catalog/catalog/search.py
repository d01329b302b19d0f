"""Searching the published missions ("Je trouve"): filters, keywords, facet counts and ranking, done by the database.

The contract: `search_missions(session, viewer, filters, page, per_page) -> (missions of the page, total,
facets)`. Several values of one filter are OR-ed, the filters are AND-ed, and each facet counts the
missions per value with every OTHER filter (and the keywords) applied. Only published missions open to
the viewer's company are seen. The order is relevance, then `published_at` (newest first), then id.

A cause of l'actu solidaire (`Filters.linked_to`, a `Link`) is one more condition shared by the results and every
count: the mission has one of the cause's themes, or matches one of its keywords as a keyword query would (a
keyword's words AND-ed, the keywords OR-ed). `linked_counts` counts several causes in one statement.

Keywords: the text is cut into words on anything that is not a letter or digit, folded (case, accents,
œ/æ), French stop words and one-letter words dropped (at most eight words kept). Every word must match,
as a prefix: "jardi" finds "Jardinage", "education" finds "Éducation". A query made only of stop words
is no keyword at all ("Toutes les missions").

PostgreSQL (migration 0004): `missions.search_vector` holds the French stems and the unstemmed words
(both unaccented), weighted A title, B association name + themes + expertises, C description + city,
behind a GIN index. Each word becomes `to_tsquery('french_unaccent', word) || to_tsquery('simple_unaccent',
word:*)`: the unstemmed side makes any prefix match (a stemmed prefix would not: "associati" stems to
"associat", "association" to "associ"; and "thea" would stem to "the" and then, as a prefix, find
"thème"), the French side adds the other forms of a whole word ("jardins" finds "jardin"). The words
are AND-ed. Relevance is `ts_rank_cd` (cover density) with weights A 1, B 0.25, C 0.05 and no length
normalisation: a title hit is worth twenty description hits, more hits rank higher, several words rank
higher when close together, and two missions matched the same way tie, so the newer one comes first.
Not `ts_rank`: it sums a lexeme's occurrences in position order, not weight order, so a description hit
placed between two title positions LOWERS the rank of a title match (0.760 for "Atelier vélo" alone,
0.713 with "vélo" also in the description); the property test found it.

Filters and facet counts on PostgreSQL use `missions.search_facets`, the mission's filter values as tags
with their facet's letter (`t:environnement`, `r:Bretagne`, `a:<association id>`…), kept by the same
trigger, and indexed with the document in ONE partial GIN index. A filter is `search_facets &&
'{t:…,t:…}'`, so keywords and filters meet inside the index before any row is read. The counts are ONE
statement over the rows that match the keywords and fail at most one filter (a row failing two counts
for nothing; with two filters that is "one of them holds", a single indexed `&&`): each row gets the
letter of the one filter it fails ('' if none), computed once (MATERIALIZED), then its tags are unnested
and a tag counts when the row fails no filter, or only the filter of that tag's own facet; a `#` tag per
row counts the total. The same statement returns the page: the rows that pass everything, numbered by
relevance, recency and id. One read of the rows, one hash aggregate, one round trip. We chose this over
JSONB operators (one unnest per list column per row, a subplan per facet) and over a normalised
`mission_tags` table (a join per matching row, and a second copy of every value): the tags sit on the
row that the keyword match reads anyway. Each transaction of a search turns JIT compilation off (its
cost threshold is easily passed here, and compiling costs more than running) and gives itself 16 MB of
work_mem (a broad match, 40,000 rows, materialises ~12 MB).

Cost: a search reads every visible mission its keywords match (those that fail at most one filter), so
it grows with that number; without keywords or filters ("Toutes les missions") it reads them all. See
bench/README.md, P3, for the figures.

Counts kept per catalogue version (issue 18): a search WITHOUT keywords (« Toutes les missions », filters
alone: few distinct ones, and the costliest, as they read every visible mission) keeps its total and
facets in this process, keyed by the catalogue's version, the viewer's company and the filters.
`catalogue_version` (migration 0006) is bumped by triggers in the transaction of every write to missions,
their reservations or associations. The search first reads the version; a count kept for that version is
served, and only the page is read (newest first, from `ix_missions_recent`). Otherwise the counting
statement also returns the version IT saw (one statement, one snapshot), and the counts are kept under
that version: a count is only ever kept with the version of the data it counted, so once a change has
committed (and bumped the version) no reader can be served a count made before it. Searches with
keywords are not kept (too many distinct ones; the ranking reads their rows anyway).

« Toutes les missions » on PostgreSQL (no keyword, no filter, nothing excluded) does not count at all: the
counts of the published missions open to every company are maintained by statement triggers (migration 0007,
`open_mission_tag_counts`), and `LANDING_COUNTS` adds those reserved to the viewer's company, counted on the
spot (a few hundred, by `ix_mission_companies_company_id`). Kept counts were per process: each worker's
first visitor of each company after a change paid the full count (p95 481 ms on the bench); maintained
counts cost every visitor the same few milliseconds.

SQLite (embedded mode): the FTS5 table `missions_fts` (unicode61, remove_diacritics 2), kept in sync by
triggers, answers `"word"*` prefix queries. Relevance is the number of hits per column, weighted 20
(title), 5 (association, themes, expertises) and 1 (description, city), counted with `highlight()`. Like
PostgreSQL's it does not depend on the text's length (bm25 would), so ties fall to recency.
SQLite has no French stemmer: there, "jardins" does not find "jardin" (a prefix still does). Facets are
a UNION ALL of grouped queries over the matching rows, materialised once (`json_each` unnests the lists).
The list columns are written by the API through `domain.check_choices`, which never repeats a value, so
a mission counts once per value.
"""
from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, lazyload, load_only

from .domain import MissionStatus, Viewer
from .models import Association, Mission, MissionCompany
from .text import fold

# A list of missions (search, « Ces missions sont pour toi ») loads what a card shows (schemas.MissionCardSchema)
# and nothing else: the description, the address, the contact and the search columns stay in the database. A column
# the card starts reading without being listed here raises instead of costing one query per mission.
CARD_LOADING = (
    load_only(Mission.id, Mission.title, Mission.association_id, Mission.themes, Mission.professional_expertises,
              Mission.personal_expertises, Mission.format, Mission.duration, Mission.city, Mission.department,
              Mission.region, Mission.remote_possible, Mission.places, Mission.open_to_all_companies,
              Mission.published_at, Mission.cover_image_id, Mission.cover_thumbnail_id, raiseload=True),
    joinedload(Mission.association).load_only(Association.id, Association.name, Association.logo_image_id, raiseload=True),
    lazyload(Mission.companies),
)

FACETS = ("association", "theme", "professional_expertise", "personal_expertise", "region")
# facet -> column; the first two hold one value, the three others a JSON list of values.
FACET_COLUMNS = {
    "association": "association_id",
    "region": "region",
    "theme": "themes",
    "professional_expertise": "professional_expertises",
    "personal_expertise": "personal_expertises",
}
LIST_FACETS = frozenset({"theme", "professional_expertise", "personal_expertise"})
MAX_WORDS = 8


@dataclass(frozen=True)
class Link:
    """What ties missions to a cause of l'actu solidaire (`models.Spotlight`): a mission is linked when it has one of
    `themes`, or when « Je trouve » finds it with one of `keywords` (a keyword's words all match, as prefixes, in the
    same text a search reads). A cause with neither links nothing."""

    themes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    """Several values per filter are OR-ed; filters are AND-ed; no filter means "Toutes les missions".

    `exclude` lists mission ids left out of the results and the counts; `linked_to` keeps only the missions linked
    to a cause of l'actu solidaire (results and counts).
    """

    association: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    professional_expertise: tuple[str, ...] = ()
    personal_expertise: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    q: str | None = None
    exclude: tuple[str, ...] = field(default=())
    linked_to: Link | None = None


# PostgreSQL's French stop words (tsearch_data/french.stop), folded. PostgreSQL drops them from the
# stemmed side of a query; dropping them before either database sees the words makes both behave alike,
# and keeps "le" from becoming a prefix that matches half the catalogue.
STOP_WORDS = frozenset(fold(word) for word in """
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi mon ne nos
notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j
l à m n s t y été étée étées étés étant étante étants étantes suis es est sommes êtes sont serai seras sera
serons serez seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes
fûtes furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes
ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions
auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient
eusse eusses eût eussions eussiez eussent
""".split())


def keywords(q: str | None) -> list[str]:
    """The words of a keyword query, folded, without stop words or repeats: only letters and digits remain."""
    words: list[str] = []
    for word in re.split(r"[\W_]+", fold(q or "")):
        if len(word) >= 2 and word not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def visible_missions(session: Session, viewer: Viewer):
    """The published missions the viewer's company may see, as an ORM query (for the other listings)."""
    query = sa.select(Mission).where(Mission.status == MissionStatus.PUBLISHED)
    if viewer.company_id is None:
        return query.where(Mission.open_to_all_companies.is_(True))
    reserved = sa.exists().where(MissionCompany.mission_id == Mission.id, MissionCompany.company_id == viewer.company_id)
    return query.where(sa.or_(Mission.open_to_all_companies.is_(True), reserved))


# -- the statements ---------------------------------------------------------------------------

# PostgreSQL's `missions.search_facets` tags each filter value with its facet's letter (migration 0004).
FACET_TAGS = {"association": "a", "region": "r", "theme": "t", "professional_expertise": "p", "personal_expertise": "e"}
TAG_FACETS = {letter: facet for facet, letter in FACET_TAGS.items()}
TOTAL_TAG = "#"
PAGE_TAG = ">"
VERSION_TAG = "~"
CATALOGUE_VERSION = sa.text("SELECT version FROM catalogue_version WHERE id = 1")

# The published missions reserved to the viewer's company (a few hundred, through ix_mission_companies_company_id),
# counted on the spot beside the maintained counts of the missions open to every company.
_RESERVED_TO_COMPANY = (
    "mc.company_id = :company_id"
    f" AND m.status = '{MissionStatus.PUBLISHED.value}' AND NOT m.open_to_all_companies"
)

# « Toutes les missions » on PostgreSQL (migration 0007): the maintained counts of the missions open to every
# company, plus those reserved to the viewer's company counted on the spot. One statement, one snapshot.
LANDING_COUNTS = sa.text(f"""
SELECT tag, missions FROM open_mission_tag_counts WHERE missions > 0
UNION ALL
SELECT tag, count(*) FROM mission_companies AS mc JOIN missions AS m ON m.id = mc.mission_id,
    unnest(array_remove(m.search_facets, NULL) || '{TOTAL_TAG}'::text) AS tag
WHERE {_RESERVED_TO_COMPANY}
GROUP BY tag
""")

# « Toutes les missions »'s total alone (« Ces missions sont pour toi » needs no facet): the `#` row of the
# maintained counts, plus the reserved missions.
LANDING_TOTAL = sa.text(f"""
SELECT coalesce((SELECT missions FROM open_mission_tag_counts WHERE tag = '{TOTAL_TAG}'), 0)
     + (SELECT count(*) FROM mission_companies AS mc JOIN missions AS m ON m.id = mc.mission_id
        WHERE {_RESERVED_TO_COMPANY})
""")


class _KeptCounts:
    """(total, facets) of searches without keywords, per engine, keyed by (catalogue version, company,
    filters); the least recently used go first. Old versions are never read again and age out."""

    def __init__(self, size: int = 512):
        self.size = size
        self._lock = threading.Lock()
        self._by_engine: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def get(self, engine: sa.Engine, key: tuple):
        with self._lock:
            kept = self._by_engine.get(engine)
            if kept is None or key not in kept:
                return None
            kept.move_to_end(key)
            return kept[key]

    def put(self, engine: sa.Engine, key: tuple, value) -> None:
        with self._lock:
            kept = self._by_engine.setdefault(engine, OrderedDict())
            kept[key] = value
            kept.move_to_end(key)
            while len(kept) > self.size:
                kept.popitem(last=False)


KEPT_COUNTS = _KeptCounts()


@dataclass(frozen=True)
class SearchStatements:
    """The statements of a search: settings for the transaction (PostgreSQL), the facet counts with the
    total (and, on PostgreSQL, the page), and the ids of the page in order (SQLite)."""

    setup: sa.TextClause | None
    counts: sa.TextClause
    page: sa.TextClause | None


# ts_rank_cd's weights for D, C, B, A: a title hit is worth 4 hits in the association/themes/expertises and
# 20 in the description or city (SQLite's weights below have the same ratios).
PG_RANK_WEIGHTS = "'{0.02, 0.05, 0.25, 1.0}'"

# A search reads many rows in one short statement: the JIT compiler would spend longer compiling (its
# threshold is a cost estimate, easily passed here) than the statement takes to run, and a large match
# keeps its working set in memory rather than in a temporary file. For this transaction only.
PG_SETUP = sa.text("SELECT set_config('jit', 'off', true), set_config('work_mem', '16MB', true)")


def _bound(sql: str, params: dict[str, object], expanding: set[str]) -> sa.TextClause:
    """`sql` with the values of the parameters it names bound (the `expanding` ones as lists)."""
    names = [name for name in params if re.search(rf":{name}\b", sql)]
    return sa.text(sql).bindparams(*(sa.bindparam(name, params[name], expanding=name in expanding) for name in names))


class _Builder:
    """Builds the SQL of one search for one dialect. Only fixed fragments enter the SQL text; every
    value the caller gave (filter values, words, company) is a bound parameter."""

    def __init__(self, dialect: str, viewer: Viewer, filters: Filters, prefix: str = ""):
        """`prefix` starts the name of every bound parameter, so that several builders' SQL can join one statement."""
        if dialect not in ("postgresql", "sqlite"):
            raise NotImplementedError(f"catalog's search supports PostgreSQL and SQLite, not {dialect}")
        self.pg = dialect == "postgresql"
        self.prefix = prefix
        self.params: dict[str, object] = {}
        self.expanding: set[str] = set()
        self.words = keywords(filters.q)
        self.excluding = bool(filters.exclude)
        self.linking = filters.linked_to is not None
        self.values = {facet: list(dict.fromkeys(getattr(filters, facet))) for facet in FACETS if getattr(filters, facet)}
        self.active = list(self.values)
        self.conditions = {facet: self._condition(facet, values) for facet, values in self.values.items()}
        self.common = self._visible(viewer) + self._exclude(list(filters.exclude)) + self._linked(filters.linked_to)
        self.where = self.common + self._keywords()

    @property
    def landing(self) -> bool:
        """« Toutes les missions »: no keyword, no filter, nothing excluded, no cause."""
        return not (self.words or self.excluding or self.linking or self.values)

    def kept_key(self, viewer: Viewer) -> tuple | None:
        """The key of this search's counts among the kept ones; None: not kept (keywords, exclusions, a cause, whose
        edits do not change the catalogue's version)."""
        if self.words or self.excluding or self.linking:
            return None
        return (viewer.company_id, tuple(sorted((facet, tuple(sorted(values))) for facet, values in self.values.items())))

    def _bind(self, name: str, value, expanding: bool = False) -> str:
        name = self.prefix + name
        self.params[name] = value
        if expanding:
            self.expanding.add(name)
        return f":{name}"

    def _condition(self, facet: str, values: list[str], name: str | None = None) -> str:
        """One of `values` in the mission's `facet`; `name`: its parameter's (by default the filter's)."""
        name = name or f"f_{facet}"
        if self.pg:
            return f"m.search_facets && {self._bind(name, [f'{FACET_TAGS[facet]}:{value}' for value in values])}"
        column = f"m.{FACET_COLUMNS[facet]}"
        bound = self._bind(name, values, expanding=True)
        if facet in LIST_FACETS:
            return f"EXISTS (SELECT 1 FROM json_each({column}) AS j WHERE j.value IN {bound})"
        return f"{column} IN {bound}"

    def _linked(self, link: Link | None) -> list[str]:
        """The missions linked to a cause: one of its themes, or one of its keywords as a search finds it."""
        if link is None:
            return []
        alternatives = [self._condition("theme", list(dict.fromkeys(link.themes)), name="link_themes")] if link.themes else []
        phrases = [words for words in dict.fromkeys(tuple(keywords(keyword)) for keyword in link.keywords) if words]
        if phrases and self.pg:
            either = " || ".join("(" + " && ".join(self._word_query(f"link{i}_{j}", word) for j, word in enumerate(words)) + ")"
                                 for i, words in enumerate(phrases))
            alternatives.append(f"m.search_vector @@ ({either})")
        elif phrases:
            either = " OR ".join("(" + " AND ".join(f'"{word}"*' for word in words) + ")" for words in phrases)
            alternatives.append(f"m.id IN (SELECT mission_id FROM missions_fts WHERE missions_fts MATCH {self._bind('link_match', either)})")
        return ["(" + " OR ".join(alternatives) + ")" if alternatives else "1 = 0"]

    def _visible(self, viewer: Viewer) -> list[str]:
        # The status is a literal, not a parameter: the partial indexes (WHERE status = 'published') then
        # serve generic plans too.
        published = f"m.status = '{MissionStatus.PUBLISHED.value}'"
        open_to_all = "m.open_to_all_companies" if self.pg else "m.open_to_all_companies = 1"
        if viewer.company_id is None:
            return [published, open_to_all]
        company = self._bind("company_id", viewer.company_id)
        return [published, f"({open_to_all} OR EXISTS (SELECT 1 FROM mission_companies AS mc"
                           f" WHERE mc.mission_id = m.id AND mc.company_id = {company}))"]

    def _exclude(self, ids: list[str]) -> list[str]:
        if not ids:
            return []
        if self.pg:
            return [f"NOT (m.id = ANY({self._bind('exclude', ids)}))"]
        return [f"m.id NOT IN {self._bind('exclude', ids, expanding=True)}"]

    @property
    def tsquery(self) -> str:
        return " && ".join(self._word_query(str(i), word) for i, word in enumerate(self.words))

    def _word_query(self, name: str, word: str) -> str:
        """A word as PostgreSQL's search understands it: its French forms, or any word it starts."""
        stem, prefix = self._bind(f"w{name}", word), self._bind(f"p{name}", f"{word}:*")
        return f"(to_tsquery('french_unaccent', {stem}) || to_tsquery('simple_unaccent', {prefix}))"

    def _keywords(self) -> list[str]:
        if not self.words:
            return []
        if self.pg:
            return [f"m.search_vector @@ ({self.tsquery})"]
        return [f"m.id IN (SELECT mission_id FROM missions_fts WHERE missions_fts MATCH {self._match()})"]

    def _match(self) -> str:
        # Each word quoted (it holds only letters and digits) and made a prefix; FTS5 ANDs them.
        return self._bind("match", " AND ".join(f'"{word}"*' for word in self.words))

    def _text(self, sql: str) -> sa.TextClause:
        return _bound(sql, self.params, self.expanding)

    def _prune(self) -> list[str]:
        """A row that fails two filters or more counts for no facet: leave it out early."""
        if len(self.active) < 2:
            return []
        pruned = []
        if self.pg:
            # "at least one filter holds", as one condition the GIN index on search_facets answers
            # (exactly "fails at most one" when there are two filters).
            every = [f"{FACET_TAGS[facet]}:{value}" for facet, values in self.values.items() for value in values]
            pruned.append(f"m.search_facets && {self._bind('f_any', every)}")
        if not self.pg or len(self.active) > 2:
            failures = " + ".join(f"CASE WHEN {self.conditions[facet]} THEN 0 ELSE 1 END" for facet in self.active)
            pruned.append(f"{failures} <= 1")
        return pruned

    def pg_search(self, limit: int, offset: int, versioned: bool = False) -> sa.TextClause:
        """PostgreSQL: the facet counts, the total and the page, in one statement over one read of the rows.

        `failed` is the letter of the one filter a row fails, '' when it passes them all. A row counts
        for that facet only, or, passing everything, for every facet, for the total ('#') and for the
        page, whose rows come back as ('>' || id, position). The base is MATERIALIZED so that `failed`
        is computed once per row, not once per tag, and the relevance only for rows that pass everything.
        The tags are unnested in the select list (one ProjectSet node) rather than by a LATERAL join, which
        would start a function scan per row: a third less time after the base on a search matching ~8,000 rows
        (bench/README.md, P3).
        """
        where = " AND ".join(self.where + self._prune())
        failed = ("CASE " + " ".join(f"WHEN NOT ({self.conditions[facet]}) THEN '{FACET_TAGS[facet]}'" for facet in self.active)
                  + " ELSE '' END") if self.active else "''"
        if self.words:
            rank = f"CASE WHEN {failed} = '' THEN ts_rank_cd({PG_RANK_WEIGHTS}, m.search_vector, {self.tsquery}) END"
            order = "base.rank DESC, base.published_at DESC, base.id"
        else:
            rank, order = "NULL::real", "base.published_at DESC, base.id"
        first, last = self._bind("offset", offset), self._bind("last", offset + limit)
        return self._text(
            f"WITH base AS MATERIALIZED (SELECT m.id, m.published_at, m.search_facets, {failed} AS failed, {rank} AS rank"
            f" FROM missions AS m WHERE {where})\n"
            f"SELECT tag AS key, count(*) AS n FROM (SELECT unnest(array_append(base.search_facets, '{TOTAL_TAG}')) AS tag, base.failed"
            f" FROM base) AS tags WHERE tags.failed = '' OR left(tags.tag, 1) = tags.failed GROUP BY tag\n"
            f"UNION ALL\n"
            f"SELECT '{PAGE_TAG}' || page.id, page.position FROM (SELECT base.id, row_number() OVER (ORDER BY {order}) AS position"
            f" FROM base WHERE base.failed = '') AS page WHERE page.position > {first} AND page.position <= {last}"
            + (f"\nUNION ALL\nSELECT '{VERSION_TAG}', version FROM catalogue_version WHERE id = 1" if versioned else "")
        )

    def counts(self, versioned: bool = False) -> sa.TextClause:
        """SQLite: the facet counts and the total."""
        where = " AND ".join(self.where + self._prune())
        flags = "".join(f", {self.conditions[facet]} AS f_{facet}" for facet in self.active)
        columns = ", ".join(f"m.{column}" for column in FACET_COLUMNS.values())
        selects = []
        for facet in FACETS:
            column, when = FACET_COLUMNS[facet], self._all_but(facet)
            if facet in LIST_FACETS:
                selects.append(f"SELECT '{facet}' AS facet, j.value AS value, count(*) AS n FROM base, json_each(base.{column}) AS j"
                               f" WHERE {when} GROUP BY j.value")
            else:
                selects.append(f"SELECT '{facet}', {column}, count(*) FROM base WHERE {when} GROUP BY {column}")
        selects.append(f"SELECT '', '', count(*) FROM base WHERE {self._all_but(None)}")
        if versioned:
            selects.append(f"SELECT '{VERSION_TAG}', '', version FROM catalogue_version WHERE id = 1")
        return self._text(f"WITH base AS MATERIALIZED (SELECT {columns}{flags} FROM missions AS m WHERE {where})\n"
                          + "\nUNION ALL ".join(selects))

    def _all_but(self, skipped: str | None) -> str:
        kept = [f"f_{facet}" for facet in self.active if facet != skipped]
        return " AND ".join(kept) if kept else "1 = 1"

    def page(self, limit: int, offset: int) -> sa.TextClause:
        """The ids of the page, in order: SQLite's, and PostgreSQL's when the counts were kept (no keywords)."""
        filtered = [self.conditions[facet] for facet in self.active]
        where = self.where + filtered
        limits = f"LIMIT {self._bind('limit', limit)} OFFSET {self._bind('offset', offset)}"
        if not self.words:
            return self._text(f"SELECT m.id FROM missions AS m WHERE {' AND '.join(where)}"
                              f" ORDER BY m.published_at DESC, m.id {limits}")
        # hits in column c = how many opening marks highlight() puts in it
        hits = " + ".join(
            f"{weight} * (length(highlight(missions_fts, {index}, char(1), '')) - length({column}))"
            for index, column, weight in ((1, "title", 20), (2, "tags", 5), (3, "body", 1))
        )
        where = self.common + filtered
        return self._text(
            f"SELECT m.id FROM missions AS m JOIN (SELECT mission_id, {hits} AS relevance FROM missions_fts"
            f" WHERE missions_fts MATCH {self._match()}) AS k ON k.mission_id = m.id"
            f" WHERE {' AND '.join(where)} ORDER BY k.relevance DESC, m.published_at DESC, m.id {limits}"
        )


def missions_for(session: Session, viewer: Viewer, preferences: dict[str, list[str]] | None, page: int,
                 per_page: int) -> tuple[list[Mission], int] | None:
    """« Ces missions sont pour toi » on PostgreSQL: (missions of the page, loaded for cards, total), ranked by how
    many of the person's ticked boxes each mission shares (`domain.overlap_score`), then newest, then id.

    The database ranks: a page no longer loads every visible mission into Python (4–6 s on 100,000 missions).
    `preferences` maps "theme", "professional_expertise" and "personal_expertise" to the person's values; None
    when they chose none. Returns None on other databases, where `missions.ranked_for` ranks in Python.

    Only the missions that share a ticked box are scored: the GIN index finds them (`&&`), and the others follow,
    newest first, read only when the page reaches past them. The total is « Toutes les missions »'s, from the
    maintained counts (`LANDING_TOTAL`). Before, every visible mission was scored and counted at each request.
    """
    builder = _Builder(session.get_bind().dialect.name, viewer, Filters())
    if not builder.pg:
        return None
    session.execute(PG_SETUP)
    total = session.execute(LANDING_TOTAL, {"company_id": viewer.company_id}).scalar_one()
    offset = (page - 1) * per_page
    if offset >= total:
        return [], total
    ticked = sorted({f"{FACET_TAGS[facet]}:{value}" for facet, values in (preferences or {}).items() for value in values})
    visible = " AND ".join(builder.common)
    ids: list[str] = []
    sharing = 0
    if ticked:
        # One containment test per ticked value, each counting once as overlap_score's sets do.
        shared = " + ".join(f"(m.search_facets @> ARRAY[CAST({builder._bind(f'ticked_{n}', tag)} AS text)])::int"
                            for n, tag in enumerate(ticked))
        overlap = f"m.search_facets && CAST({builder._bind('ticked', ticked)} AS text[])"
        # No count beside the page: a LIMIT alone lets PostgreSQL keep only the best rows while it reads.
        ids = list(session.scalars(builder._text(
            f"SELECT m.id FROM missions AS m WHERE {visible} AND {overlap}"
            f" ORDER BY {shared} DESC, m.published_at DESC, m.id"
            f" LIMIT {builder._bind('limit', per_page)} OFFSET {builder._bind('offset', offset)}"
        )))
        if ids:
            sharing = offset + len(ids)  # only read when the page was not full: the sharing ones ended on it
        else:
            sharing = session.execute(builder._text(f"SELECT count(*) FROM missions AS m WHERE {visible} AND {overlap}")).scalar_one()
        visible += f" AND NOT COALESCE({overlap}, false)"
    if len(ids) < per_page and offset + len(ids) < total:
        # The missions that share nothing, newest first, after those that do.
        ids += session.scalars(builder._text(
            f"SELECT m.id FROM missions AS m WHERE {visible} ORDER BY m.published_at DESC, m.id"
            f" LIMIT {builder._bind('rest_limit', per_page - len(ids))} OFFSET {builder._bind('rest_offset', max(0, offset - sharing))}"
        )).all()
    return _cards_in_order(session, ids), total


def linked_counts(session: Session, viewer: Viewer, links: list[Link]) -> list[int]:
    """How many published missions open to the viewer each cause links to, in `links`' order: one statement, the
    database counting (L'actu solidaire shows the count and links to the search that lists them)."""
    if not links:
        return []
    dialect = session.get_bind().dialect.name
    selects, params, expanding = [], {}, set()
    for n, link in enumerate(links):
        builder = _Builder(dialect, viewer, Filters(linked_to=link), prefix=f"c{n}_")
        selects.append(f"SELECT {n} AS position, count(*) AS missions FROM missions AS m WHERE {' AND '.join(builder.common)}")
        params.update(builder.params)
        expanding |= builder.expanding
    if dialect == "postgresql":
        session.execute(PG_SETUP)
    counts = dict(session.execute(_bound("\nUNION ALL ".join(selects), params, expanding)).tuples().all())
    return [counts[n] for n in range(len(links))]


def search_statements(dialect: str, viewer: Viewer, filters: Filters, page: int, per_page: int) -> SearchStatements:
    """The statements `search_missions` runs, before it loads the page's missions."""
    builder = _Builder(dialect, viewer, filters)
    offset = (page - 1) * per_page
    if builder.pg:
        return SearchStatements(setup=PG_SETUP, counts=builder.pg_search(per_page, offset), page=None)
    return SearchStatements(setup=None, counts=builder.counts(), page=builder.page(per_page, offset))


def _landing_counts(session: Session, viewer: Viewer) -> tuple[int, dict]:
    """« Toutes les missions » on PostgreSQL: (total, facets) from the maintained counts (migration 0007)."""
    total, facets = 0, {facet: {} for facet in FACETS}
    for tag, count in session.execute(LANDING_COUNTS, {"company_id": viewer.company_id}):
        if tag == TOTAL_TAG:
            total += count
        else:
            counts = facets[TAG_FACETS[tag[0]]]
            counts[tag[2:]] = counts.get(tag[2:], 0) + count
    return total, {facet: dict(sorted(counts.items())) for facet, counts in facets.items()}


def search_missions(session: Session, viewer: Viewer, filters: Filters, page: int, per_page: int):
    """(missions of the page, loaded for cards, total, facets): each facet counts with every other filter applied."""
    bind = session.get_bind()
    dialect, engine = bind.dialect.name, bind.engine
    builder = _Builder(dialect, viewer, filters)
    offset = (page - 1) * per_page
    if builder.pg:
        session.execute(PG_SETUP)
    kept_key = builder.kept_key(viewer)
    kept = None
    if builder.pg and builder.landing:
        kept = _landing_counts(session, viewer)
    elif kept_key is not None:
        kept = KEPT_COUNTS.get(engine, (session.execute(CATALOGUE_VERSION).scalar_one(), kept_key))
    if kept is not None:
        total, facets = kept
        facets = {facet: dict(counts) for facet, counts in facets.items()}
        ids = list(session.scalars(builder.page(per_page, offset))) if total > offset else []
    else:
        versioned = kept_key is not None
        counts = builder.pg_search(per_page, offset, versioned) if builder.pg else builder.counts(versioned)
        facets = {facet: {} for facet in FACETS}
        total, positions, version = 0, {}, None
        for row in session.execute(counts):
            if dialect == "postgresql":
                key, count = row
                if key == TOTAL_TAG:
                    total = count
                elif key == VERSION_TAG:
                    version = count
                elif key.startswith(PAGE_TAG):
                    positions[key[len(PAGE_TAG):]] = count
                else:
                    facets[TAG_FACETS[key[0]]][key[2:]] = count
            else:
                facet, value, count = row
                if facet == VERSION_TAG:
                    version = count
                elif facet:
                    facets[facet][value] = count
                else:
                    total = count
        facets = {facet: dict(sorted(counts.items())) for facet, counts in facets.items()}
        if version is not None:
            KEPT_COUNTS.put(engine, (version, kept_key), (total, {facet: dict(counts) for facet, counts in facets.items()}))
        if not builder.pg and total > offset:
            ids = list(session.scalars(builder.page(per_page, offset)))
        else:
            ids = sorted(positions, key=positions.__getitem__)
    if not ids:
        return [], total, facets
    return _cards_in_order(session, ids), total, facets


def _cards_in_order(session: Session, ids: list[str]) -> list[Mission]:
    """The page's missions loaded for cards, in the order the ranking gave their ids."""
    by_id = {mission.id: mission for mission in session.scalars(sa.select(Mission).where(Mission.id.in_(ids)).options(*CARD_LOADING))}
    return [by_id[mission_id] for mission_id in ids if mission_id in by_id]
