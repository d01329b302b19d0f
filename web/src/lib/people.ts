// The PERSONNES table of the company space: what a company admin may grant, the filters it offers and how the
// URL's query string (?q=…&statut=…&entite=…&role=…&page=…) becomes the engagement API's query.
import type { LocationQuery } from "vue-router";

// What a company admin may grant or take back (the API refuses the rest with a 403).
export const GRANTABLE = [
  { role: "employee", label: "Salarié·e", hint: "trouve des missions et y postule" },
  { role: "company_admin", label: "Responsable de l'engagement", hint: "accède à l'espace entreprise" },
] as const;

export const STATUS_FILTERS = [
  { value: "", label: "Tous les comptes" },
  { value: "active", label: "Comptes actifs" },
  { value: "invited", label: "Invitations en attente" },
  { value: "disabled", label: "Comptes désactivés" },
] as const;

export const ROLE_FILTERS = [
  { value: "", label: "Tous les rôles" },
  { value: "employee", label: "Salarié·e" },
  { value: "company_admin", label: "Responsable de l'engagement" },
  { value: "association_referent", label: "Référent·e d'association" },
] as const;

export type StatusFilter = Exclude<(typeof STATUS_FILTERS)[number]["value"], "">;
export type RoleFilter = Exclude<(typeof ROLE_FILTERS)[number]["value"], "">;

export interface PeopleFilters { q: string; statut: string; entite: string; role: string }

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The filters as the URL holds them (unknown values are kept so the form shows them, but never sent). */
export function filtersFromQuery(query: LocationQuery): PeopleFilters {
  return { q: text(query.q), statut: text(query.statut), entite: text(query.entite), role: text(query.role) };
}

/** The engagement API's query for one page: only known statuses and roles, an entity among the company's, no empty value. */
export function apiQuery(filters: PeopleFilters, entityIds: readonly string[], page: number, perPage: number) {
  const status = STATUS_FILTERS.find((entry) => entry.value && entry.value === filters.statut)?.value as StatusFilter | undefined;
  const role = ROLE_FILTERS.find((entry) => entry.value && entry.value === filters.role)?.value as RoleFilter | undefined;
  const q = filters.q.trim();
  return {
    q: q || undefined,
    status,
    role,
    entity_id: entityIds.includes(filters.entite) ? filters.entite : undefined,
    page,
    per_page: perPage,
  };
}

export const hasFilters = (filters: PeopleFilters) => Boolean(filters.q || filters.statut || filters.entite || filters.role);
