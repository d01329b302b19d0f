// Loading / error / empty states around any data a page fetches.
//
//   <AsyncState :loading="loading" :error="error" :empty="!items.length"
//               empty-text="Aucune mission pour l'instant." @retry="load">
//     …the content, shown once loaded, without error and not empty…
//     <template #empty>…optional richer empty state…</template>
//   </AsyncState>
//
// Props: loading (Boolean), error (ApiError | Error | string | null: its French message is shown),
//        empty (Boolean), emptyText (String), loadingText (String, default « Chargement… »),
//        onRetry (the @retry listener: when given, the error shows a « Réessayer » button).
// The wrapper carries aria-busy while loading; the loading text is a polite status, the error an alert.
export default {
  name: "AsyncState",
  props: {
    loading: { type: Boolean, default: false },
    error: { type: [Object, String, Error], default: null },
    empty: { type: Boolean, default: false },
    emptyText: { type: String, default: "Rien à afficher pour l'instant." },
    loadingText: { type: String, default: "Chargement…" },
    onRetry: { type: Function, default: null },
  },
  computed: {
    errorMessage() {
      if (!this.error) return "";
      if (typeof this.error === "string") return this.error;
      return this.error.message || "Une erreur inattendue s'est produite. Réessaie dans un instant.";
    },
  },
  template: `
    <div class="async-state" :aria-busy="loading ? 'true' : 'false'">
      <p v-if="loading" class="async-state__loading" role="status"><span class="spinner" aria-hidden="true"></span>{{ loadingText }}</p>
      <div v-else-if="error" class="notice notice--error" role="alert">
        <p>{{ errorMessage }}</p>
        <button v-if="onRetry" type="button" class="button button--secondary" @click="onRetry()">Réessayer</button>
      </div>
      <template v-else-if="empty">
        <slot name="empty"><p class="async-state__empty">{{ emptyText }}</p></slot>
      </template>
      <slot v-else />
    </div>
  `,
};
