"""Searching the published missions ("Je trouve"): filters, keywords, facet counts and ranking, done by the database.

The contract: `search_missions(session, viewer, filters, page, per_page) -> (missions of the page, total,
facets)`. Several values of one filter are OR-ed, the filters are AND-ed, and each facet counts the
missions per value with every OTHER filter (and the keywords) applied. Only published missions open to
the viewer's company are seen. The order is relevance, then `published_at` (newest first), then id.

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
are AND-ed, and relevance is `ts_rank` with its default weights and no length normalisation: one title
hit outranks several description hits, and two missions matched the same way tie, so the newer one
comes first. The list filters use the JSONB `?|` operator.

Facet counts on PostgreSQL are ONE statement that reads the matching rows once: each row carries one
boolean per active filter, and a LATERAL UNION ALL turns it into (facet, value) pairs, a pair being
emitted only when every other filter holds (the list columns are unnested there with
`jsonb_array_elements_text`). A single hash aggregate counts them, and a ('', '') pair per fully
matching row gives the total. Rows that fail two filters or more can count for no facet and are
dropped before that. We chose this over a normalised `mission_tags` table: the values are already on
the row we read for the keyword match, so the count costs no join and no second copy to maintain.

SQLite (embedded mode): the FTS5 table `missions_fts` (unicode61, remove_diacritics 2), kept in sync by
triggers, answers `"word"*` prefix queries. Relevance is the number of hits per column, weighted 10
(title), 4 (association, themes, expertises) and 2 (description, city), counted with `highlight()`. Like
`ts_rank` without normalisation it does not depend on the text's length, so ties fall to recency.
SQLite has no French stemmer: there, "jardins" does not find "jardin" (a prefix still does). Facets are
a UNION ALL of grouped queries over the matching rows, materialised once (`json_each` unnests the lists).
The list columns are written by the API through `domain.check_choices`, which never repeats a value, so
a mission counts once per value.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .domain import MissionStatus, Viewer
from .models import Mission, MissionCompany

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
class Filters:
    """Several values per filter are OR-ed; filters are AND-ed; no filter means "Toutes les missions".

    `exclude` lists mission ids left out of the results and the counts.
    """

    association: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    professional_expertise: tuple[str, ...] = ()
    personal_expertise: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    q: str | None = None
    exclude: tuple[str, ...] = field(default=())


def fold(text: str) -> str:
    """Lower case without accents: "Éducation" and "education" are the same word, "cœur" is "coeur"."""
    lowered = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


@dataclass(frozen=True)
class SearchStatements:
    """The two statements of a search: facet counts with the total, and the ids of the page in order."""

    counts: sa.TextClause
    page: sa.TextClause


class _Builder:
    """Builds the SQL of one search for one dialect. Only fixed fragments enter the SQL text; every
    value the caller gave (filter values, words, company) is a bound parameter."""

    def __init__(self, dialect: str, viewer: Viewer, filters: Filters):
        if dialect not in ("postgresql", "sqlite"):
            raise NotImplementedError(f"catalog's search supports PostgreSQL and SQLite, not {dialect}")
        self.pg = dialect == "postgresql"
        self.params: dict[str, object] = {}
        self.expanding: set[str] = set()
        self.words = keywords(filters.q)
        self.active = [facet for facet in FACETS if getattr(filters, facet)]
        self.conditions = {facet: self._condition(facet, list(dict.fromkeys(getattr(filters, facet)))) for facet in self.active}
        self.common = self._visible(viewer) + self._exclude(list(filters.exclude))
        self.where = self.common + self._keywords()

    def _bind(self, name: str, value, expanding: bool = False) -> str:
        self.params[name] = value
        if expanding:
            self.expanding.add(name)
        return f":{name}"

    def _condition(self, facet: str, values: list[str]) -> str:
        column = f"m.{FACET_COLUMNS[facet]}"
        if self.pg:
            bound = self._bind(f"f_{facet}", values)
            return f"{column} ?| {bound}" if facet in LIST_FACETS else f"{column} = ANY({bound})"
        bound = self._bind(f"f_{facet}", values, expanding=True)
        if facet in LIST_FACETS:
            return f"EXISTS (SELECT 1 FROM json_each({column}) AS j WHERE j.value IN {bound})"
        return f"{column} IN {bound}"

    def _visible(self, viewer: Viewer) -> list[str]:
        # The status is a literal, not a parameter: a generic plan can then still use partial indexes.
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
        parts = []
        for i, word in enumerate(self.words):
            stem, prefix = self._bind(f"w{i}", word), self._bind(f"p{i}", f"{word}:*")
            parts.append(f"(to_tsquery('french_unaccent', {stem}) || to_tsquery('simple_unaccent', {prefix}))")
        return " && ".join(parts)

    def _keywords(self) -> list[str]:
        if not self.words:
            return []
        if self.pg:
            return [f"m.search_vector @@ ({self.tsquery})"]
        return [f"m.id IN (SELECT mission_id FROM missions_fts WHERE missions_fts MATCH {self._match()})"]

    def _match(self) -> str:
        # Each word quoted (it holds only letters and digits) and made a prefix; FTS5 ANDs them.
        return self._bind("match", " AND ".join(f'"{word}"*' for word in self.words))

    def _all_but(self, skipped: str | None, prefix: str = "") -> str:
        kept = [f"{prefix}f_{facet}" for facet in self.active if facet != skipped]
        return " AND ".join(kept) if kept else "1 = 1"

    def _text(self, sql: str) -> sa.TextClause:
        clause = sa.text(sql)
        names = [name for name in self.params if re.search(rf":{name}\b", sql)]
        binds = [sa.bindparam(name, self.params[name], expanding=name in self.expanding) for name in names]
        return clause.bindparams(*binds)

    def _base(self) -> str:
        """The visible missions that match the keywords and fail at most one filter, with one flag per filter."""
        flags = "".join(f", {self.conditions[facet]} AS f_{facet}" for facet in self.active)
        where = list(self.where)
        if len(self.active) >= 2:
            failures = " + ".join(f"CASE WHEN {self.conditions[facet]} THEN 0 ELSE 1 END" for facet in self.active)
            where.append(f"{failures} <= 1")
        columns = ", ".join(f"m.{column}" for column in FACET_COLUMNS.values())
        return f"SELECT {columns}{flags} FROM missions AS m WHERE {' AND '.join(where)}"

    def counts(self) -> sa.TextClause:
        if self.pg:
            branches = []
            for facet in FACETS:
                column = f"base.{FACET_COLUMNS[facet]}"
                when = self._all_but(facet, "base.")
                if facet in LIST_FACETS:
                    branches.append(f"SELECT '{facet}', value FROM jsonb_array_elements_text({column}) AS value WHERE {when}")
                else:
                    branches.append(f"SELECT '{facet}', {column} WHERE {when}")
            branches.append(f"SELECT '', '' WHERE {self._all_but(None, 'base.')}")
            union = "\n        UNION ALL ".join(branches)
            return self._text(
                f"WITH base AS ({self._base()})\n"
                f"SELECT v.facet, v.value, count(*) AS n FROM base CROSS JOIN LATERAL (\n        {union}\n"
                f") AS v(facet, value) GROUP BY v.facet, v.value"
            )
        selects = []
        for facet in FACETS:
            column, when = FACET_COLUMNS[facet], self._all_but(facet)
            if facet in LIST_FACETS:
                selects.append(f"SELECT '{facet}' AS facet, j.value AS value, count(*) AS n FROM base, json_each(base.{column}) AS j"
                               f" WHERE {when} GROUP BY j.value")
            else:
                selects.append(f"SELECT '{facet}', {column}, count(*) FROM base WHERE {when} GROUP BY {column}")
        selects.append(f"SELECT '', '', count(*) FROM base WHERE {self._all_but(None)}")
        return self._text(f"WITH base AS MATERIALIZED ({self._base()})\n" + "\nUNION ALL ".join(selects))

    def page(self, limit: int, offset: int) -> sa.TextClause:
        filtered = [self.conditions[facet] for facet in self.active]
        where = self.where + filtered
        limits = f"LIMIT {self._bind('limit', limit)} OFFSET {self._bind('offset', offset)}"
        if not self.words:
            return self._text(f"SELECT m.id FROM missions AS m WHERE {' AND '.join(where)}"
                              f" ORDER BY m.published_at DESC, m.id {limits}")
        if self.pg:
            return self._text(f"SELECT m.id FROM missions AS m WHERE {' AND '.join(where)}"
                              f" ORDER BY ts_rank(m.search_vector, {self.tsquery}) DESC, m.published_at DESC, m.id {limits}")
        # hits in column c = how many opening marks highlight() puts in it
        hits = " + ".join(
            f"{weight} * (length(highlight(missions_fts, {index}, char(1), '')) - length({column}))"
            for index, column, weight in ((1, "title", 10), (2, "tags", 4), (3, "body", 2))
        )
        where = self.common + filtered
        return self._text(
            f"SELECT m.id FROM missions AS m JOIN (SELECT mission_id, {hits} AS relevance FROM missions_fts"
            f" WHERE missions_fts MATCH {self._match()}) AS k ON k.mission_id = m.id"
            f" WHERE {' AND '.join(where)} ORDER BY k.relevance DESC, m.published_at DESC, m.id {limits}"
        )


def search_statements(dialect: str, viewer: Viewer, filters: Filters, page: int, per_page: int) -> SearchStatements:
    """The statements `search_missions` runs (the benchmark runs them bare to compare)."""
    builder = _Builder(dialect, viewer, filters)
    return SearchStatements(counts=builder.counts(), page=builder.page(per_page, (page - 1) * per_page))


def search_missions(session: Session, viewer: Viewer, filters: Filters, page: int, per_page: int):
    """(missions of the page, total, facets): each facet counts with every other filter applied."""
    statements = search_statements(session.get_bind().dialect.name, viewer, filters, page, per_page)
    facets: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    total = 0
    for facet, value, count in session.execute(statements.counts):
        if facet:
            facets[facet][value] = count
        else:
            total = count
    facets = {facet: dict(sorted(counts.items())) for facet, counts in facets.items()}
    if total <= (page - 1) * per_page:
        return [], total, facets
    ids = list(session.scalars(statements.page))
    by_id = {mission.id: mission for mission in session.scalars(sa.select(Mission).where(Mission.id.in_(ids)))}
    return [by_id[mission_id] for mission_id in ids if mission_id in by_id], total, facets
