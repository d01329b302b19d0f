// « MES MISSIONS » of the association referent space: every mission of the referent's associations
// (drafts, online, closed), with « Modifier », « Publier » and « Clôturer » (asked first).
// The page number is in the query string (?page=2).
import { computed, reactive, ref, watch } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import { dateTime, plural } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import { ConfirmButton, Pager, MISSION_STATUS, pageFromQuery, toneClass, keepFocus, focusSoon } from "./spaceKit.js";

const PER_PAGE = 20;

export default {
  name: "ReferentMissions",
  components: { AsyncState, ConfirmButton, Pager },
  props: {
    associations: { type: Array, required: true },
  },
  setup(props) {
    const route = useRoute();
    const missions = ref([]);
    const total = ref(0);
    const loading = ref(true);
    const error = ref(null);
    // Per mission: { busy, error, done } after an action.
    const actions = reactive({});

    const page = computed(() => pageFromQuery(route.query.page));
    const several = computed(() => props.associations.length > 1);
    const unvetted = computed(() => props.associations.filter((association) => association.vetting_status && association.vetting_status !== "approved"));

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const answer = await api.get("/api/catalog/missions/mine", { page: page.value, per_page: PER_PAGE });
        for (const mission of answer.items) {
          if (!actions[mission.id]) actions[mission.id] = { busy: false, error: "", done: "" };
        }
        missions.value = answer.items;
        total.value = answer.total;
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    // A new page of the list: bring the keyboard and the eyes back to its heading.
    watch(page, async (value, previous) => {
      await load();
      if (previous !== undefined) focusSoon("#mes-missions-titre");
    }, { immediate: true });

    const IDLE = Object.freeze({ busy: false, error: "", done: "" });
    const stateOf = (mission) => actions[mission.id] || IDLE;

    async function act(mission, kind) {
      const state = stateOf(mission);
      state.busy = true;
      state.error = "";
      state.done = "";
      try {
        const path = `/api/catalog/missions/${encodeURIComponent(mission.id)}/${kind === "publish" ? "publication" : "closure"}`;
        const updated = await api.post(path);
        Object.assign(mission, updated);
        state.done = kind === "publish"
          ? "La mission est en ligne : les collaborateurs peuvent la trouver et y postuler."
          : "La mission est clôturée : elle n'apparaît plus dans la recherche ; les participations en cours continuent.";
      } catch (caught) {
        state.error = caught.message;
      } finally {
        state.busy = false;
        // The button just used may be gone (a published or closed mission): keep the keyboard on the card.
        keepFocus(`#mission-${mission.id}`);
      }
    }

    const status = (mission) => MISSION_STATUS[mission.status] || { label: mission.status, tone: "neutral" };
    const place = (mission) => [mission.department, mission.city].filter(Boolean).join(" ");
    const places = (mission) => (mission.places > 1 ? `${plural(mission.places, "place")} (plusieurs participants)` : "1 place");

    return { toneClass, missions, total, loading, error, load, page, several, unvetted, actions, stateOf, act, status, place, places, dateTime, PER_PAGE };
  },
  template: `
    <section class="space-section" aria-labelledby="mes-missions-titre">
      <div class="space-section__head">
        <h2 id="mes-missions-titre" class="space-section__title" tabindex="-1">Mes missions</h2>
        <router-link to="/association/missions/nouvelle" class="button button--primary">Créer une mission</router-link>
      </div>
      <div v-for="association in unvetted" :key="association.id" class="notice">
        <p>{{ association.name }} attend encore sa validation par l'équipe Tandem : tu peux préparer des missions en brouillon,
          tu pourras les publier une fois l'association validée.</p>
      </div>
      <AsyncState :loading="loading" :error="error" :empty="!missions.length" @retry="load">
        <template #empty>
          <div class="space-empty">
            <p>Ton association n'a pas encore de mission sur Tandem.</p>
            <p>Décris un besoin — un atelier, un conseil, une journée de coup de main — et les collaborateurs des entreprises
              pourront y postuler.</p>
          </div>
        </template>
        <p class="space-section__count">{{ total }} mission{{ total > 1 ? "s" : "" }}, les plus récemment modifiées d'abord.</p>
        <ul class="card-list">
          <li v-for="mission in missions" :key="mission.id" class="panel space-card">
            <article :aria-labelledby="'mission-' + mission.id">
              <div class="space-card__head">
                <h3 :id="'mission-' + mission.id" class="space-card__title" tabindex="-1">{{ mission.title }}</h3>
                <span class="status" :class="toneClass(status(mission).tone)">
                  <span class="visually-hidden">Statut : </span>{{ status(mission).label }}</span>
              </div>
              <p v-if="several" class="space-card__sub">{{ mission.association_name }}</p>
              <ul v-if="mission.themes.length" class="tags" aria-label="Thématiques">
                <li v-for="theme in mission.themes" :key="theme" class="tag tag--theme">{{ theme }}</li>
              </ul>
              <dl class="space-facts">
                <div><dt>Format</dt><dd>{{ mission.format_label || "Durée à définir" }}<template v-if="mission.duration"> — {{ mission.duration }}</template></dd></div>
                <div><dt>Lieu</dt><dd>{{ place(mission) }}<template v-if="mission.remote_possible"> · télémission possible</template></dd></div>
                <div><dt>Places</dt><dd>{{ places(mission) }}</dd></div>
                <div v-if="mission.status === 'published' && mission.published_at"><dt>En ligne depuis le</dt><dd>{{ dateTime(mission.published_at) }}</dd></div>
                <div v-else-if="mission.status === 'closed' && mission.closed_at"><dt>Clôturée le</dt><dd>{{ dateTime(mission.closed_at) }}</dd></div>
                <div v-else><dt>Modifiée le</dt><dd>{{ dateTime(mission.updated_at) }}</dd></div>
              </dl>
              <div class="space-card__actions">
                <router-link v-if="mission.status !== 'closed'" :to="'/association/missions/' + mission.id + '/modifier'" class="button button--secondary">
                  Modifier<span class="visually-hidden"> « {{ mission.title }} »</span></router-link>
                <router-link v-if="mission.status === 'published'" :to="'/missions/' + mission.id" class="button button--quiet">
                  Voir la fiche<span class="visually-hidden"> « {{ mission.title }} »</span></router-link>
                <button v-if="mission.status === 'draft'" type="button" class="button button--primary"
                        :disabled="stateOf(mission).busy" @click="act(mission, 'publish')">
                  {{ stateOf(mission).busy ? "Publication…" : "Publier" }}<span class="visually-hidden"> « {{ mission.title }} »</span></button>
                <ConfirmButton v-if="mission.status !== 'closed'" label="Clôturer" danger :busy="stateOf(mission).busy"
                               :question="'Clôturer « ' + mission.title + ' » ? Elle disparaîtra de la recherche ; les participations en cours continuent. Une mission clôturée ne peut plus être republiée.'"
                               confirm-label="Oui, clôturer la mission" @confirm="act(mission, 'close')" />
              </div>
              <div aria-live="polite">
                <p v-if="stateOf(mission).done" class="notice notice--success">{{ stateOf(mission).done }}</p>
              </div>
              <p v-if="stateOf(mission).error" class="notice notice--error" role="alert">{{ stateOf(mission).error }}</p>
            </article>
          </li>
        </ul>
        <Pager :page="page" :total="total" :per-page="PER_PAGE" label="Pages de mes missions" />
      </AsyncState>
    </section>
  `,
};
