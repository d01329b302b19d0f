import { describe, expect, it } from "vitest";
import { FOUND_AT_MOST, SHORT_LIST, fold, isLong, visibleChips, type FacetChip } from "./longFacets";

// 40 associations in the page's alphabetical order; « Asso 07 » counts most, then 39, 38, …
function associations(): FacetChip[] {
  return Array.from({ length: 40 }, (_, i) => ({
    value: `id-${i}`,
    label: i === 3 ? "Graines de Guillotière" : `Asso ${String(i).padStart(2, "0")}`,
    count: i === 7 ? 500 : i,
    pressed: i === 1 || i === 2,
  }));
}

describe("long facets", () => {
  it("folds accents and case", () => {
    expect(fold("  Graines de GUILLOTIÈRE ")).toBe("graines de guillotiere");
  });

  it("calls a list long beyond twelve values", () => {
    expect(isLong(associations().slice(0, 12))).toBe(false);
    expect(isLong(associations().slice(0, 13))).toBe(true);
  });

  it("shows the ticked values, then the most counted, and says how many are left out", () => {
    const { chips, hidden } = visibleChips(associations(), "", false);
    expect(chips.map((chip) => chip.value)).toEqual(["id-1", "id-2", "id-7", "id-39", "id-38", "id-37", "id-36", "id-35", "id-34", "id-33"]);
    expect(chips).toHaveLength(2 + SHORT_LIST);
    expect(hidden).toBe(40 - 2 - SHORT_LIST);
  });

  it("shows them all, most counted first, once expanded", () => {
    const { chips, hidden } = visibleChips(associations(), "", true);
    expect(chips).toHaveLength(40);
    expect(hidden).toBe(0);
    expect(chips[2].value).toBe("id-7");
  });

  it("finds a value by part of its name, whatever its accents and case", () => {
    const { chips, hidden } = visibleChips(associations(), "guillotiere", false);
    expect(chips.map((chip) => chip.label)).toEqual(["Graines de Guillotière"]);
    expect(hidden).toBe(0);
    expect(visibleChips(associations(), "  GUILLOTIÈ", false).chips).toHaveLength(1);
    expect(visibleChips(associations(), "Restos", false).chips).toEqual([]);
  });

  it("caps what a short search finds and counts the rest", () => {
    const { chips, hidden } = visibleChips(associations(), "asso", false);
    expect(chips).toHaveLength(FOUND_AT_MOST);
    expect(hidden).toBe(39 - FOUND_AT_MOST);
    expect(chips[0].value).toBe("id-7");
  });
});
