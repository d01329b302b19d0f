// « Valorisation » (article 238 bis CGI): amounts in euros, the line errors of a refused pay import, and the addresses
// of the valuation's downloads. The API decides who may see pay data; these helpers only write what it answers.
import { ApiError } from "@/api/errors";

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const money = (value: number | null | undefined) => (value === null || value === undefined ? "—" : euros.format(value));
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
export const rate = (value: number) => percent.format(value);

/** « Ligne 3 : … » messages of a refused import (422), in the file's order; empty for any other error. */
export function importLineErrors(caught: unknown): string[] {
  if (!(caught instanceof ApiError) || caught.status !== 422) return [];
  const errors = caught.body?.errors;
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return [];
  const lines = (errors as Record<string, unknown>).lines;
  return Array.isArray(lines) ? lines.filter((line): line is string => typeof line === "string") : [];
}

/** A refusal because the signed-in admin lacks the « données de rémunération » permission (403), or any other. */
export const lacksPayPermission = (caught: unknown) => caught instanceof ApiError && (caught.status === 403 || caught.status === 404);

export function valuationDownload(companyId: string, kind: "xlsx" | "pdf", year: number) {
  return `/api/impact/companies/${encodeURIComponent(companyId)}/valuation.${kind}?year=${year}`;
}

/** An amount typed by the admin (a daily cost, a turnover): « 420 », « 420,50 », « 1 234,5 » → 420, 420.5, 1234.5; empty → null (removes it). */
export function parseEuros(text: string): number | null | "invalid" {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!cleaned) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return "invalid";
  return Number(cleaned);
}

const AUDIT_ACTIONS: Record<string, string> = {
  permission_granted: "Permission donnée",
  permission_revoked: "Permission retirée",
  pay_imported: "Rémunérations importées",
  pay_read: "Rémunérations consultées",
  daily_costs_read: "Coûts par entité consultés",
  daily_cost_set: "Coût d'une journée modifié",
  valuation_settings_set: "Paramètres de valorisation modifiés",
  valuation_read: "Valorisation consultée",
};

/** The audit trail's action, in French; an action this client does not know yet is shown as it is. */
export const auditActionLabel = (action: string) => AUDIT_ACTIONS[action] ?? action;
