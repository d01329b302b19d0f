// The yearly bundle per association and company (impact's statements, documents' PDFs): the years a
// page offers, the year in the query string (?annee=2026), and the French labels of a statement's state.
//
//   bundleYears()                    the current civil year and the three before, newest first
//   yearFromQuery(route.query.annee) a year of bundleYears(), or the current one
//   statementStateLabel("confirmed") « Confirmé »
//   receiptStateLabel("changed")     « à confirmer de nouveau par l'association (…) » (after « Données du reçu : »)

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
