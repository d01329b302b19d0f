// Focus moves after a state change: the page heading, the error summary, an element soon to be rendered.
import { nextTick } from "vue";

// After a page changes state (form sent, link confirmed), screen readers hear the new heading.
export function focusHeading() {
  nextTick(() => {
    const heading = document.querySelector<HTMLElement>("#contenu h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
}

// After a refused form: the focus onto the ErrorSummary (web/components/ErrorSummary.js) shown above it.
export function focusErrors() {
  nextTick(() => {
    const summary = document.querySelector<HTMLElement>("#contenu .error-summary");
    if (summary) {
      summary.focus();
      summary.scrollIntoView({ block: "nearest" });
    }
  });
}

export async function focusSoon(selectorOrElement: string | HTMLElement | null | undefined) {
  await nextTick();
  const element = typeof selectorOrElement === "string" ? document.querySelector<HTMLElement>(selectorOrElement) : selectorOrElement;
  if (element && typeof element.focus === "function") element.focus();
}

// After a re-render that may have removed the focused button: focus `selector` only if focus was lost.
export async function keepFocus(selector: string) {
  await nextTick();
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus();
  }
}

let uid = 0;
export const uniqueId = (prefix: string) => `${prefix}-${++uid}`;

