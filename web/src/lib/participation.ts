// Helpers shared by the « Mon compte » pages (participations, dates, conventions).
// the app-wide ones live in @/api, @/format and @/components/.
//
//   flashMessage()                 the one-off message a page was opened with (history.state.flash),
//                                  e.g. « Ta demande est envoyée » after the dates form; read once, then cleared
//   goWithFlash(router, to, text)  router.push(to) carrying that message
//   DATE_STATES                    French labels of a mission date's state
//   dateStateLabel(date, signed)   « en attente de ton manager », « validée — convention à signer », …
//   signedDatesOf(convention)      Set of "YYYY-MM-DD" covered by the signed version of a convention
//   needsSignature(participation, convention)   the current convention version waits for the signature
//   remainingDays(year, dashboard, participations)  what is left of the allowance for a civil year (null: weekly)
//   conventionStateText(c)        « à signer (version 2) », « signée (version 1) », « retirée … »
//   documentsFollow(participations, conventions)  documents has caught up with engagement (no convention still to
//                                  sign for a mission the employee withdrew from)
//   itemsOf(answer)                a list answer's items (accepts {items: []} or a bare array)
//   pdfDownload(url)               the same PDF URL as an attachment (?download=1)

import type { RouteLocationPathRaw, Router } from "vue-router";
import type { DocumentsSchemas, EngagementSchemas } from "@/api";

type Participation = EngagementSchemas["Participation"];
type Dashboard = EngagementSchemas["Dashboard"];
type Convention = DocumentsSchemas["Convention"];

export function flashMessage(): string {
  const state = window.history.state;
  const text = (state && typeof state.flash === "string" && state.flash) || "";
  // Shown once: a reload or a later visit of this history entry does not repeat it.
  if (text) window.history.replaceState({ ...state, flash: null }, "");
  return text;
}

export function goWithFlash(router: Router, to: string | RouteLocationPathRaw, text: string) {
  const target = typeof to === "string" ? { path: to } : to;
  return router.push({ ...target, state: { flash: text } });
}

export const DATE_STATES: Record<string, string> = {
  pending: "en attente de ton manager",
  approved: "validée",
  refused: "refusée",
  cancelled: "annulée",
};

export function signedDatesOf(convention: Convention | null | undefined): Set<string> {
  const found = new Set<string>();
  if (!convention || !Array.isArray(convention.versions)) return found;
  const signed = convention.versions.find((version) => version.number === convention.signed_version);
  for (const item of (signed && signed.dates) || []) if (item.date) found.add(item.date);
  return found;
}

/** The label of a date in « MES MISSIONS »: its state, the convention step, the attendance. */
export function dateStateLabel(date: EngagementSchemas["MissionDate"], { hasConvention = false, signed = new Set<string>(), toSign = false } = {}): string {
  // Waiting for the manager, and the day has gone by (the server's clock says so): nobody can accept it any more.
  if (date.too_late) return "passée sans validation";
  if (date.state !== "approved") return (date.state && DATE_STATES[date.state]) || date.state || "";
  if (date.present === true) return "validée — présence attestée";
  if (date.present === false) return "validée — absence signalée par l'association";
  if (date.date && signed.has(date.date)) return "validée — convention signée";
  if (!hasConvention) return "validée — convention en préparation";
  return toSign ? "validée — convention à signer" : "validée — convention signée";
}

export function needsSignature(participation: Participation | null | undefined, convention: Convention | null | undefined): boolean {
  if (convention) return convention.state === "to_sign";
  const link = participation && participation.convention;
  if (link && typeof link.to_sign === "boolean") return link.to_sign;
  if (link && link.version != null) return link.version !== link.signed_version;
  return Boolean(participation && participation.convention_state === "to_sign");
}

export function remainingDays(year: number | null | undefined, dashboard: Dashboard | null | undefined, participations: Participation[]): number | null {
  if (!dashboard || !dashboard.allowance || dashboard.allowance.kind !== "annual") return null;
  if (dashboard.year === year && dashboard.days_remaining != null) return dashboard.days_remaining;
  // Another year that the end-of-career months (one day a week, not on the year's days) reach: the participations'
  // totals cannot tell which days use the year's allowance, so only the server's check says it.
  const weeklyFrom = dashboard.allowance.weekly_from;
  if (weeklyFrom && year != null && Number(weeklyFrom.slice(0, 4)) <= year) return null;
  const booked = participations
    .filter((participation) => participation.year === year && participation.status !== "withdrawn")
    .reduce((sum, participation) => sum + (participation.days_approved || 0) + (participation.days_pending || 0), 0);
  return Math.max((dashboard.allowance.days ?? 0) - booked, 0);
}

/** « à signer (version 2) », « signée (version 1) », « retirée ». */
export function conventionStateText(convention: Convention | null | undefined): string {
  if (!convention) return "";
  if (convention.state === "to_sign") return `à signer (version ${convention.current_version})`;
  if (convention.state === "signed") return `signée (version ${convention.signed_version})`;
  if (convention.state === "withdrawn") return "retirée : tu t'es retiré·e de la mission";
  return convention.state ?? "";
}

/** Whether documents has caught up with engagement: a withdrawal is engagement's at once, and documents withdraws the
 * convention when the event reaches it (`engagement.dates.cancelled`). Until then its « Signer ma convention » would
 * still ask to sign for a mission the employee has left. */
export function documentsFollow(participations: Participation[], conventions: Convention[]): boolean {
  const withdrawn = new Set(participations.filter((participation) => participation.status === "withdrawn")
    .map((participation) => participation.id));
  return !conventions.some((convention) => convention.state === "to_sign" && withdrawn.has(convention.participation_id));
}

export function itemsOf<T>(answer: T[] | { items?: T[] } | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return (answer && Array.isArray(answer.items) && answer.items) || [];
}

export function pdfDownload(url: string | null | undefined): string {
  if (!url) return "";
  return url + (url.includes("?") ? "&" : "?") + "download=1";
}
