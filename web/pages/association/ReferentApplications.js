// « CANDIDATURES REÇUES » of the association referent space: each collaborator who applied to one of
// the association's missions — name, contact, message, the dates their manager approved (with the
// attendance attested so far, or « Convention à signer » while no signed convention covers the date)
// and the dates still awaiting the manager — and where they are in the four steps. « Attester la
// présence » opens the attendance page, once a past date is covered by a signed convention.
// The association (when the referent has several) and the page are in the query string.
import { computed, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api } from "/api.js";
import { dateTime, days, monthLabel, dayMonth, capitalize, formatLabel } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import { Pager, pageFromQuery, toneClass, focusSoon } from "./spaceKit.js";

const PER_PAGE = 20;

// Where an application stands, in the referent's words.
export function applicationState(participation) {
  const dates = participation.dates || [];
  if (participation.status === "withdrawn") return { label: "Retrait du collaborateur", tone: "muted" };
  if (participation.status === "closed" || participation.bilan_completed) return { label: "Bilan complété", tone: "success" };
  if (participation.attendance_complete) return { label: "Présence attestée", tone: "success" };
  if (dates.some((date) => canAttestDate(date) && date.present === null)) return { label: "Présence à attester", tone: "warning" };
  if (dates.some((date) => !date.convention_signed && date.present === null)) return { label: "Convention à signer", tone: "neutral" };
  if ((participation.pending_dates || []).length) return { label: "Dates en attente du manager", tone: "neutral" };
  if (dates.length) return { label: "Dates validées", tone: "info" };
  return { label: "Nouvelle candidature : dates à convenir", tone: "info" };
}

// The day has come and a signed version of the convention covers the date: engagement accepts the attendance
// (the convention is signed before the mission days it adds).
export function canAttestDate(date) {
  return Boolean(date.attestable && date.convention_signed);
}

export function canAttest(participation) {
  return participation.status === "open" && (participation.dates || []).some(canAttestDate);
}

// [{ month: "novembre 2026", dates: [...] }] in date order.
export function byMonth(dates) {
  const groups = [];
  for (const date of [...(dates || [])].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = date.date.slice(0, 7);
    let group = groups.find((entry) => entry.key === key);
    if (!group) {
      group = { key, month: capitalize(monthLabel(key)), dates: [] };
      groups.push(group);
    }
    group.dates.push(date);
  }
  return groups;
}

export function presenceLabel(date) {
  if (date.present === true) return "Présence attestée";
  if (date.present === false) return "Absence signalée";
  // « convention à signer » (or « validée, convention en préparation »), as engagement words it.
  if (!date.convention_signed) return capitalize(date.state_label || "convention à signer");
  return date.attestable ? "Présence à attester" : "À venir";
}

// The modifier of .presence: yes, no, convention (waiting for the collaborator's signature), todo or later.
export function presenceTone(date) {
  if (date.present === true) return "yes";
  if (date.present === false) return "no";
  if (!date.convention_signed) return "convention";
  return date.attestable ? "todo" : "later";
}

export default {
  name: "ReferentApplications",
  components: { AsyncState, Pager },
  props: {
    associations: { type: Array, required: true },
  },
  setup(props) {
    const route = useRoute();
    const router = useRouter();
    const items = ref([]);
    const total = ref(0);
    const loading = ref(true);
    const error = ref(null);

    const page = computed(() => pageFromQuery(route.query.page));
    const associationId = computed(() => {
      const wanted = route.query.association;
      return props.associations.some((association) => association.id === wanted) ? wanted : props.associations[0]?.id;
    });
    const selected = ref(associationId.value);
    watch(associationId, (value) => {
      selected.value = value;
    });
    function chooseAssociation() {
      router.push({ query: { ...route.query, association: selected.value, page: undefined } });
    }

    async function load() {
      if (!associationId.value) return;
      loading.value = true;
      error.value = null;
      try {
        const answer = await api.get(`/api/engagement/associations/${encodeURIComponent(associationId.value)}/participations`,
          { page: page.value, per_page: PER_PAGE });
        items.value = answer.items;
        total.value = answer.total;
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch([associationId, page], async (value, previous) => {
      await load();
      if (previous !== undefined) focusSoon("#candidatures-titre");
    }, { immediate: true });

    const dayLabel = (date) => capitalize(dayMonth(date.date));
    const format = (date) => (date.format_label || formatLabel(date.format) || "").toLowerCase();
    const telHref = (phone) => `tel:${String(phone).replace(/[^0-9+]/g, "")}`;

    return {
      toneClass, items, total, loading, error, load, page, selected, chooseAssociation, PER_PAGE,
      applicationState, canAttest, byMonth, presenceLabel, presenceTone, dayLabel, format, telHref, dateTime, days,
    };
  },
  template: `
    <section class="space-section" aria-labelledby="candidatures-titre">
      <div class="space-section__head">
        <h2 id="candidatures-titre" class="space-section__title" tabindex="-1">Candidatures reçues</h2>
      </div>
      <form v-if="associations.length > 1" class="inline-form" @submit.prevent="chooseAssociation">
        <div class="field">
          <label for="candidatures-association" class="field__label">Association</label>
          <select id="candidatures-association" v-model="selected" class="field__control">
            <option v-for="association in associations" :key="association.id" :value="association.id">{{ association.name }}</option>
          </select>
        </div>
        <button type="submit" class="button button--secondary">Afficher</button>
      </form>
      <p class="space-section__intro">Quand un collaborateur postule, tu reçois ses coordonnées par e-mail : prends contact avec lui
        pour convenir des modalités et des dates. Il les fait ensuite valider par son manager ; elles apparaissent ici.</p>
      <AsyncState :loading="loading" :error="error" :empty="!items.length" @retry="load"
                  empty-text="Aucune candidature pour l'instant. Les candidatures à tes missions apparaîtront ici.">
        <p class="space-section__count">{{ total }} candidature{{ total > 1 ? "s" : "" }}, les plus récentes d'abord.</p>
        <ul class="card-list">
          <li v-for="participation in items" :key="participation.id" class="panel space-card">
            <article :aria-labelledby="'candidature-' + participation.id">
              <div class="space-card__head">
                <h3 :id="'candidature-' + participation.id" class="space-card__title">{{ participation.person.name }}</h3>
                <span class="status" :class="toneClass(applicationState(participation).tone)">
                  <span class="visually-hidden">État : </span>{{ applicationState(participation).label }}</span>
              </div>
              <p class="space-card__sub">Mission « <router-link :to="'/missions/' + participation.mission.id">{{ participation.mission.title }}</router-link> »
                — année {{ participation.year }}</p>
              <dl class="space-facts">
                <div><dt>E-mail</dt><dd><a :href="'mailto:' + participation.person.email">{{ participation.person.email }}</a></dd></div>
                <div v-if="participation.person.phone"><dt>Téléphone</dt><dd><a :href="telHref(participation.person.phone)">{{ participation.person.phone }}</a></dd></div>
                <div><dt>Candidature du</dt><dd>{{ dateTime(participation.submitted_at) }}</dd></div>
                <div v-if="participation.dates.length"><dt>Jours de présence</dt><dd>{{ days(participation.days_present) }}</dd></div>
              </dl>
              <details v-if="participation.message" class="space-disclosure">
                <summary>Son message à l'association</summary>
                <p class="space-message">{{ participation.message }}</p>
              </details>

              <div v-if="participation.dates.length" class="space-dates">
                <h4 class="space-dates__title">Dates validées par son manager</h4>
                <div v-for="group in byMonth(participation.dates)" :key="group.key" class="space-month">
                  <p class="space-month__label">{{ group.month }}</p>
                  <ul class="space-date-list">
                    <li v-for="date in group.dates" :key="date.date" class="space-date-list__item">
                      <span>{{ dayLabel(date) }} ({{ format(date) }})</span>
                      <span class="presence" :class="'presence--' + presenceTone(date)">{{ presenceLabel(date) }}</span>
                    </li>
                  </ul>
                </div>
              </div>
              <div v-if="participation.pending_dates.length" class="space-dates">
                <h4 class="space-dates__title">Dates en attente de validation par son manager</h4>
                <div v-for="group in byMonth(participation.pending_dates)" :key="group.key" class="space-month">
                  <p class="space-month__label">{{ group.month }}</p>
                  <ul class="space-date-list">
                    <li v-for="date in group.dates" :key="date.date" class="space-date-list__item"><span>{{ dayLabel(date) }} ({{ format(date) }})</span></li>
                  </ul>
                </div>
              </div>
              <p v-if="!participation.dates.length && !participation.pending_dates.length && participation.status === 'open'" class="space-card__hint">
                Pas encore de dates : convenez-en ensemble, puis {{ participation.person.name }} les fera valider par son manager.</p>

              <div v-if="canAttest(participation)" class="space-card__actions">
                <router-link :to="'/association/participations/' + participation.id + '/presence'" class="button button--primary">
                  {{ participation.attendance_complete ? "Modifier la présence" : "Attester la présence" }}<span class="visually-hidden"> de {{ participation.person.name }}</span></router-link>
              </div>
            </article>
          </li>
        </ul>
        <Pager :page="page" :total="total" :per-page="PER_PAGE" label="Pages des candidatures" />
      </AsyncState>
    </section>
  `,
};
