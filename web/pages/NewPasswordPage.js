// The reset e-mail's link: /mot-de-passe/nouveau/:secret → POST /api/engagement/password-resets/{secret}.
// Success closes every open session (the API revokes them), so the session is reloaded here too.
import { ref, reactive } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import { loadSession } from "/session.js";
import { PasswordFields, requiredErrors, focusErrors, focusHeading, MISMATCH } from "./SignUpPage.js";
import ErrorSummary from "/components/ErrorSummary.js";

const LABELS = { password: "Nouveau mot de passe", password_confirmation: "Répéter le mot de passe" };
const IDS = { password: "nouveau-mot-de-passe", password_confirmation: "nouveau-confirmation" };

export default {
  name: "NewPasswordPage",
  components: { ErrorSummary, PasswordFields },
  setup() {
    const route = useRoute();
    const form = reactive({ password: "", password_confirmation: "" });
    const errors = ref({});
    const summary = ref("");
    const sending = ref(false);
    const done = ref("");
    const linkProblem = ref("");

    async function submit() {
      summary.value = "";
      const local = requiredErrors(form, ["password", "password_confirmation"]);
      if (!local.password_confirmation && form.password !== form.password_confirmation) local.password_confirmation = MISMATCH;
      if (Object.keys(local).length) {
        errors.value = local;
        summary.value = "Certaines données sont invalides : vérifie les champs signalés.";
        focusErrors();
        return;
      }
      errors.value = {};
      sending.value = true;
      try {
        const answer = await api.post(`/api/engagement/password-resets/${encodeURIComponent(route.params.secret)}`, {
          password: form.password,
          password_confirmation: form.password_confirmation,
        });
        done.value = (answer && answer.detail) || "Ton mot de passe est changé : connecte-toi avec le nouveau.";
        form.password = "";
        form.password_confirmation = "";
        loadSession({ force: true });
        focusHeading();
      } catch (failure) {
        if ([404, 410].includes(failure.status)) {
          linkProblem.value = failure.message;
          focusHeading();
        } else {
          errors.value = failure.fields || {};
          summary.value = failure.message;
          focusErrors();
        }
      } finally {
        sending.value = false;
      }
    }

    return { form, errors, summary, sending, done, linkProblem, submit, LABELS, IDS };
  },
  template: `
    <div class="page page--narrow auth-page">
      <template v-if="done">
        <h1>Ton mot de passe est changé</h1>
        <p class="notice notice--success" role="status">{{ done }}</p>
        <p>Par sécurité, toutes tes sessions ouvertes ont été fermées, sur tous tes appareils.</p>
        <p><router-link class="button button--primary" to="/connexion">Se connecter</router-link></p>
      </template>
      <template v-else-if="linkProblem">
        <h1>Ce lien ne fonctionne plus</h1>
        <p class="notice notice--error">{{ linkProblem }}</p>
        <p>Chaque lien ne sert qu'une fois, pendant peu de temps, et seul le dernier reçu fonctionne.</p>
        <p><router-link class="button button--primary" to="/mot-de-passe/oublie">Demander un nouveau lien</router-link></p>
      </template>
      <template v-else>
        <h1>Choisis un nouveau mot de passe</h1>
        <p class="lead">Conserve-le bien : il remplacera l'ancien, et toutes tes sessions ouvertes seront fermées.</p>
        <ErrorSummary v-if="summary" :title="summary" :errors="errors" :labels="LABELS" :ids="IDS" />
        <form class="form panel auth-form" novalidate @submit.prevent="submit">
          <PasswordFields id-prefix="nouveau" label="Nouveau mot de passe" v-model:password="form.password"
                          v-model:confirmation="form.password_confirmation" :errors="errors" />
          <div class="form-actions">
            <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Enregistrement…" : "Enregistrer mon mot de passe" }}</button>
          </div>
        </form>
      </template>
    </div>
  `,
};
