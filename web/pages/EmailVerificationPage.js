// The sign-up e-mail's link: /inscription/verification/:secret. Opening the page changes nothing
// (mail scanners open links too); « Confirmer mon adresse » posts the secret
// (POST /api/engagement/email-verifications/{secret}). A used, expired or mangled link says so and
// offers a new one (POST /api/engagement/email-verifications).
import { ref, computed } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import { session } from "/session.js";
import { ResendVerification, focusHeading } from "./SignUpPage.js";

export default {
  name: "EmailVerificationPage",
  components: { ResendVerification },
  setup() {
    const route = useRoute();
    const sending = ref(false);
    const confirmed = ref("");
    const failure = ref(null);

    const linkProblem = computed(() => failure.value && [404, 410].includes(failure.value.status));
    const alreadyUsed = computed(() => failure.value && failure.value.status === 410 && /utilisé/.test(failure.value.message));

    async function confirm() {
      sending.value = true;
      failure.value = null;
      try {
        const answer = await api.post(`/api/engagement/email-verifications/${encodeURIComponent(route.params.secret)}`);
        confirmed.value = (answer && answer.detail) || "Ton adresse e-mail est confirmée : tu peux te connecter.";
        focusHeading();
      } catch (error) {
        failure.value = error;
        if ([404, 410].includes(error.status)) focusHeading();
      } finally {
        sending.value = false;
      }
    }

    const nextStep = { path: "/connexion", query: { suite: "/mon-compte/preferences" } };
    return { session, sending, confirmed, failure, linkProblem, alreadyUsed, confirm, nextStep };
  },
  template: `
    <div class="page page--narrow auth-page">
      <template v-if="confirmed">
        <h1>Ton adresse e-mail est confirmée</h1>
        <p class="notice notice--success" role="status">{{ confirmed }}</p>
        <p>Une fois connecté·e, renseigne tes <strong>préférences de mission</strong>, modifiables à tout moment :
          tu verras les missions qui sont pour toi et pourras créer ton alerte e-mail.</p>
        <p>
          <router-link v-if="!session.user" class="button button--primary" :to="nextStep">Se connecter</router-link>
          <router-link v-else class="button button--primary" to="/mon-compte/preferences">Renseigner mes préférences</router-link>
        </p>
      </template>

      <template v-else-if="linkProblem">
        <h1>Ce lien ne fonctionne plus</h1>
        <p class="notice notice--error">{{ failure.message }}</p>
        <p v-if="alreadyUsed">Si tu as déjà confirmé ton adresse, tu peux simplement
          <router-link to="/connexion">te connecter</router-link>.</p>
        <h2>Recevoir un nouveau lien</h2>
        <p>Renseigne l'adresse e-mail de ton inscription : si elle attend encore une confirmation, un nouveau lien part
          aussitôt. Seul le dernier lien reçu fonctionne.</p>
        <ResendVerification ask-email id-prefix="verification-renvoi" />
      </template>

      <template v-else>
        <h1>Confirme ton adresse e-mail</h1>
        <p>Dernière étape de ton inscription : confirme que cette adresse e-mail est bien la tienne.</p>
        <p v-if="failure" class="notice notice--error" role="alert">{{ failure.message }}</p>
        <div class="form-actions">
          <button type="button" class="button button--primary" :disabled="sending" @click="confirm">
            {{ sending ? "Confirmation…" : "Confirmer mon adresse" }}
          </button>
        </div>
      </template>
    </div>
  `,
};
