// FilterPanel — the keyword box and the filter groups of a search page (« Je trouve », « Je propose »).
//
// Props: filters ([{key, label}]), selected ({key: [values]}), chips (key → [{value, label?, count, pressed}]),
// initiallyOpen ({key: bool}), loading, keywords (v-model:keywords), inputId, placeholder,
// unit (["mission", "missions"]: read after each count by screen readers).
// Emits: search (the keyword form was sent), toggle(key, value) (a chip was clicked), update:keywords.
// The page keeps the state in the URL; this component only shows it.
export default {
  name: "FilterPanel",
  props: {
    filters: { type: Array, required: true },
    selected: { type: Object, required: true },
    chips: { type: Function, required: true },
    initiallyOpen: { type: Object, required: true },
    loading: { type: Boolean, default: false },
    keywords: { type: String, default: "" },
    inputId: { type: String, required: true },
    placeholder: { type: String, default: "" },
    unit: { type: Array, required: true },
  },
  emits: ["search", "toggle", "update:keywords"],
  template: `
    <section class="filters" aria-labelledby="titre-filtres">
      <h2 id="titre-filtres" class="visually-hidden">Filtres</h2>
      <form class="search-form" role="search" @submit.prevent="$emit('search')">
        <div class="field">
          <label :for="inputId" class="field__label">Mots clés</label>
          <input :id="inputId" :value="keywords" @input="$emit('update:keywords', $event.target.value)" type="search"
                 class="field__control" maxlength="200" autocomplete="off" :placeholder="placeholder">
        </div>
        <button type="submit" class="button button--primary">Rechercher</button>
      </form>
      <details v-for="filter in filters" :key="filter.key" class="filter-group" :open="initiallyOpen[filter.key]">
        <summary>
          <span>{{ filter.label }}</span>
          <span v-if="selected[filter.key].length" class="badge"><span class="visually-hidden">filtres actifs : </span>{{ selected[filter.key].length }}</span>
        </summary>
        <div class="filter-group__body">
          <p v-if="!chips(filter.key).length" class="async-state__empty">{{ loading ? 'Chargement…' : 'Aucune valeur pour ces critères.' }}</p>
          <ul v-else class="chips" :aria-label="filter.label">
            <li v-for="chip in chips(filter.key)" :key="chip.value">
              <button type="button" class="chip" :aria-pressed="chip.pressed ? 'true' : 'false'" @click="$emit('toggle', filter.key, chip.value)">
                <span>{{ chip.label || chip.value }}</span>
                <span class="chip__count">({{ chip.count }}<span class="visually-hidden"> {{ chip.count > 1 ? unit[1] : unit[0] }}</span>)</span>
              </button>
            </li>
          </ul>
        </div>
      </details>
    </section>
  `,
};
