// « LES MISSIONS DE MON ÉQUIPE » (a tab of Mon compte): the absence requests sent to me as a manager
// (GET /api/approval/requests: pending first), filtered by state (?statut= in the query string) and
// paged (?page=). A pending one can be decided here: « ACCEPTER LA DEMANDE », or « REFUSER LA DEMANDE »
// with an optional reason (POST /api/approval/requests/{id}/decision); the e-mail's link then stops
// working. Emits "changed" after a decision so the TO DO LIST count follows.
import { computed, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, fieldError } from "/api.js";
import { dateTime, days } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";

const FILTERS = [
  { value: "", label: "Toutes", status: null },
  { value: "en-attente", label: "En attente", status: "pending" },
  { value: "acceptees", label: "Acceptées", status: "approved" },
  { value: "refusees", label: "Refusées", status: "refused" },
  { value: "annulees", label: "Annulées", status: "cancelled" },
];
const STATUS_LABELS = { pending: "En attente de ta décision", approved: "Acceptée", refused: "Refusée", cancelled: "Annulée" };
const PER_PAGE = 10;

export default {
  name: "TeamTab",
  components: { AsyncState, FormField },
  emits: ["changed"],
  setup(props, { emit }) {
    const route = useRoute();
    const router = useRouter();
    const loading = ref(true);
    const error = ref(null);
    const items = ref([]);
    const total = ref(0);
    const pending = ref(0);
    const refusing = ref("");
    const reasons = ref({});
    const busy = ref("");
    const errors = ref({});
    const results = ref({});

    const filter = computed(() => FILTERS.find((item) => item.value === (route.query.statut || "")) || FILTERS[0]);
    const page = computed(() => Math.max(1, Number(route.query.page) || 1));
    const pages = computed(() => Math.max(1, Math.ceil(total.value / PER_PAGE)));

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const answer = await api.get("/api/approval/requests", { status: filter.value.status, page: page.value, per_page: PER_PAGE });
        items.value = answer.items || [];
        total.value = answer.total || 0;
        pending.value = answer.pending || 0;
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    watch(() => [route.query.statut, route.query.page], () => {
      if (route.params.onglet === "equipe") load();
    });

    function query(changes) {
      const next = { ...route.query, ...changes };
      for (const key of Object.keys(next)) if (!next[key] || (key === "page" && next[key] === 1)) delete next[key];
      return { path: route.path, query: next };
    }

    function onFilter(event) {
      router.push(query({ statut: event.target.value, page: null }));
    }

    function startRefusal(request) {
      refusing.value = request.id;
      setTimeout(() => {
        const field = document.getElementById(`motif-${request.id}`);
        if (field) field.focus();
      }, 0);
    }

    async function decide(request, decision) {
      busy.value = request.id;
      errors.value = { ...errors.value, [request.id]: null };
      try {
        const reason = (reasons.value[request.id] || "").trim();
        const answer = await api.post(`/api/approval/requests/${request.id}/decision`, {
          decision,
          reason: decision === "refuse" && reason ? reason : null,
        });
        items.value = items.value.map((item) => (item.id === request.id ? { ...item, ...answer } : item));
        results.value = { ...results.value, [request.id]: answer.detail };
        pending.value = Math.max(0, pending.value - 1);
        refusing.value = "";
        emit("changed", "");
        setTimeout(() => {
          const status = document.getElementById(`resultat-${request.id}`);
          if (status) status.focus();
        }, 0);
      } catch (failure) {
        errors.value = { ...errors.value, [request.id]: failure };
        if (failure.status === 409) load();
      } finally {
        busy.value = "";
      }
    }

    load();

    return {
      FILTERS, STATUS_LABELS, loading, error, items, total, pending, page, pages, filter, refusing, reasons, busy,
      errors, results, load, query, onFilter, startRefusal, decide, fieldError, dateTime, days,
    };
  },
  template: `
    <div class="team-tab">
      <p class="muted">En tant que manager, tu acceptes ou refuses les demandes d'absence pour les missions de mécénat de compétences
        de tes collaborateurs, après avoir bien vérifié les dates de mission.</p>

      <div class="filter-row">
        <label for="filtre-equipe" class="field__label">Afficher</label>
        <select id="filtre-equipe" class="field__control" :value="filter.value" @change="onFilter">
          <option v-for="item in FILTERS" :key="item.value" :value="item.value">{{ item.label }}</option>
        </select>
        <p class="muted" aria-live="polite">{{ total }} demande{{ total > 1 ? 's' : '' }}<template v-if="pending"> · {{ pending }} en attente de ta décision</template></p>
      </div>

      <AsyncState :loading="loading" :error="error" :empty="!items.length" @retry="load"
                  :empty-text="filter.status ? 'Aucune demande dans cet état.' : 'Aucune demande de ton équipe pour l\\'instant.'"
                  loading-text="Chargement des demandes de ton équipe…">
        <ul class="request-list">
          <li v-for="request in items" :key="request.id">
            <article class="request-card card" :aria-labelledby="'demande-' + request.id">
              <p class="participation__meta">
                <span class="tag" :class="'tag--' + request.status">{{ STATUS_LABELS[request.status] || request.status }}</span>
                <span v-if="request.kind === 'additional'" class="tag">Dates ajoutées</span>
              </p>
              <h3 :id="'demande-' + request.id" class="request-card__title">
                {{ request.person_name }} — « {{ request.mission_title }} »
              </h3>
              <p class="request-card__association">{{ request.association_name }} · demandée le {{ dateTime(request.created_at) }}</p>
              <div class="month-list">
                <section v-for="month in request.months" :key="month.month" class="month-list__month">
                  <h4 class="month-list__title">{{ month.month }}</h4>
                  <ul class="month-list__dates"><li v-for="day in month.days" :key="day">{{ day }}</li></ul>
                </section>
              </div>
              <p class="request-card__total">Total : <strong>{{ days(request.days) }}</strong></p>
              <details class="request-card__message">
                <summary>Son message</summary>
                <blockquote class="message-text">{{ request.message }}</blockquote>
              </details>
              <p v-if="request.status === 'refused' && request.reason" class="muted">Motif du refus : « {{ request.reason }} »</p>
              <p v-if="request.decided_at && request.status !== 'pending'" class="muted">Décision du {{ dateTime(request.decided_at) }}.</p>

              <p v-if="results[request.id]" :id="'resultat-' + request.id" class="notice" :class="{ 'notice--success': request.status === 'approved' }"
                 role="status" tabindex="-1">
                {{ results[request.id] }}</p>
              <div v-if="errors[request.id]" class="notice notice--error" role="alert"><p>{{ errors[request.id].message }}</p></div>

              <template v-if="request.status === 'pending'">
                <div v-if="refusing !== request.id" class="cluster">
                  <button type="button" class="button button--primary" :disabled="busy === request.id" @click="decide(request, 'accept')">
                    ACCEPTER LA DEMANDE</button>
                  <button type="button" class="button button--danger" :disabled="busy === request.id" @click="startRefusal(request)">
                    REFUSER LA DEMANDE</button>
                </div>
                <form v-else class="refusal-form" novalidate @submit.prevent="decide(request, 'refuse')">
                  <FormField :id="'motif-' + request.id" label="Motif du refus (facultatif)" type="textarea" :rows="3" :maxlength="2000"
                             :model-value="reasons[request.id] || ''" @update:model-value="reasons = { ...reasons, [request.id]: $event }"
                             :hint="'Il sera transmis à ' + request.person_name + '.'" :error="fieldError(errors[request.id], 'reason')" />
                  <div class="cluster">
                    <button type="submit" class="button button--danger" :disabled="busy === request.id">REFUSER LA DEMANDE</button>
                    <button type="button" class="button button--secondary" @click="refusing = ''">Annuler</button>
                  </div>
                </form>
              </template>
            </article>
          </li>
        </ul>

        <nav v-if="pages > 1" class="pagination" aria-label="Pages des demandes">
          <router-link v-if="page > 1" :to="query({ page: page - 1 })" class="button button--secondary">‹ Page précédente</router-link>
          <span>Page {{ page }} sur {{ pages }}</span>
          <router-link v-if="page < pages" :to="query({ page: page + 1 })" class="button button--secondary">Page suivante ›</router-link>
        </nav>
      </AsyncState>
    </div>
  `,
};
