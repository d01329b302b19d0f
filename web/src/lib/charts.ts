// What the bar charts (components/BarChart.vue) need apart from Chart.js.

// A category's name on the lines a chart has room for: Chart.js draws a label on one line, and a long one (« Direction
// des systèmes d'information » at 375 px) ran off the canvas's left edge, cut. Words are kept whole, `width`
// characters a line at most, `lines` lines at most: what is left is cut with « … », as is a single word longer than a
// line. The whole name stays in the table under the chart.
export function labelLines(label: string, width: number, lines = 3): string[] {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const result: string[] = [];
  let current = "";
  for (const word of words) {
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= width) {
      current = joined;
      continue;
    }
    if (current) result.push(current);
    current = word;
  }
  if (current) result.push(current);
  const shown = result.slice(0, lines).map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
  if (result.length > lines) {
    const last = shown[lines - 1];
    shown[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return shown.length ? shown : [""];
}

// How many characters a line of a category's name may hold beside the bars: at most 40 % of the chart's width, at
// about 6.5 px a character of the charts' 12 px font, never fewer than 10.
export function labelWidth(chartWidth: number): number {
  return Math.max(10, Math.floor((chartWidth * 0.4) / 6.5));
}

// A name as a table cell writes it: « sciences / recherche » keeps its slash after the first word (a narrow column
// left « / » alone on a line).
export function cellLabel(label: string): string {
  return label.replace(/ \//g, "\u00a0/");
}
