// An association's page (« Découvre l'association »): who it is (GET /api/catalog/associations/{id}),
// its published missions (GET /api/catalog/missions?association={id}) and the way to propose your
// help directly (/je-propose/{id}).
import { ref, computed, watch } from "vue";
import { useRoute } from "vue-router";
import { api } from "../api.js";
import { setTitle } from "../router.js";
import { plural } from "../format.js";
import AsyncState from "../components/AsyncState.js";
import MissionCard from "../components/MissionCard.js";

export default {
  name: "AssociationPage",
  components: { AsyncState, MissionCard },
  setup() {
    const route = useRoute();
    const association = ref(null);
    const loading = ref(true);
    const error = ref(null);
    const missions = ref([]);
    const missionsTotal = ref(0);
    const missionsLoading = ref(true);
    const missionsError = ref(null);

    const associationId = computed(() => route.params.id);
    const place = computed(() => (association.value ? [association.value.address, association.value.region].filter(Boolean).join(" · ") : ""));

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        association.value = await api.get(`/api/catalog/associations/${encodeURIComponent(associationId.value)}`);
        setTitle(association.value.name);
      } catch (failure) {
        error.value = failure;
        association.value = null;
      } finally {
        loading.value = false;
      }
    }

    async function loadMissions() {
      missionsLoading.value = true;
      missionsError.value = null;
      try {
        const answer = await api.get("/api/catalog/missions", { association: associationId.value, per_page: 50 });
        missions.value = answer.items;
        missionsTotal.value = answer.total;
      } catch (failure) {
        missionsError.value = failure;
      } finally {
        missionsLoading.value = false;
      }
    }

    watch(associationId, (id) => {
      if (!id) return;
      load();
      loadMissions();
    }, { immediate: true });

    return { association, loading, error, load, place, missions, missionsTotal, missionsLoading, missionsError, loadMissions, plural };
  },
  template: `
    <div class="page">
      <router-link to="/je-propose" class="back-link">← Toutes les associations</router-link>
      <header class="page-header">
        <p class="eyebrow">Association d'intérêt général</p>
        <h1>{{ association ? association.name : (error ? 'Association introuvable' : 'Découvre l\\'association') }}</h1>
        <template v-if="association">
          <p class="mission-card__facts"><span>{{ place }}</span></p>
          <ul class="tags" aria-label="Thématiques">
            <li v-for="theme in association.themes" :key="theme" class="tag tag--theme">{{ theme }}</li>
          </ul>
        </template>
      </header>
      <AsyncState :loading="loading" :error="error" @retry="load">
        <div v-if="association" class="mission-sheet">
          <section class="mission-sheet__main" aria-labelledby="decouvre">
            <h2 id="decouvre">Découvre l'association</h2>
            <p class="prose">{{ association.description }}</p>
            <dl class="definition-list">
              <dt v-if="association.general_interest_label">Intérêt général</dt>
              <dd v-if="association.general_interest_label">{{ association.general_interest_label }}</dd>
              <dt v-if="association.representative_name">Représentée par</dt>
              <dd v-if="association.representative_name">{{ association.representative_name }}<span v-if="association.representative_title">, {{ association.representative_title }}</span></dd>
              <dt v-if="association.website">Site internet</dt>
              <dd v-if="association.website"><a :href="association.website" rel="noopener noreferrer" target="_blank">{{ association.website }}<span class="visually-hidden"> (nouvel onglet)</span></a></dd>
            </dl>
          </section>
          <aside class="mission-sheet__aside" aria-labelledby="proposer">
            <div class="panel stack">
              <h2 id="proposer">Tu es sensible à sa cause ?</h2>
              <p>Propose directement ton aide à l'association : explique ce que tu peux lui offrir et quand tu es disponible.</p>
              <router-link :to="'/je-propose/' + association.id" class="button button--accent button--block">Propose ton aide</router-link>
            </div>
          </aside>
        </div>
      </AsyncState>

      <section v-if="association" class="section" aria-labelledby="ses-missions">
        <h2 id="ses-missions">Ses missions</h2>
        <AsyncState :loading="missionsLoading" :error="missionsError" :empty="!missions.length" @retry="loadMissions"
                    empty-text="Cette association n'a pas de mission ouverte pour l'instant : propose-lui directement ton aide !">
          <p>{{ plural(missionsTotal, 'mission ouverte', 'missions ouvertes') }}</p>
          <ul class="grid">
            <li v-for="mission in missions" :key="mission.id"><MissionCard :mission="mission" :heading-level="3" hide-association /></li>
          </ul>
        </AsyncState>
      </section>
    </div>
  `,
};
