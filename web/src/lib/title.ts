// document.title: « Titre — Tandem ». The router sets each route's meta.title on navigation; pages with a
// data-driven title (the mission sheet) call setTitle once their data has arrived.
const SITE = "Tandem";

export function setTitle(title?: string | null): void {
  document.title = title ? `${title} — ${SITE}` : `${SITE} — mécénat de compétences`;
}
