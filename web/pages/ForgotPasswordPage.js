// « Mot de passe oublié ? »: POST /api/engagement/password-resets. The answer is the same whether an
// account exists for the address or not, and so is this page.
import { ref, reactive } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import FormField from "/components/FormField.js";
import { DevMailHint, requiredErrors, focusErrors, focusHeading } from "./SignUpPage.js";
import ErrorSummary from "/components/ErrorSummary.js";

const LABELS = { email: "E-mail" };
const IDS = { email: "oubli-email" };

export default {
  name: "ForgotPasswordPage",
  components: { FormField, ErrorSummary, DevMailHint },
  setup() {
    const route = useRoute();
    const form = reactive({ email: typeof route.query.email === "string" ? route.query.email : "" });
    const errors = ref({});
    const summary = ref("");
    const sending = ref(false);
    const sent = ref("");

    async function submit() {
      summary.value = "";
      const local = requiredErrors(form, ["email"]);
      if (Object.keys(local).length) {
        errors.value = local;
        summary.value = "Renseigne ton adresse e-mail.";
        focusErrors();
        return;
      }
      errors.value = {};
      sending.value = true;
      try {
        const answer = await api.post("/api/engagement/password-resets", { email: form.email.trim() });
        sent.value = (answer && answer.detail) || "Si un compte existe pour cette adresse, tu vas recevoir un e-mail avec un lien pour choisir un nouveau mot de passe.";
        focusHeading();
      } catch (failure) {
        errors.value = failure.fields || {};
        summary.value = failure.message;
        focusErrors();
      } finally {
        sending.value = false;
      }
    }

    function again() {
      sent.value = "";
      focusHeading();
    }

    return { form, errors, summary, sending, sent, submit, again, LABELS, IDS };
  },
  template: `
    <div class="page page--narrow auth-page">
      <template v-if="sent">
        <h1>Vérifie ta boîte mail</h1>
        <p class="notice notice--success" role="status">{{ sent }}</p>
        <p>Le lien n'est valable que peu de temps et une seule fois. Tu ne le trouves pas ? Regarde dans tes courriers
          indésirables, ou <button type="button" class="link-button" @click="again">demande un nouveau lien</button>.</p>
        <DevMailHint />
        <p><router-link to="/connexion">Retour à la connexion</router-link></p>
      </template>
      <template v-else>
        <h1>Mot de passe oublié ?</h1>
        <p class="lead">Renseigne l'adresse e-mail de ton compte : nous t'envoyons un lien pour choisir un nouveau mot de passe.</p>
        <ErrorSummary v-if="summary" :title="summary" :errors="errors" :labels="LABELS" :ids="IDS" />
        <form class="form panel auth-form" novalidate @submit.prevent="submit">
          <FormField :id="IDS.email" label="E-mail" type="email" v-model="form.email" autocomplete="email" inputmode="email"
                     required :error="errors.email || ''" />
          <div class="form-actions">
            <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Envoi…" : "Recevoir un lien" }}</button>
            <router-link to="/connexion">Retour à la connexion</router-link>
          </div>
        </form>
      </template>
    </div>
  `,
};
