// Step 1 « Je postule à la mission » (/missions/:id/postuler): the guide's form, pre-filled by
// GET /api/engagement/applications/draft (the guide's message, the phone from the profile, the civil
// years still open), sent with POST /api/engagement/applications. The referent's contact is only given
// after applying (by e-mail and in « Mes missions »), as in the guide. On success the person goes on
// to step 2 (the dates page) with the API's confirmation as a flash message.
import { computed, ref } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, fieldError } from "/api.js";
import { session } from "/session.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import StepTracker from "/components/StepTracker.js";
import { goWithFlash } from "./shared.js";

export default {
  name: "ApplyPage",
  components: { AsyncState, FormField, StepTracker },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const missionId = computed(() => route.params.id);

    const loading = ref(true);
    const error = ref(null);
    const draft = ref(null);
    const phone = ref("");
    const message = ref("");
    const year = ref("");
    const sending = ref(false);
    const sendError = ref(null);

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const foundDraft = await api.get("/api/engagement/applications/draft", { mission_id: missionId.value });
        draft.value = foundDraft;
        phone.value = foundDraft.phone || "";
        message.value = foundDraft.message || "";
        year.value = foundDraft.years && foundDraft.years.length ? String(foundDraft.years[0]) : "";
        setTitle(`Je postule : ${foundDraft.mission_title}`);
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    const yearOptions = computed(() => ((draft.value && draft.value.years) || []).map((value) => ({ value: String(value), label: String(value) })));

    async function submit() {
      sending.value = true;
      sendError.value = null;
      try {
        const participation = await api.post("/api/engagement/applications", {
          mission_id: missionId.value,
          phone: phone.value,
          message: message.value,
          year: year.value ? Number(year.value) : null,
        });
        await goWithFlash(router, `/mon-compte/participations/${participation.id}/dates`,
          participation.detail || "Ta candidature est envoyée !");
      } catch (failure) {
        sendError.value = failure;
        // The problem's detail is read out; the fields carry their own messages.
        setTimeout(() => {
          const target = document.querySelector(".apply-form [aria-invalid='true']") || document.getElementById("erreur-candidature");
          if (target) target.focus();
        }, 0);
      } finally {
        sending.value = false;
      }
    }

    const generalError = computed(() => {
      const failure = sendError.value;
      if (!failure) return "";
      const known = ["phone", "message", "year", "mission_id"].some((name) => fieldError(failure, name));
      return known && failure.status === 422 ? "" : failure.message;
    });

    load();

    return {
      session, missionId, loading, error, draft, phone, message, year, yearOptions,
      sending, sendError, generalError, load, submit, fieldError,
    };
  },
  template: `
    <div class="page page--narrow account-page apply-page">
      <p class="back-link"><router-link :to="'/missions/' + missionId">‹ Retour à la fiche mission</router-link></p>
      <h1><span class="eyebrow">Étape 1</span> Je postule à la mission</h1>

      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Préparation du formulaire…">
        <template v-if="draft">
          <p class="lead">
            « {{ draft.mission_title }} » avec l'association <strong>{{ draft.association_name }}</strong>
          </p>

          <div class="notice notice--info">
            <p>Une fois ton formulaire envoyé, <strong>l'association prendra contact avec toi dans les jours qui suivent</strong>
              pour définir ensemble les modalités et dates de la mission. Tu reçois aussi par e-mail les coordonnées du référent
              de la mission : n'hésite pas à le relancer si tu n'as pas de retour.</p>
            <p><strong>Merci de ne contacter qu'une association à la fois !</strong></p>
          </div>

          <div v-if="!draft.years || !draft.years.length" class="notice notice--warning" role="status">
            <p>Tu as déjà postulé à cette mission pour cette année et la suivante.
              Retrouve-la dans <router-link to="/mon-compte/missions">Mon compte › Mes missions</router-link>.</p>
          </div>

          <form v-else class="apply-form card" novalidate @submit.prevent="submit">
            <p class="apply-form__who"><span class="field__label">Toi</span>
              {{ session.user ? session.user.first_name + ' ' + session.user.last_name : '' }}
              <span v-if="session.user" class="muted">({{ session.user.email }})</span></p>

            <div v-if="generalError" id="erreur-candidature" class="notice notice--error" role="alert" tabindex="-1">
              <p>{{ generalError }}</p>
            </div>

            <FormField label="Ton téléphone" type="tel" v-model="phone" autocomplete="tel" required
                       hint="L'association t'appellera à ce numéro pour convenir des modalités."
                       :error="fieldError(sendError, 'phone')" />
            <FormField v-if="yearOptions.length > 1" label="Année de ta mission" type="select" v-model="year" :options="yearOptions" required
                       hint="1 convention = 1 année civile : choisis l'année de tes dates de mission."
                       :error="fieldError(sendError, 'year')" />
            <FormField label="Ton message à l'association" type="textarea" v-model="message" :rows="10" required
                       hint="Complète le message pré-rempli : tes disponibilités, ce que tu aimerais apporter."
                       :error="fieldError(sendError, 'message')" />

            <div class="cluster">
              <button type="submit" class="button button--primary" :disabled="sending">ENVOYER</button>
              <span v-if="sending" role="status">Envoi de ta candidature…</span>
            </div>
          </form>

          <StepTracker :heading-level="2" />
        </template>
      </AsyncState>
    </div>
  `,
};
