import { describe, expect, it } from "vitest";
import { cellLabel, labelLines, labelWidth } from "./charts";

describe("labelLines", () => {
  it("keeps a name that fits on one line", () => {
    expect(labelLines("Les Petits Savants", 19)).toEqual(["Les Petits Savants"]);
  });

  it("puts a long name on several lines, words whole, none wider than the room", () => {
    const lines = labelLines("Direction des systèmes d'information", 19);
    expect(lines).toEqual(["Direction des", "systèmes", "d'information"]);
    expect(lines.join(" ")).toBe("Direction des systèmes d'information");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(19);
  });

  it("cuts what does not fit on the last line, and a word longer than a line, with « … »", () => {
    expect(labelLines("Association nationale pour la protection des océans et des littoraux", 14)).toEqual(
      ["Association", "nationale pour", "la protection…"]);
    expect(labelLines("Anticonstitutionnellement", 12)).toEqual(["Anticonstit…"]);
    for (const line of labelLines("Association nationale pour la protection des océans et des littoraux", 14)) {
      expect(line.length).toBeLessThanOrEqual(14);
    }
  });

  it("gives one empty line for an empty name", () => {
    expect(labelLines("  ", 10)).toEqual([""]);
  });
});

describe("labelWidth", () => {
  it("gives a phone's chart about 19 characters, a desktop's more, never fewer than 10", () => {
    expect(labelWidth(311)).toBe(19);
    expect(labelWidth(600)).toBe(36);
    expect(labelWidth(100)).toBe(10);
  });
});

describe("cellLabel", () => {
  it("keeps a slash with the word before it", () => {
    expect(cellLabel("sciences / recherche")).toBe("sciences\u00a0/ recherche");
    expect(cellLabel("Les Petits Savants")).toBe("Les Petits Savants");
  });
});
