// The mission sheet (« Focus fiche mission »): title, theme, expertises, place and duration,
// « JE POSTULE », favourite toggle (PUT/DELETE /api/engagement/me/favorites/{id}), share by e-mail
// (POST /api/engagement/missions/{id}/share), « Ta mission si tu l'acceptes », « Infos pratiques »,
// the association's presentation, and the four steps with their « ? » help.
// When you already take part in this mission (an open participation), the sheet says so and shows
// your steps instead of « JE POSTULE ».
import { ref, computed, watch } from "vue";
import { useRoute } from "vue-router";
import { api, ApiError, fieldError } from "../api.js";
import { session } from "../session.js";
import { setTitle } from "../router.js";
import AsyncState from "../components/AsyncState.js";
import FormField from "../components/FormField.js";
import StepTracker from "../components/StepTracker.js";

export default {
  name: "MissionPage",
  components: { AsyncState, FormField, StepTracker },
  setup() {
    const route = useRoute();
    const mission = ref(null);
    const loading = ref(true);
    const error = ref(null);
    const participation = ref(null);
    const favorite = ref(false);
    const favoriteBusy = ref(false);
    const favoriteMessage = ref("");
    const favoriteError = ref("");
    const shareOpen = ref(false);
    const shareRecipients = ref("");
    const shareMessage = ref("");
    const shareBusy = ref(false);
    const shareError = ref(null);
    const shareDone = ref("");

    const missionId = computed(() => route.params.id);
    const expertises = computed(() => (mission.value ? [...mission.value.professional_expertises, ...mission.value.personal_expertises] : []));
    const place = computed(() => (mission.value ? [mission.value.department, mission.value.city].filter(Boolean).join(" ") : ""));
    const published = computed(() => mission.value && mission.value.status === "published");
    const applyLink = computed(() => `/missions/${missionId.value}/postuler`);

    async function load() {
      loading.value = true;
      error.value = null;
      participation.value = null;
      try {
        const [found, favorites, participations] = await Promise.all([
          api.get(`/api/catalog/missions/${encodeURIComponent(missionId.value)}`),
          api.get("/api/engagement/me/favorites").catch(() => ({ items: [] })),
          api.get("/api/engagement/me/participations").catch(() => ({ items: [] })),
        ]);
        mission.value = found;
        favorite.value = favorites.items.some((item) => item.mission_id === found.id);
        participation.value = participations.items.find((item) => item.mission && item.mission.id === found.id && item.status === "open") || null;
        setTitle(found.title);
      } catch (failure) {
        error.value = failure;
        mission.value = null;
      } finally {
        loading.value = false;
      }
    }

    async function toggleFavorite() {
      favoriteBusy.value = true;
      favoriteError.value = "";
      favoriteMessage.value = "";
      try {
        if (favorite.value) {
          await api.delete(`/api/engagement/me/favorites/${encodeURIComponent(missionId.value)}`);
          favorite.value = false;
          favoriteMessage.value = "Mission retirée de tes favoris.";
        } else {
          await api.put(`/api/engagement/me/favorites/${encodeURIComponent(missionId.value)}`);
          favorite.value = true;
          favoriteMessage.value = "Mission ajoutée à tes favoris : retrouve-la dans « Mon compte », onglet « Mes favoris ».";
        }
      } catch (failure) {
        favoriteError.value = failure.message;
      } finally {
        favoriteBusy.value = false;
      }
    }

    function openShare() {
      shareOpen.value = !shareOpen.value;
      shareDone.value = "";
      if (shareOpen.value && !shareRecipients.value && session.user) shareRecipients.value = session.user.email;
    }

    async function share() {
      shareBusy.value = true;
      shareError.value = null;
      shareDone.value = "";
      const recipients = shareRecipients.value.split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean);
      if (!recipients.length) {
        shareError.value = new ApiError(422, "Indique au moins une adresse e-mail.", { fields: { recipients: "Indique au moins une adresse e-mail." } });
        shareBusy.value = false;
        return;
      }
      try {
        const answer = await api.post(`/api/engagement/missions/${encodeURIComponent(missionId.value)}/share`, {
          recipients,
          message: shareMessage.value.trim() || null,
        });
        shareDone.value = answer.detail || "La fiche mission est partie par e-mail.";
        shareMessage.value = "";
      } catch (failure) {
        shareError.value = failure;
      } finally {
        shareBusy.value = false;
      }
    }

    // One message for the recipients field, whichever address the API flagged ("recipients.2").
    const recipientsError = computed(() => {
      const fields = (shareError.value && shareError.value.fields) || {};
      const keys = Object.keys(fields);
      const key = keys.find((name) => name.startsWith("recipients.")) || keys.find((name) => name === "recipients");
      if (!key) return "";
      const index = key.split(".")[1];
      const addresses = shareRecipients.value.split(/[\s,;]+/).filter(Boolean);
      return index !== undefined && addresses[Number(index)] ? `${addresses[Number(index)]} : ${fields[key]}` : fields[key];
    });

    watch(missionId, (id) => { if (id) load(); }, { immediate: true });

    return {
      mission, loading, error, load, participation, expertises, place, published, applyLink,
      favorite, favoriteBusy, favoriteMessage, favoriteError, toggleFavorite,
      shareOpen, shareRecipients, shareMessage, shareBusy, shareError, shareDone, openShare, share, recipientsError, fieldError,
    };
  },
  template: `
    <div class="page">
      <router-link to="/missions" class="back-link">← Toutes les missions</router-link>
      <header class="page-header">
        <p class="eyebrow">Fiche mission</p>
        <h1>{{ mission ? mission.title : (error ? 'Mission introuvable' : 'Fiche mission') }}</h1>
        <template v-if="mission">
                <p class="mission-sheet__association">
                  <router-link :to="'/associations/' + mission.association_id">{{ mission.association_name || (mission.association && mission.association.name) }}</router-link>
                </p>
                <ul class="tags" aria-label="Thématique et expertises">
                  <li v-for="theme in mission.themes" :key="'t-' + theme" class="tag tag--theme">{{ theme }}</li>
                  <li v-for="expertise in expertises" :key="'e-' + expertise" class="tag">{{ expertise }}</li>
                </ul>
                <p class="mission-card__facts">
                  <span v-if="place"><span class="visually-hidden">Lieu : </span>{{ place }}</span>
                  <span v-if="mission.duration"><span class="visually-hidden">Durée : </span>{{ mission.duration }}</span>
                  <span v-if="mission.format_label"><span class="visually-hidden">Format : </span>{{ mission.format_label }}</span>
                </p>
        </template>
      </header>
      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Chargement de la fiche mission…">
        <template v-if="mission">
          <div class="mission-sheet">
            <aside class="mission-sheet__aside" aria-label="Agir sur cette mission">
              <div class="panel stack">
                <template v-if="participation">
                  <p><strong>Tu participes déjà à cette mission</strong> ({{ participation.year }}).</p>
                  <router-link to="/mon-compte/missions" class="button button--primary button--block">Voir ma mission dans « Mon compte »</router-link>
                </template>
                <template v-else-if="published">
                  <p>C'est ici que tu peux postuler à la mission et démarrer le processus en 4 étapes.</p>
                  <router-link :to="applyLink" class="button button--accent button--block">JE POSTULE</router-link>
                </template>
                <p class="field__hint">Si tu ne postules pas immédiatement, enregistre la mission dans tes favoris ou envoie-la par e-mail, à toi ou à tes collègues.</p>
                <button type="button" class="button button--secondary button--block" :disabled="favoriteBusy" @click="toggleFavorite">
                  <span aria-hidden="true">{{ favorite ? '★' : '☆' }}</span>
                  {{ favorite ? 'Retirer de mes favoris' : 'Ajouter à mes favoris' }}
                </button>
                <p role="status" class="field__hint" v-if="favoriteMessage">{{ favoriteMessage }}</p>
                <p role="alert" class="field__error" v-if="favoriteError">{{ favoriteError }}</p>
                <button type="button" class="button button--secondary button--block" :aria-expanded="shareOpen ? 'true' : 'false'"
                        aria-controls="partage" @click="openShare">
                  Partager par e-mail
                </button>
                <form v-show="shareOpen" id="partage" class="share-form" @submit.prevent="share" novalidate>
                  <FormField label="Destinataires" v-model="shareRecipients" type="textarea" :rows="2" required
                             hint="Tes collègues (adresses de ton entreprise), ou quelques adresses extérieures par jour : 10 adresses au plus par envoi, séparées par des virgules."
                             :error="recipientsError" autocomplete="email" />
                  <FormField label="Ton message (facultatif)" v-model="shareMessage" type="textarea" :rows="3" :maxlength="2000"
                             :error="fieldError(shareError, 'message')" />
                  <div v-if="shareError && !recipientsError && !fieldError(shareError, 'message')" class="notice notice--error" role="alert"><p>{{ shareError.message }}</p></div>
                  <button type="submit" class="button button--primary" :disabled="shareBusy">{{ shareBusy ? 'Envoi…' : 'Envoyer' }}</button>
                  <p v-if="shareDone" class="notice notice--success" role="status">{{ shareDone }}</p>
                </form>
              </div>
            </aside>
            <article class="mission-sheet__main" aria-labelledby="ta-mission">

              <div v-if="!published" class="notice notice--warning">
                <p>Cette mission est clôturée : il n'est plus possible d'y postuler.</p>
              </div>

              <section class="section" aria-labelledby="ta-mission">
                <h2 id="ta-mission">Ta mission si tu l'acceptes</h2>
                <p class="prose">{{ mission.description }}</p>
              </section>

              <section class="section panel" aria-labelledby="infos-pratiques">
                <h2 id="infos-pratiques">Infos pratiques</h2>
                <dl class="definition-list">
                  <dt>Adresse</dt><dd>{{ mission.address || place }}</dd>
                  <dt>Participants</dt><dd>{{ mission.places > 1 ? 'Plusieurs participants (' + mission.places + ' places)' : '1 participant' }}</dd>
                  <dt>Durée</dt><dd>{{ mission.duration || 'Durée à définir' }}</dd>
                  <dt>Format</dt><dd>{{ mission.format_label || 'Durée à définir' }}</dd>
                  <dt>Profil</dt><dd>{{ mission.all_jobs ? 'Tous types de métiers !' : 'Selon les expertises indiquées' }}</dd>
                  <dt>À distance</dt><dd>{{ mission.remote_possible ? 'Télémission possible' : 'Télémission impossible' }}</dd>
                  <dt>Région</dt><dd>{{ mission.region }}</dd>
                </dl>
              </section>

              <section v-if="mission.association" class="section" aria-labelledby="l-association">
                <h2 id="l-association">Découvre l'association</h2>
                <h3>{{ mission.association.name }}<span v-if="mission.association.city"> — {{ mission.association.city }}</span></h3>
                <p class="prose">{{ mission.association.description }}</p>
                <p class="cluster">
                  <router-link :to="'/associations/' + mission.association_id">Voir la page de l'association</router-link>
                  <a v-if="mission.association.website" :href="mission.association.website" rel="noopener noreferrer" target="_blank">Son site internet<span class="visually-hidden"> (nouvel onglet)</span></a>
                </p>
              </section>
            </article>

          </div>

          <StepTracker :steps="participation ? participation.steps : null"
                       :heading="participation ? 'Où en es-tu ?' : 'Voici les 4 étapes à venir pour réaliser ta mission'" />

          <p v-if="published && !participation" class="mission-sheet__actions">
            <router-link :to="applyLink" class="button button--accent">JE POSTULE</router-link>
          </p>
        </template>
      </AsyncState>
    </div>
  `,
};
