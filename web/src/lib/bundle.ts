// The yearly bundle per association and company (impact's statements, documents' PDFs): the years a
// page offers, the year in the query string (?annee=2026), and the French labels of a statement's state.
//
//   bundleYears()                    the current civil year and the three before, newest first
//   yearFromQuery(route.query.annee) a year of bundleYears(), or the current one
//   statementStateLabel("confirmed") « Confirmé »
//   receiptStateLabel("changed")     « à confirmer de nouveau par l'association (…) » (after « Données du reçu : »)
//   receiptChanges(receipt)          what differs from the confirmed data: « le montant (800,00 € → 920,00 €) a changé »

import { days } from "@/format";

export function bundleYears(today = new Date()): number[] {
  const year = today.getFullYear();
  return [year, year - 1, year - 2, year - 3];
}

export function yearFromQuery(value: unknown, today = new Date()): number {
  const year = Number(Array.isArray(value) ? value[0] : value);
  return bundleYears(today).includes(year) ? year : today.getFullYear();
}

const STATE_LABELS: Record<string, string> = {
  to_confirm: "À confirmer par l'association",
  confirmed: "Confirmé par l'association",
  changed: "À confirmer de nouveau (des journées ont changé)",
  empty: "Aucune journée réalisée",
};

export function statementStateLabel(state: string | undefined): string {
  return STATE_LABELS[state ?? ""] ?? "";
}

export function statementStateTone(state: string | undefined): string {
  return state === "confirmed" ? "success" : state === "empty" ? "muted" : "warning";
}

const RECEIPT_STATE_LABELS: Record<string, string> = {
  to_confirm: "pas encore confirmées par l'association",
  confirmed: "confirmées par l'association",
  changed: "à confirmer de nouveau par l'association (le montant valorisé ou les journées ont changé)",
  empty: "aucune journée réalisée",
};

export function receiptStateLabel(state: string | undefined): string {
  return RECEIPT_STATE_LABELS[state ?? ""] ?? "";
}

/** « 1 234,56 € » */
export function euros(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return "";
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(amount);
}

interface ReceiptFigures {
  amount?: number | null;
  total_days?: number;
  first_day?: string | null;
  last_day?: string | null;
  statement_state?: string;
  confirmed?: { amount?: number; total_days?: number; first_day?: string; last_day?: string } | null;
}

/** What makes confirmed receipt data stale, in words, for « Depuis, … : vérifie … »: the amount and the days, each with
 * its before and after, or else the period or the statement, so the referent knows what to check. */
export function receiptChanges(receipt: ReceiptFigures): string {
  const was = receipt.confirmed;
  if (!was) return "";
  const amountChanged = Number(was.amount) !== Number(receipt.amount);
  const amountUnknown = amountChanged && receipt.amount == null;
  const daysChanged = Number(was.total_days) !== Number(receipt.total_days);
  const subjects: string[] = [];
  if (amountChanged && !amountUnknown) subjects.push(`le montant (${euros(was.amount)} → ${euros(receipt.amount)})`);
  if (daysChanged) subjects.push(`les journées (${days(was.total_days)} → ${days(receipt.total_days)})`);
  const parts: string[] = [];
  // « les journées » and « le montant et les journées » are plural, « le montant » alone singular.
  if (subjects.length) parts.push(`${subjects.join(" et ")} ${daysChanged ? "ont" : "a"} changé`);
  if (amountUnknown) parts.push("le montant n'est plus connu");
  if (parts.length) return parts.join(", et ");
  if (was.first_day !== receipt.first_day || was.last_day !== receipt.last_day) return "les dates du don ont changé";
  if (receipt.statement_state !== "confirmed") return "l'état récapitulatif des journées a changé";
  return "les données de l'entreprise ou des personnes ont changé";
}
