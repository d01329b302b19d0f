// The invitation e-mail's link: /invitation/:secret. GET /api/engagement/invitations/{secret} shows who
// is invited (it does not use the link up); « Activer mon compte » posts …/acceptance with the chosen
// password, then logs the person in and points to their space.
import { ref, reactive, computed, onMounted } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import { logIn } from "/session.js";
import { dateTime } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import { PasswordFields, requiredErrors, focusErrors, focusHeading, homeFor, MISMATCH } from "./SignUpPage.js";
import ErrorSummary from "/components/ErrorSummary.js";

const ROLE_LABELS = {
  employee: "collaborateur·rice",
  association_referent: "référent·e d'association",
  company_admin: "responsable de l'engagement de ton entreprise",
  platform_operator: "membre de l'équipe de la plateforme",
};
const SPACES = {
  "/mon-compte": "Aller à « Mon compte »",
  "/association": "Aller à l'espace association",
  "/entreprise": "Aller à l'espace entreprise",
  "/": "Aller à l'accueil",
};

const LABELS = {
  first_name: "Prénom",
  last_name: "Nom",
  password: "Mot de passe",
  password_confirmation: "Répéter le mot de passe",
  consent: "Utilisation de tes données personnelles",
};
const IDS = {
  first_name: "invitation-prenom",
  last_name: "invitation-nom",
  password: "invitation-mot-de-passe",
  password_confirmation: "invitation-confirmation",
  consent: "invitation-consentement",
};

export default {
  name: "InvitationPage",
  components: { AsyncState, FormField, ErrorSummary, PasswordFields },
  setup() {
    const route = useRoute();
    const invitation = ref(null);
    const loading = ref(true);
    const loadError = ref(null);
    const form = reactive({ first_name: "", last_name: "", password: "", password_confirmation: "", consent: false });
    const errors = ref({});
    const summary = ref("");
    const sending = ref(false);
    const accepted = ref("");
    const landing = ref(null); // where to go once logged in, or null when the automatic log-in failed

    const secretPath = computed(() => `/api/engagement/invitations/${encodeURIComponent(route.params.secret)}`);
    const linkProblem = computed(() => loadError.value && [404, 410].includes(loadError.value.status));
    const roles = computed(() => {
      if (!invitation.value) return [];
      const order = Object.keys(ROLE_LABELS);
      return [...invitation.value.roles]
        .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
        .map((role) => ROLE_LABELS[role] || role);
    });

    async function load() {
      loading.value = true;
      loadError.value = null;
      try {
        invitation.value = await api.get(secretPath.value);
        form.first_name = invitation.value.first_name || "";
        form.last_name = invitation.value.last_name || "";
      } catch (error) {
        loadError.value = error;
      } finally {
        loading.value = false;
      }
    }

    async function submit() {
      summary.value = "";
      const local = requiredErrors(form, ["first_name", "last_name", "password", "password_confirmation", "consent"]);
      if (!local.password_confirmation && form.password !== form.password_confirmation) local.password_confirmation = MISMATCH;
      if (local.consent) local.consent = "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas activer ton compte.";
      if (Object.keys(local).length) {
        errors.value = local;
        summary.value = "Certaines données sont invalides : vérifie les champs signalés.";
        focusErrors();
        return;
      }
      errors.value = {};
      sending.value = true;
      try {
        const answer = await api.post(`${secretPath.value}/acceptance`, {
          first_name: form.first_name.trim(),
          last_name: form.last_name.trim(),
          password: form.password,
          password_confirmation: form.password_confirmation,
          consent: form.consent,
        });
        accepted.value = (answer && answer.detail) || "Bienvenue sur Tandem : ton compte est activé, tu peux te connecter.";
        try {
          const user = await logIn(invitation.value.email, form.password);
          landing.value = homeFor(user);
        } catch {
          landing.value = null; // the page then offers the log-in form
        }
        form.password = "";
        form.password_confirmation = "";
        focusHeading();
      } catch (failure) {
        if ([404, 410].includes(failure.status)) {
          loadError.value = failure;
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

    onMounted(load);

    return {
      invitation, loading, loadError, linkProblem, roles, form, errors, summary, sending, accepted, landing,
      load, submit, dateTime, LABELS, IDS, SPACES,
    };
  },
  template: `
    <div class="page page--narrow auth-page">
      <template v-if="accepted">
        <h1>Ton compte est activé</h1>
        <p class="notice notice--success" role="status">{{ accepted }}</p>
        <p v-if="landing">Tu es connecté·e.
          <router-link class="button button--primary" :to="landing">{{ SPACES[landing] }}</router-link></p>
        <p v-else><router-link class="button button--primary" :to="{ path: '/connexion', query: { email: invitation.email } }">Se connecter</router-link></p>
      </template>

      <template v-else-if="linkProblem">
        <h1>Cette invitation n'est plus valable</h1>
        <p class="notice notice--error">{{ loadError.message }}</p>
        <p>Si tu as déjà activé ton compte, tu peux simplement <router-link to="/connexion">te connecter</router-link>.
          Sinon, demande à la personne qui t'a invité·e de t'envoyer une nouvelle invitation.</p>
      </template>

      <template v-else>
        <h1>Active ton compte Tandem</h1>
        <AsyncState :loading="loading" :error="loadError" :on-retry="load" loading-text="Chargement de ton invitation…">
          <template v-if="invitation">
            <div class="invitation-summary">
              <p>Bonjour {{ invitation.first_name }},
                <template v-if="invitation.company_name"><strong>{{ invitation.company_name }}</strong> t'invite</template>
                <template v-else>tu es invité·e</template>
                à rejoindre Tandem<template v-if="roles.length"> en tant que {{ roles.join(", ") }}</template>.</p>
              <p>Ton adresse e-mail de connexion : <strong class="auth-page__email">{{ invitation.email }}</strong></p>
              <p v-if="invitation.expires_at" class="auth-page__note">Cette invitation est valable jusqu'au {{ dateTime(invitation.expires_at) }}.</p>
            </div>
            <p>Vérifie ton nom et choisis ton mot de passe pour activer ton compte.</p>
            <ErrorSummary v-if="summary" :title="summary" :errors="errors" :labels="LABELS" :ids="IDS" />
            <form class="form panel auth-form" novalidate @submit.prevent="submit">
              <input type="email" name="username" autocomplete="username" :value="invitation.email" hidden readonly>
              <div>
                <FormField :id="IDS.first_name" label="Prénom" v-model="form.first_name" autocomplete="given-name" :maxlength="100"
                           required :error="errors.first_name || ''" />
                <FormField :id="IDS.last_name" label="Nom" v-model="form.last_name" autocomplete="family-name" :maxlength="100"
                           required :error="errors.last_name || ''" />
              </div>
              <PasswordFields id-prefix="invitation" v-model:password="form.password"
                              v-model:confirmation="form.password_confirmation" :errors="errors" />
              <FormField :id="IDS.consent" type="checkbox" v-model="form.consent" required :error="errors.consent || ''"
                         label="J'autorise l'utilisation de mes données personnelles pour le seul et unique usage de la plateforme Tandem dédiée au mécénat de compétences." />
              <div class="form-actions">
                <button type="submit" class="button button--primary" :disabled="sending">{{ sending ? "Activation…" : "Activer mon compte" }}</button>
              </div>
            </form>
          </template>
        </AsyncState>
      </template>
    </div>
  `,
};
