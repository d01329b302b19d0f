// A « ? » button that shows or hides a short explanation right below it (a disclosure, not a
// hover tooltip: it works with the keyboard, on touch screens and with screen readers).
//
//   <HelpTip label="Détail de l'étape 2" text="Demande d'absence et validation…" />
//   <HelpTip label="À quoi sert ce champ ?"><p>Contenu riche…</p></HelpTip>
//
// Props: label (the button's accessible name, required), text (used when there is no slot),
//        symbol (the visible button text, default « ? »).
let counter = 0;

export default {
  name: "HelpTip",
  props: {
    label: { type: String, required: true },
    text: { type: String, default: "" },
    symbol: { type: String, default: "?" },
  },
  data() {
    counter += 1;
    return { open: false, panelId: `aide-${counter}` };
  },
  methods: {
    onKeydown(event) {
      if (event.key === "Escape" && this.open) {
        this.open = false;
        this.$refs.button.focus();
      }
    },
  },
  template: `
    <span class="help-tip" @keydown="onKeydown">
      <button ref="button" type="button" class="help-tip__button" :aria-expanded="open ? 'true' : 'false'"
              :aria-controls="panelId" :aria-label="label" :title="label" @click="open = !open">{{ symbol }}</button>
      <span v-show="open" :id="panelId" class="help-tip__panel"><slot>{{ text }}</slot></span>
    </span>
  `,
};
