import { describe, expect, it } from "vitest";
import { ApiError } from "@/api/errors";
import { auditActionLabel, importLineErrors, lacksPayPermission, money, parseEuros, valuationDownload } from "./valuation";

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the valuation screens", () => {
  it("writes euros the French way", () => {
    expect(spaces(money(1234.5))).toBe("1 234,50 €");
    expect(money(null)).toBe("—");
  });

  it("lists the line errors of a refused import, and nothing for another error", () => {
    const refused = new ApiError(422, "Le fichier a des erreurs.", { body: { detail: "x", errors: { lines: ["Ligne 3 : inconnu.", 4] } } });
    expect(importLineErrors(refused)).toEqual(["Ligne 3 : inconnu."]);
    expect(importLineErrors(new ApiError(500, "boom"))).toEqual([]);
    expect(importLineErrors(new Error("x"))).toEqual([]);
  });

  it("tells a missing permission from other errors", () => {
    expect(lacksPayPermission(new ApiError(403, "Il te faut la permission"))).toBe(true);
    expect(lacksPayPermission(new ApiError(500, "boom"))).toBe(false);
  });

  it("reads a daily cost typed in French", () => {
    expect(parseEuros("420")).toBe(420);
    expect(parseEuros("1 234,5 €")).toBe(1234.5);
    expect(parseEuros(" ")).toBeNull();
    expect(parseEuros("abc")).toBe("invalid");
    expect(parseEuros("4,555")).toBe("invalid");
  });

  it("links the valuation's downloads", () => {
    expect(valuationDownload("c1", "pdf", 2026)).toBe("/api/impact/companies/c1/valuation.pdf?year=2026");
  });

  it("names the audit trail's actions in French, and shows an unknown one as it is", () => {
    expect(auditActionLabel("pay_read")).toBe("Rémunérations consultées");
    expect(auditActionLabel("permission_granted")).toBe("Permission donnée");
    expect(auditActionLabel("something_new")).toBe("something_new");
  });
});
