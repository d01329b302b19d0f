import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import TagList from "./TagList.vue";
import ProgressBar from "./ProgressBar.vue";
import KeyFigure from "./KeyFigure.vue";
import { THEME_ILLUSTRATIONS, themeIllustration } from "@/lib/themes";
import { refusal } from "@/lib/images";

describe("TagList", () => {
  it("shows three tags then « +n », and tells a screen reader the hidden ones", () => {
    const wrapper = mount(TagList, { props: { themes: ["environnement", "social / précarité"], others: ["Jardinage", "Mentorat", "Atelier cuisine"] } });
    const tags = wrapper.findAll("li");
    expect(tags.map((tag) => tag.text()).slice(0, 3)).toEqual(["environnement", "social / précarité", "Jardinage"]);
    expect(tags[0].classes()).toContain("tag--theme");
    expect(tags[2].classes()).not.toContain("tag--theme");
    expect(tags[3].get("[aria-hidden=true]").text()).toBe("+2");
    expect(tags[3].get(".visually-hidden").text()).toBe("et aussi : Mentorat, Atelier cuisine");
  });

  it("shows no « +n » when everything fits", () => {
    const wrapper = mount(TagList, { props: { themes: ["environnement"], others: ["Jardinage"] } });
    expect(wrapper.find(".tag--more").exists()).toBe(false);
  });
});

describe("ProgressBar", () => {
  it("draws each part to scale and names every figure, with French plurals", () => {
    const wrapper = mount(ProgressBar, {
      props: { total: 4, label: "Ton allocation 2026", parts: [
        { key: "done", value: 1.5, label: ["fait", "faits"] }, { key: "planned", value: 0.5, label: ["prévu", "prévus"] },
        { key: "pending", value: 0, label: "en attente" },
      ] },
    });
    expect(wrapper.get("[role=img]").attributes("aria-label")).toBe(
      "Ton allocation 2026 : 4 jours, 1,5 jour fait, 0,5 jour prévu, 0 jour en attente, 2 jours restants");
    const segments = wrapper.findAll(".progress__segment");
    expect(segments.map((segment) => (segment.element as HTMLElement).style.width)).toEqual(["37.5%", "12.5%"]);
  });

  it("fills the bar when the days go beyond the allowance", () => {
    const wrapper = mount(ProgressBar, { props: { total: 1, label: "Allocation", parts: [{ key: "done", value: 2, label: "fait" }] } });
    expect((wrapper.get(".progress__segment").element as HTMLElement).style.width).toBe("100%");
    expect(wrapper.get("[role=img]").attributes("aria-label")).toContain("0 jour restant");
  });
});

describe("KeyFigure", () => {
  it("writes the number the French way", () => {
    const wrapper = mount(KeyFigure, { props: { value: 1234.5, unit: "jours", label: "donnés cette année" } });
    // Intl writes a narrow no-break space between thousands; a no-break space keeps the unit on the number's line.
    expect(wrapper.get(".key-figure__value").text()).toBe("1\u202f234,5\u00a0jours");
  });
});

describe("theme illustrations and image checks", () => {
  it("has one illustration per theme of the guide, and a fallback", () => {
    expect(Object.keys(THEME_ILLUSTRATIONS)).toHaveLength(12);
    expect(themeIllustration(["inconnu", "environnement"])).toBe(THEME_ILLUSTRATIONS.environnement);
    expect(themeIllustration([])).toBe(THEME_ILLUSTRATIONS["social / précarité"]);
  });

  it("refuses an SVG or a document before sending it", () => {
    expect(refusal({ type: "image/svg+xml", name: "logo.svg", size: 100 })).toContain("SVG");
    expect(refusal({ type: "", name: "logo.SVG", size: 100 })).toContain("SVG");
    expect(refusal({ type: "application/pdf", name: "a.pdf", size: 100 })).toContain("JPEG, PNG ou WebP");
    expect(refusal({ type: "image/webp", name: "a.webp", size: 100 })).toBeNull();
  });
});

describe("arrows in links and buttons", () => {
  // Every .vue file's source, as written.
  const sources = import.meta.glob("../**/*.vue", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

  it("keeps every arrow of a back, previous or next link out of its name (aria-hidden), with one arrow for all", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const bare: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      // An arrow opening an element's text (« ← Toutes les missions »), or closing it (« Page suivante › »), not in
      // its own <span aria-hidden="true">: a screen reader reads it out as « flèche gauche » or « inférieur à ».
      for (const match of source.matchAll(/(?<!aria-hidden="true")>\s*[←‹«]?[←‹→›]|[←‹→›]\s*<\/(?!span)/g)) {
        bare.push(`${file}: ${match[0]}`);
      }
    }
    expect(bare).toEqual([]);
    const chevrons = Object.entries(sources)
      .filter(([file, source]) => !file.endsWith("DatePicker.vue") && /aria-hidden="true">[‹›]</.test(source))
      .map(([file]) => file);
    expect(chevrons).toEqual([]); // « ← » and « → » everywhere; the calendar's month buttons keep their chevrons
  });
});
