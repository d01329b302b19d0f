"""The floor of P3: the same missions and searches answered by Tantivy (official Python bindings), in memory.

What a user would pick instead of PostgreSQL for faceted search: an inverted index with fast fields. The
index gets the missions `p3_search.generate` wrote, with the same fields as `missions.search_vector`
(title; association name, themes and expertises; description and city), folded like
`catalog.text.fold`, and the filter values as tags like `missions.search_facets` (`t:…`, `r:…`, `p:…`,
`e:…`, `a:…`), plus the status and who may see the mission (`v:*` open to all, `v:<company>`).

A search mirrors `catalog.search.search_missions`: every keyword must match as a prefix in one of the
three fields (boosted 1, 0.25, 0.05 like the SQL's weights); several values of a filter are OR-ed and the
filters AND-ed; the first page of 20 by score with the total; each facet counted with every OTHER filter
applied (one terms aggregation over the tags for the query with all filters, which gives the facets
without a filter, plus one per active filter without that filter). There is no French stemmer on this
side ("jardins" finding "jardin" is PostgreSQL's extra), so the totals may differ on a few searches;
the bench reports how many agree.

Bench only: `tantivy` comes from the `bench` dependency group (pyproject.toml), never from a service.
"""
from __future__ import annotations

from typing import Any

import psycopg
import tantivy

from catalog.search import FACET_TAGS, FACETS, keywords
from catalog.text import fold

WEIGHTS = {"title": 1.0, "other": 0.25, "body": 0.05}
TAG_SIZE = 10_000  # more than every distinct tag (2,000 associations + the taxonomy's values)


class TantivyCatalog:
    def __init__(self, dsn: str):
        builder = tantivy.SchemaBuilder()
        for name in WEIGHTS:
            builder.add_text_field(name, stored=False, tokenizer_name="default")
        builder.add_text_field("tags", stored=False, tokenizer_name="raw", fast=True)
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)  # in RAM
        self.documents = self._load(dsn)
        self.index.reload()

    def _load(self, dsn: str) -> int:
        writer = self.index.writer(200_000_000, 2)
        count = 0
        with psycopg.connect(dsn) as connection, connection.cursor(name="tantivy_load") as cursor:
            cursor.execute(
                "SELECT m.id::text, m.title, m.description, m.city, m.region, m.themes, m.professional_expertises,"
                " m.personal_expertises, m.association_id::text, a.name, m.status, m.open_to_all_companies,"
                " coalesce((SELECT array_agg(company_id) FROM mission_companies c WHERE c.mission_id = m.id), '{}')"
                " FROM missions m JOIN associations a ON a.id = m.association_id")
            for (mission_id, title, description, city, region, themes, professional, personal, association_id, association,
                 status, open_to_all, companies) in cursor:
                document = tantivy.Document()
                document.add_text("id", mission_id)
                document.add_text("title", fold(title))
                document.add_text("other", fold(" ".join([association, *themes, *professional, *personal])))
                document.add_text("body", fold(f"{description} {city}"))
                tags = [f"s:{status}", f"a:{association_id}", f"r:{region}"]
                tags += [f"t:{v}" for v in themes] + [f"p:{v}" for v in professional] + [f"e:{v}" for v in personal]
                tags += ["v:*"] if open_to_all else [f"v:{c}" for c in companies]
                for tag in tags:
                    document.add_text("tags", tag)
                writer.add_document(document)
                count += 1
        writer.commit()
        writer.wait_merging_threads()
        return count

    def _tags(self, values: list[str]) -> tantivy.Query:
        return tantivy.Query.term_set_query(self.schema, "tags", values)

    def search(self, searcher: tantivy.Searcher, search: dict[str, Any], per_page: int) -> tuple[list[str], int, dict[str, dict[str, int]]]:
        must = tantivy.Occur.Must
        base: list[tuple[Any, tantivy.Query]] = [(must, self._tags(["s:published"])), (must, self._tags(["v:*", f"v:{search['company']}"]))]
        for word in keywords(search["q"]):
            base.append((must, tantivy.Query.boolean_query([
                (tantivy.Occur.Should, tantivy.Query.boost_query(tantivy.Query.regex_query(self.schema, field, f"{word}.*"), weight))
                for field, weight in WEIGHTS.items()])))
        filters = {facet: (must, self._tags([f"{FACET_TAGS[facet]}:{v}" for v in search[facet]])) for facet in FACETS if search[facet]}
        everything = tantivy.Query.boolean_query(base + list(filters.values()))
        page = searcher.search(everything, per_page, count=True)
        ids = [searcher.doc(address)["id"][0] for _, address in page.hits]
        facets: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
        letters = {letter: facet for facet, letter in FACET_TAGS.items()}

        def count(query: tantivy.Query, only: set[str]) -> None:
            result = searcher.aggregate(query, {"f": {"terms": {"field": "tags", "size": TAG_SIZE}}})
            for bucket in result["f"]["buckets"]:
                letter, _, value = bucket["key"].partition(":")
                facet = letters.get(letter)
                if facet in only:
                    facets[facet][value] = bucket["doc_count"]

        count(everything, {facet for facet in FACETS if facet not in filters})
        for facet in filters:
            count(tantivy.Query.boolean_query(base + [f for other, f in filters.items() if other != facet]), {facet})
        return ids, page.count, facets

    def worker(self, searches: list[dict[str, Any]], per_page: int):
        """For p3_search.run_clients: one searcher per thread, like one connection per client."""
        def make():
            searcher = self.index.searcher()

            def do(index: int) -> None:
                self.search(searcher, searches[index % len(searches)], per_page)

            return do, lambda: None
        return make
