// « Propose directement ton aide à l'association ! » : the message pre-filled by
// GET /api/engagement/proposals/draft?association_id=…, sent with POST /api/engagement/proposals.
// The association receives your contact details; you receive its own by e-mail.
import { ref, computed, watch } from "vue";
import { useRoute } from "vue-router";
import { api, fieldError } from "../api.js";
import { setTitle } from "../router.js";
import AsyncState from "../components/AsyncState.js";
import FormField from "../components/FormField.js";

export default {
  name: "ProposalPage",
  components: { AsyncState, FormField },
  setup() {
    const route = useRoute();
    const association = ref(null);
    const message = ref("");
    const loading = ref(true);
    const error = ref(null);
    const sending = ref(false);
    const sendError = ref(null);
    const sent = ref(null);
    const resultHeading = ref(null);

    const associationId = computed(() => route.params.associationId);

    async function load() {
      loading.value = true;
      error.value = null;
      sent.value = null;
      try {
        const [found, draft] = await Promise.all([
          api.get(`/api/catalog/associations/${encodeURIComponent(associationId.value)}`),
          api.get("/api/engagement/proposals/draft", { association_id: associationId.value }),
        ]);
        association.value = found;
        message.value = draft.message;
        setTitle(`${found.name} : propose ton aide`);
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    async function send() {
      sending.value = true;
      sendError.value = null;
      try {
        sent.value = await api.post("/api/engagement/proposals", { association_id: associationId.value, message: message.value });
        // Move the focus to the confirmation, which replaces the form.
        requestAnimationFrame(() => resultHeading.value && resultHeading.value.focus());
      } catch (failure) {
        sendError.value = failure;
      } finally {
        sending.value = false;
      }
    }

    const messageError = computed(() => fieldError(sendError.value, "message"));
    const otherError = computed(() => (sendError.value && !messageError.value ? sendError.value.message : ""));

    watch(associationId, (id) => { if (id) load(); }, { immediate: true });

    return { association, message, loading, error, load, sending, send, sent, messageError, otherError, resultHeading };
  },
  template: `
    <div class="page page--narrow">
      <router-link v-if="association" :to="'/associations/' + association.id" class="back-link">← {{ association.name }}</router-link>
      <header class="page-header">
        <p class="eyebrow">Je propose mes compétences</p>
        <h1>Propose directement ton aide à l'association !</h1>
        <p v-if="association" class="lead"><strong>{{ association.name }}</strong><span v-if="association.city"> — {{ association.city }}</span></p>
      </header>
      <AsyncState :loading="loading" :error="error" @retry="load">
        <div v-if="sent" class="notice notice--success">
          <h2 ref="resultHeading" tabindex="-1">Ton message est parti</h2>
          <p>{{ sent.detail || 'L\\'association a reçu ton message et tes coordonnées.' }}</p>
          <p>Vous échangerez en dehors de la plateforme. N'hésite pas à la relancer si tu n'as pas de retour<span v-if="sent.association_email"> : {{ sent.association_email }}</span>.</p>
          <p>Si elle a un besoin, elle créera la mission à laquelle tu pourras postuler.</p>
          <p class="cluster">
            <router-link to="/mon-compte" class="button button--primary">Mon compte</router-link>
            <router-link to="/missions" class="button button--secondary">Trouve une mission</router-link>
          </p>
        </div>
        <form v-else-if="association" class="form" @submit.prevent="send" novalidate>
          <div class="notice">
            <p>Tu échangeras avec l'association, en dehors de la plateforme, sur les compétences que tu pourrais lui apporter. <strong>Merci de ne contacter qu'une association à la fois !</strong></p>
          </div>
          <FormField label="Message pour l'association" v-model="message" type="textarea" :rows="12" :maxlength="5000" required
                     hint="Explique ce que tu peux offrir en adaptant le message ci-dessous : tes disponibilités et tes compétences."
                     :error="messageError" />
          <div v-if="otherError" class="notice notice--error" role="alert"><p>{{ otherError }}</p></div>
          <div class="form-actions">
            <button type="submit" class="button button--accent" :disabled="sending">{{ sending ? 'Envoi…' : 'ENVOYER' }}</button>
            <router-link :to="'/associations/' + association.id" class="button button--quiet">Annuler</router-link>
          </div>
        </form>
      </AsyncState>
    </div>
  `,
};
