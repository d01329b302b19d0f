// « Demande d'absence à valider »: the page a manager opens from the e-mail's link (no log-in: the
// link's secret is the credential). Showing it changes nothing (GET /api/approval/actions/{secret});
// only the buttons decide, once, with POST /api/approval/actions/{secret} {decision, reason}.
// A used, expired or replaced link answers 410 with the reason in French, shown as it is.
import { computed, ref } from "vue";
import { useRoute } from "vue-router";
import { api, ApiError, fieldError } from "/api.js";
import { dateTime, days } from "/format.js";
import { session } from "/session.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";

const STATUS_TEXT = {
  approved: "Cette demande est acceptée.",
  refused: "Cette demande est refusée.",
  cancelled: "Cette demande a été annulée par ton collaborateur.",
};

export default {
  name: "ManagerRequestPage",
  components: { AsyncState, FormField },
  setup() {
    const route = useRoute();
    const loading = ref(true);
    const error = ref(null);
    const request = ref(null);
    const refusing = ref(false);
    const reason = ref("");
    const sending = ref(false);
    const decisionError = ref(null);
    const decided = ref(null);
    const reasonField = ref(null);
    const resultHeading = ref(null);

    const path = computed(() => `/api/approval/actions/${encodeURIComponent(route.params.secret)}`);

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        request.value = await api.get(path.value);
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    // The API's words for a link that no longer decides (410) or never did (404).
    const linkProblem = computed(() => {
      if (!(error.value instanceof ApiError)) return null;
      if (error.value.status === 410) return { title: "Ce lien ne permet plus de décider", detail: error.value.detail };
      if (error.value.status === 404) return { title: "Lien inconnu", detail: error.value.detail };
      return null;
    });

    async function decide(decision) {
      sending.value = true;
      decisionError.value = null;
      try {
        decided.value = await api.post(path.value, {
          decision,
          reason: decision === "refuse" && reason.value.trim() ? reason.value.trim() : null,
        });
        refusing.value = false;
        setTimeout(() => resultHeading.value && resultHeading.value.focus(), 0);
      } catch (failure) {
        decisionError.value = failure;
      } finally {
        sending.value = false;
      }
    }

    function startRefusal() {
      refusing.value = true;
      setTimeout(() => {
        const field = document.getElementById("motif-refus");
        if (field) field.focus();
      }, 0);
    }

    load();

    return {
      loading, error, request, refusing, reason, sending, decisionError, decided, reasonField, resultHeading,
      linkProblem, STATUS_TEXT, session, load, decide, startRefusal, fieldError, dateTime, days,
    };
  },
  template: `
    <div class="page page--narrow account-page manager-request">
      <h1>Demande d'absence à valider</h1>

      <div v-if="linkProblem" class="notice notice--warning link-problem" role="alert">
        <h2>{{ linkProblem.title }}</h2>
        <p>{{ linkProblem.detail }}</p>
        <p>Tu peux suivre les demandes de ton équipe dans
          <router-link to="/mon-compte/equipe">Mon compte › Les missions de mon équipe</router-link>
          <template v-if="!session.user"> (connecte-toi avec ton adresse professionnelle)</template>.</p>
      </div>

      <AsyncState v-else :loading="loading" :error="error" @retry="load" loading-text="Chargement de la demande…">
        <template v-if="request">
          <section class="card request-card" aria-labelledby="demande-titre">
            <h2 id="demande-titre" class="request-card__title">
              <strong>{{ request.person_name }}</strong> propose ses compétences pour la mission de mécénat de compétences
              « {{ request.mission_title }} »
            </h2>
            <p class="request-card__association">Association : {{ request.association_name }}</p>
            <p v-if="request.kind === 'additional'" class="tag">Dates ajoutées à une mission en cours</p>

            <div class="month-list">
              <section v-for="month in request.months" :key="month.month" class="month-list__month">
                <h3 class="month-list__title">{{ month.month }}</h3>
                <ul class="month-list__dates">
                  <li v-for="day in month.days" :key="day">{{ day }}</li>
                </ul>
              </section>
            </div>
            <p class="request-card__total">Total demandé : <strong>{{ days(request.days) }}</strong></p>

            <h3 class="request-card__subtitle">Son message</h3>
            <blockquote class="message-text">{{ request.message }}</blockquote>
            <p v-if="request.link_expires_at && request.status === 'pending' && !decided" class="muted">
              Ce lien permet de décider jusqu'au {{ dateTime(request.link_expires_at) }}.
            </p>
          </section>

          <section v-if="decided" class="notice decision-result" :class="decided.status === 'approved' ? 'notice--success decision-result--approved' : ''"
                   aria-labelledby="resultat-titre">
            <h2 id="resultat-titre" ref="resultHeading" tabindex="-1">
              {{ decided.status === 'approved' ? 'Demande acceptée' : 'Demande refusée' }}
            </h2>
            <p>{{ decided.detail }}</p>
            <p v-if="decided.status === 'refused'">
              Invite {{ decided.person_name }} à reprendre contact avec l'association pour convenir d'une autre date
              et à refaire une nouvelle demande sur la plateforme.
            </p>
            <p>Tu peux suivre les demandes de ton équipe dans
              <router-link to="/mon-compte/equipe">Mon compte › Les missions de mon équipe</router-link>.</p>
          </section>

          <div v-else-if="request.status !== 'pending'" class="notice notice--info" role="status">
            <p>{{ STATUS_TEXT[request.status] || 'Cette demande est déjà traitée.' }}</p>
          </div>

          <section v-else class="decision" aria-labelledby="decision-titre">
            <h2 id="decision-titre" class="visually-hidden">Ta décision</h2>
            <p>Vérifie bien les dates de mission, puis accepte ou refuse la demande.</p>
            <div v-if="decisionError" class="notice notice--error" role="alert">
              <p>{{ decisionError.message }}</p>
            </div>
            <div v-if="!refusing" class="cluster">
              <button type="button" class="button button--primary" :disabled="sending" @click="decide('accept')">
                ACCEPTER LA DEMANDE
              </button>
              <button type="button" class="button button--danger" :disabled="sending" @click="startRefusal">
                REFUSER LA DEMANDE
              </button>
            </div>
            <form v-else class="refusal-form" novalidate @submit.prevent="decide('refuse')">
              <FormField id="motif-refus" label="Motif du refus (facultatif)" type="textarea" v-model="reason" :rows="4"
                         :maxlength="2000" :error="fieldError(decisionError, 'reason')"
                         :hint="'Il sera transmis à ' + request.person_name + '.'" />
              <div class="cluster">
                <button type="submit" class="button button--danger" :disabled="sending">REFUSER LA DEMANDE</button>
                <button type="button" class="button button--secondary" :disabled="sending" @click="refusing = false">Annuler</button>
              </div>
            </form>
            <p v-if="sending" role="status">Envoi de ta décision…</p>
          </section>
        </template>
      </AsyncState>
    </div>
  `,
};
