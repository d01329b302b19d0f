// « Je propose » : the directory of vetted associations (GET /api/catalog/associations), filtered
// by Thématiques, Régions and Mots clés (the guide's « Utilise les filtres de ton choix ou le champ
// libre mots-clés »). Filters and page live in the query string. Each association links to its
// page and to the form « Propose directement ton aide à l'association ».
import { ref, computed, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api } from "../api.js";
import { plural } from "../format.js";
import AsyncState from "../components/AsyncState.js";
import FilterPanel from "../components/FilterPanel.js";

const PER_PAGE = 20;
const FILTERS = [
  { key: "theme", label: "Thématiques" },
  { key: "region", label: "Régions" },
];

function asList(value) {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

export default {
  name: "ProposeDirectoryPage",
  components: { AsyncState, FilterPanel },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const associations = ref([]);
    const total = ref(0);
    const facets = ref({});
    const loading = ref(true);
    const error = ref(null);
    const keywords = ref("");
    const announcement = ref("");

    const selected = computed(() => Object.fromEntries(FILTERS.map((filter) => [filter.key, asList(route.query[filter.key])])));
    const page = computed(() => Math.max(1, Number.parseInt(route.query.page, 10) || 1));
    const pages = computed(() => Math.max(1, Math.ceil(total.value / PER_PAGE)));
    const hasFilters = computed(() => Boolean(route.query.q) || FILTERS.some((filter) => selected.value[filter.key].length));

    function chips(key) {
      const counts = facets.value[key] || {};
      const values = new Set([...Object.keys(counts), ...selected.value[key]]);
      return [...values]
        .map((value) => ({ value, count: counts[value] || 0, pressed: selected.value[key].includes(value) }))
        .sort((a, b) => a.value.localeCompare(b.value, "fr"));
    }

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
      router.push({ path: "/je-propose", query: queryWith({ [key]: next }) });
    }

    function search() {
      router.push({ path: "/je-propose", query: queryWith({ q: keywords.value.trim() || undefined }) });
    }

    function pageLink(number) {
      const query = { ...route.query };
      if (number > 1) query.page = String(number);
      else delete query.page;
      return { path: "/je-propose", query, hash: "#resultats" };
    }

    function excerpt(text) {
      if (!text || text.length <= 220) return text;
      return `${text.slice(0, 220).replace(/\s+\S*$/, "")}…`;
    }

    async function load() {
      loading.value = true;
      error.value = null;
      const params = { page: page.value, per_page: PER_PAGE, q: route.query.q || undefined };
      for (const filter of FILTERS) params[filter.key] = selected.value[filter.key];
      try {
        const answer = await api.get("/api/catalog/associations", params);
        associations.value = answer.items;
        total.value = answer.total;
        facets.value = answer.facets || {};
        announcement.value = `${plural(answer.total, "association", "associations")}${pages.value > 1 ? `, page ${page.value} sur ${pages.value}` : ""}`;
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
        if (route.path !== "/je-propose") return;
        keywords.value = route.query.q || "";
        load();
      },
      { immediate: true },
    );

    // Small screens: the filter groups start closed so the results stay in sight.
    const wide = window.matchMedia("(min-width: 62rem)").matches;
    // Fixed once: a group must not close under the keyboard when its last chip is deselected.
    const initiallyOpen = Object.fromEntries(FILTERS.map((filter) => [filter.key, wide || selected.value[filter.key].length > 0]));

    return {
      initiallyOpen, filters: FILTERS, associations, total, loading, error, keywords, announcement, page, pages, hasFilters,
      selected, chips, toggle, search, pageLink, load, plural, excerpt,
    };
  },
  template: `
    <div class="page">
      <header class="page-header">
        <h1>Propose tes compétences</h1>
        <p class="lead">Propose directement ton aide à une association et révèle ses besoins cachés ! Utilise les filtres de ton choix ou le champ libre « mots-clés », puis choisis une association.</p>
        <div class="notice">
          <p>Une fois ton message envoyé, l'association prendra contact avec toi dans les jours qui suivent pour définir ensemble les modalités et les dates de la mission. Si elle a un besoin, elle créera la mission à laquelle tu pourras postuler.</p>
          <p><strong>Merci de ne contacter qu'une association à la fois !</strong></p>
        </div>
      </header>

      <div class="search-layout">
        <FilterPanel :filters="filters" :selected="selected" :chips="chips" :initially-open="initiallyOpen" :loading="loading"
                     v-model:keywords="keywords" input-id="mots-cles-associations" placeholder="Ex. : alimentaire, théâtre, Lyon" :unit="['association', 'associations']"
                     @search="search" @toggle="toggle" />

        <section id="resultats" aria-labelledby="titre-resultats">
          <h2 id="titre-resultats" class="visually-hidden">Associations</h2>
          <div class="results-bar">
            <p class="results-count" aria-hidden="true">{{ loading && !associations.length ? 'Recherche…' : plural(total, 'association', 'associations') }}</p>
            <router-link v-if="hasFilters" to="/je-propose" class="button button--secondary button--small">Toutes les associations</router-link>
          </div>
          <p class="visually-hidden" role="status" aria-live="polite">{{ announcement }}</p>
          <AsyncState :loading="loading" :error="error" :empty="!associations.length" @retry="load"
                      loading-text="Recherche des associations…" empty-text="Aucune association ne correspond à ces critères.">
            <ul class="grid">
              <li v-for="association in associations" :key="association.id">
                <article class="card association-card">
                  <h3 class="mission-card__title"><router-link :to="'/associations/' + association.id" class="mission-card__link">{{ association.name }}</router-link></h3>
                  <p class="mission-card__association">{{ [association.department, association.city].filter(Boolean).join(' ') }}<span v-if="association.region"> · {{ association.region }}</span></p>
                  <ul class="tags" aria-label="Thématiques">
                    <li v-for="theme in association.themes" :key="theme" class="tag tag--theme">{{ theme }}</li>
                  </ul>
                  <p>{{ excerpt(association.description) }}</p>
                  <div class="mission-card__actions">
                    <router-link :to="'/je-propose/' + association.id" class="button button--secondary button--small">Propose ton aide<span class="visually-hidden"> à {{ association.name }}</span></router-link>
                  </div>
                </article>
              </li>
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
