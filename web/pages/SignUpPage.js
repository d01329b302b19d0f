// « Créer un compte » (POST /api/engagement/accounts), then « Vérifie ta boîte mail ».
//
// The professional address decides the company: once it is typed, GET /api/engagement/signup-options
// gives the company, its entities (« Indique ton entité de rattachement ») and whether it uses SSO.
//
// This module also exports the pieces the other account pages share (log-in, verification,
// password reset, invitation), so they stay in the accounts-pages files:
//   PASSWORD_RULE, PasswordFields, ResendVerification, DevMailHint,
//   safeRedirect(suite), homeFor(user), requiredErrors(values, names), focusHeading(), focusErrors()
import { ref, reactive, computed, watch, nextTick, onMounted } from "vue";
import { api, ApiError } from "/api.js";
import { session, displayName } from "/session.js";
import FormField from "/components/FormField.js";
import ErrorSummary from "/components/ErrorSummary.js";

// The guide's rule (tutoiement): the API applies the same one.
export const PASSWORD_RULE =
  "Entre 12 et 128 caractères, tous les caractères imprimables autorisés (espaces, accents et émojis compris). Évite les mots courants et les informations personnelles.";

export const REQUIRED = "Ce champ est obligatoire.";
export const MISMATCH = "Les deux mots de passe ne sont pas identiques.";
export const CONSENT_NEEDED = "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.";

// Only an in-app path may follow a log-in (never another site: « //evil.example » or « https:… »).
export function safeRedirect(suite) {
  const value = Array.isArray(suite) ? suite[0] : suite;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "";
  if (/^\/(connexion|inscription|mot-de-passe|invitation)(\/|\?|$)/.test(value)) return "";
  return value;
}

// Where someone lands after logging in when no page asked for it.
export function homeFor(user) {
  const roles = (user && user.roles) || [];
  if (roles.includes("employee")) return "/mon-compte";
  if (roles.includes("association_referent")) return "/association";
  if (roles.includes("company_admin")) return "/entreprise";
  return "/";
}

// {field: "Ce champ est obligatoire."} for every empty value whose name is in `labels`.
export function requiredErrors(values, names) {
  const errors = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null || value === false || String(value).trim() === "") errors[name] = REQUIRED;
  }
  return errors;
}

// After a page changes state (form sent, link confirmed), screen readers hear the new heading.
export function focusHeading() {
  nextTick(() => {
    const heading = document.querySelector("#contenu h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
}

// After a refused form: the focus onto the ErrorSummary (web/components/ErrorSummary.js) shown above it.
export function focusErrors() {
  nextTick(() => {
    const summary = document.querySelector("#contenu .error-summary");
    if (summary) {
      summary.focus();
      summary.scrollIntoView({ block: "nearest" });
    }
  });
}

// « Mot de passe » + « Répéter le mot de passe », the rule, and a « show » toggle (typing a long
// password without seeing it is hard; nothing is hidden from the person at the keyboard).
export const PasswordFields = {
  name: "PasswordFields",
  components: { FormField },
  props: {
    password: { type: String, default: "" },
    confirmation: { type: String, default: "" },
    errors: { type: Object, default: () => ({}) },
    idPrefix: { type: String, required: true },
    label: { type: String, default: "Mot de passe" },
  },
  emits: ["update:password", "update:confirmation"],
  setup() {
    const visible = ref(false);
    return { visible, PASSWORD_RULE };
  },
  template: `
    <div class="password-fields">
      <FormField :id="idPrefix + '-mot-de-passe'" :label="label" :type="visible ? 'text' : 'password'" required
                 autocomplete="new-password" :hint="PASSWORD_RULE" :maxlength="128" :error="errors.password || ''"
                 :model-value="password" @update:model-value="$emit('update:password', $event)" />
      <FormField :id="idPrefix + '-confirmation'" label="Répéter le mot de passe" :type="visible ? 'text' : 'password'" required
                 autocomplete="new-password" :maxlength="128" :error="errors.password_confirmation || ''"
                 :model-value="confirmation" @update:model-value="$emit('update:confirmation', $event)" />
      <FormField :id="idPrefix + '-afficher'" type="checkbox" label="Afficher les mots de passe" v-model="visible" />
    </div>
  `,
};

// In the embedded mode only (the development mailbox answers), a link to read the e-mail we just sent.
const devMail = ref(null);
function checkDevMail() {
  if (devMail.value !== null) return;
  devMail.value = false;
  fetch("/dev/mail.json", { method: "HEAD", credentials: "same-origin" })
    .then((response) => {
      devMail.value = response.ok;
    })
    .catch(() => {
      devMail.value = false;
    });
}

export const DevMailHint = {
  name: "DevMailHint",
  setup() {
    checkDevMail();
    return { devMail };
  },
  template: `
    <p v-if="devMail" class="notice notice--info dev-hint">
      Mode démonstration : les e-mails ne partent pas vraiment, ils arrivent dans la
      <a href="/dev/mail" target="_blank" rel="noopener">boîte mail de développement<span class="visually-hidden"> (nouvel onglet)</span></a>.
    </p>
  `,
};

// « Recevoir un nouveau lien » for the e-mail verification (POST /api/engagement/email-verifications:
// the same answer whether the address waits for a verification or not).
export const ResendVerification = {
  name: "ResendVerification",
  components: { FormField },
  props: {
    email: { type: String, default: "" },
    askEmail: { type: Boolean, default: false }, // show the address field (when the page does not know it)
    idPrefix: { type: String, default: "renvoi" },
  },
  setup(props) {
    const address = ref(props.email);
    const sending = ref(false);
    const sent = ref("");
    const error = ref(null);
    watch(() => props.email, (value) => {
      address.value = value;
    });
    async function resend() {
      error.value = null;
      sent.value = "";
      if (!address.value.trim()) {
        error.value = new ApiError(422, "Renseigne ton adresse e-mail.", { fields: { email: REQUIRED } });
        return;
      }
      sending.value = true;
      try {
        const answer = await api.post("/api/engagement/email-verifications", { email: address.value.trim() });
        sent.value = (answer && answer.detail) || "Si cette adresse attend une vérification, un nouveau lien vient de partir.";
      } catch (failure) {
        error.value = failure;
      } finally {
        sending.value = false;
      }
    }
    const emailError = computed(() => (error.value && error.value.fields && error.value.fields.email) || "");
    const generalError = computed(() => (error.value && !emailError.value ? error.value.message : ""));
    return { address, sending, sent, resend, emailError, generalError };
  },
  template: `
    <form class="resend stack" novalidate @submit.prevent="resend">
      <FormField v-if="askEmail" :id="idPrefix + '-email'" label="Ton adresse e-mail" type="email" autocomplete="email"
                 v-model="address" :error="emailError" required />
      <p v-else-if="emailError" class="field__error">{{ emailError }}</p>
      <div class="form-actions">
        <button type="submit" class="button button--secondary" :disabled="sending" :aria-disabled="sending ? 'true' : null">
          {{ sending ? "Envoi…" : "Recevoir un nouveau lien" }}
        </button>
      </div>
      <div role="status">
        <p v-if="sent" class="notice notice--success">{{ sent }}</p>
      </div>
      <p v-if="generalError" class="notice notice--error" role="alert">{{ generalError }}</p>
    </form>
  `,
};

const LABELS = {
  first_name: "Prénom",
  last_name: "Nom",
  email: "E-mail",
  password: "Mot de passe",
  password_confirmation: "Répéter le mot de passe",
  entity_id: "Entité de rattachement",
  consent: "Utilisation de tes données personnelles",
};
const IDS = {
  first_name: "inscription-prenom",
  last_name: "inscription-nom",
  email: "inscription-email",
  password: "inscription-mot-de-passe",
  password_confirmation: "inscription-confirmation",
  entity_id: "inscription-entite",
  consent: "inscription-consentement",
};
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default {
  name: "SignUpPage",
  components: { FormField, PasswordFields, ErrorSummary, ResendVerification, DevMailHint },
  setup() {
    const form = reactive({
      first_name: "",
      last_name: "",
      email: "",
      password: "",
      password_confirmation: "",
      entity_id: "",
      consent: false,
    });
    const errors = ref({});
    const summary = ref("");
    const sending = ref(false);
    const sentMessage = ref("");
    const sentTo = ref("");

    // What the address says: the company, its entities, SSO.
    const options = ref(null);
    const optionsLoading = ref(false);
    let optionsFor = "";
    let optionsTimer = null;

    let lookup = 0; // only the answer for the latest address counts

    // While typing the lookup is quiet (no error for « camille@horizon.ex »); leaving the field shows it.
    async function loadOptions(loud = true) {
      const email = form.email.trim();
      const key = email.toLowerCase();
      if (!LOOKS_LIKE_EMAIL.test(email)) {
        lookup += 1;
        options.value = null;
        optionsFor = "";
        optionsLoading.value = false;
        return;
      }
      if (key === optionsFor && (options.value || !loud)) return;
      optionsFor = key;
      const mine = ++lookup;
      optionsLoading.value = true;
      try {
        const answer = await api.get("/api/engagement/signup-options", { email });
        if (mine !== lookup) return;
        options.value = answer;
        const { email: _dropped, ...rest } = errors.value;
        errors.value = rest;
        if (!answer.entities.some((entity) => entity.id === form.entity_id)) {
          form.entity_id = answer.entities.length === 1 ? answer.entities[0].id : "";
        }
      } catch (failure) {
        if (mine !== lookup) return;
        options.value = null;
        optionsFor = "";
        form.entity_id = "";
        if (loud) errors.value = { ...errors.value, email: (failure.fields && failure.fields.email) || failure.message };
      } finally {
        if (mine === lookup) optionsLoading.value = false;
      }
    }

    watch(() => form.email, () => {
      clearTimeout(optionsTimer);
      optionsTimer = setTimeout(() => loadOptions(false), 600);
    });
    function onEmailBlur() {
      clearTimeout(optionsTimer);
      loadOptions();
    }

    const entityOptions = computed(() => (options.value ? options.value.entities.map((entity) => ({ value: entity.id, label: entity.name })) : []));
    const entityPlaceholder = computed(() => (options.value ? "Choisis ton entité" : "Renseigne d'abord ton adresse e-mail professionnelle"));
    const usesSso = computed(() => Boolean(options.value && options.value.uses_sso));

    async function submit() {
      summary.value = "";
      const local = requiredErrors(form, ["first_name", "last_name", "email", "password", "password_confirmation", "entity_id", "consent"]);
      if (!local.password_confirmation && form.password !== form.password_confirmation) local.password_confirmation = MISMATCH;
      if (local.entity_id && options.value) local.entity_id = "Choisis ton entité de rattachement dans la liste.";
      if (local.consent) local.consent = CONSENT_NEEDED;
      if (errors.value.email && !local.email && !options.value) local.email = errors.value.email;
      if (Object.keys(local).length) {
        errors.value = local;
        summary.value = "Certaines données sont invalides : vérifie les champs signalés.";
        focusErrors();
        return;
      }
      errors.value = {};
      sending.value = true;
      try {
        const answer = await api.post("/api/engagement/accounts", {
          first_name: form.first_name.trim(),
          last_name: form.last_name.trim(),
          email: form.email.trim(),
          password: form.password,
          password_confirmation: form.password_confirmation,
          entity_id: form.entity_id,
          consent: form.consent,
        });
        sentTo.value = form.email.trim();
        sentMessage.value = (answer && answer.detail) || "Ton compte est créé : clique sur le lien que nous venons de t'envoyer par e-mail pour finaliser ton inscription.";
        form.password = "";
        form.password_confirmation = "";
        focusHeading();
      } catch (failure) {
        errors.value = (failure && failure.fields) || {};
        summary.value = failure.message;
        focusErrors();
      } finally {
        sending.value = false;
      }
    }

    onMounted(() => {
      if (form.email) loadOptions();
    });

    return {
      session, displayName, form, errors, summary, sending, sentMessage, sentTo,
      options, optionsLoading, entityOptions, entityPlaceholder, usesSso,
      onEmailBlur, submit, LABELS, IDS,
    };
  },
  template: `
    <div class="page page--narrow auth-page">
      <template v-if="sentMessage">
        <h1>Vérifie ta boîte mail</h1>
        <div class="notice notice--success" role="status">
          <p>{{ sentMessage }}</p>
          <p>Nous l'avons envoyé à <strong class="auth-page__email">{{ sentTo }}</strong>.</p>
        </div>
        <DevMailHint />
        <section class="section" aria-labelledby="inscription-pas-recu">
          <h2 id="inscription-pas-recu">Tu ne trouves pas l'e-mail ?</h2>
          <p>Regarde dans tes courriers indésirables. Tu peux aussi recevoir un nouveau lien : il remplace le précédent.</p>
          <ResendVerification :email="sentTo" id-prefix="inscription-renvoi" />
        </section>
        <section class="section" aria-labelledby="inscription-ensuite">
          <h2 id="inscription-ensuite">Et ensuite ?</h2>
          <p>Une fois ton adresse confirmée, connecte-toi et renseigne tes <strong>préférences de mission</strong> :
            tu verras les missions qui sont pour toi et pourras créer ton alerte e-mail.</p>
          <p><router-link class="button button--primary" :to="{ path: '/connexion', query: { email: sentTo } }">Se connecter</router-link></p>
        </section>
      </template>

      <template v-else>
        <h1>Créer un compte</h1>
        <p class="lead">Complète le formulaire pour créer ton compte.</p>

        <p v-if="session.user" class="notice notice--info">
          Tu es déjà connecté·e en tant que {{ displayName() }}.
          <router-link to="/mon-compte">Aller à « Mon compte »</router-link>
        </p>

        <div class="notice notice--info">
          <ul>
            <li>Renseigne bien ton adresse e-mail <strong>professionnelle</strong>.</li>
            <li>Conserve ton mot de passe.</li>
          </ul>
        </div>

        <ErrorSummary v-if="summary" :title="summary" :errors="errors" :labels="LABELS" :ids="IDS" />

        <form class="form panel auth-form" novalidate @submit.prevent="submit">
          <p class="field__hint">Les champs marqués d'un <span aria-hidden="true">*</span><span class="visually-hidden">astérisque</span> sont obligatoires.</p>
          <div>
            <FormField :id="IDS.first_name" label="Prénom" v-model="form.first_name" autocomplete="given-name" :maxlength="100"
                       required :error="errors.first_name || ''" />
            <FormField :id="IDS.last_name" label="Nom" v-model="form.last_name" autocomplete="family-name" :maxlength="100"
                       required :error="errors.last_name || ''" />
          </div>
          <FormField :id="IDS.email" label="E-mail" required
                     hint="Renseigne ton adresse e-mail professionnelle : elle te rattache à ton entreprise."
                     :error="errors.email || ''">
            <template #default="{ id, describedby, invalid }">
              <input :id="id" class="field__control" type="email" v-model="form.email" autocomplete="email" required
                     inputmode="email" spellcheck="false" :aria-describedby="describedby" :aria-invalid="invalid" @blur="onEmailBlur">
            </template>
          </FormField>
          <p class="auth-form__company" aria-live="polite">
            <template v-if="optionsLoading">Recherche de ton entreprise…</template>
            <template v-else-if="options">Entreprise : <strong>{{ options.company_name }}</strong></template>
          </p>
          <div v-if="usesSso" class="notice notice--info" role="status">
            <p><strong>{{ options.company_name }}</strong> utilise un accès SSO : la connexion se fait directement avec ton compte
              d'entreprise, tu n'as pas besoin de créer de compte ici.</p>
          </div>
          <template v-else>
            <PasswordFields id-prefix="inscription" v-model:password="form.password" v-model:confirmation="form.password_confirmation"
                            :errors="errors" />
            <FormField :id="IDS.entity_id" label="Indique ton entité de rattachement" type="select" v-model="form.entity_id" required
                       :options="entityOptions" :placeholder="entityPlaceholder" :disabled="!options"
                       :error="errors.entity_id || ''" />
            <FormField :id="IDS.consent" type="checkbox" v-model="form.consent" required :error="errors.consent || ''"
                       label="J'autorise l'utilisation de mes données personnelles demandées lors de l'inscription pour le seul et unique usage de la plateforme Tandem dédiée au mécénat de compétences." />
            <div class="form-actions">
              <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Inscription…" : "S'inscrire" }}</button>
            </div>
          </template>
        </form>
        <p class="section__more">Tu as déjà un compte ? <router-link to="/connexion">Se connecter</router-link></p>
      </template>
    </div>
  `,
};
