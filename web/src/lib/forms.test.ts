import { describe, expect, it } from "vitest";

import { MISMATCH, passwordErrors } from "./forms";

describe("passwordErrors", () => {
  it("says a password is too short at the first try, with the repeat that differs", () => {
    expect(passwordErrors("court", "autre")).toEqual({
      password: "Ton mot de passe doit contenir au moins 12 caractères.", password_confirmation: MISMATCH });
  });

  it("counts characters as the API does (an accent or an emoji is one)", () => {
    expect(passwordErrors("é".repeat(12), "é".repeat(12))).toEqual({});
    expect(passwordErrors("🌱".repeat(11), "🌱".repeat(11)).password).toContain("au moins 12");
    expect(passwordErrors("x".repeat(129), "x".repeat(129)).password).toContain("au plus 128");
  });

  it("leaves empty fields to the required rule", () => {
    expect(passwordErrors("", "")).toEqual({});
  });
});
