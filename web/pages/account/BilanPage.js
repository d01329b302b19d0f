// Step 4 « Je complète mon bilan de fin de mission » (/mon-compte/participations/:id/bilan): the
// questions of GET /api/engagement/bilan-questions (choices as radio groups, free text as text areas,
// « required_if » honoured: « Si vous avez répondu NON… » becomes required after « Non »), sent with
// POST /api/engagement/participations/{id}/bilan {answers}. The API's per-question errors
// ("answers.<key>") are shown next to each question. Completing it closes the year's participation.
import { computed, ref } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, fieldError } from "/api.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import { goWithFlash, pdfDownload } from "./shared.js";

export default {
  name: "BilanPage",
  components: { AsyncState },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const loading = ref(true);
    const error = ref(null);
    const participation = ref(null);
    const questions = ref([]);
    const title = ref("BILAN DE FIN DE MISSION");
    const answers = ref({});
    const sending = ref(false);
    const sendError = ref(null);

    const participationPath = computed(() => `/api/engagement/participations/${encodeURIComponent(route.params.id)}`);

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const [found, list] = await Promise.all([api.get(participationPath.value), api.get("/api/engagement/bilan-questions")]);
        participation.value = found;
        questions.value = list.items || [];
        title.value = list.title || title.value;
        setTitle(`Mon bilan ${found.year} — ${found.mission.title}`);
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    function isRequired(question) {
      if (question.required) return true;
      const condition = question.required_if || {};
      return Object.keys(condition).length > 0 && Object.entries(condition).every(([key, value]) => answers.value[key] === value);
    }
    function setAnswer(key, value) {
      answers.value = { ...answers.value, [key]: value };
    }
    function errorOf(question) {
      return fieldError(sendError.value, `answers.${question.key}`);
    }

    // Questions asked before sending, so nobody waits for the server to learn a choice is missing.
    function localErrors() {
      const fields = {};
      for (const question of questions.value) {
        const value = (answers.value[question.key] || "").trim();
        if (isRequired(question) && !value) {
          fields[`answers.${question.key}`] = question.type === "choice" ? "Choisis une réponse." : "Réponds à cette question.";
        }
      }
      return fields;
    }

    async function submit() {
      sendError.value = null;
      const missing = localErrors();
      if (Object.keys(missing).length) {
        sendError.value = { status: 422, message: "Réponds aux questions signalées du bilan.", fields: missing };
        focusFirstError();
        return;
      }
      sending.value = true;
      try {
        const payload = {};
        for (const question of questions.value) {
          const value = (answers.value[question.key] || "").trim();
          if (value) payload[question.key] = value;
        }
        const answer = await api.post(`${participationPath.value}/bilan`, { answers: payload });
        await goWithFlash(router, "/mon-compte/missions", answer.detail ||
          `Merci ! Ton bilan ${answer.year} est complété : ta participation ${answer.year} est close. ` +
          "Pour poursuivre ta mission sur l'année suivante, postule de nouveau.");
      } catch (failure) {
        sendError.value = failure;
        focusFirstError();
      } finally {
        sending.value = false;
      }
    }

    function focusFirstError() {
      setTimeout(() => {
        const target = document.querySelector(".bilan-form [aria-invalid='true']") || document.getElementById("erreur-bilan");
        if (target) target.focus();
      }, 0);
    }

    // The guide numbers the main questions (1., 2., 3.…); follow-ups (« Pouvez-vous en expliquer… ») are not.
    const numbers = computed(() => {
      const found = {};
      let count = 0;
      for (const question of questions.value) {
        if (question.type === "choice" || question.required) found[question.key] = `${(count += 1)}. `;
      }
      return found;
    });

    const generalError = computed(() => (sendError.value ? sendError.value.message : ""));

    load();

    return {
      loading, error, participation, questions, numbers, title, answers, sending, sendError, generalError,
      load, submit, isRequired, setAnswer, errorOf, pdfDownload,
    };
  },
  template: `
    <div class="page page--narrow account-page bilan-page">
      <p class="back-link"><router-link to="/mon-compte/missions">‹ Retour à mes missions</router-link></p>
      <h1><span class="eyebrow">Étape 4</span> Je complète mon bilan de fin de mission</h1>

      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Chargement de ton bilan…">
        <template v-if="participation">
          <p class="lead">« {{ participation.mission.title }} » avec l'association {{ participation.mission.association_name }}
            ({{ participation.year }})</p>

          <div v-if="participation.bilan_completed_at" class="notice notice--success">
            <p>Ton bilan {{ participation.year }} est déjà complété. Merci !</p>
            <p v-if="participation.bilan_pdf_url"><a :href="pdfDownload(participation.bilan_pdf_url)" download>Télécharger mon bilan (PDF)</a></p>
          </div>
          <div v-else-if="participation.status === 'withdrawn'" class="notice notice--warning">
            <p>Tu t'es retiré·e de cette mission : il n'y a pas de bilan à compléter.</p>
          </div>
          <div v-else-if="!participation.can_complete_bilan" class="notice notice--warning">
            <p>Ton bilan s'ouvrira une fois que l'association aura attesté ta présence à tous tes jours de mission.
              N'hésite pas à la relancer<template v-if="participation.mission.contact_email"> ({{ participation.mission.contact_name }},
              <a :href="'mailto:' + participation.mission.contact_email">{{ participation.mission.contact_email }}</a>)</template>.</p>
            <p>Ta mission n'est pas terminée ? <router-link :to="'/mon-compte/participations/' + participation.id + '/dates'">Ajoute des dates ici</router-link>
              avant de compléter ton bilan.</p>
          </div>

          <form v-else class="bilan-form card" novalidate @submit.prevent="submit" aria-labelledby="bilan-titre">
            <h2 id="bilan-titre">{{ title }}</h2>
            <p class="muted">Les questions marquées d'un <span class="field__required">*</span> sont obligatoires.</p>
            <div v-if="generalError" id="erreur-bilan" class="notice notice--error" role="alert" tabindex="-1"><p>{{ generalError }}</p></div>

            <template v-for="question in questions" :key="question.key">
              <fieldset v-if="question.type === 'choice'" class="fieldset bilan-question" :class="{ 'field--invalid': errorOf(question) }"
                        :aria-describedby="errorOf(question) ? 'erreur-' + question.key : null">
                <legend>{{ numbers[question.key] || '' }}{{ question.label }}<span v-if="isRequired(question)" class="field__required" aria-hidden="true"> *</span>
                  <span v-if="isRequired(question)" class="visually-hidden"> (obligatoire)</span></legend>
                <ul class="choices">
                  <li v-for="choice in question.choices" :key="choice">
                    <label>
                      <input type="radio" :name="question.key" :value="choice" :checked="answers[question.key] === choice"
                             :aria-invalid="errorOf(question) ? 'true' : null" @change="setAnswer(question.key, choice)">
                      <span>{{ choice }}</span>
                    </label>
                  </li>
                </ul>
                <p v-if="errorOf(question)" :id="'erreur-' + question.key" class="field__error"><span aria-hidden="true">⚠ </span>{{ errorOf(question) }}</p>
              </fieldset>
              <div v-else class="field bilan-question bilan-question--text" :class="{ 'field--invalid': errorOf(question) }">
                <label :for="'reponse-' + question.key" class="field__label">{{ numbers[question.key] || '' }}{{ question.label }}<span v-if="isRequired(question)" class="field__required" aria-hidden="true"> *</span></label>
                <textarea :id="'reponse-' + question.key" class="field__control" rows="4" :value="answers[question.key] || ''"
                          :required="isRequired(question)" :aria-invalid="errorOf(question) ? 'true' : null"
                          :aria-describedby="errorOf(question) ? 'erreur-' + question.key : null"
                          @input="setAnswer(question.key, $event.target.value)"></textarea>
                <p v-if="errorOf(question)" :id="'erreur-' + question.key" class="field__error"><span aria-hidden="true">⚠ </span>{{ errorOf(question) }}</p>
              </div>
            </template>

            <div class="form-actions">
              <button type="submit" class="button button--primary" :disabled="sending">ENVOYER MON BILAN</button>
              <span v-if="sending" role="status">Envoi de ton bilan…</span>
            </div>
          </form>
        </template>
      </AsyncState>
    </div>
  `,
};
