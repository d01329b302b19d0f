// Where an application and its dates stand, in the association referent's words.
import { capitalize, monthLabel } from "@/format";

// What these helpers read of engagement's participations and dates (the referent's and the attendance
// screen's generated types both fit).
export interface PresenceDate {
  date?: string;
  attestable?: boolean;
  convention_signed?: boolean;
  present?: boolean | null;
  state_label?: string | null;
}
export interface PresenceParticipation {
  status?: string;
  bilan_completed?: boolean;
  attendance_complete?: boolean;
  dates?: readonly PresenceDate[] | null;
  pending_dates?: readonly unknown[] | null;
}

// Where an application stands, in the referent's words.
export function applicationState(participation: PresenceParticipation) {
  const dates = participation.dates || [];
  if (participation.status === "withdrawn") return { label: "Retrait du collaborateur", tone: "muted" };
  if (participation.status === "closed" || participation.bilan_completed) return { label: "Bilan complété", tone: "success" };
  if (participation.attendance_complete) return { label: "Présence attestée", tone: "success" };
  if (dates.some((date) => canAttestDate(date) && date.present === null)) return { label: "Présence à attester", tone: "warning" };
  if (dates.some((date) => !date.convention_signed && date.present === null)) return { label: "Convention à signer", tone: "neutral" };
  if ((participation.pending_dates || []).length) return { label: "Dates en attente du manager", tone: "neutral" };
  if (dates.length) return { label: "Dates validées", tone: "info" };
  return { label: "Nouvelle candidature : dates à convenir", tone: "info" };
}

// The day has come and a signed version of the convention covers the date: engagement accepts the attendance
// (the convention is signed before the mission days it adds).
export function canAttestDate(date: PresenceDate) {
  return Boolean(date.attestable && date.convention_signed);
}

export function canAttest(participation: PresenceParticipation) {
  return participation.status === "open" && (participation.dates || []).some(canAttestDate);
}

// [{ month: "novembre 2026", dates: [...] }] in date order.
export function byMonth<D extends { date?: string }>(dates: readonly D[] | null | undefined): { key: string; month: string; dates: D[] }[] {
  const groups: { key: string; month: string; dates: D[] }[] = [];
  for (const date of [...(dates || [])].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""))) {
    const key = (date.date ?? "").slice(0, 7);
    let group = groups.find((entry) => entry.key === key);
    if (!group) {
      group = { key, month: capitalize(monthLabel(key)), dates: [] };
      groups.push(group);
    }
    group.dates.push(date);
  }
  return groups;
}

export function presenceLabel(date: PresenceDate) {
  if (date.present === true) return "Présence attestée";
  if (date.present === false) return "Absence signalée";
  // « convention à signer » (or « validée, convention en préparation »), as engagement words it.
  if (!date.convention_signed) return capitalize(date.state_label || "convention à signer");
  return date.attestable ? "Présence à attester" : "À venir";
}

// The modifier of .presence: yes, no, convention (waiting for the collaborator's signature), todo or later.
export function presenceTone(date: PresenceDate) {
  if (date.present === true) return "yes";
  if (date.present === false) return "no";
  if (!date.convention_signed) return "convention";
  return date.attestable ? "todo" : "later";
}

