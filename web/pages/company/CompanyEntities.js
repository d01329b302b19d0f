// ENTITÉS: the company's « entités de rattachement » (chosen by each person when signing up):
// add, rename in place, delete (only when nobody is attached any more: the API says so otherwise).
import { reactive, ref } from "vue";
import { api } from "/api.js";
import FormField from "/components/FormField.js";
import { ConfirmButton, focusSoon } from "../association/spaceKit.js";

export default {
  name: "CompanyEntities",
  components: { FormField, ConfirmButton },
  props: {
    company: { type: Object, required: true },
  },
  emits: ["updated"],
  setup(props, { emit }) {
    const base = () => `/api/engagement/companies/${encodeURIComponent(props.company.id)}/entities`;
    const newName = ref("");
    const adding = ref(false);
    const addError = ref(null);
    const announce = ref("");
    // Per entity: { editing, name, busy, error }
    const rows = reactive({});
    const row = (entity) => {
      if (!rows[entity.id]) rows[entity.id] = { editing: false, name: entity.name, busy: false, error: null };
      return rows[entity.id];
    };
    for (const entity of props.company.entities) row(entity);

    async function refresh() {
      const company = await api.get(`/api/engagement/companies/${encodeURIComponent(props.company.id)}`);
      for (const entity of company.entities) row(entity);
      emit("updated", company);
    }

    async function add() {
      adding.value = true;
      addError.value = null;
      announce.value = "";
      try {
        const created = await api.post(base(), { name: newName.value });
        newName.value = "";
        await refresh();
        announce.value = `L'entité « ${created.name} » est ajoutée.`;
        focusSoon("#nouvelle-entite");
      } catch (caught) {
        addError.value = caught;
        focusSoon("#nouvelle-entite");
      } finally {
        adding.value = false;
      }
    }

    function startRename(entity) {
      const state = row(entity);
      state.editing = true;
      state.name = entity.name;
      state.error = null;
      focusSoon(`#entite-${entity.id}-nom`);
    }
    function cancelRename(entity) {
      row(entity).editing = false;
      focusSoon(`#entite-${entity.id}-renommer`);
    }
    async function rename(entity) {
      const state = row(entity);
      state.busy = true;
      state.error = null;
      announce.value = "";
      try {
        const renamed = await api.patch(`${base()}/${encodeURIComponent(entity.id)}`, { name: state.name });
        state.editing = false;
        await refresh();
        announce.value = `L'entité s'appelle maintenant « ${renamed.name} ».`;
        focusSoon(`#entite-${entity.id}-renommer`);
      } catch (caught) {
        state.error = caught;
        focusSoon(`#entite-${entity.id}-nom`);
      } finally {
        state.busy = false;
      }
    }
    async function remove(entity) {
      const state = row(entity);
      state.busy = true;
      state.error = null;
      announce.value = "";
      try {
        await api.delete(`${base()}/${encodeURIComponent(entity.id)}`);
        await refresh();
        announce.value = `L'entité « ${entity.name} » est supprimée.`;
        focusSoon("#nouvelle-entite");
      } catch (caught) {
        state.error = caught;
      } finally {
        state.busy = false;
      }
    }

    const nameError = (error) => (error && ((error.fields && error.fields.name) || (!error.fields?.name && error.message))) || "";

    return { newName, adding, addError, announce, row, add, startRename, cancelRename, rename, remove, nameError };
  },
  template: `
    <section class="space-section" aria-labelledby="entites-titre">
      <h2 id="entites-titre">Entités de rattachement</h2>
      <p class="space-section__intro">Chaque collaborateur choisit son entité en créant son compte (« Indiquer votre entité de rattachement »).
        Une entité ne peut être supprimée que lorsque plus personne n'y est rattaché.</p>
      <div class="visually-hidden" aria-live="polite">{{ announce }}</div>
      <p v-if="announce" class="notice notice--success">{{ announce }}</p>

      <p v-if="!company.entities.length" class="async-state__empty">Aucune entité pour l'instant : ajoute la première ci-dessous.</p>
      <ul v-else class="card-list entity-list">
        <li v-for="entity in company.entities" :key="entity.id" class="panel entity-row">
          <form v-if="row(entity).editing" class="inline-form" novalidate @submit.prevent="rename(entity)" @keydown.esc="cancelRename(entity)">
            <FormField :id="'entite-' + entity.id + '-nom'" :label="'Nouveau nom de l\\'entité « ' + entity.name + ' »'" v-model="row(entity).name"
                       :maxlength="200" required :error="nameError(row(entity).error)" />
            <div class="inline-form__actions">
              <button type="submit" class="button button--primary" :disabled="row(entity).busy">{{ row(entity).busy ? "Enregistrement…" : "Enregistrer" }}</button>
              <button type="button" class="button button--secondary" @click="cancelRename(entity)">Annuler</button>
            </div>
          </form>
          <template v-else>
            <p class="entity-row__name">{{ entity.name }}</p>
            <div class="entity-row__actions">
              <button :id="'entite-' + entity.id + '-renommer'" type="button" class="button button--secondary button--small" @click="startRename(entity)">
                Renommer<span class="visually-hidden"> l'entité « {{ entity.name }} »</span></button>
              <ConfirmButton label="Supprimer" danger small :busy="row(entity).busy" :question="'Supprimer l\\'entité « ' + entity.name + ' » ?'"
                             confirm-label="Oui, supprimer" @confirm="remove(entity)" />
            </div>
            <p v-if="row(entity).error" class="field__error entity-row__error" role="alert"><span aria-hidden="true">⚠ </span>{{ row(entity).error.message }}</p>
          </template>
        </li>
      </ul>

      <form class="panel inline-form add-entity" novalidate @submit.prevent="add">
        <h3 class="add-entity__title">Ajouter une entité</h3>
        <FormField id="nouvelle-entite" label="Nom de la nouvelle entité" v-model="newName" :maxlength="200" required
                   :error="nameError(addError)" hint="Par exemple : « Direction financière », « Agence de Lyon »." />
        <div class="inline-form__actions">
          <button type="submit" class="button button--primary" :disabled="adding">{{ adding ? "Ajout…" : "Ajouter l'entité" }}</button>
        </div>
      </form>
    </section>
  `,
};
