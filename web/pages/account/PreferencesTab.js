// « MES PRÉFÉRENCES » (a tab of Mon compte): the guide's three lists of checkboxes — expertises
// professionnelles, expertises personnelles, thématiques — and the e-mail alert, from
// GET /api/engagement/preference-choices and GET/PUT /api/engagement/me/preferences. They feed
// « Ces missions sont pour toi » and the alerts. When the address is not verified yet, offers to send
// the verification link again (POST /api/engagement/email-verifications).
import { ref } from "vue";
import { api, fieldError } from "/api.js";
import { session } from "/session.js";
import AsyncState from "/components/AsyncState.js";
import RetirementDateForm from "./RetirementDateForm.js";

const GROUPS = [
  { key: "professional_expertises", legend: "Sélectionne tes expertises professionnelles :" },
  { key: "personal_expertises", legend: "Sélectionne tes expertises personnelles :" },
  { key: "themes", legend: "Sélectionne les thématiques qui t'intéressent :" },
];

export default {
  name: "PreferencesTab",
  components: { AsyncState, RetirementDateForm },
  props: {
    emailVerified: { type: Boolean, default: true },
  },
  emits: ["changed"],
  setup(props, { emit }) {
    const loading = ref(true);
    const error = ref(null);
    const choices = ref(null);
    const form = ref({ professional_expertises: [], personal_expertises: [], themes: [], alerts_opt_in: false });
    const saving = ref(false);
    const saveError = ref(null);
    const saved = ref("");
    const verification = ref("");
    const verificationError = ref("");

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const [offered, mine] = await Promise.all([
          api.get("/api/engagement/preference-choices"),
          api.get("/api/engagement/me/preferences"),
        ]);
        choices.value = offered;
        form.value = {
          professional_expertises: [...(mine.professional_expertises || [])],
          personal_expertises: [...(mine.personal_expertises || [])],
          themes: [...(mine.themes || [])],
          alerts_opt_in: Boolean(mine.alerts_opt_in),
        };
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    function toggle(key, value, checked) {
      const list = form.value[key].filter((item) => item !== value);
      if (checked) list.push(value);
      form.value = { ...form.value, [key]: list };
    }

    async function save() {
      saving.value = true;
      saveError.value = null;
      saved.value = "";
      try {
        await api.put("/api/engagement/me/preferences", form.value);
        saved.value = "Tes préférences sont enregistrées. Retrouve les missions qui leur correspondent sur la page d'accueil, dans « Ces missions sont pour toi ».";
        emit("changed", "");
      } catch (failure) {
        saveError.value = failure;
      } finally {
        saving.value = false;
      }
    }

    async function resendVerification() {
      verification.value = "";
      verificationError.value = "";
      try {
        const answer = await api.post("/api/engagement/email-verifications", { email: session.user.email });
        verification.value = (answer && answer.detail) || (answer && answer.message) || "Un nouveau lien de vérification t'a été envoyé.";
      } catch (failure) {
        verificationError.value = failure.message;
      }
    }

    load();

    return {
      GROUPS, loading, error, choices, form, saving, saveError, saved, verification, verificationError,
      load, toggle, save, resendVerification, fieldError,
    };
  },
  template: `
    <div class="preferences-tab">
      <div v-if="!emailVerified" class="notice notice--warning">
        <p>Ton adresse e-mail n'est pas encore vérifiée : clique sur le lien reçu par e-mail pour finaliser ton inscription.</p>
        <button type="button" class="button button--secondary" @click="resendVerification">Recevoir à nouveau le lien</button>
        <p role="status">{{ verification }}</p>
        <p v-if="verificationError" class="field__error" role="alert">{{ verificationError }}</p>
      </div>

      <p>Renseigne tes <strong>préférences de mission</strong>, modifiables à tout moment : nous te proposerons des missions
        en lien avec elles sur la page d'accueil (« Ces missions sont pour toi »).</p>

      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Chargement de tes préférences…">
        <form v-if="choices" class="preferences-form" novalidate @submit.prevent="save">
          <div v-if="saveError && !Object.keys(saveError.fields || {}).length" class="notice notice--error" role="alert">
            <p>{{ saveError.message }}</p>
          </div>
          <fieldset v-for="group in GROUPS" :key="group.key" class="choice-group"
                    :aria-describedby="fieldError(saveError, group.key) ? 'erreur-' + group.key : null">
            <legend class="choice-group__legend">{{ group.legend }}</legend>
            <ul class="choice-group__list">
              <li v-for="(value, index) in choices[group.key]" :key="value">
                <input type="checkbox" class="chip-check" :id="group.key + '-' + index" :value="value"
                       :checked="form[group.key].includes(value)" @change="toggle(group.key, value, $event.target.checked)">
                <label :for="group.key + '-' + index" class="chip-label">{{ value }}</label>
              </li>
            </ul>
            <p v-if="fieldError(saveError, group.key)" :id="'erreur-' + group.key" class="field__error">
              <span aria-hidden="true">⚠ </span>{{ fieldError(saveError, group.key) }}</p>
          </fieldset>

          <div class="field field--checkbox alert-opt-in">
            <input id="alertes" type="checkbox" class="field__checkbox" :checked="form.alerts_opt_in"
                   @change="form = { ...form, alerts_opt_in: $event.target.checked }">
            <label for="alertes" class="field__label">Je souhaite être alerté·e par e-mail dès qu'une mission correspondant à ma sélection est publiée</label>
          </div>

          <div class="cluster">
            <button type="submit" class="button button--primary" :disabled="saving">VALIDER</button>
            <span v-if="saving" role="status">Enregistrement…</span>
          </div>
          <div role="status"><p v-if="saved" class="notice notice--success">{{ saved }}</p></div>
        </form>
      </AsyncState>

      <RetirementDateForm />
    </div>
  `,
};
