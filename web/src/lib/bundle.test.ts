import { describe, expect, it } from "vitest";
import { receiptChanges, receiptStateLabel, statementStateLabel, statementStateTone } from "./bundle";

describe("the yearly bundle's states", () => {
  it("says a receipt whose confirmed data no longer match is to confirm again, in a warning's tone", () => {
    expect(receiptStateLabel("changed")).toBe(
      "à confirmer de nouveau par l'association (le montant valorisé ou les journées ont changé)");
    expect(statementStateTone("changed")).toBe("warning");
    expect(receiptStateLabel("confirmed")).toBe("confirmées par l'association");
    expect(statementStateTone("confirmed")).toBe("success");
    expect(receiptStateLabel("to_confirm")).toBe("pas encore confirmées par l'association");
  });

  it("shows nothing for a state it does not know", () => {
    expect(receiptStateLabel(undefined)).toBe("");
    expect(statementStateLabel("archived")).toBe("");
  });
});

describe("what made confirmed receipt data stale", () => {
  const confirmed = { amount: 800, total_days: 2, first_day: "2026-12-10", last_day: "2026-12-11" };
  const now = { amount: 800, total_days: 2, first_day: "2026-12-10", last_day: "2026-12-11", statement_state: "confirmed", confirmed };
  // Intl writes a narrow no-break space before « € » and as the thousands separator.
  const spaced = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
  it("names the amount and the days with their before and after, in the right number", () => {
    expect(spaced(receiptChanges({ ...now, amount: 920 }))).toBe("le montant (800,00 € → 920,00 €) a changé");
    expect(receiptChanges({ ...now, total_days: 1, last_day: "2026-12-10" })).toBe("les journées (2 jours → 1 jour) ont changé");
    expect(spaced(receiptChanges({ ...now, amount: 460, total_days: 1 }))).toBe(
      "le montant (800,00 € → 460,00 €) et les journées (2 jours → 1 jour) ont changé");
    expect(receiptChanges({ ...now, amount: null, total_days: 1.5 })).toBe(
      "les journées (2 jours → 1,5 jour) ont changé, et le montant n'est plus connu");
  });
  it("falls back on the period, the statement, then the names", () => {
    expect(receiptChanges({ ...now, first_day: "2026-12-09" })).toBe("les dates du don ont changé");
    expect(receiptChanges({ ...now, statement_state: "changed" })).toBe("l'état récapitulatif des journées a changé");
    expect(receiptChanges(now)).toBe("les données de l'entreprise ou des personnes ont changé");
    expect(receiptChanges({ ...now, confirmed: null })).toBe("");
  });
});
