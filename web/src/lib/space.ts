// Shared by the association referent space and the company admin space: the referent's associations,
// a one-shot flash message, the page in the query, status labels.
import { reactive } from "vue";
import { catalog, data, type CatalogSchemas } from "@/api";

export type Association = CatalogSchemas["Association"];

// -- the referent's associations ----------------------------------------------------------------------

// The referent's associations (ids from the session, names from the catalog), shared by the tabs
// and by the mission form; fetched once per page load.
const cache = new Map<string, Promise<Association>>();
export function loadAssociations(ids: string[] | null | undefined): Promise<Association[]> {
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
      return cache.get(id) as Promise<Association>; // set just above when missing
    }),
  );
}

/** After a change (a new logo): the tabs and the mission form read the association as it now is. */
export function rememberAssociation(association: Association): void {
  if (association.id) cache.set(association.id, Promise.resolve(association));
}

// -- a message that survives one navigation (« La mission est enregistrée. ») ----------------------

const flashState = reactive({ message: "" });

export const flash = {
  set(message: string) {
    flashState.message = message;
  },
  take() {
    const message = flashState.message;
    flashState.message = "";
    return message;
  },
};

export function pageFromQuery(value: unknown) {
  const page = Number.parseInt(String(Array.isArray(value) ? value[0] : value ?? ""), 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

// -- labels ----------------------------------------------------------------------------------------

// tone → the global .status modifiers (styles.css): ok (green), wait (amber), ko (red), none (grey).
const TONE_CLASSES: Record<string, string> = { success: "status--ok", warning: "status--wait", danger: "status--ko", info: "status--info" };
export const toneClass = (tone: string | undefined) => TONE_CLASSES[tone ?? ""] || "";

export const MISSION_STATUS: Record<string, { label: string; tone: string }> = {
  draft: { label: "Brouillon", tone: "warning" },
  published: { label: "En ligne", tone: "success" },
  closed: { label: "Clôturée", tone: "muted" },
};

export const ROLE_LABELS: Record<string, string> = {
  employee: "Salarié·e",
  company_admin: "Responsable de l'engagement",
  association_referent: "Référent·e d'association",
  platform_operator: "Équipe Tandem",
};

export const PERSON_STATUS: Record<string, { label: string; tone: string }> = {
  invited: { label: "Invitation envoyée", tone: "warning" },
  active: { label: "Compte actif", tone: "success" },
  disabled: { label: "Compte désactivé", tone: "danger" },
  deleted: { label: "Compte supprimé", tone: "muted" },
};
