// « Je trouve » : search the published missions open to your company (GET /api/catalog/missions).
// The guide's six filters — Associations, Thématiques, Expertises professionnelles, Expertises
// personnelles, Régions, Mots clés — live in the query string (?theme=…&region=…&q=…&page=2), so
// back/forward and shared links work. A chip toggles its value (click again to deselect);
// « Toutes les missions » resets everything. Chip counts come from the answer's facets.
import { ref, computed, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api } from "../api.js";
import { plural } from "../format.js";
import AsyncState from "../components/AsyncState.js";
import FilterPanel from "../components/FilterPanel.js";
import MissionCard from "../components/MissionCard.js";

const PER_PAGE = 20;

// Query parameter (also the facet's key) → the guide's label.
const FILTERS = [
  { key: "association", label: "Associations" },
  { key: "theme", label: "Thématiques" },
  { key: "professional_expertise", label: "Expertises professionnelles" },
  { key: "personal_expertise", label: "Expertises personnelles" },
  { key: "region", label: "Régions" },
];

// The association facet counts by id: their names come from the directory (one call per visit).
let associationNames = null;
async function loadAssociationNames() {
  if (!associationNames) {
    associationNames = api.get("/api/catalog/associations", { per_page: 100 }).then(async (first) => {
      const names = Object.fromEntries(first.items.map((item) => [item.id, item.name]));
      const pages = Math.ceil(first.total / 100);
      for (let page = 2; page <= pages; page += 1) {
        const next = await api.get("/api/catalog/associations", { per_page: 100, page });
        next.items.forEach((item) => { names[item.id] = item.name; });
      }
      return names;
    }).catch((error) => {
      associationNames = null;
      throw error;
    });
  }
  return associationNames;
}

function asList(value) {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

export default {
  name: "FindMissionsPage",
  components: { AsyncState, FilterPanel, MissionCard },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const missions = ref([]);
    const total = ref(0);
    const facets = ref({});
    const names = ref({});
    const loading = ref(true);
    const error = ref(null);
    const keywords = ref("");
    const announcement = ref("");

    const selected = computed(() => Object.fromEntries(FILTERS.map((filter) => [filter.key, asList(route.query[filter.key])])));
    const page = computed(() => Math.max(1, Number.parseInt(route.query.page, 10) || 1));
    const pages = computed(() => Math.max(1, Math.ceil(total.value / PER_PAGE)));
    const hasFilters = computed(() => Boolean(route.query.q) || FILTERS.some((filter) => selected.value[filter.key].length));

    function valueLabel(key, value) {
      return key === "association" ? names.value[value] || "Association" : value;
    }

    // Chips: every value the facets know, selected ones first kept even at zero.
    function chips(key) {
      const counts = facets.value[key] || {};
      const values = new Set([...Object.keys(counts), ...selected.value[key]]);
      return [...values]
        .map((value) => ({ value, label: valueLabel(key, value), count: counts[value] || 0, pressed: selected.value[key].includes(value) }))
        .sort((a, b) => a.label.localeCompare(b.label, "fr"));
    }

    const activeFilters = computed(() => {
      const list = [];
      for (const filter of FILTERS) {
        for (const value of selected.value[filter.key]) list.push({ key: filter.key, value, label: valueLabel(filter.key, value), group: filter.label });
      }
      return list;
    });

    function queryWith(changes) {
      const query = { ...route.query, ...changes };
      delete query.page;
      for (const key of Object.keys(query)) {
        if (query[key] === undefined || query[key] === "" || (Array.isArray(query[key]) && !query[key].length)) delete query[key];
      }
      return query;
    }

    function toggle(key, value) {
      const current = selected.value[key];
      const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
      router.push({ path: "/missions", query: queryWith({ [key]: next }) });
    }

    function search() {
      router.push({ path: "/missions", query: queryWith({ q: keywords.value.trim() || undefined }) });
    }

    function pageLink(number) {
      const query = { ...route.query };
      if (number > 1) query.page = String(number);
      else delete query.page;
      return { path: "/missions", query, hash: "#resultats" };
    }

    async function load() {
      loading.value = true;
      error.value = null;
      const params = { page: page.value, per_page: PER_PAGE, q: route.query.q || undefined };
      for (const filter of FILTERS) params[filter.key] = selected.value[filter.key];
      try {
        const [answer, associationMap] = await Promise.all([
          api.get("/api/catalog/missions", params),
          loadAssociationNames().catch(() => ({})),
        ]);
        names.value = associationMap;
        missions.value = answer.items;
        total.value = answer.total;
        facets.value = answer.facets || {};
        announcement.value = `${plural(answer.total, "mission", "missions")}${pages.value > 1 ? `, page ${page.value} sur ${pages.value}` : ""}`;
      } catch (failure) {
        error.value = failure;
        announcement.value = "";
      } finally {
        loading.value = false;
      }
    }

    watch(
      () => route.query,
      () => {
        if (route.path !== "/missions") return;
        keywords.value = route.query.q || "";
        load();
      },
      { immediate: true },
    );

    // Small screens: the filter groups start closed so the results stay in sight.
    const wide = window.matchMedia("(min-width: 62rem)").matches;
    // Fixed once: a group must not close under the keyboard when its last chip is deselected.
    const initiallyOpen = Object.fromEntries(FILTERS.map((filter) => [filter.key, selected.value[filter.key].length > 0 || (wide && filter.key === "theme")]));

    return {
      initiallyOpen, filters: FILTERS, missions, total, loading, error, keywords, announcement, page, pages, hasFilters,
      selected, chips, activeFilters, toggle, search, pageLink, load, plural,
    };
  },
  template: `
    <div class="page">
      <header class="page-header">
        <h1>Trouve une mission</h1>
        <p class="lead">Utilise les filtres de ton choix ou le champ libre « mots-clés ». Pour désélectionner un filtre, clique à nouveau dessus ; pour revenir à la vue d'ensemble, clique sur « Toutes les missions ».</p>
      </header>

      <div class="search-layout">
        <FilterPanel :filters="filters" :selected="selected" :chips="chips" :initially-open="initiallyOpen" :loading="loading"
                     v-model:keywords="keywords" input-id="mots-cles" placeholder="Ex. : jardin, CV, numérique" :unit="['mission', 'missions']"
                     @search="search" @toggle="toggle" />

        <section id="resultats" aria-labelledby="titre-resultats">
          <h2 id="titre-resultats" class="visually-hidden">Résultats</h2>
          <div class="results-bar">
            <p class="results-count" aria-hidden="true">{{ loading && !missions.length ? 'Recherche…' : plural(total, 'mission', 'missions') }}</p>
            <router-link v-if="hasFilters" to="/missions" class="button button--secondary button--small">Toutes les missions</router-link>
          </div>
          <p class="visually-hidden" role="status" aria-live="polite">{{ announcement }}</p>
          <ul v-if="activeFilters.length || $route.query.q" class="active-filters" aria-label="Filtres actifs">
            <li v-if="$route.query.q"><span class="tag">Mots clés : « {{ $route.query.q }} »</span></li>
            <li v-for="active in activeFilters" :key="active.key + active.value">
              <button type="button" class="chip" aria-pressed="true" @click="toggle(active.key, active.value)">
                {{ active.label }}<span class="visually-hidden"> ({{ active.group }}) : retirer ce filtre</span>
              </button>
            </li>
          </ul>
          <AsyncState :loading="loading" :error="error" :empty="!missions.length" @retry="load"
                      loading-text="Recherche des missions…">
            <template #empty>
              <div class="notice">
                <p>Aucune mission ne correspond à ces critères.</p>
                <p><router-link to="/missions">Toutes les missions</router-link> · <router-link to="/je-propose">Propose directement tes compétences à une association</router-link></p>
              </div>
            </template>
            <ul class="grid">
              <li v-for="mission in missions" :key="mission.id"><MissionCard :mission="mission" :heading-level="3" /></li>
            </ul>
            <nav v-if="pages > 1" class="pagination" aria-label="Pages de résultats">
              <router-link v-if="page > 1" :to="pageLink(page - 1)" class="button button--secondary">Page précédente</router-link>
              <span class="pagination__status">Page {{ page }} sur {{ pages }}</span>
              <router-link v-if="page < pages" :to="pageLink(page + 1)" class="button button--secondary">Page suivante</router-link>
            </nav>
          </AsyncState>
        </section>
      </div>
    </div>
  `,
};
