// ErrorSummary — the problems above a form: a title, the API's French detail, and one link per invalid
// field (in the form's order, the order of `labels`) that moves the focus onto the field.
// Props: title, detail, errors ({field: "message"}), labels ({field: "Libellé"}), ids ({field: "element-id"}).
// Show it when a form was refused (v-if), then move the focus onto `.error-summary`.
import { computed } from "vue";

export default {
  name: "ErrorSummary",
  props: {
    title: { type: String, default: "Le formulaire contient des erreurs" },
    detail: { type: String, default: "" },
    errors: { type: Object, default: () => ({}) },
    labels: { type: Object, default: () => ({}) },
    ids: { type: Object, default: () => ({}) },
  },
  setup(props) {
    const rank = (field) => {
      const index = Object.keys(props.labels).indexOf(field);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const entries = computed(() =>
      Object.entries(props.errors || {})
        .filter(([field]) => !field.includes("."))
        .map(([field, message]) => ({ field, message, label: props.labels[field] || "", id: props.ids[field] || "" }))
        // In the form's order (the order of `labels`), unknown fields last.
        .sort((a, b) => rank(a.field) - rank(b.field)),
    );
    function go(event, id) {
      const target = id && document.getElementById(id);
      if (target) {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "center" });
      }
    }
    return { entries, go };
  },
  template: `
    <div class="error-summary" role="alert" tabindex="-1">
      <h2 class="error-summary__title">{{ title }}</h2>
      <p v-if="detail">{{ detail }}</p>
      <ul v-if="entries.length">
        <li v-for="entry in entries" :key="entry.field">
          <a v-if="entry.id" :href="'#' + entry.id" @click="go($event, entry.id)">{{ entry.label ? entry.label + " : " : "" }}{{ entry.message }}</a>
          <span v-else>{{ entry.label ? entry.label + " : " : "" }}{{ entry.message }}</span>
        </li>
      </ul>
    </div>`,
};
