// « MES FAVORIS » (a tab of Mon compte): the missions I saved (GET /api/engagement/me/favorites, the
// most recent first), each linking to its sheet, with « Retirer de mes favoris »
// (DELETE /api/engagement/me/favorites/{mission_id}).
import { ref } from "vue";
import { api } from "/api.js";
import { dateTime } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import { itemsOf } from "./shared.js";

export default {
  name: "FavoritesTab",
  components: { AsyncState },
  setup() {
    const loading = ref(true);
    const error = ref(null);
    const favorites = ref([]);
    const busy = ref("");
    const status = ref("");
    const removeError = ref({});

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        favorites.value = itemsOf(await api.get("/api/engagement/me/favorites"));
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    async function remove(favorite, index) {
      busy.value = favorite.mission_id;
      status.value = "";
      removeError.value = {};
      try {
        await api.delete(`/api/engagement/me/favorites/${encodeURIComponent(favorite.mission_id)}`);
        favorites.value = favorites.value.filter((item) => item.mission_id !== favorite.mission_id);
        status.value = `« ${favorite.title} » est retirée de tes favoris.`;
        // Keep the keyboard where it was: the next favourite's button, or the tab's heading.
        setTimeout(() => {
          const buttons = document.querySelectorAll(".favorite-list .favorite__remove");
          const target = buttons[Math.min(index, buttons.length - 1)] || document.getElementById("onglet-titre");
          if (target) {
            if (!target.hasAttribute("tabindex") && target.tagName !== "BUTTON") target.setAttribute("tabindex", "-1");
            target.focus();
          }
        }, 0);
      } catch (failure) {
        removeError.value = { [favorite.mission_id]: failure.message };
      } finally {
        busy.value = "";
      }
    }

    load();

    return { loading, error, favorites, busy, status, removeError, load, remove, dateTime };
  },
  template: `
    <div class="favorites-tab">
      <p class="visually-hidden" role="status">{{ status }}</p>
      <AsyncState :loading="loading" :error="error" :empty="!favorites.length" @retry="load" loading-text="Chargement de tes favoris…">
        <template #empty>
          <div class="empty-state">
            <p>Tu n'as pas encore de mission favorite. Sur une fiche mission, enregistre-la dans tes favoris pour la retrouver ici.</p>
            <p><router-link to="/missions" class="button button--primary">Trouve une mission</router-link></p>
          </div>
        </template>
        <ul class="favorite-list">
          <li v-for="(favorite, index) in favorites" :key="favorite.mission_id" class="favorite card">
            <h3 class="favorite__title"><router-link :to="'/missions/' + favorite.mission_id">{{ favorite.title }}</router-link></h3>
            <p class="favorite__association">{{ favorite.association_name }}</p>
            <p class="muted">Ajoutée le {{ dateTime(favorite.added_at) }}</p>
            <div class="cluster">
              <router-link :to="'/missions/' + favorite.mission_id + '/postuler'" class="button button--primary">JE POSTULE</router-link>
              <button type="button" class="button button--secondary favorite__remove" :disabled="busy === favorite.mission_id"
                      @click="remove(favorite, index)">
                Retirer de mes favoris<span class="visually-hidden"> : « {{ favorite.title }} »</span></button>
            </div>
            <p v-if="removeError[favorite.mission_id]" class="field__error" role="alert">{{ removeError[favorite.mission_id] }}</p>
          </li>
        </ul>
      </AsyncState>
    </div>
  `,
};
