// Filters held in the URL's query string (?theme=a&theme=b&q=jardin&page=2), so that back/forward and
// shared links work. Used by « Je trouve » and « Je propose ».
//
//   const { selected, page, keywords, hasFilters, toggle, search, pageLink } = useQueryFilters("/missions", ["theme", "region"]);
//   selected.value.theme   the values of ?theme (always an array)
//   toggle("theme", "x")   adds or removes a value (back to page 1)
//   search()               ?q= from keywords (trimmed; empty removes it), back to page 1
//   pageLink(3)            a link to page 3 keeping the filters, landing on #resultats
import { computed, ref, watch } from "vue";
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw, type RouteLocationRaw } from "vue-router";

export function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
}

export function pageOf(value: unknown): number {
  const page = Number.parseInt(String(Array.isArray(value) ? value[0] : value ?? ""), 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** The current query with `changes` applied, without the page (a new filter starts at page 1) and without empty values. */
export function queryWith(current: LocationQuery, changes: LocationQueryRaw): LocationQueryRaw {
  const query: LocationQueryRaw = { ...current, ...changes };
  delete query.page;
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) delete query[key];
  }
  return query;
}

export function useQueryFilters(path: string, keys: readonly string[]) {
  const route = useRoute();
  const router = useRouter();
  const keywords = ref(typeof route.query.q === "string" ? route.query.q : "");

  const selected = computed<Record<string, string[]>>(() => Object.fromEntries(keys.map((key) => [key, asList(route.query[key])])));
  const page = computed(() => pageOf(route.query.page));
  const query = computed(() => (typeof route.query.q === "string" ? route.query.q : ""));
  const hasFilters = computed(() => Boolean(query.value) || keys.some((key) => selected.value[key].length > 0));

  // The keywords field follows the URL (back/forward, « Toutes les missions »).
  watch(query, (value) => {
    keywords.value = value;
  });

  function toggle(key: string, value: string) {
    const current = selected.value[key] || [];
    const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    return router.push({ path, query: queryWith(route.query, { [key]: next }) });
  }

  function search() {
    return router.push({ path, query: queryWith(route.query, { q: keywords.value.trim() || undefined }) });
  }

  function pageLink(number: number): RouteLocationRaw {
    const next: LocationQueryRaw = { ...route.query };
    if (number > 1) next.page = String(number);
    else delete next.page;
    return { path, query: next, hash: "#resultats" };
  }

  return { selected, page, query, keywords, hasFilters, toggle, search, pageLink };
}
