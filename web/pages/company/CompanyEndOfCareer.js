// FIN DE CARRIÈRE: the « mécénat fin de carrière » — a collaborator within a year of retirement gets
// one day a week instead of the yearly allowance, once the company confirms the retirement date the
// person gave in their profile. Lists everyone who gave a date, soonest first, with « Confirmer la
// date de départ » / « Retirer la confirmation ».
import { reactive, ref } from "vue";
import { api } from "/api.js";
import { mediumDate, dateTime, plural, isoDate } from "/format.js";
import { session } from "/session.js";
import AsyncState from "/components/AsyncState.js";
import { ConfirmButton, toneClass, keepFocus } from "../association/spaceKit.js";

// The people list has no « has a retirement date » filter: read it whole (100 at a time).
async function everyone(companyId) {
  const people = [];
  for (let page = 1; page < 1000; page += 1) {
    const answer = await api.get(`/api/engagement/companies/${encodeURIComponent(companyId)}/people`, { page, per_page: 100 });
    people.push(...answer.items);
    if (page * 100 >= answer.total || !answer.items.length) break;
  }
  return people;
}

// The API's window: the 365 days up to the retirement date.
function daysBefore(date, count) {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day - count)).toISOString().slice(0, 10);
}

export default {
  name: "CompanyEndOfCareer",
  components: { AsyncState, ConfirmButton },
  props: {
    company: { type: Object, required: true },
  },
  setup(props) {
    const people = ref([]);
    const loading = ref(true);
    const error = ref(null);
    const rows = reactive({});
    const IDLE = Object.freeze({ busy: false, done: "", error: "" });
    const row = (person) => rows[person.id] || IDLE;
    const today = isoDate();

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const all = await everyone(props.company.id);
        people.value = all
          .filter((person) => person.retirement_date && person.status !== "deleted")
          .sort((a, b) => a.retirement_date.localeCompare(b.retirement_date));
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    load();

    const isMe = (person) => session.user && session.user.id === person.id;
    const past = (person) => person.retirement_date < today;
    const windowStart = (person) => daysBefore(person.retirement_date, 365);
    const inWindow = (person) => !past(person) && windowStart(person) <= today;
    function state(person) {
      if (past(person)) return { label: "Date passée", tone: "" };
      if (person.retirement_confirmed) return { label: "Date confirmée", tone: "success" };
      return { label: "À confirmer", tone: "warning" };
    }

    async function act(person, confirm) {
      rows[person.id] = { busy: true, done: "", error: "" };
      try {
        const path = `/api/engagement/people/${encodeURIComponent(person.id)}/retirement-confirmation`;
        const updated = confirm ? await api.post(path) : await api.delete(path);
        Object.assign(person, updated);
        rows[person.id] = {
          busy: false,
          error: "",
          done: confirm
            ? `Date de départ confirmée : ${person.first_name} ${person.last_name} bénéficie d'1 jour par semaine à partir du ${mediumDate(windowStart(person))}.`
            : `Confirmation retirée : ${person.first_name} ${person.last_name} revient aux jours par an de l'entreprise.`,
        };
      } catch (caught) {
        rows[person.id] = { busy: false, done: "", error: caught.message };
      }
      keepFocus(`#retraite-${person.id}`);
    }

    return { people, loading, error, load, row, isMe, past, inWindow, windowStart, state, act, toneClass, mediumDate, dateTime, plural };
  },
  template: `
    <section class="space-section" aria-labelledby="fin-carriere-titre">
      <h2 id="fin-carriere-titre">Mécénat fin de carrière</h2>
      <p class="space-section__intro">Un collaborateur à un an de la retraite peut donner <strong>1 jour par semaine</strong> à une association,
        au lieu des jours prévus chaque année. Il indique sa date de départ dans son profil ; tu la confirmes ici.</p>
      <div v-if="!company.end_of_career_enabled" class="notice notice--warning">
        <p>Le mécénat fin de carrière n'est pas activé pour ton entreprise : active-le dans l'onglet
          <router-link to="/entreprise/politique">Politique</router-link> avant de confirmer des dates.</p>
      </div>
      <AsyncState :loading="loading" :error="error" :empty="!people.length" @retry="load"
                  empty-text="Personne n'a encore indiqué de date de départ en retraite dans son profil.">
        <p class="space-section__count">{{ plural(people.length, "personne a", "personnes ont") }} indiqué une date de départ.</p>
        <ul class="card-list">
          <li v-for="person in people" :key="person.id" class="panel space-card">
            <article :aria-labelledby="'retraite-' + person.id">
              <div class="space-card__head">
                <h3 :id="'retraite-' + person.id" class="space-card__title" tabindex="-1">{{ person.first_name }} {{ person.last_name }}<span v-if="isMe(person)"> (toi)</span></h3>
                <span class="status" :class="toneClass(state(person).tone)">{{ state(person).label }}</span>
              </div>
              <dl class="space-facts">
                <div><dt>Départ en retraite</dt><dd>{{ mediumDate(person.retirement_date) }}</dd></div>
                <div><dt>1 jour par semaine</dt><dd>à partir du {{ mediumDate(windowStart(person)) }}<template v-if="inWindow(person)"> (en cours)</template></dd></div>
                <div><dt>Entité</dt><dd>{{ person.entity ? person.entity.name : "Aucune entité" }}</dd></div>
                <div v-if="person.retirement_confirmed && person.retirement_confirmed_at"><dt>Confirmée le</dt><dd>{{ dateTime(person.retirement_confirmed_at) }}</dd></div>
              </dl>
              <div class="space-card__actions">
                <p v-if="isMe(person)" class="field__hint">Un autre responsable de l'engagement doit confirmer ta propre date.</p>
                <template v-else>
                  <ConfirmButton v-if="person.retirement_confirmed" label="Retirer la confirmation" small :busy="row(person).busy"
                                 :question="'Retirer la confirmation ? ' + person.first_name + ' ' + person.last_name + ' reviendra aux jours par an de l\\'entreprise.'"
                                 confirm-label="Oui, retirer" @confirm="act(person, false)" />
                  <button v-else-if="!past(person) && company.end_of_career_enabled" type="button" class="button button--primary button--small"
                          :disabled="row(person).busy" @click="act(person, true)">
                    {{ row(person).busy ? "Confirmation…" : "Confirmer la date de départ" }}<span class="visually-hidden"> de {{ person.first_name }} {{ person.last_name }}</span></button>
                </template>
              </div>
              <div aria-live="polite"><p v-if="row(person).done" class="notice notice--success">{{ row(person).done }}</p></div>
              <p v-if="row(person).error" class="notice notice--error" role="alert">{{ row(person).error }}</p>
            </article>
          </li>
        </ul>
      </AsyncState>
    </section>
  `,
};
