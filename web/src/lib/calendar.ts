// French calendar rules for mission dates: weekends, public holidays, today in Paris.

export const DAY_MS = 86400000;
export const WEEKDAYS = [
  ["lun.", "lundi"], ["mar.", "mardi"], ["mer.", "mercredi"], ["jeu.", "jeudi"],
  ["ven.", "vendredi"], ["sam.", "samedi"], ["dim.", "dimanche"],
];
const LONG = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

export const toUtc = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};
export const isoOf = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (iso: string, count: number) => isoOf(new Date(toUtc(iso).getTime() + count * DAY_MS));
const pad = (value: number) => String(value).padStart(2, "0");

// Monday = 0 … Sunday = 6.
export const weekday = (iso: string) => (toUtc(iso).getUTCDay() + 6) % 7;

export function addMonths(iso: string, count: number) {
  const date = toUtc(iso);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return isoOf(target);
}

/** Today's date in France ("YYYY-MM-DD"): the service checks dates against the French calendar day. */
export function parisToday() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** Easter Sunday (Anonymous Gregorian algorithm) as "YYYY-MM-DD". */
export function easterSunday(year: number) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const holidayCache = new Map<number, Record<string, string>>();

/** French public holidays of a year: { "YYYY-MM-DD": "Noël", … }. */
export function frenchHolidays(year: number): Record<string, string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = {
      [`${year}-01-01`]: "Jour de l'an",
      [addDays(easter, 1)]: "Lundi de Pâques",
      [`${year}-05-01`]: "Fête du Travail",
      [`${year}-05-08`]: "Fête de la Victoire",
      [addDays(easter, 39)]: "Ascension",
      [addDays(easter, 50)]: "Lundi de Pentecôte",
      [`${year}-07-14`]: "Fête nationale",
      [`${year}-08-15`]: "Assomption",
      [`${year}-11-01`]: "Toussaint",
      [`${year}-11-11`]: "Armistice",
      [`${year}-12-25`]: "Noël",
    };
    holidayCache.set(year, holidays);
  }
  return holidays;
}

export const longDay = (iso: string) => LONG.format(toUtc(iso));

/** Why a day cannot be chosen, or "" when it can. */
export function unavailableReason(iso: string, { min = "", max = "", unavailable = {} }: { min?: string; max?: string; unavailable?: Record<string, string> } = {}) {
  if (min && iso < min) return "date passée ou trop tôt";
  if (max && iso > max) return `hors de l'année ${max.slice(0, 4)}`;
  if (weekday(iso) >= 5) return "week-end";
  const holiday = frenchHolidays(Number(iso.slice(0, 4)))[iso];
  if (holiday) return `férié : ${holiday}`;
  return unavailable[iso] || "";
}

