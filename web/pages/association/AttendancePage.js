// « Attester la présence »: the association referent says, date by date, whether the collaborator
// came (présent / absent) on each approved date whose day has come and that a signed version of the
// convention covers (`convention_signed`: the convention is signed before the mission days it adds,
// and engagement refuses the others). Dates whose convention is not signed yet are listed apart,
// with their `state_label` (« convention à signer ») and no choice. Once every date is attested the
// collaborator's step 4 (« JE COMPLÈTE MON BILAN ») unlocks.
// POST /api/engagement/participations/{id}/attendance {dates: [{date, present}]}; the API's errors
// ({"dates": {"<index>": ["…"]}}) are shown next to the date concerned.
import { computed, reactive, ref, watch } from "vue";
import { useRoute } from "vue-router";
import { api, ApiError } from "/api.js";
import { longDate, days, formatLabel, capitalize } from "/format.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import { useRoleGate, focusSoon } from "./spaceKit.js";
import { canAttestDate, presenceLabel, presenceTone } from "./ReferentApplications.js";

// There is no « one participation » endpoint for referents: look for it in each association's list.
async function findParticipation(associationIds, participationId) {
  for (const associationId of associationIds) {
    const path = `/api/engagement/associations/${encodeURIComponent(associationId)}/participations`;
    for (let page = 1; page < 1000; page += 1) {
      const answer = await api.get(path, { page, per_page: 100 });
      const found = answer.items.find((item) => item.id === participationId);
      if (found) return found;
      if (page * 100 >= answer.total) break;
    }
  }
  throw new ApiError(404, "Cette candidature n'existe pas, ou elle ne concerne pas une mission de ton association.");
}

export default {
  name: "AttendancePage",
  components: { AsyncState },
  setup() {
    const route = useRoute();
    const { ready, allowed, session } = useRoleGate(["association_referent"]);
    const participation = ref(null);
    const loading = ref(true);
    const loadError = ref(null);
    const choices = reactive({}); // date → "present" | "absent" | ""
    const dateErrors = reactive({}); // date → message
    const formError = ref("");
    const saving = ref(false);
    const saved = ref("");

    const dates = computed(() => [...(participation.value?.dates || [])].sort((a, b) => a.date.localeCompare(b.date)));
    // Present / absent only where the day has come and a signed convention covers the date.
    const attestable = computed(() => dates.value.filter(canAttestDate));
    const toSign = computed(() => dates.value.filter((date) => !date.convention_signed));
    const upcoming = computed(() => dates.value.filter((date) => !date.attestable && date.convention_signed));
    const editable = computed(() => participation.value && participation.value.status === "open");

    function reset(from) {
      participation.value = from;
      for (const key of Object.keys(choices)) delete choices[key];
      for (const date of from.dates || []) {
        choices[date.date] = date.present === true ? "present" : date.present === false ? "absent" : "";
      }
    }

    async function load() {
      loading.value = true;
      loadError.value = null;
      try {
        reset(await findParticipation(session.user.association_ids || [], route.params.id));
        setTitle(`Attester la présence de ${participation.value.person.name}`);
      } catch (caught) {
        loadError.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch([allowed, () => route.params.id], ([value]) => value && load(), { immediate: true });

    function markAllPresent() {
      for (const date of attestable.value) choices[date.date] = "present";
    }

    const fieldId = (date) => `presence-${date.date}`;
    const errorId = (date) => `presence-${date.date}-erreur`;

    async function submit() {
      formError.value = "";
      saved.value = "";
      for (const key of Object.keys(dateErrors)) delete dateErrors[key];
      const sent = attestable.value.filter((date) => choices[date.date]).map((date) => ({ date: date.date, present: choices[date.date] === "present" }));
      if (!sent.length) {
        formError.value = "Indique « Présent » ou « Absent » pour au moins une date.";
        focusSoon("#presence-erreur");
        return;
      }
      saving.value = true;
      try {
        const updated = await api.post(`/api/engagement/participations/${encodeURIComponent(participation.value.id)}/attendance`, { dates: sent });
        reset(updated);
        const count = sent.length;
        saved.value = `Présence enregistrée pour ${count} date${count > 1 ? "s" : ""}.`
          + (updated.attendance_complete ? ` Toutes les dates sont attestées : ${updated.person.name} peut maintenant compléter son bilan.` : "");
        focusSoon("#presence-enregistree");
      } catch (caught) {
        formError.value = caught.message;
        let first = null;
        for (const [field, message] of Object.entries(caught.fields || {})) {
          const match = /^dates\.(\d+)$/.exec(field);
          if (match && sent[Number(match[1])]) {
            const day = sent[Number(match[1])].date;
            dateErrors[day] = message;
            first = first || day;
          }
        }
        const count = Object.keys(dateErrors).length;
        if (count) formError.value = `La présence n'est pas enregistrée : ${count} date${count > 1 ? "s ne conviennent" : " ne convient"} pas (voir ci-dessous).`;
        focusSoon(first ? `#${fieldId({ date: first })}-present` : "#presence-erreur");
      } finally {
        saving.value = false;
      }
    }

    const label = (date) => `${capitalize(longDate(date.date))} (${(date.format_label || formatLabel(date.format)).toLowerCase()})`;

    const savedState = (date) => (date.present === true ? "Déjà attesté : présent·e" : date.present === false ? "Déjà attesté : absent·e" : "Pas encore attesté");

    return {
      savedState, ready, allowed, participation, loading, loadError, load, choices, dateErrors, formError, saving, saved,
      dates, attestable, toSign, upcoming, editable, markAllPresent, submit, fieldId, errorId, label, presenceLabel, presenceTone, days,
    };
  },
  template: `
    <div class="page page--narrow space">
      <p class="back-link"><router-link to="/association/candidatures"><span aria-hidden="true">←</span> Candidatures reçues</router-link></p>
      <h1>Attester la présence</h1>

      <p v-if="!ready" class="async-state__loading" role="status">Chargement…</p>
      <div v-else-if="!allowed" class="notice">
        <p>Seuls les référents de l'association de la mission attestent la présence des collaborateurs.</p>
      </div>
      <AsyncState v-else :loading="loading" :error="loadError" @retry="load">
        <template v-if="participation">
          <p class="lead"><strong>{{ participation.person.name }}</strong> — mission « {{ participation.mission.title }} »,
            année {{ participation.year }}.</p>
          <p class="lead">Indique, pour chaque date validée par son manager, si {{ participation.person.name }} était présent·e.
            La présence s'atteste à partir du jour même, une fois sa convention signée pour cette date. Quand toutes les dates sont
            attestées, son bilan de fin de mission se débloque.</p>

          <div v-if="participation.status === 'withdrawn'" class="notice"><p>{{ participation.person.name }} s'est retiré·e de cette mission.</p></div>
          <div v-else-if="participation.status === 'closed'" class="notice"><p>Le bilan de cette participation est complété : la présence ne peut plus changer.</p></div>

          <div v-if="participation.status === 'open' && participation.attendance_complete && !saved" class="notice notice--success">
            <p>Toutes les dates sont attestées : {{ participation.person.name }} peut compléter son bilan. Tu peux encore corriger
              une date tant que son bilan n'est pas complété.</p>
          </div>
          <div id="presence-enregistree" tabindex="-1" aria-live="polite">
            <p v-if="saved" class="notice notice--success">{{ saved }}</p>
          </div>
          <div v-if="formError" id="presence-erreur" class="notice notice--error" role="alert" tabindex="-1"><p>{{ formError }}</p></div>

          <p v-if="!dates.length" class="space-empty">Aucune date validée pour l'instant : la présence s'attestera une fois les dates
            validées par le manager.</p>

          <form v-else-if="editable && attestable.length" class="attendance-form" novalidate @submit.prevent="submit">
            <div v-if="attestable.length > 1" class="attendance-form__tools">
              <button type="button" class="button button--quiet" @click="markAllPresent">Tout marquer « présent »</button>
            </div>
            <fieldset v-for="date in attestable" :key="date.date" class="attendance-date" :class="{ 'attendance-date--invalid': dateErrors[date.date] }"
                      :aria-describedby="dateErrors[date.date] ? errorId(date) : null">
              <legend class="attendance-date__legend">{{ label(date) }}</legend>
              <div class="attendance-choices">
                <label class="attendance-choice" :for="fieldId(date) + '-present'">
                  <input :id="fieldId(date) + '-present'" type="radio" :name="fieldId(date)" value="present" v-model="choices[date.date]"
                         :aria-invalid="dateErrors[date.date] ? 'true' : null" :aria-describedby="dateErrors[date.date] ? errorId(date) : null">
                  Présent·e
                </label>
                <label class="attendance-choice" :for="fieldId(date) + '-absent'">
                  <input :id="fieldId(date) + '-absent'" type="radio" :name="fieldId(date)" value="absent" v-model="choices[date.date]"
                         :aria-invalid="dateErrors[date.date] ? 'true' : null" :aria-describedby="dateErrors[date.date] ? errorId(date) : null">
                  Absent·e
                </label>
              </div>
              <p class="attendance-date__state">{{ savedState(date) }}</p>
              <p v-if="dateErrors[date.date]" :id="errorId(date)" class="field__error"><span aria-hidden="true">⚠ </span>{{ dateErrors[date.date] }}</p>
            </fieldset>
            <div class="form-actions">
              <button type="submit" class="button button--primary" :disabled="saving" :aria-busy="saving ? 'true' : null">
                {{ saving ? "Enregistrement…" : "Enregistrer la présence" }}</button>
              <router-link to="/association/candidatures" class="button button--secondary">Retour aux candidatures</router-link>
            </div>
          </form>

          <section v-if="!editable && attestable.length" aria-labelledby="presence-resume" class="space-dates">
            <h2 id="presence-resume" class="space-dates__title">Présence par date</h2>
            <ul class="space-date-list">
              <li v-for="date in attestable" :key="date.date" class="space-date-list__item"><span>{{ label(date) }}</span><span class="presence">{{ presenceLabel(date) }}</span></li>
            </ul>
          </section>

          <section v-if="toSign.length" aria-labelledby="convention-a-signer" class="space-dates">
            <h2 id="convention-a-signer" class="space-dates__title">Convention à signer</h2>
            <p v-if="editable" class="space-card__hint">{{ participation.person.name }} doit d'abord signer sa convention pour ces dates
              (elle est obligatoire avant le démarrage de la mission) : tu pourras attester sa présence une fois qu'elle sera signée.</p>
            <ul class="space-date-list">
              <li v-for="date in toSign" :key="date.date" class="space-date-list__item"><span>{{ label(date) }}</span><span class="presence" :class="'presence--' + presenceTone(date)">{{ presenceLabel(date) }}</span></li>
            </ul>
          </section>

          <section v-if="upcoming.length" aria-labelledby="dates-a-venir" class="space-dates">
            <h2 id="dates-a-venir" class="space-dates__title">Dates à venir</h2>
            <p class="space-card__hint">Tu pourras attester la présence à partir de chacun de ces jours.</p>
            <ul class="space-date-list">
              <li v-for="date in upcoming" :key="date.date" class="space-date-list__item"><span>{{ label(date) }}</span><span class="presence presence--later">À venir</span></li>
            </ul>
          </section>

          <p v-if="participation.dates.length" class="space-card__hint">Jours de présence attestés : {{ days(participation.days_present) }}.</p>
        </template>
      </AsyncState>
    </div>
  `,
};
