// The « Impact » tab: how the report's numbers are written (days counted by halves, shares as percentages), the
// series a chart draws from a breakdown, and the addresses of the streamed exports (the session's cookie carries
// the right to download them, so a plain link works).
import type { ImpactSchemas } from "@/api";

type Breakdown = ImpactSchemas["BreakdownRow"];

// Colour-blind-safe (Okabe-Ito) with at least 3:1 against white, one per state of a day.
export const SERIES = [
  { key: "asked", label: "Jours demandés", colour: "#0072B2" },
  { key: "approved", label: "Jours validés", colour: "#B35900" },
  { key: "done", label: "Jours réalisés", colour: "#007A5E" },
] as const;

const days = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** 0.5 → « 0,5 », 12 → « 12 » (a half day counts 0.5). */
export const dayCount = (value: number) => days.format(value);
export const share = (value: number) => percent.format(value);

/** The datasets of a bar chart of asked / approved / done days per row (the rows' own order). */
export function breakdownChart(rows: readonly Breakdown[]) {
  return {
    labels: rows.map((row) => row.label),
    datasets: SERIES.map((series) => ({
      label: series.label,
      data: rows.map((row) => row[series.key]),
      backgroundColor: series.colour,
      borderColor: series.colour,
    })),
  };
}

/** One series of counts (the funnel, a bilan question's answers). */
export function countChart(label: string, rows: readonly { label: string; count: number }[], colour: string = SERIES[0].colour) {
  return { labels: rows.map((row) => row.label), datasets: [{ label, data: rows.map((row) => row.count), backgroundColor: colour, borderColor: colour }] };
}

/** Only the rows with at least one day (an association or a theme with none says nothing). */
export const withDays = (rows: readonly Breakdown[]) => rows.filter((row) => row.asked || row.approved || row.done);

export type ExportName = "days.csv" | "days.xlsx" | "report.csv" | "report.xlsx";

/** The address of a streamed export of the company's year (and entity). */
export function exportUrl(companyId: string, name: ExportName, year: number, entityId: string) {
  const query = new URLSearchParams({ year: String(year) });
  if (entityId) query.set("entity_id", entityId);
  return `/api/impact/companies/${encodeURIComponent(companyId)}/exports/${name}?${query}`;
}
