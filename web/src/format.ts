// French formatting helpers for everything users read. Dates given as "YYYY-MM-DD" are calendar
// dates (no time zone shift); datetimes are ISO strings with an offset.
//
//   longDate("2027-01-25")      « lundi 25 janvier 2027 »
//   shortDate("2027-01-25")     « 25/01/2027 »
//   mediumDate("2027-01-25")    « 25 janvier 2027 »; mediumDate("2026-10-01") « 1er octobre 2026 »
//   dayMonth("2027-01-25")      « lundi 25 »  (inside a month heading)
//   monthLabel("2027-01")       « janvier 2027 »   (also accepts "2027-01-25", or (2027, 1))
//   dateTime("2027-01-25T09:30:00Z")  « 25 janvier 2027 à 10 h 30 » (local time)
//   formatLabel("full_day" | "half_day")  « Journée » / « 1/2 journée » (the guide's words)
//   days(1.5)                   « 1,5 jour »; days(2) « 2 jours »; days(0) « 0 jour »
//   number(1234.5)              « 1 234,5 »
//   plural(3, "mission", "missions")  « 3 missions »
//   capitalize("lundi")         « Lundi »
//   frenchSpacing("Refuse-la : Camille")  the space before « : ; ! ? » and inside « » made unbreakable
//   dateRange("2026-11-30", "2026-12-14")  « du 30 novembre au 14 décembre 2026 »
//   isoDate(new Date())         "2027-01-25" (local calendar date)

const DAY_FORMAT = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MEDIUM_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const DAY_MONTH_FORMAT = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", timeZone: "UTC" });
const MONTH_FORMAT = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const NUMBER_FORMAT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

function calendarDate(value: unknown): Date | null {
  if (value instanceof Date) return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(value || ""));
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] || 1)));
}

// The first of the month is « 1er » in French (« 1er octobre 2026 »); Intl writes « 1 octobre 2026 ».
function french(format: Intl.DateTimeFormat, date: Date): string {
  return format.formatToParts(date).map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value)).join("");
}

function using(format: Intl.DateTimeFormat, value: unknown): string {
  const date = calendarDate(value);
  return date ? french(format, date) : "";
}

export const longDate = (value: unknown): string => using(DAY_FORMAT, value);
export const mediumDate = (value: unknown): string => using(MEDIUM_FORMAT, value);
export const shortDate = (value: unknown): string => using(SHORT_FORMAT, value);
export const dayMonth = (value: unknown): string => using(DAY_MONTH_FORMAT, value);

export function monthLabel(value: unknown, month?: number): string {
  if (typeof value === "number" && month) return MONTH_FORMAT.format(new Date(Date.UTC(value, month - 1, 1)));
  return using(MONTH_FORMAT, value);
}

export function dateTime(value: unknown): string {
  if (!value) return "";
  const date = value instanceof Date ? value : new Date(typeof value === "number" ? value : String(value));
  if (Number.isNaN(date.getTime())) return "";
  const day = french(new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }), date);
  const hours = String(date.getHours());
  const minutes = String(date.getMinutes()).padStart(2, "0");
  // « 14 h 16 » stays on one line (a table cell broke it after « h »).
  return `${day} à ${hours}\u00a0h\u00a0${minutes}`;
}

const FORMAT_LABELS: Record<string, string> = { full_day: "Journée", half_day: "1/2 journée" };
export const formatLabel = (format: string | null | undefined): string => (format && FORMAT_LABELS[format]) || format || "";

export const number = (value: unknown): string => NUMBER_FORMAT.format(Number(value) || 0);

export function days(value: unknown): string {
  const amount = Number(value) || 0;
  return `${number(amount)} ${amount >= 2 ? "jours" : "jour"}`;
}

export function plural(count: unknown, singular: string, pluralForm = `${singular}s`): string {
  const amount = Number(count) || 0;
  return `${number(amount)} ${amount >= 2 ? pluralForm : singular}`;
}

export const capitalize = (text: string | null | undefined): string => (text ? text.charAt(0).toUpperCase() + text.slice(1) : "");

export function isoDate(date = new Date()) {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

// French typography puts a space before « : ; ! ? » and inside « », and a line never starts with one of them: the
// space stays, made unbreakable (a narrow one before « ; ! ? », as the Imprimerie nationale does; a full one before
// « : » and inside « »). For texts written elsewhere (the services, the demo content) and shown as they are.
export function frenchSpacing(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .replace(/ ([;!?])/g, "\u202f$1")
    .replace(/ ([:»])/g, "\u00a0$1")
    .replace(/« /g, "«\u00a0");
}

// A period of days, its year (and month) said once: « du 4 au 5 décembre 2026 », « du 30 novembre au 14 décembre
// 2026 », « du 28 décembre 2026 au 3 janvier 2027 »; one day: « le 4 décembre 2026 ».
export function dateRange(first: unknown, last: unknown): string {
  const start = mediumDate(first);
  const end = mediumDate(last);
  if (!start || !end) return "";
  if (start === end) return `le ${start}`;
  const [startDay, startMonth, startYear] = start.split(" ");
  const [, endMonth, endYear] = end.split(" ");
  if (startYear !== endYear) return `du ${start} au ${end}`;
  return startMonth === endMonth ? `du ${startDay} au ${end}` : `du ${startDay} ${startMonth} au ${end}`;
}
