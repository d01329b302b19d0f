// POLITIQUE: the allowance policy (days of skills-based sponsorship per person and civil year; the
// end-of-career sponsorship, one day a week in the twelve months before retirement) and the legal
// identity the conventions quote (« L'entreprise X, dont le siège social est à …, RCS …, représentée
// par …, en qualité de … »). Two forms, each saving only its own fields. The policy also says whether an employee
// may have their dates validated by another manager of the company than the recorded one, and the requests sent
// so are listed (GET …/companies/{id}/other-manager-requests).
import { computed, reactive, ref } from "vue";
import { api } from "/api.js";
import { mediumDate, number } from "/format.js";
import FormField from "/components/FormField.js";
import { focusSoon } from "../association/spaceKit.js";

const OTHER_MANAGER_CHOICES = [
  { value: "allowed_notify_admin", label: "Autorisé, et je suis prévenu·e par e-mail" },
  { value: "allowed", label: "Autorisé, sans me prévenir" },
  { value: "refused", label: "Refusé : seul le manager enregistré valide les dates" },
];
const REQUEST_STATUS = { pending: "en attente", approved: "acceptée", refused: "refusée", cancelled: "annulée" };

const IDENTITY_FIELDS = ["name", "head_office_address", "siren", "rcs", "representative_name", "representative_title"];

export default {
  name: "CompanyPolicy",
  components: { FormField },
  props: {
    company: { type: Object, required: true },
  },
  emits: ["updated"],
  setup(props, { emit }) {
    const policy = reactive({ days_per_year: "", end_of_career_enabled: false, other_manager_policy: "allowed_notify_admin" });
    // Requests sent to someone other than the person's recorded manager (who then decides them).
    const others = ref({ items: [], total: 0 });
    const othersError = ref(null);
    async function loadOthers() {
      othersError.value = null;
      try {
        others.value = await api.get(`/api/engagement/companies/${encodeURIComponent(props.company.id)}/other-manager-requests`, { per_page: 50 });
      } catch (caught) {
        othersError.value = caught;
      }
    }
    loadOthers();
    const identity = reactive(Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, ""])));
    const state = reactive({
      policy: { busy: false, error: null, done: "" },
      identity: { busy: false, error: null, done: "" },
    });

    // Each form is refilled only from its own answer, so saving one keeps what is being typed in the other.
    function fillPolicy(company) {
      policy.days_per_year = number(company.days_per_year);
      policy.end_of_career_enabled = company.end_of_career_enabled;
      policy.other_manager_policy = company.other_manager_policy || "allowed_notify_admin";
    }
    function fillIdentity(company) {
      for (const field of IDENTITY_FIELDS) identity[field] = company[field] || "";
    }
    fillPolicy(props.company);
    fillIdentity(props.company);

    // « 1,5 » as well as « 1.5 »; anything else is left for the API to refuse.
    function parseDays(text) {
      const cleaned = String(text).trim().replace(/\s/g, "").replace(",", ".");
      return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
    }

    async function save(which) {
      const current = state[which];
      current.busy = true;
      current.error = null;
      current.done = "";
      let body;
      if (which === "policy") {
        const daysPerYear = parseDays(policy.days_per_year);
        if (daysPerYear === null) {
          current.error = { message: "Indique un nombre de jours, par exemple 2 ou 1,5.", fields: { days_per_year: "Indique un nombre de jours, par exemple 2 ou 1,5." } };
          current.busy = false;
          focusSoon("#politique-days-per-year");
          return;
        }
        body = { days_per_year: daysPerYear, end_of_career_enabled: policy.end_of_career_enabled, other_manager_policy: policy.other_manager_policy };
      } else {
        body = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, identity[field].trim()]));
      }
      try {
        const company = await api.patch(`/api/engagement/companies/${encodeURIComponent(props.company.id)}`, body);
        if (which === "policy") fillPolicy(company);
        else fillIdentity(company);
        emit("updated", company);
        current.done = which === "policy" ? "La politique de mécénat est enregistrée." : "L'identité de l'entreprise est enregistrée ; les prochaines conventions la reprendront.";
        focusSoon(`#${which}-ok`);
      } catch (caught) {
        current.error = caught;
        const first = Object.keys(caught.fields || {})[0];
        focusSoon(first ? `#${which === "policy" ? "politique" : "identite"}-${first.replace(/_/g, "-")}` : `#${which}-erreur`);
      } finally {
        current.busy = false;
      }
    }

    const fieldError = (which, field) => (state[which].error && state[which].error.fields && state[which].error.fields[field]) || "";
    const generalError = (which) => {
      const error = state[which].error;
      return error && !Object.keys(error.fields || {}).length ? error.message : "";
    };
    const preview = computed(() =>
      `L'entreprise ${identity.name || "…"}, dont le siège social est à ${identity.head_office_address || "…"}, ${identity.rcs || "RCS …"}, `
      + `et représentée par ${identity.representative_name || "…"}, en qualité de ${identity.representative_title || "…"}.`);

    return { policy, identity, state, save, fieldError, generalError, preview, others, othersError, OTHER_MANAGER_CHOICES, REQUEST_STATUS,
      mediumDate };
  },
  template: `
    <div class="space-section">
      <section class="panel form-panel" aria-labelledby="politique-titre">
        <h2 id="politique-titre">Politique de mécénat</h2>
        <form class="form" novalidate @submit.prevent="save('policy')">
          <FormField id="politique-days-per-year" label="Jours de mécénat par collaborateur et par année civile" v-model="policy.days_per_year"
                     inputmode="decimal" required :error="fieldError('policy', 'days_per_year')"
                     hint="De 0,5 à 10, par demi-journée. Le guide prévoit 1 à 2 jours par an ; 2 par défaut. Une journée compte 1, une demi-journée 0,5." />
          <FormField id="politique-end-of-career-enabled" label="Mécénat fin de carrière : 1 jour par semaine pour les collaborateurs à un an de la retraite"
                     type="checkbox" v-model="policy.end_of_career_enabled" :error="fieldError('policy', 'end_of_career_enabled')"
                     hint="Le collaborateur indique sa date de départ dans son profil ; tu la confirmes dans l'onglet « Fin de carrière »." />
          <FormField id="politique-other-manager-policy" label="Un collaborateur peut-il faire valider ses dates par un autre manager que celui enregistré ?"
                     type="select" v-model="policy.other_manager_policy" :options="OTHER_MANAGER_CHOICES" :error="fieldError('policy', 'other_manager_policy')"
                     hint="Toujours à une adresse de l'entreprise. Le manager de chaque collaborateur s'enregistre dans l'onglet « Personnes »." />
          <div id="policy-erreur" tabindex="-1">
            <p v-if="generalError('policy')" class="notice notice--error" role="alert">{{ generalError('policy') }}</p>
          </div>
          <div id="policy-ok" tabindex="-1" aria-live="polite"><p v-if="state.policy.done" class="notice notice--success">{{ state.policy.done }}</p></div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" :disabled="state.policy.busy">{{ state.policy.busy ? "Enregistrement…" : "Enregistrer la politique" }}</button>
          </div>
        </form>
      </section>

      <section class="panel" aria-labelledby="autres-managers-titre">
        <h2 id="autres-managers-titre">Demandes envoyées à un autre manager</h2>
        <p class="space-section__intro">Les demandes de dates qu'un collaborateur a envoyées à quelqu'un d'autre que son manager
          enregistré : c'est cette personne qui les accepte ou les refuse.</p>
        <p v-if="othersError" class="notice notice--error" role="alert">{{ othersError.message }}</p>
        <p v-else-if="!others.items.length" class="muted">Aucune demande envoyée à un autre manager.</p>
        <ul v-else class="other-manager-requests">
          <li v-for="request in others.items" :key="request.id" class="other-manager-request">
            <strong>{{ request.person.name }}</strong> → {{ request.manager_email }}
            <span class="muted">(manager enregistré : {{ request.recorded_manager_email || "aucun" }})</span> —
            « {{ request.mission_title }} », {{ request.dates.map((d) => d.label).join(", ") }} —
            demande du {{ mediumDate(request.requested_at) }}, {{ REQUEST_STATUS[request.status] || request.status }}<template
              v-if="request.decided_at"> le {{ mediumDate(request.decided_at) }}</template>
          </li>
        </ul>
      </section>

      <section class="panel form-panel" aria-labelledby="identite-titre">
        <h2 id="identite-titre">Identité légale de l'entreprise</h2>
        <p class="space-section__intro">Les conventions de mécénat de compétences reprennent ces informations : vérifie-les avant
          que tes collaborateurs signent.</p>
        <form class="form" novalidate @submit.prevent="save('identity')">
          <FormField id="identite-name" label="Raison sociale" v-model="identity.name" :maxlength="200" required autocomplete="organization" :error="fieldError('identity', 'name')" />
          <FormField id="identite-head-office-address" label="Adresse du siège social" v-model="identity.head_office_address" :maxlength="500" required
                     :error="fieldError('identity', 'head_office_address')" />
          <div class="space-form-row">
            <FormField id="identite-siren" label="SIREN" v-model="identity.siren" inputmode="numeric" :maxlength="9" required
                       :error="fieldError('identity', 'siren')" hint="9 chiffres, sans espace." />
            <FormField id="identite-rcs" label="RCS" v-model="identity.rcs" :maxlength="200" required :error="fieldError('identity', 'rcs')"
                       hint="Par exemple : « RCS Lyon 512 345 678 »." />
          </div>
          <div class="space-form-row">
            <FormField id="identite-representative-name" label="Représentée par (nom)" v-model="identity.representative_name" :maxlength="200" required
                       :error="fieldError('identity', 'representative_name')" hint="Prénom et nom de la personne qui engage l'entreprise." />
            <FormField id="identite-representative-title" label="En qualité de" v-model="identity.representative_title" :maxlength="200" required
                       :error="fieldError('identity', 'representative_title')" hint="Par exemple : « Responsable de l'engagement »." />
          </div>
          <div class="convention-preview">
            <p class="convention-preview__label">Dans la convention :</p>
            <p class="convention-preview__text">{{ preview }}</p>
          </div>
          <dl class="definition-list domains">
            <dt>Domaines d'e-mail</dt>
            <dd>{{ company.email_domains.join(", ") || "aucun" }}
              <span class="field__hint">— seule l'équipe Tandem les modifie : écris-lui via « <router-link to="/support">Contacter le support</router-link> ».</span></dd>
          </dl>
          <div id="identity-erreur" tabindex="-1">
            <p v-if="generalError('identity')" class="notice notice--error" role="alert">{{ generalError('identity') }}</p>
          </div>
          <div id="identity-ok" tabindex="-1" aria-live="polite"><p v-if="state.identity.done" class="notice notice--success">{{ state.identity.done }}</p></div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" :disabled="state.identity.busy">{{ state.identity.busy ? "Enregistrement…" : "Enregistrer l'identité" }}</button>
          </div>
        </form>
      </section>
    </div>
  `,
};
