// « Mécénat fin de carrière » in MES PRÉFÉRENCES: the person gives their retirement date (PATCH /api/engagement/me
// {retirement_date}); within the twelve months before it, once their company's admin has confirmed it, their
// allowance becomes one day a week. Changing the date withdraws an earlier confirmation (the API does it).
import { ref, computed } from "vue";
import { api, fieldError } from "/api.js";
import { session, loadSession } from "/session.js";
import { longDate } from "/format.js";

export default {
  name: "RetirementDateForm",
  setup() {
    const day = ref((session.user && session.user.retirement_date) || "");
    const saving = ref(false);
    const failure = ref(null);
    const saved = ref("");
    const confirmed = computed(() => Boolean(session.user && session.user.retirement_confirmed));
    const current = computed(() => session.user && session.user.retirement_date);

    async function save() {
      saving.value = true;
      failure.value = null;
      saved.value = "";
      try {
        await api.patch("/api/engagement/me", { retirement_date: day.value || null });
        await loadSession({ force: true });
        saved.value = day.value
          ? `C'est noté : ton départ en retraite est prévu le ${longDate(day.value)}. Le responsable de l'engagement de ton entreprise va le confirmer.`
          : "C'est noté : tu n'as plus de date de départ en retraite renseignée.";
      } catch (error) {
        failure.value = error;
      } finally {
        saving.value = false;
      }
    }

    return { day, saving, failure, saved, confirmed, current, save, fieldError, longDate };
  },
  template: `
    <section class="retirement-form" aria-labelledby="titre-fin-de-carriere">
      <h2 id="titre-fin-de-carriere">Mécénat fin de carrière</h2>
      <p>Dans l'année qui précède ton départ en retraite, tu peux t'engager <strong>1 jour par semaine</strong>.
        Indique ta date de départ : le responsable de l'engagement de ton entreprise la confirmera.</p>
      <p v-if="current && confirmed" class="notice notice--success">Ta date de départ du {{ longDate(current) }} est confirmée par ton entreprise.</p>
      <p v-else-if="current" class="notice">Ta date de départ du {{ longDate(current) }} attend la confirmation de ton entreprise.</p>
      <form class="stack" novalidate @submit.prevent="save">
        <div class="field">
          <label for="date-retraite" class="field__label">Ma date de départ en retraite</label>
          <input id="date-retraite" v-model="day" type="date" class="field__control"
                 :aria-invalid="fieldError(failure, 'retirement_date') ? 'true' : null"
                 :aria-describedby="fieldError(failure, 'retirement_date') ? 'erreur-date-retraite' : null">
          <p v-if="fieldError(failure, 'retirement_date')" id="erreur-date-retraite" class="field__error">
            <span aria-hidden="true">⚠ </span>{{ fieldError(failure, 'retirement_date') }}</p>
        </div>
        <p v-if="failure && !fieldError(failure, 'retirement_date')" class="field__error" role="alert">{{ failure.message }}</p>
        <div class="cluster">
          <button type="submit" class="button button--secondary" :disabled="saving">Enregistrer ma date</button>
          <span v-if="saving" role="status">Enregistrement…</span>
        </div>
        <div role="status"><p v-if="saved" class="notice notice--success">{{ saved }}</p></div>
      </form>
    </section>
  `,
};
