// Shared by the association referent space and the company admin space: the referent's associations,
// a one-shot flash message, the page in the query, status labels.
import { reactive } from "vue";
import { catalog, data } from "@/api";

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
          data(catalog.GET("/associations/{association_id}", { params: { path: { association_id: id } } })).catch((error) => {
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
