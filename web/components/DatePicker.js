// A month-grid date picker for mission dates (step 2 « Je valide mes dates » and « Ajouter des dates »).
//
//   import DatePicker, { frenchHolidays, parisToday } from "../../components/DatePicker.js";
//   <DatePicker v-model="selectedIsoDates" min="2026-11-26" max="2026-12-31"
//               :unavailable="{ '2026-12-07': 'déjà demandée' }" describedby="dates-hint dates-error" />
//
// Props
//   modelValue   array of "YYYY-MM-DD" (the selected days; the order is kept as the caller's)
//   min, max     "YYYY-MM-DD": days outside are disabled and the month buttons stop there
//   unavailable  { "YYYY-MM-DD": "why" }: more disabled days (e.g. dates already asked for)
//   describedby  ids of hints/errors about the whole field (linked to every day button)
//   invalid      true when the field has an error (aria-invalid on the grid's group)
// Emits update:modelValue with a new array (days toggled on/off).
//
// Rules built in: weekends and French public holidays (metropolitan France: fixed days plus Easter
// Monday, Ascension and Whit Monday computed with the Gregorian Easter algorithm — the same eleven
// days as the engagement service's `holidays.France`) and days before `min` can't be chosen.
//
// Keyboard (one tab stop, roving focus): arrows move by a day / a week, Home/End to Monday/Sunday,
// PageUp/PageDown change month (with Shift: year), Enter/Space toggle the focused day. Disabled days
// stay reachable so that their reason is read out; choosing one announces why it can't be chosen.
import { computed, nextTick, ref, watch } from "vue";

const DAY_MS = 86400000;
const WEEKDAYS = [
  ["lun.", "lundi"], ["mar.", "mardi"], ["mer.", "mercredi"], ["jeu.", "jeudi"],
  ["ven.", "vendredi"], ["sam.", "samedi"], ["dim.", "dimanche"],
];
const LONG = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

const toUtc = (iso) => {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};
const isoOf = (date) => date.toISOString().slice(0, 10);
const addDays = (iso, count) => isoOf(new Date(toUtc(iso).getTime() + count * DAY_MS));
const pad = (value) => String(value).padStart(2, "0");

// Monday = 0 … Sunday = 6.
const weekday = (iso) => (toUtc(iso).getUTCDay() + 6) % 7;

function addMonths(iso, count) {
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
export function easterSunday(year) {
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

const holidayCache = new Map();

/** French public holidays of a year: { "YYYY-MM-DD": "Noël", … }. */
export function frenchHolidays(year) {
  if (!holidayCache.has(year)) {
    const easter = easterSunday(year);
    holidayCache.set(year, {
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
    });
  }
  return holidayCache.get(year);
}

export const longDay = (iso) => LONG.format(toUtc(iso));

/** Why a day cannot be chosen, or "" when it can. */
export function unavailableReason(iso, { min = "", max = "", unavailable = {} } = {}) {
  if (min && iso < min) return "date passée ou trop tôt";
  if (max && iso > max) return `hors de l'année ${max.slice(0, 4)}`;
  if (weekday(iso) >= 5) return "week-end";
  const holiday = frenchHolidays(Number(iso.slice(0, 4)))[iso];
  if (holiday) return `férié : ${holiday}`;
  return unavailable[iso] || "";
}

let counter = 0;

export default {
  name: "DatePicker",
  props: {
    modelValue: { type: Array, default: () => [] },
    min: { type: String, default: "" },
    max: { type: String, default: "" },
    unavailable: { type: Object, default: () => ({}) },
    describedby: { type: String, default: "" },
    invalid: { type: Boolean, default: false },
  },
  emits: ["update:modelValue"],
  setup(props, { emit }) {
    counter += 1;
    const uid = `datepicker-${counter}`;
    const root = ref(null);
    const announcement = ref("");

    const firstFocus = () => {
      const start = props.modelValue[0] || props.min || parisToday();
      return clamp(start);
    };
    // The visible month is the focused day's month.
    const focused = ref("");

    function clamp(iso) {
      const low = props.min ? `${props.min.slice(0, 7)}-01` : "";
      const high = props.max ? addDays(addMonths(`${props.max.slice(0, 7)}-01`, 1), -1) : "";
      if (low && iso < low) return props.min;
      if (high && iso > high) return props.max;
      return iso;
    }

    focused.value = firstFocus();
    watch(() => [props.min, props.max], () => {
      focused.value = clamp(focused.value || firstFocus());
    });

    const monthStart = computed(() => `${focused.value.slice(0, 7)}-01`);
    const monthTitle = computed(() => MONTH.format(toUtc(monthStart.value)));
    const canPrev = computed(() => !props.min || monthStart.value.slice(0, 7) > props.min.slice(0, 7));
    const canNext = computed(() => !props.max || monthStart.value.slice(0, 7) < props.max.slice(0, 7));
    const selected = computed(() => new Set(props.modelValue));

    const weeks = computed(() => {
      const first = monthStart.value;
      const month = first.slice(0, 7);
      let cursor = addDays(first, -weekday(first));
      const rows = [];
      while (true) {
        const row = [];
        for (let index = 0; index < 7; index += 1) {
          if (cursor.slice(0, 7) === month) {
            const reason = unavailableReason(cursor, props);
            const holiday = frenchHolidays(Number(cursor.slice(0, 4)))[cursor] || "";
            row.push({ iso: cursor, day: Number(cursor.slice(8)), reason, holiday, weekend: index >= 5 });
          } else {
            row.push(null);
          }
          cursor = addDays(cursor, 1);
        }
        rows.push(row);
        if (cursor.slice(0, 7) !== month) break;
      }
      return rows;
    });

    function label(cell) {
      // The chosen state is told by aria-pressed.
      const reason = cell.reason ? ` (indisponible : ${cell.reason})` : "";
      return `${longDay(cell.iso)}${reason}`;
    }

    function focusDay() {
      nextTick(() => {
        const button = root.value && root.value.querySelector(`[data-iso="${focused.value}"]`);
        if (button) button.focus();
      });
    }

    function toggle(cell) {
      focused.value = cell.iso;
      if (cell.reason) {
        announcement.value = `Le ${longDay(cell.iso)} ne peut pas être choisi (${cell.reason}).`;
        return;
      }
      const next = selected.value.has(cell.iso)
        ? props.modelValue.filter((iso) => iso !== cell.iso)
        : [...props.modelValue, cell.iso];
      announcement.value = selected.value.has(cell.iso)
        ? `Le ${longDay(cell.iso)} est retiré de ta sélection.`
        : `Le ${longDay(cell.iso)} est ajouté à ta sélection.`;
      emit("update:modelValue", next);
    }

    function showMonth(count) {
      focused.value = clamp(addMonths(focused.value, count));
      announcement.value = "";
    }

    function onKeydown(event) {
      const moves = {
        ArrowLeft: () => addDays(focused.value, -1),
        ArrowRight: () => addDays(focused.value, 1),
        ArrowUp: () => addDays(focused.value, -7),
        ArrowDown: () => addDays(focused.value, 7),
        Home: () => addDays(focused.value, -weekday(focused.value)),
        End: () => addDays(focused.value, 6 - weekday(focused.value)),
        PageUp: () => addMonths(focused.value, event.shiftKey ? -12 : -1),
        PageDown: () => addMonths(focused.value, event.shiftKey ? 12 : 1),
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      focused.value = clamp(move());
      focusDay();
    }

    return {
      uid, root, announcement, focused, monthTitle, canPrev, canNext, weeks, selected, WEEKDAYS,
      label, toggle, showMonth, onKeydown,
    };
  },
  template: `
    <div class="datepicker" ref="root" role="group" :aria-labelledby="uid + '-month'" :aria-describedby="describedby || null"
         :aria-invalid="invalid ? 'true' : null">
      <div class="datepicker__head">
        <button type="button" class="datepicker__nav" :disabled="!canPrev" @click="showMonth(-1)">
          <span aria-hidden="true">‹</span><span class="visually-hidden">Mois précédent</span>
        </button>
        <p class="datepicker__month" :id="uid + '-month'" aria-live="polite">{{ monthTitle }}</p>
        <button type="button" class="datepicker__nav" :disabled="!canNext" @click="showMonth(1)">
          <span aria-hidden="true">›</span><span class="visually-hidden">Mois suivant</span>
        </button>
      </div>
      <table class="datepicker__grid" :aria-labelledby="uid + '-month'" @keydown="onKeydown">
        <thead>
          <tr><th v-for="day in WEEKDAYS" :key="day[1]" scope="col"><abbr :title="day[1]">{{ day[0] }}</abbr></th></tr>
        </thead>
        <tbody>
          <tr v-for="(week, row) in weeks" :key="row">
            <td v-for="(cell, column) in week" :key="column">
              <button v-if="cell" type="button" class="datepicker__day"
                      :class="{ 'is-selected': selected.has(cell.iso), 'is-disabled': !!cell.reason, 'is-holiday': !!cell.holiday, 'is-weekend': cell.weekend }"
                      :data-iso="cell.iso" :tabindex="cell.iso === focused ? 0 : -1"
                      :aria-pressed="selected.has(cell.iso) ? 'true' : 'false'"
                      :aria-disabled="cell.reason ? 'true' : null"
                      :aria-label="label(cell)" :title="cell.reason ? cell.reason.charAt(0).toUpperCase() + cell.reason.slice(1) : null"
                      @click="toggle(cell)" @focus="focused = cell.iso">{{ cell.day }}</button>
            </td>
          </tr>
        </tbody>
      </table>
      <ul class="datepicker__legend" aria-hidden="true">
        <li><span class="datepicker__key datepicker__key--selected"></span> choisie</li>
        <li><span class="datepicker__key datepicker__key--disabled"></span> indisponible : passée, week-end, férié ou déjà demandée</li>
      </ul>
      <p class="visually-hidden" role="status" aria-live="polite">{{ announcement }}</p>
    </div>
  `,
};
