// Small pieces shared by the association referent space and the company admin space:
// a role gate, a one-shot flash message, a button that asks before acting, a pager.
// (Kept here rather than in web/components/ because only these two spaces use them.)
import { computed, nextTick, reactive, ref } from "vue";
import { session, loadSession, hasRole } from "/session.js";
import { api } from "/api.js";

// -- who may enter ---------------------------------------------------------------------------------

// The router already sends anonymous visitors to /connexion; this tells a logged-in person without
// the role that the space is not theirs (and which roles would open it).
export function useRoleGate(roles) {
  loadSession();
  const ready = computed(() => session.loaded);
  const allowed = computed(() => session.loaded && roles.some((role) => hasRole(role)));
  return { ready, allowed, session };
}

// -- the referent's associations ----------------------------------------------------------------------

// The referent's associations (ids from the session, names from the catalog), shared by the tabs
// and by the mission form; fetched once per page load.
const cache = new Map();
export function loadAssociations(ids) {
  return Promise.all(
    (ids || []).map((id) => {
      if (!cache.has(id)) {
        cache.set(
          id,
          api.get(`/api/catalog/associations/${encodeURIComponent(id)}`).catch((error) => {
            cache.delete(id);
            throw error;
          }),
        );
      }
      return cache.get(id);
    }),
  );
}

// -- a message that survives one navigation (« La mission est enregistrée. ») ----------------------

const flashState = reactive({ message: "" });

export const flash = {
  set(message) {
    flashState.message = message;
  },
  take() {
    const message = flashState.message;
    flashState.message = "";
    return message;
  },
};

// -- focus helpers ---------------------------------------------------------------------------------

export async function focusSoon(selectorOrElement) {
  await nextTick();
  const element = typeof selectorOrElement === "string" ? document.querySelector(selectorOrElement) : selectorOrElement;
  if (element && typeof element.focus === "function") element.focus();
}

// After a re-render that may have removed the focused button: focus `selector` only if focus was lost.
export async function keepFocus(selector) {
  await nextTick();
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) {
    const element = document.querySelector(selector);
    if (element) element.focus();
  }
}

let uid = 0;
export const uniqueId = (prefix) => `${prefix}-${++uid}`;

// -- ConfirmButton: a state-changing button that asks first ------------------------------------------

// <ConfirmButton label="Clôturer" question="Clôturer « X » ?" confirm-label="Oui, clôturer" :busy="busy" @confirm="close" />
// The question opens in place (no modal), focus moves to the confirming button, Escape or
// « Annuler » puts focus back on the first button.
export const ConfirmButton = {
  name: "ConfirmButton",
  props: {
    label: { type: String, required: true },
    question: { type: String, required: true },
    confirmLabel: { type: String, default: "Confirmer" },
    cancelLabel: { type: String, default: "Annuler" },
    busy: { type: Boolean, default: false },
    danger: { type: Boolean, default: false },
    disabled: { type: Boolean, default: false },
    small: { type: Boolean, default: false },
  },
  emits: ["confirm"],
  setup(props, { emit }) {
    const open = ref(false);
    const opener = ref(null);
    const yes = ref(null);
    const questionId = uniqueId("confirmation");
    async function ask() {
      if (props.busy) return; // aria-disabled rather than disabled: the button keeps the focus meanwhile
      open.value = true;
      await nextTick();
      if (yes.value) yes.value.focus();
    }
    async function cancel() {
      open.value = false;
      await nextTick();
      if (opener.value) opener.value.focus();
    }
    // Focus goes back to the first button (the page may move it elsewhere, e.g. when the item disappears).
    async function confirm() {
      open.value = false;
      emit("confirm");
      await nextTick();
      if (opener.value && document.activeElement === document.body) opener.value.focus();
    }
    return { open, opener, yes, questionId, ask, cancel, confirm };
  },
  template: `
    <span class="space-confirm">
      <button v-if="!open" ref="opener" type="button" class="button" :class="[danger ? 'button--danger' : 'button--secondary', { 'button--small': small }]"
              :disabled="disabled" :aria-disabled="busy ? 'true' : null" @click="ask">{{ busy ? "Un instant…" : label }}</button>
      <span v-else class="space-confirm__panel" role="group" :aria-labelledby="questionId" @keydown.esc.stop="cancel">
        <span :id="questionId" class="space-confirm__question">{{ question }}</span>
        <span class="space-confirm__actions">
          <button ref="yes" type="button" class="button" :class="danger ? 'button--danger-solid' : 'button--primary'" @click="confirm">{{ confirmLabel }}</button>
          <button type="button" class="button button--secondary" @click="cancel">{{ cancelLabel }}</button>
        </span>
      </span>
    </span>`,
};

// -- Pager: « Page 2 sur 5 », links that keep the rest of the query ---------------------------------

export const Pager = {
  name: "Pager",
  props: {
    page: { type: Number, required: true },
    total: { type: Number, required: true },
    perPage: { type: Number, required: true },
    label: { type: String, default: "Pagination" },
  },
  setup(props) {
    const pages = computed(() => Math.max(1, Math.ceil(props.total / props.perPage)));
    return { pages };
  },
  template: `
    <nav v-if="pages > 1" class="pagination" :aria-label="label">
      <router-link v-if="page > 1" class="button button--secondary" :to="{ query: { ...$route.query, page: page - 1 > 1 ? page - 1 : undefined } }">
        <span aria-hidden="true">←</span> Page précédente</router-link>
      <span class="pagination__status">Page {{ page }} sur {{ pages }}</span>
      <router-link v-if="page < pages" class="button button--secondary" :to="{ query: { ...$route.query, page: page + 1 } }">
        Page suivante <span aria-hidden="true">→</span></router-link>
    </nav>`,
};

export function pageFromQuery(value) {
  const page = Number.parseInt(value, 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

// -- labels ----------------------------------------------------------------------------------------

// tone → the global .status modifiers (styles.css): ok (green), wait (amber), ko (red), none (grey).
export const toneClass = (tone) => ({ success: "status--ok", warning: "status--wait", danger: "status--ko", info: "status--info" }[tone] || "");

export const MISSION_STATUS = {
  draft: { label: "Brouillon", tone: "warning" },
  published: { label: "En ligne", tone: "success" },
  closed: { label: "Clôturée", tone: "muted" },
};

export const ROLE_LABELS = {
  employee: "Salarié·e",
  company_admin: "Responsable de l'engagement",
  association_referent: "Référent·e d'association",
  platform_operator: "Équipe Tandem",
};

export const PERSON_STATUS = {
  invited: { label: "Invitation envoyée", tone: "warning" },
  active: { label: "Compte actif", tone: "success" },
  disabled: { label: "Compte désactivé", tone: "danger" },
  deleted: { label: "Compte supprimé", tone: "muted" },
};
