import { describe, expect, it } from "vitest";
import { receiptStateLabel, statementStateLabel, statementStateTone } from "./bundle";

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
