// INVITATIONS: invite a colleague (an address of the company's domains) as a salarié·e and/or
// responsable de l'engagement, attached to an entity; they receive a link to choose their password.
// Below, the invitations still waiting, each with « Renvoyer l'invitation » (a new link).
import { computed, reactive, ref } from "vue";
import { api } from "/api.js";
import { dateTime, plural } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import { focusSoon, keepFocus } from "../association/spaceKit.js";
import ErrorSummary from "/components/ErrorSummary.js";

const LABELS = { first_name: "Prénom", last_name: "Nom", email: "E-mail professionnel", entity_id: "Entité de rattachement", roles: "Rôles", company_id: "Entreprise" };
const IDS = { first_name: "invitation-prenom", last_name: "invitation-nom", email: "invitation-email", entity_id: "invitation-entite", roles: "invitation-roles" };
const ROLE_CHOICES = [
  { role: "employee", label: "Salarié·e", hint: "trouve des missions et y postule" },
  { role: "company_admin", label: "Responsable de l'engagement", hint: "accède à l'espace entreprise" },
];

export default {
  name: "CompanyInvitations",
  components: { AsyncState, FormField, ErrorSummary },
  props: {
    company: { type: Object, required: true },
  },
  setup(props) {
    const blank = () => ({ first_name: "", last_name: "", email: "", entity_id: "", roles: ["employee"] });
    const form = reactive(blank());
    const sending = ref(false);
    const error = ref(null);
    const sent = ref("");

    const pending = ref([]);
    const pendingTotal = ref(0);
    const pendingLoading = ref(true);
    const pendingError = ref(null);
    const resend = reactive({});

    const fields = computed(() => (error.value && error.value.fields) || {});
    const hasFieldErrors = computed(() => Object.keys(fields.value).length > 0);
    const entityOptions = computed(() => props.company.entities.map((entity) => ({ value: entity.id, label: entity.name })));
    const domains = computed(() => props.company.email_domains.map((domain) => `@${domain}`).join(", "));

    async function loadPending() {
      pendingLoading.value = true;
      pendingError.value = null;
      try {
        const answer = await api.get(`/api/engagement/companies/${encodeURIComponent(props.company.id)}/people`, { status: "invited", per_page: 100 });
        pending.value = answer.items;
        pendingTotal.value = answer.total;
      } catch (caught) {
        pendingError.value = caught;
      } finally {
        pendingLoading.value = false;
      }
    }
    loadPending();

    async function invite(body) {
      return api.post("/api/engagement/invitations", { ...body, company_id: props.company.id });
    }

    async function submit() {
      error.value = null;
      sent.value = "";
      if (!form.roles.length) {
        error.value = { message: "Choisis au moins un rôle.", fields: { roles: "Choisis au moins un rôle." } };
        focusSoon("#invitation-erreurs");
        return;
      }
      sending.value = true;
      try {
        const answer = await invite({
          first_name: form.first_name.trim(),
          last_name: form.last_name.trim(),
          email: form.email.trim(),
          entity_id: form.entity_id || null,
          roles: form.roles,
        });
        sent.value = `Invitation envoyée à ${answer.person.first_name} ${answer.person.last_name} (${answer.person.email}). `
          + `Le lien est valable jusqu'au ${dateTime(answer.expires_at)}.`;
        Object.assign(form, blank());
        loadPending();
        focusSoon("#invitation-envoyee");
      } catch (caught) {
        error.value = caught;
        focusSoon("#invitation-erreurs");
      } finally {
        sending.value = false;
      }
    }

    async function again(person) {
      resend[person.id] = { busy: true, done: "", error: "" };
      try {
        const answer = await invite({
          first_name: person.first_name,
          last_name: person.last_name,
          email: person.email,
          entity_id: person.entity ? person.entity.id : null,
          roles: person.roles,
        });
        resend[person.id] = { busy: false, done: `Nouveau lien envoyé, valable jusqu'au ${dateTime(answer.expires_at)}.`, error: "" };
      } catch (caught) {
        resend[person.id] = { busy: false, done: "", error: caught.message };
      }
      keepFocus(`#renvoyer-${person.id}`);
    }
    const IDLE = Object.freeze({ busy: false, done: "", error: "" });
    const resendState = (person) => resend[person.id] || IDLE;

    return {
      form, sending, error, sent, fields, hasFieldErrors, entityOptions, domains, submit, LABELS, IDS, ROLE_CHOICES,
      pending, pendingTotal, pendingLoading, pendingError, loadPending, again, resendState, plural, dateTime,
    };
  },
  template: `
    <div class="space-section">
      <section class="panel form-panel" aria-labelledby="inviter-titre">
        <h2 id="inviter-titre">Inviter une personne</h2>
        <p class="space-section__intro">La personne reçoit un e-mail avec un lien pour choisir son mot de passe et activer son compte.
          Invite une adresse de ton entreprise ({{ domains }}).</p>
        <div id="invitation-envoyee" tabindex="-1" aria-live="polite"><p v-if="sent" class="notice notice--success">{{ sent }}</p></div>
        <ErrorSummary v-if="error" id="invitation-erreurs" :title="hasFieldErrors ? 'L\\'invitation n\\'est pas partie : vérifie les champs signalés' : 'L\\'invitation n\\'est pas partie'"
                      :detail="hasFieldErrors ? '' : error.message" :errors="fields" :labels="LABELS" :ids="IDS" />
        <form class="form" novalidate @submit.prevent="submit">
          <div class="space-form-row">
            <FormField :id="IDS.first_name" :label="LABELS.first_name" v-model="form.first_name" :maxlength="100" required autocomplete="off" :error="fields.first_name || ''" />
            <FormField :id="IDS.last_name" :label="LABELS.last_name" v-model="form.last_name" :maxlength="100" required autocomplete="off" :error="fields.last_name || ''" />
          </div>
          <FormField :id="IDS.email" :label="LABELS.email" type="email" v-model="form.email" required autocomplete="off" :error="fields.email || ''" />
          <FormField :id="IDS.entity_id" :label="LABELS.entity_id" type="select" v-model="form.entity_id" :options="entityOptions"
                     placeholder="Aucune (la personne la choisira)" :error="fields.entity_id || ''" />
          <fieldset :id="IDS.roles" tabindex="-1" class="fieldset" :aria-describedby="fields.roles ? 'invitation-roles-erreur' : null">
            <legend>Rôles <span aria-hidden="true" class="field__required">*</span></legend>
            <ul class="choices choices--stacked">
              <li v-for="entry in ROLE_CHOICES" :key="entry.role">
                <label><input type="checkbox" :value="entry.role" v-model="form.roles"><span>{{ entry.label }} <span class="field__hint">— {{ entry.hint }}</span></span></label>
              </li>
            </ul>
            <p v-if="fields.roles" id="invitation-roles-erreur" class="field__error"><span aria-hidden="true">⚠ </span>{{ fields.roles }}</p>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Envoi…" : "Envoyer l'invitation" }}</button>
          </div>
        </form>
      </section>

      <section class="space-section" aria-labelledby="invitations-attente-titre">
        <h2 id="invitations-attente-titre">Invitations en attente</h2>
        <AsyncState :loading="pendingLoading" :error="pendingError" :empty="!pending.length" @retry="loadPending"
                    empty-text="Aucune invitation en attente : toutes les personnes invitées ont activé leur compte.">
          <p class="space-section__count">{{ plural(pendingTotal, "invitation") }} en attente.</p>
          <ul class="card-list">
            <li v-for="person in pending" :key="person.id" class="panel space-card">
              <div class="space-card__head">
                <h3 class="space-card__title">{{ person.first_name }} {{ person.last_name }}</h3>
                <button :id="'renvoyer-' + person.id" type="button" class="button button--secondary button--small"
                        :aria-disabled="resendState(person).busy ? 'true' : null" @click="resendState(person).busy || again(person)">
                  {{ resendState(person).busy ? "Envoi…" : "Renvoyer l'invitation" }}<span class="visually-hidden"> à {{ person.first_name }} {{ person.last_name }}</span></button>
              </div>
              <p class="space-card__sub">{{ person.email }}<template v-if="person.entity"> — {{ person.entity.name }}</template> — invitation du {{ dateTime(person.created_at) }}</p>
              <div aria-live="polite"><p v-if="resendState(person).done" class="notice notice--success">{{ resendState(person).done }}</p></div>
              <p v-if="resendState(person).error" class="notice notice--error" role="alert">{{ resendState(person).error }}</p>
            </li>
          </ul>
        </AsyncState>
      </section>
    </div>
  `,
};
