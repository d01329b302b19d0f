// A filter group with many values (« Associations »: one per association, thousands on a real platform) cannot show
// them all as chips. It shows the values the current search counts most, the ones already ticked, and a field to
// find any other by its name.
//
//   visibleChips(chips, "", false)        the ticked ones, then the SHORT_LIST most counted
//   visibleChips(chips, "", true)         all of them, most counted first
//   visibleChips(chips, "guillo", false)  the ones whose name holds those letters (accents and case ignored), most
//                                         counted first, at most FOUND_AT_MOST

export const LONG_LIST = 12; // a group with more values than this gets the field and the short list
export const SHORT_LIST = 8;
export const FOUND_AT_MOST = 30;

export interface FacetChip {
  value: string;
  label?: string;
  count: number;
  pressed: boolean;
}

export interface VisibleChips {
  chips: FacetChip[];
  hidden: number; // values left out: shown again by « Afficher les N autres » (no search) or a longer search
}

export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

export function isLong(chips: FacetChip[]): boolean {
  return chips.length > LONG_LIST;
}

function byCount(a: FacetChip, b: FacetChip): number {
  return b.count - a.count; // stable: equal counts keep the page's alphabetical order
}

export function visibleChips(chips: FacetChip[], search: string, expanded: boolean): VisibleChips {
  const wanted = fold(search);
  if (wanted) {
    const found = chips.filter((chip) => fold(chip.label || chip.value).includes(wanted)).sort(byCount);
    const shown = found.slice(0, FOUND_AT_MOST);
    return { chips: shown, hidden: found.length - shown.length };
  }
  const ticked = chips.filter((chip) => chip.pressed);
  const others = chips.filter((chip) => !chip.pressed).sort(byCount);
  const shown = expanded ? others : others.slice(0, SHORT_LIST);
  return { chips: [...ticked, ...shown], hidden: others.length - shown.length };
}
