import { describe, expect, it } from "vitest";
import { breakdownChart, countChart, dayCount, exportUrl, share, withDays } from "./impact";

const row = (label: string, asked: number, approved: number, done: number) => ({ key: label, label, asked, approved, done });

describe("the Impact tab's numbers", () => {
  it("writes days by halves and shares as French percentages", () => {
    expect(dayCount(0.5)).toBe("0,5");
    expect(dayCount(12)).toBe("12");
    expect(share(0.1167).replace(/\s/g, " ")).toBe("11,7 %");
  });

  it("draws one series per state of a day, in the rows' order", () => {
    const chart = breakdownChart([row("janvier", 2, 1.5, 1), row("février", 0.5, 0, 0)]);
    expect(chart.labels).toEqual(["janvier", "février"]);
    expect(chart.datasets.map((dataset) => dataset.label)).toEqual(["Jours demandés", "Jours validés", "Jours réalisés"]);
    expect(chart.datasets.map((dataset) => dataset.data)).toEqual([[2, 0.5], [1.5, 0], [1, 0]]);
    expect(countChart("Participations", [{ label: "Candidatures", count: 3 }]).datasets[0].data).toEqual([3]);
  });

  it("keeps only rows with days, and links the exports of the chosen year and entity", () => {
    expect(withDays([row("a", 0, 0, 0), row("b", 1, 0, 0)]).map((item) => item.label)).toEqual(["b"]);
    expect(exportUrl("c 1", "days.csv", 2026, "")).toBe("/api/impact/companies/c%201/exports/days.csv?year=2026");
    expect(exportUrl("c1", "report.xlsx", 2025, "e1")).toBe("/api/impact/companies/c1/exports/report.xlsx?year=2025&entity_id=e1");
  });
});
