// PERSONNES: everyone of the company, alphabetically, with a search (first name, last name, e-mail)
// and a status filter kept in the query string (?q=…&statut=…&page=…). For each person: their
// roles and account status; their recorded manager (« Enregistrer le manager », who validates their dates); their
// entity, a list of the company's entities saved with « Enregistrer
// l'entité »; « Modifier les rôles » (employee / responsable de l'engagement — the other roles belong
// to the Tandem team) and « Désactiver le compte » / « Réactiver le compte ».
import { computed, reactive, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, fieldError } from "/api.js";
import { mediumDate, plural } from "/format.js";
import { session } from "/session.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import { ConfirmButton, Pager, pageFromQuery, focusSoon, PERSON_STATUS, ROLE_LABELS, toneClass } from "../association/spaceKit.js";

const PER_PAGE = 20;
// What a company admin may grant or take back (the API refuses the rest with a 403).
const GRANTABLE = [
  { role: "employee", label: "Salarié·e", hint: "trouve des missions et y postule" },
  { role: "company_admin", label: "Responsable de l'engagement", hint: "accède à l'espace entreprise" },
];
const STATUS_FILTERS = [
  { value: "", label: "Tous les comptes" },
  { value: "active", label: "Comptes actifs" },
  { value: "invited", label: "Invitations en attente" },
  { value: "disabled", label: "Comptes désactivés" },
];

export default {
  name: "CompanyPeople",
  components: { AsyncState, FormField, ConfirmButton, Pager },
  props: {
    company: { type: Object, required: true },
  },
  setup(props) {
    const route = useRoute();
    const router = useRouter();
    const people = ref([]);
    const total = ref(0);
    const loading = ref(true);
    const error = ref(null);
    const search = reactive({ q: route.query.q || "", statut: route.query.statut || "" });
    const rows = reactive({});
    const IDLE = Object.freeze({ editing: false, roles: [], busy: false, error: "", done: "", entity: "", entityBusy: false, entityError: "",
      manager: "", managerBusy: false, managerError: "" });
    const row = (person) => rows[person.id] || IDLE;
    const entityId = (person) => (person.entity && person.entity.id) || "";

    const page = computed(() => pageFromQuery(route.query.page));
    const filters = computed(() => ({ q: route.query.q || "", statut: route.query.statut || "" }));

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const status = STATUS_FILTERS.some((entry) => entry.value === filters.value.statut) ? filters.value.statut : "";
        const answer = await api.get(`/api/engagement/companies/${encodeURIComponent(props.company.id)}/people`,
          { q: filters.value.q.trim(), status, page: page.value, per_page: PER_PAGE });
        for (const person of answer.items) {
          rows[person.id] = { editing: false, roles: [...person.roles], busy: false, error: "", done: "",
            entity: entityId(person), entityBusy: false, entityError: "",
            manager: person.manager_email || "", managerBusy: false, managerError: "" };
        }
        people.value = answer.items;
        total.value = answer.total;
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch(() => JSON.stringify(filters.value), load, { immediate: true });
    // A new page of the list (not a new search: the focus stays in the search form then).
    watch(page, async () => {
      await load();
      focusSoon("#personnes-titre");
    });
    watch(() => JSON.stringify(filters.value), () => Object.assign(search, filters.value));

    function submitSearch() {
      router.push({ query: { ...route.query, q: search.q.trim() || undefined, statut: search.statut || undefined, page: undefined } });
    }
    function clearSearch() {
      router.push({ query: { ...route.query, q: undefined, statut: undefined, page: undefined } });
    }

    const isMe = (person) => session.user && session.user.id === person.id;
    const entityName = (person) => (person.entity && person.entity.name) || "Aucune entité";
    // The company's entities, as the admin space loaded them (the ENTITÉS tab keeps them up to date).
    const entityOptions = computed(() => props.company.entities.map((entity) => ({ value: entity.id, label: entity.name })));
    const roleNames = (person) => person.roles.map((role) => ROLE_LABELS[role] || role).join(", ") || "Aucun rôle";
    const otherRoles = (person) => person.roles.filter((role) => !GRANTABLE.some((entry) => entry.role === role));
    const status = (person) => PERSON_STATUS[person.status] || { label: person.status, tone: "" };

    function edit(person) {
      rows[person.id] = { ...row(person), editing: true, roles: [...person.roles], error: "", done: "" };
      focusSoon(`#roles-${person.id}`);
    }
    function cancel(person) {
      rows[person.id] = { ...row(person), editing: false, error: "" };
      focusSoon(`#modifier-${person.id}`);
    }

    async function patch(person, body, done) {
      const state = rows[person.id];
      state.busy = true;
      state.error = "";
      state.done = "";
      try {
        const updated = await api.patch(`/api/engagement/people/${encodeURIComponent(person.id)}`, body);
        Object.assign(person, updated);
        state.editing = false;
        state.roles = [...updated.roles];
        state.done = done(updated);
        return true;
      } catch (caught) {
        state.error = caught.message;
        return false;
      } finally {
        state.busy = false;
      }
    }

    async function saveRoles(person) {
      const wanted = [...otherRoles(person), ...GRANTABLE.map((entry) => entry.role).filter((role) => rows[person.id].roles.includes(role))];
      const ok = await patch(person, { roles: wanted }, (updated) => `Rôles enregistrés : ${roleNames(updated)}.`);
      focusSoon(ok ? `#modifier-${person.id}` : `#roles-${person.id}`);
    }
    // Its own request and state: saving the entity leaves an open roles form as it is.
    async function saveEntity(person) {
      const state = rows[person.id];
      state.entityError = "";
      state.error = "";
      state.done = "";
      if (!state.entity) {
        state.entityError = "Choisis une entité dans la liste.";
        focusSoon(`#entite-${person.id}`);
        return;
      }
      state.entityBusy = true;
      try {
        const updated = await api.patch(`/api/engagement/people/${encodeURIComponent(person.id)}`, { entity_id: state.entity });
        Object.assign(person, updated);
        state.entity = entityId(updated);
        state.done = `${updated.first_name} ${updated.last_name} est rattaché·e à l'entité « ${entityName(updated)} ».`;
      } catch (caught) {
        state.entityError = fieldError(caught, "entity_id") || caught.message;
        focusSoon(`#entite-${person.id}`);
      } finally {
        state.entityBusy = false;
      }
    }
    // The recorded manager validates the person's dates by default (an address of the company; empty: none).
    async function saveManager(person) {
      const state = rows[person.id];
      state.managerError = "";
      state.error = "";
      state.done = "";
      state.managerBusy = true;
      try {
        const updated = await api.patch(`/api/engagement/people/${encodeURIComponent(person.id)}`,
          { manager_email: state.manager.trim() || null });
        Object.assign(person, updated);
        state.manager = updated.manager_email || "";
        state.done = updated.manager_email
          ? `Le manager de ${updated.first_name} ${updated.last_name} est ${updated.manager_email} : c'est lui ou elle qui valide ses dates.`
          : `${updated.first_name} ${updated.last_name} n'a plus de manager enregistré.`;
      } catch (caught) {
        state.managerError = fieldError(caught, "manager_email") || caught.message;
        focusSoon(`#manager-${person.id}`);
      } finally {
        state.managerBusy = false;
      }
    }
    async function setStatus(person, wanted) {
      await patch(person, { status: wanted }, (updated) => (updated.status === "disabled"
        ? `Le compte de ${updated.first_name} ${updated.last_name} est désactivé : ses sessions sont fermées.`
        : `Le compte de ${updated.first_name} ${updated.last_name} est réactivé.`));
      focusSoon(`#personne-${person.id}`);
    }

    return {
      people, total, loading, error, load, search, row, page, filters, submitSearch, clearSearch, isMe, entityName, entityOptions,
      roleNames, otherRoles, status, edit, cancel, saveRoles, saveEntity, saveManager, setStatus, toneClass, mediumDate, plural, ROLE_LABELS,
      GRANTABLE, STATUS_FILTERS, PER_PAGE,
    };
  },
  template: `
    <section class="space-section" aria-labelledby="personnes-titre">
      <h2 id="personnes-titre" tabindex="-1">Personnes</h2>
      <form class="search-form people-search" role="search" aria-label="Rechercher une personne" @submit.prevent="submitSearch">
        <FormField id="personnes-q" label="Prénom, nom ou e-mail" type="search" v-model="search.q" :maxlength="100" autocomplete="off" />
        <FormField id="personnes-statut" label="Comptes" type="select" v-model="search.statut" :options="STATUS_FILTERS" />
        <div class="people-search__actions">
          <button type="submit" class="button button--primary">Rechercher</button>
          <button v-if="filters.q || filters.statut" type="button" class="button button--quiet" @click="clearSearch">Tout afficher</button>
        </div>
      </form>

      <AsyncState :loading="loading" :error="error" :empty="!people.length" @retry="load"
                  :empty-text="filters.q || filters.statut ? 'Personne ne correspond à cette recherche.' : 'Personne n\\'a encore de compte dans ton entreprise.'">
        <p class="space-section__count" role="status">{{ plural(total, "personne") }}<template v-if="filters.q"> pour « {{ filters.q }} »</template>.</p>
        <ul class="card-list">
          <li v-for="person in people" :key="person.id" class="panel space-card person-card">
            <article :aria-labelledby="'personne-' + person.id">
              <div class="space-card__head">
                <h3 :id="'personne-' + person.id" class="space-card__title" tabindex="-1">{{ person.first_name }} {{ person.last_name }}<span v-if="isMe(person)" class="space-card__me"> (toi)</span></h3>
                <span class="status" :class="toneClass(status(person).tone)"><span class="visually-hidden">Compte : </span>{{ status(person).label }}</span>
              </div>
              <dl class="space-facts">
                <div><dt>E-mail</dt><dd><a :href="'mailto:' + person.email">{{ person.email }}</a></dd></div>
                <div v-if="person.status === 'deleted' || !entityOptions.length"><dt>Entité</dt><dd>{{ entityName(person) }}</dd></div>
                <div><dt>Rôles</dt><dd>{{ roleNames(person) }}</dd></div>
                <div v-if="person.retirement_date"><dt>Départ en retraite</dt><dd>{{ mediumDate(person.retirement_date) }}{{ person.retirement_confirmed ? " (confirmé)" : " (à confirmer)" }}</dd></div>
              </dl>

              <form v-if="person.status !== 'deleted' && entityOptions.length" class="inline-form entity-form" novalidate
                    @submit.prevent="saveEntity(person)">
                <FormField :id="'entite-' + person.id" :label="'Entité de ' + person.first_name + ' ' + person.last_name" type="select"
                           v-model="row(person).entity" :options="entityOptions" :placeholder="person.entity ? '' : 'Choisir une entité'"
                           :error="row(person).entityError" />
                <div class="inline-form__actions">
                  <button type="submit" class="button button--secondary button--small" :disabled="row(person).entityBusy">
                    {{ row(person).entityBusy ? "Enregistrement…" : "Enregistrer l'entité" }}<span class="visually-hidden"> de {{ person.first_name }} {{ person.last_name }}</span></button>
                </div>
              </form>

              <form v-if="person.status !== 'deleted' && person.company" class="inline-form manager-form" novalidate
                    @submit.prevent="saveManager(person)">
                <FormField :id="'manager-' + person.id" :label="'Manager de ' + person.first_name + ' ' + person.last_name" type="email"
                           v-model="row(person).manager" :error="row(person).managerError"
                           hint="Il ou elle valide ses dates de mission : une adresse de l'entreprise. Laisse vide pour n'en enregistrer aucun." />
                <div class="inline-form__actions">
                  <button type="submit" class="button button--secondary button--small" :disabled="row(person).managerBusy">
                    {{ row(person).managerBusy ? "Enregistrement…" : "Enregistrer le manager" }}<span class="visually-hidden"> de {{ person.first_name }} {{ person.last_name }}</span></button>
                </div>
              </form>

              <form v-if="row(person).editing" class="roles-form" @submit.prevent="saveRoles(person)" @keydown.esc="cancel(person)">
                <fieldset :id="'roles-' + person.id" tabindex="-1" class="fieldset">
                  <legend>Rôles de {{ person.first_name }} {{ person.last_name }}</legend>
                  <ul class="choices choices--stacked">
                    <li v-for="entry in GRANTABLE" :key="entry.role">
                      <label><input type="checkbox" :value="entry.role" v-model="row(person).roles"><span>{{ entry.label }} <span class="field__hint">— {{ entry.hint }}</span></span></label>
                    </li>
                  </ul>
                  <p v-if="otherRoles(person).length" class="field__hint">Attribués par l'équipe Tandem (non modifiables ici) :
                    {{ otherRoles(person).map((role) => ROLE_LABELS[role] || role).join(", ") }}.</p>
                </fieldset>
                <div class="inline-form__actions">
                  <button type="submit" class="button button--primary" :disabled="row(person).busy">{{ row(person).busy ? "Enregistrement…" : "Enregistrer les rôles" }}</button>
                  <button type="button" class="button button--secondary" @click="cancel(person)">Annuler</button>
                </div>
              </form>
              <div v-else-if="person.status !== 'deleted'" class="space-card__actions">
                <button :id="'modifier-' + person.id" type="button" class="button button--secondary button--small" @click="edit(person)">
                  Modifier les rôles<span class="visually-hidden"> de {{ person.first_name }} {{ person.last_name }}</span></button>
                <ConfirmButton v-if="person.status !== 'disabled' && !isMe(person)" label="Désactiver le compte" danger small :busy="row(person).busy"
                               :question="'Désactiver le compte de ' + person.first_name + ' ' + person.last_name + ' ? Ses sessions sont fermées tout de suite ; tu pourras le réactiver.'"
                               confirm-label="Oui, désactiver" @confirm="setStatus(person, 'disabled')" />
                <button v-if="person.status === 'disabled'" type="button" class="button button--secondary button--small" :disabled="row(person).busy"
                        @click="setStatus(person, 'active')">Réactiver le compte<span class="visually-hidden"> de {{ person.first_name }} {{ person.last_name }}</span></button>
              </div>
              <div aria-live="polite"><p v-if="row(person).done" class="notice notice--success">{{ row(person).done }}</p></div>
              <p v-if="row(person).error" class="notice notice--error" role="alert">{{ row(person).error }}</p>
            </article>
          </li>
        </ul>
        <Pager :page="page" :total="total" :per-page="PER_PAGE" label="Pages de la liste des personnes" />
      </AsyncState>
      <p v-if="!entityOptions.length" class="field__hint">Ton entreprise n'a pas encore d'entité : crée-les dans l'onglet
        <router-link to="/entreprise/entites">Entités</router-link>, puis rattache chaque personne à la sienne ici.</p>
    </section>
  `,
};
