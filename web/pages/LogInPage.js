// « Se connecter » (session.logIn → POST /api/engagement/session), then back to ?suite= (an in-app
// path only) or the person's usual space.
//
// The API's answers are shown as they are: 401 (same answer for an unknown address and a wrong
// password), 403 (address not confirmed yet: a new link can be requested here), 429 (too many
// failures from this address). In the embedded mode, GET /dev/demo-accounts.json lists the demo
// accounts, each with a one-click « Se connecter en tant que … ».
import { ref, reactive, computed, onMounted } from "vue";
import { useRoute, useRouter } from "vue-router";
import { session, logIn, displayName } from "/session.js";
import FormField from "/components/FormField.js";
import { ResendVerification, requiredErrors, safeRedirect, homeFor, focusErrors } from "./SignUpPage.js";
import ErrorSummary from "/components/ErrorSummary.js";

const LABELS = { email: "E-mail", password: "Mot de passe" };
const IDS = { email: "connexion-email", password: "connexion-mot-de-passe" };

export default {
  name: "LogInPage",
  components: { FormField, ErrorSummary, ResendVerification },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const form = reactive({ email: typeof route.query.email === "string" ? route.query.email : "", password: "" });
    const errors = ref({});
    const failure = ref(null); // the last ApiError
    const sending = ref(false);
    const showPassword = ref(false);
    const demo = ref(null); // {password, accounts} in the embedded mode
    const demoSending = ref("");

    const suite = computed(() => safeRedirect(route.query.suite));
    const unverified = computed(() => failure.value && failure.value.status === 403);
    const throttled = computed(() => failure.value && failure.value.status === 429);
    const summary = computed(() => (failure.value ? failure.value.message : ""));

    function goOn(user) {
      router.replace(suite.value || homeFor(user));
    }

    async function attempt(email, password) {
      failure.value = null;
      errors.value = {};
      try {
        const user = await logIn(email, password);
        form.password = "";
        goOn(user);
      } catch (error) {
        failure.value = error;
        errors.value = (error && error.fields) || {};
        focusErrors();
      }
    }

    async function submit() {
      const local = requiredErrors(form, ["email", "password"]);
      if (Object.keys(local).length) {
        failure.value = { status: 422, message: "Renseigne ton adresse e-mail et ton mot de passe." };
        errors.value = local;
        focusErrors();
        return;
      }
      sending.value = true;
      await attempt(form.email.trim(), form.password);
      sending.value = false;
    }

    async function logInAs(account) {
      demoSending.value = account.email;
      form.email = account.email;
      await attempt(account.email, demo.value.password);
      demoSending.value = "";
    }

    onMounted(async () => {
      try {
        const response = await fetch("/dev/demo-accounts.json", { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const body = await response.json();
        if (body && Array.isArray(body.accounts) && body.accounts.length && body.password) demo.value = body;
      } catch {
        // Not the embedded mode: no demo accounts.
      }
    });

    return {
      session, displayName, form, errors, failure, sending, showPassword, demo, demoSending,
      suite, unverified, throttled, summary, submit, logInAs, LABELS, IDS, homeFor,
    };
  },
  template: `
    <div class="page page--narrow auth-page">
      <h1>Se connecter</h1>

      <p v-if="suite && !session.user" class="notice notice--info">Connecte-toi pour continuer : tu reviendras ensuite sur la page demandée.</p>
      <p v-if="session.user" class="notice notice--info">
        Tu es connecté·e en tant que {{ displayName() }}.
        <router-link :to="suite || homeFor(session.user)">Continuer</router-link>
      </p>

      <ErrorSummary v-if="summary" :title="summary" :errors="errors" :labels="LABELS" :ids="IDS" />
      <div v-if="unverified" class="panel section">
        <p>Tu n'as pas reçu l'e-mail, ou le lien a expiré ? Demande un nouveau lien pour <strong>{{ form.email }}</strong> :</p>
        <ResendVerification :email="form.email" id-prefix="connexion-renvoi" />
      </div>
      <p v-if="throttled" class="notice notice--info">
        Tu as oublié ton mot de passe ? <router-link :to="{ path: '/mot-de-passe/oublie', query: form.email ? { email: form.email } : {} }">Choisis-en un nouveau</router-link>.
      </p>

      <form class="form panel auth-form" novalidate @submit.prevent="submit">
        <FormField :id="IDS.email" label="E-mail" type="email" v-model="form.email" autocomplete="username" required
                   inputmode="email" :error="errors.email || ''" />
        <FormField :id="IDS.password" label="Mot de passe" :type="showPassword ? 'text' : 'password'" v-model="form.password"
                   autocomplete="current-password" required :error="errors.password || ''" />
        <FormField id="connexion-afficher" type="checkbox" label="Afficher le mot de passe" v-model="showPassword" />
        <div class="form-actions">
          <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Connexion…" : "Se connecter" }}</button>
          <router-link :to="{ path: '/mot-de-passe/oublie', query: form.email ? { email: form.email } : {} }">Mot de passe oublié ?</router-link>
        </div>
      </form>

      <p class="section__more">Pas encore de compte ? <router-link to="/inscription">Crée-en un</router-link></p>
      <p class="auth-page__note">Pour les entreprises ayant un accès SSO, la connexion se fait directement avec ton compte d'entreprise.</p>

      <section v-if="demo" class="section demo-accounts" aria-labelledby="demo-accounts-title">
        <h2 id="demo-accounts-title">Comptes de démonstration</h2>
        <p>Mode démonstration : chaque compte utilise le mot de passe <code>{{ demo.password }}</code>.</p>
        <ul class="grid">
          <li v-for="account in demo.accounts" :key="account.email">
            <div class="card">
              <p class="demo-accounts__who"><strong>{{ account.name }}</strong><br><span class="demo-accounts__email">{{ account.email }}</span></p>
              <p class="card__action">
                <button type="button" class="button button--secondary button--small" :disabled="Boolean(demoSending)" @click="logInAs(account)">
                  {{ demoSending === account.email ? "Connexion…" : "Se connecter en tant que " + account.role_label }}<span class="visually-hidden"> ({{ account.name }})</span>
                </button>
              </p>
            </div>
          </li>
        </ul>
        <p v-if="demo.association_referents && demo.association_referents.detail">{{ demo.association_referents.detail }}</p>
      </section>
    </div>
  `,
};
