// Step 2 « Je valide mes dates avec mon manager », and « AJOUTER DES DATES » to a mission under way
// (/mon-compte/participations/:id/dates). The manager's address (the one the company recorded, prefilled; shown
// without a field when the company's other_manager_policy is « refused ») and the guide's message come from
// GET …/date-requests/draft; dates are picked on a calendar (weekends, French public holidays, past
// days and dates already asked for are disabled), each as « Journée » or « Demi-journée »; the total
// and what is left of the year's allowance are shown; POST …/date-requests sends the request.
// The API's per-date errors ("dates.<position>") are shown next to the date concerned.
import { computed, ref } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, fieldError } from "/api.js";
import { days, longDate } from "/format.js";
import { session } from "/session.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import DatePicker, { parisToday } from "/components/DatePicker.js";
import { dateStateLabel, flashMessage, goWithFlash, itemsOf, needsSignature, remainingDays } from "./shared.js";

const FORMAT_DAYS = { full_day: 1, half_day: 0.5 };
const BOOKED = new Set(["pending", "approved"]);

export default {
  name: "DatesPage",
  components: { AsyncState, FormField, DatePicker },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const participationId = computed(() => route.params.id);
    const flash = ref(flashMessage());

    const loading = ref(true);
    const error = ref(null);
    const participation = ref(null);
    const dashboard = ref(null);
    const all = ref([]);

    const managerEmail = ref("");
    // The manager the company recorded (prefilled), and whether the company lets the employee name another one.
    const recordedManager = ref("");
    const otherManagerPolicy = ref("allowed_notify_admin");
    const companyDomains = ref([]);
    const message = ref("");
    const selected = ref([]);
    const formats = ref({});
    const sending = ref(false);
    const sendError = ref(null);
    const sentOrder = ref([]);
    const today = parisToday();

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const id = encodeURIComponent(participationId.value);
        const [found, draft, board, mine] = await Promise.all([
          api.get(`/api/engagement/participations/${id}`),
          api.get(`/api/engagement/participations/${id}/date-requests/draft`),
          api.get("/api/engagement/me/dashboard"),
          api.get("/api/engagement/me/participations", { per_page: 100 }),
        ]);
        participation.value = found;
        dashboard.value = board;
        all.value = itemsOf(mine);
        managerEmail.value = draft.manager_email || "";
        recordedManager.value = draft.manager_email || "";
        otherManagerPolicy.value = draft.other_manager_policy || "allowed_notify_admin";
        companyDomains.value = draft.company_domains || [];
        message.value = draft.message || "";
        setTitle(found.can_add_dates ? "Ajouter des dates" : "Je valide mes dates");
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    const year = computed(() => (participation.value ? participation.value.year : Number(today.slice(0, 4))));
    const minDate = computed(() => (today > `${year.value}-01-01` ? today : `${year.value}-01-01`));
    const maxDate = computed(() => `${year.value}-12-31`);
    const yearOver = computed(() => minDate.value > maxDate.value);
    const adding = computed(() => Boolean(participation.value && participation.value.can_add_dates));
    const isOpen = computed(() => participation.value && participation.value.status === "open");

    // Every date already asked for, on any participation: the service refuses them twice.
    const unavailable = computed(() => {
      const taken = {};
      for (const item of all.value) {
        for (const month of item.months || []) {
          for (const date of month.dates || []) {
            if (BOOKED.has(date.state)) taken[date.date] = date.state === "approved" ? "déjà validée" : "déjà demandée";
          }
        }
      }
      return taken;
    });

    const existingMonths = computed(() => (participation.value ? participation.value.months || [] : []));

    const sortedSelection = computed(() => [...selected.value].sort());
    const total = computed(() => sortedSelection.value.reduce((sum, iso) => sum + FORMAT_DAYS[formatOf(iso)], 0));
    const remaining = computed(() => remainingDays(year.value, dashboard.value, all.value));
    const allowance = computed(() => (dashboard.value && dashboard.value.allowance) || null);
    const afterRequest = computed(() => (remaining.value == null ? null : remaining.value - total.value));

    function stateLabel(date) {
      const found = participation.value;
      return dateStateLabel(date, { hasConvention: Boolean(found && found.convention), toSign: needsSignature(found, null) });
    }

    function formatOf(iso) {
      return formats.value[iso] || "full_day";
    }
    function setFormat(iso, value) {
      formats.value = { ...formats.value, [iso]: value };
    }
    function remove(iso) {
      selected.value = selected.value.filter((item) => item !== iso);
      setTimeout(() => {
        const next = document.querySelector(".selected-dates button, .datepicker__day[tabindex='0']");
        if (next) next.focus();
      }, 0);
    }

    // The API names a date by its position in the request: map it back to the day.
    const dateErrors = computed(() => {
      const found = {};
      if (!sendError.value) return found;
      sentOrder.value.forEach((iso, index) => {
        const text = fieldError(sendError.value, `dates.${index}`);
        if (text && selected.value.includes(iso)) found[iso] = text;
      });
      return found;
    });
    const datesError = computed(() => {
      if (!sendError.value) return "";
      if (Object.keys(dateErrors.value).length) return sendError.value.message;
      return fieldError(sendError.value, "dates");
    });
    // Only the recorded manager may validate: the address is shown, not typed.
    const managerFixed = computed(() => otherManagerPolicy.value === "refused" && Boolean(recordedManager.value));
    const managerHint = computed(() => {
      const domains = companyDomains.value.map((name) => "@" + name).join(" ou ");
      const address = domains ? ` (une adresse ${domains})` : "";
      if (otherManagerPolicy.value === "refused") {
        return "Ton manager n'est pas encore enregistré : demande à l'administrateur de ton entreprise de l'indiquer dans Tandem.";
      }
      const notice = otherManagerPolicy.value === "allowed_notify_admin" ? " ; l'administrateur de ton entreprise en sera prévenu" : "";
      if (recordedManager.value) {
        return `Ton manager, enregistré par ton entreprise. Tu peux indiquer un autre manager de l'entreprise${address}${notice}.`;
      }
      return `Renseigne l'adresse e-mail professionnelle de ton manager${address}${notice}.`;
    });

    const generalError = computed(() => {
      const failure = sendError.value;
      if (!failure) return "";
      if (failure.status === 422 && (fieldError(failure, "manager_email") || fieldError(failure, "message") || datesError.value)) return "";
      return failure.message;
    });

    async function submit() {
      sendError.value = null;
      if (!selected.value.length) {
        sendError.value = { status: 422, message: "Choisis au moins une date.", fields: { dates: "Choisis au moins une date de mission sur le calendrier." } };
        focusFirstError();
        return;
      }
      sending.value = true;
      sentOrder.value = sortedSelection.value;
      try {
        const request = await api.post(`/api/engagement/participations/${encodeURIComponent(participationId.value)}/date-requests`, {
          manager_email: managerEmail.value.trim() || null,
          message: message.value.trim() || null,
          dates: sentOrder.value.map((iso) => ({ date: iso, format: formatOf(iso) })),
        });
        await goWithFlash(router, "/mon-compte/missions",
          `Ta demande d'absence (${days(total.value)}) est envoyée à ${request.manager_email}. ` +
          "Tu recevras un e-mail dès que ton manager l'aura traitée. Après sa validation, suis le process habituel " +
          "d'une demande d'absence en interne.");
      } catch (failure) {
        sendError.value = failure;
        focusFirstError();
      } finally {
        sending.value = false;
      }
    }

    function focusFirstError() {
      setTimeout(() => {
        const target = document.querySelector(".dates-form input[aria-invalid='true'], .dates-form textarea[aria-invalid='true'], #dates-erreur")
          || document.getElementById("erreur-dates");
        if (!target) return;
        if (!target.hasAttribute("tabindex") && !/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) target.setAttribute("tabindex", "-1");
        target.focus();
      }, 0);
    }

    load();

    return {
      session, flash, loading, error, participation, managerEmail, recordedManager, managerFixed, managerHint, message, selected, sending, sendError,
      year, minDate, maxDate, yearOver, adding, isOpen, unavailable, existingMonths, sortedSelection, total, remaining,
      allowance, afterRequest, dateErrors, datesError, generalError,
      load, submit, formatOf, setFormat, remove, fieldError, days, longDate, stateLabel,
    };
  },
  template: `
    <div class="page account-page dates-page">
      <p class="back-link"><router-link to="/mon-compte/missions">‹ Retour à mes missions</router-link></p>
      <h1 v-if="participation && adding">AJOUTER DES DATES</h1>
      <h1 v-else><span class="eyebrow">Étape 2</span> Je valide mes dates avec mon manager</h1>

      <div v-if="flash" class="notice notice--success" role="status"><p>{{ flash }}</p></div>

      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Chargement de ta mission…">
        <template v-if="participation">
          <p class="lead" v-if="adding">
            {{ session.user ? session.user.first_name + ', tu' : 'Tu' }} peux ajouter une ou plusieurs dates à ta mission :
            « {{ participation.mission.title }} » pour l'association {{ participation.mission.association_name }}.
          </p>
          <p class="lead" v-else>
            « {{ participation.mission.title }} » avec l'association <strong>{{ participation.mission.association_name }}</strong>
            ({{ participation.year }})
          </p>

          <div v-if="!isOpen" class="notice notice--warning" role="status">
            <p v-if="participation.status === 'withdrawn'">Tu t'es retiré·e de cette mission : postule de nouveau pour la reprendre.</p>
            <p v-else>Ton bilan {{ participation.year }} est complété : ta participation est close.
              Pour poursuivre ta mission sur l'année suivante, postule de nouveau (1 convention = 1 année civile).</p>
          </div>
          <div v-else-if="yearOver" class="notice notice--warning" role="status">
            <p>L'année {{ participation.year }} est terminée : il n'y a plus de date à demander pour cette participation.</p>
          </div>

          <template v-else>
            <div class="notice notice--info">
              <p v-if="!adding">Il est <strong>obligatoire que ton manager valide</strong> tes dates pour que tu puisses partir en mission.
                Renseigne dès à présent toutes tes dates de mission prévues avec l'association ; si ta mission se poursuit,
                tu pourras en ajouter au fur et à mesure depuis ton compte.</p>
              <p v-else>Ton manager reçoit une demande de validation des nouvelles dates.
                Une fois validées, ta convention se met automatiquement à jour.</p>
            </div>

            <section v-if="existingMonths.length" class="existing-dates" aria-labelledby="dates-existantes">
              <h2 id="dates-existantes">{{ existingMonths.reduce((n, m) => n + m.dates.length, 0) > 1 ? 'Dates déjà renseignées' : 'Une date déjà renseignée' }}</h2>
              <div class="month-list">
                <section v-for="month in existingMonths" :key="month.month" class="month-list__month">
                  <h3 class="month-list__title">{{ month.month }}</h3>
                  <ul class="month-list__dates">
                    <li v-for="date in month.dates" :key="date.date + date.request_id">
                      {{ date.label }} <span class="date-state" :class="'date-state--' + date.state">{{ stateLabel(date) }}</span>
                    </li>
                  </ul>
                </section>
              </div>
            </section>

            <form class="dates-form card" novalidate @submit.prevent="submit">
              <div v-if="generalError" id="erreur-dates" class="notice notice--error" role="alert" tabindex="-1">
                <p>{{ generalError }}</p>
              </div>

              <div v-if="managerFixed" class="field manager-fixed">
                <p class="field__label">Ta demande d'absence sera envoyée à :</p>
                <p><strong>{{ recordedManager }}</strong></p>
                <p class="field__hint">Ton manager, enregistré par ton entreprise : c'est lui ou elle qui valide tes dates.</p>
                <p v-if="fieldError(sendError, 'manager_email')" class="field__error"><span aria-hidden="true">⚠ </span>{{ fieldError(sendError, 'manager_email') }}</p>
              </div>
              <FormField v-else label="Ta demande d'absence sera envoyée à :" type="email" v-model="managerEmail" autocomplete="email" required
                         :hint="managerHint" :error="fieldError(sendError, 'manager_email')" />

              <fieldset class="field date-field" :class="{ 'field--invalid': datesError }">
                <legend class="field__label">Date(s) de la mission<span aria-hidden="true" class="field__required"> *</span></legend>
                <p id="dates-aide" class="field__hint">
                  Choisis tes jours sur le calendrier (jours ouvrés de {{ year }}, à venir). Saisis d'abord toutes les journées,
                  puis toutes les demi-journées, en précisant le format de chaque date.
                </p>
                <p v-if="datesError" id="dates-erreur" class="field__error" tabindex="-1"><span aria-hidden="true">⚠ </span>{{ datesError }}</p>
                <div class="date-field__body">
                  <DatePicker v-model="selected" :min="minDate" :max="maxDate" :unavailable="unavailable"
                              :invalid="!!datesError" :describedby="datesError ? 'dates-erreur dates-aide' : 'dates-aide'" />

                  <div class="selected-dates">
                    <h2 class="selected-dates__title" id="dates-choisies">Sélectionne le format de ta mission</h2>
                    <p v-if="!sortedSelection.length" class="muted">Aucune date choisie pour l'instant.</p>
                    <ul v-else class="selected-dates__list" aria-labelledby="dates-choisies">
                      <li v-for="iso in sortedSelection" :key="iso" class="selected-dates__item" :class="{ 'is-invalid': dateErrors[iso] }">
                        <fieldset class="format-choice">
                          <legend class="format-choice__date">Le {{ longDate(iso) }}</legend>
                          <label class="format-choice__option">
                            <input type="radio" :name="'format-' + iso" value="full_day" :checked="formatOf(iso) === 'full_day'"
                                   :aria-invalid="dateErrors[iso] ? 'true' : null" :aria-describedby="dateErrors[iso] ? 'erreur-' + iso : null"
                                   @change="setFormat(iso, 'full_day')"> Journée
                          </label>
                          <label class="format-choice__option">
                            <input type="radio" :name="'format-' + iso" value="half_day" :checked="formatOf(iso) === 'half_day'"
                                   @change="setFormat(iso, 'half_day')"> Demi-journée
                          </label>
                        </fieldset>
                        <button type="button" class="link-button" @click="remove(iso)"
                                :aria-label="'Retirer le ' + longDate(iso)">Retirer</button>
                        <p v-if="dateErrors[iso]" :id="'erreur-' + iso" class="field__error selected-dates__error">
                          <span aria-hidden="true">⚠ </span>{{ dateErrors[iso] }}</p>
                      </li>
                    </ul>
                  </div>
                </div>
              </fieldset>

              <div class="allowance-summary" aria-live="polite">
                <p>Total demandé : <strong>{{ days(total) }}</strong></p>
                <p v-if="remaining != null">
                  Ton allocation {{ year }} : {{ allowance.label }}. Il te reste <strong>{{ days(remaining) }}</strong>
                  <template v-if="total"> ; après cette demande : <strong :class="{ 'text-danger': afterRequest < 0 }">{{ days(Math.max(afterRequest, 0)) }}</strong></template>.
                  <span v-if="afterRequest < 0" class="text-danger"> Ta demande dépasse ton allocation de {{ days(-afterRequest) }}.</span>
                </p>
                <p v-else-if="allowance">Ton allocation : {{ allowance.label }}.</p>
              </div>

              <FormField label="Message pour ton manager :" type="textarea" v-model="message" :rows="6"
                         :error="fieldError(sendError, 'message')" />

              <div class="cluster">
                <button type="submit" class="button button--primary" :disabled="sending">{{ adding ? 'AJOUTER' : 'ENVOYER' }}</button>
                <router-link to="/mon-compte/missions" class="button button--secondary">RETOUR</router-link>
                <span v-if="sending" role="status">Envoi de ta demande…</span>
              </div>
            </form>
          </template>
        </template>
      </AsyncState>
    </div>
  `,
};
