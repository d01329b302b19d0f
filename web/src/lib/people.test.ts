import { describe, expect, it } from "vitest";
import { apiQuery, filtersFromQuery, hasFilters } from "./people";

describe("the people table's filters", () => {
  it("reads the URL's filters, ignoring repeated or missing values", () => {
    expect(filtersFromQuery({ q: "mar", statut: "active", entite: "e1", role: ["employee", "x"] }))
      .toEqual({ q: "mar", statut: "active", entite: "e1", role: "" });
  });

  it("sends only known statuses and roles, and an entity of the company", () => {
    const filters = { q: "  Camille ", statut: "active", entite: "e2", role: "company_admin" };
    expect(apiQuery(filters, ["e1", "e2"], 3, 20)).toEqual({ q: "Camille", status: "active", role: "company_admin", entity_id: "e2", page: 3, per_page: 20 });
    expect(apiQuery({ q: " ", statut: "deleted", entite: "autre", role: "roi" }, ["e1"], 1, 20))
      .toEqual({ q: undefined, status: undefined, role: undefined, entity_id: undefined, page: 1, per_page: 20 });
  });

  it("knows when a filter is on", () => {
    expect(hasFilters({ q: "", statut: "", entite: "", role: "" })).toBe(false);
    expect(hasFilters({ q: "", statut: "", entite: "", role: "employee" })).toBe(true);
  });
});
