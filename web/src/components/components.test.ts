import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import AsyncState from "./AsyncState.vue";
import FilePicker from "./FilePicker.vue";
import FilterGroup from "./FilterGroup.vue";
import FormField from "./FormField.vue";
import { ApiError } from "@/api/errors";

describe("AsyncState", () => {
  it("shows the loading status, then the error with a retry button, then the content", async () => {
    let retried = 0;
    const wrapper = mount(AsyncState, { props: { loading: true, onRetry: () => (retried += 1) }, slots: { default: "<p>Contenu</p>" } });
    expect(wrapper.get("[role=status]").text()).toBe("Chargement…");
    expect(wrapper.attributes("aria-busy")).toBe("true");
    await wrapper.setProps({ loading: false, error: new ApiError(0, "Le serveur ne répond pas.") });
    expect(wrapper.get("[role=alert]").text()).toContain("Le serveur ne répond pas.");
    await wrapper.get("button").trigger("click");
    expect(retried).toBe(1);
    await wrapper.setProps({ error: null });
    expect(wrapper.text()).toBe("Contenu");
  });

  it("says so when there is nothing to show", () => {
    const wrapper = mount(AsyncState, { props: { empty: true, emptyText: "Aucune mission pour l'instant." } });
    expect(wrapper.text()).toBe("Aucune mission pour l'instant.");
  });
});

describe("FormField", () => {
  it("links its label, hint and error to the control", async () => {
    const wrapper = mount(FormField, { props: { label: "E-mail", id: "courriel", hint: "Ton adresse pro.", error: "Adresse invalide.", required: true } });
    const input = wrapper.get("input");
    expect(wrapper.get("label").attributes("for")).toBe("courriel");
    expect(input.attributes("aria-describedby")).toBe("courriel-erreur courriel-aide");
    expect(input.attributes("aria-invalid")).toBe("true");
    await input.setValue("camille@horizon.example");
    expect(wrapper.emitted("update:modelValue")?.[0]).toEqual(["camille@horizon.example"]);
  });

  it("emits a boolean for a checkbox", async () => {
    const wrapper = mount(FormField, { props: { label: "J'accepte", type: "checkbox" } });
    await wrapper.get("input").setValue(true);
    expect(wrapper.emitted("update:modelValue")?.[0]).toEqual([true]);
  });
});

describe("FilePicker", () => {
  function choose(input: HTMLInputElement, file: File) {
    // jsdom lets a test set `files` the way the browser's picker does.
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    input.dispatchEvent(new Event("change"));
  }

  it("says in French what to do and which file is chosen, whatever the browser's language", async () => {
    const wrapper = mount(FilePicker, { props: { id: "paie-fichier", accept: ".csv", describedby: "paie-aide", modelValue: null } });
    const input = wrapper.get("input");
    expect(input.attributes()).toMatchObject({ id: "paie-fichier", type: "file", accept: ".csv", "aria-describedby": "paie-aide" });
    expect(input.attributes("aria-invalid")).toBeUndefined();
    expect(wrapper.get(".file-picker__button").text()).toBe("Choisir un fichier");
    expect(wrapper.get(".file-picker__name").text()).toBe("Aucun fichier choisi");

    const csv = new File(["email;salaire_brut_annuel\n"], "paie-2026.csv", { type: "text/csv" });
    choose(input.element as HTMLInputElement, csv);
    expect(wrapper.emitted("update:modelValue")?.[0]).toEqual([csv]);
    await wrapper.setProps({ modelValue: csv, invalid: true });
    expect(wrapper.get(".file-picker__name").text()).toBe("paie-2026.csv");
    expect(input.attributes("aria-invalid")).toBe("true");
  });

  it("empties the input when the chosen file is set back to none", async () => {
    const wrapper = mount(FilePicker, { props: { id: "logo", modelValue: null } });
    const input = wrapper.get("input").element as HTMLInputElement;
    const emptied: string[] = [];
    Object.defineProperty(input, "value", { configurable: true, get: () => "C:\\fakepath\\logo.png", set: (value: string) => emptied.push(value) });
    await wrapper.setProps({ modelValue: new File(["x"], "logo.png", { type: "image/png" }) });
    expect(emptied).toEqual([]);
    await wrapper.setProps({ modelValue: null });
    expect(emptied).toEqual([""]);
    expect(wrapper.get(".file-picker__name").text()).toBe("Aucun fichier choisi");
  });
});

describe("FilterGroup", () => {
  const find = {
    label: "Chercher une association",
    placeholder: "Chercher par nom",
    other: ["autre association", "autres associations"] as [string, string],
    found: ["association trouvée", "associations trouvées"] as [string, string],
    none: "Aucune association de la liste ne porte ce nom.",
  };
  const chips = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `id-${i}`, label: `Association ${i}`, count: i + 1, pressed: i === 0 }));
  const names = (wrapper: ReturnType<typeof mount>) => wrapper.findAll(".chip > span:first-child").map((chip) => chip.text());

  it("shows every chip of a short list, without a finder", () => {
    const wrapper = mount(FilterGroup, { props: { label: "Associations", chips: chips(12), unit: ["mission", "missions"], find, findId: "f" } });
    expect(wrapper.findAll(".chip")).toHaveLength(12);
    expect(wrapper.find("input").exists()).toBe(false);
  });

  it("shortens a long list, expands it, finds a value by name and emits the one clicked", async () => {
    const wrapper = mount(FilterGroup, { props: { label: "Associations", chips: chips(40), unit: ["mission", "missions"], find, findId: "f", selectedCount: 1 } });
    expect(names(wrapper)).toEqual(["Association 0", "Association 39", "Association 38", "Association 37", "Association 36",
                                    "Association 35", "Association 34", "Association 33", "Association 32"]);
    const more = wrapper.get("button.filter-group__more");
    expect(more.text()).toBe("Afficher les 31 autres associations");
    await more.trigger("click");
    expect(wrapper.findAll(".chip")).toHaveLength(40);
    expect(wrapper.get("button.filter-group__more").text()).toBe("Afficher moins");
    expect(wrapper.get("button.filter-group__more").attributes("aria-expanded")).toBe("true");

    expect(wrapper.get("label").text()).toBe("Chercher une association");
    expect(wrapper.get("input#f").attributes("placeholder")).toBe("Chercher par nom");
    await wrapper.get("input#f").setValue("ASSOCIATION 2");
    expect(names(wrapper)).toEqual(["Association 29", "Association 28", "Association 27", "Association 26", "Association 25",
                                    "Association 24", "Association 23", "Association 22", "Association 21", "Association 20", "Association 2"]);
    expect(wrapper.get("[role=status]").text()).toBe("11 associations trouvées");
    await wrapper.findAll(".chip")[10].trigger("click");
    expect(wrapper.emitted("toggle")).toEqual([["id-2"]]);

    await wrapper.get("input#f").setValue("Restos du cœur");
    expect(wrapper.findAll(".chip")).toHaveLength(0);
    expect(wrapper.text()).toContain("Aucune association de la liste ne porte ce nom.");
  });

  it("says « l'autre » when one value is left out", () => {
    // 13 values, 4 of them ticked: the ticked ones and the 8 most counted are shown, one is left out.
    const wrapper = mount(FilterGroup, { props: { label: "Associations", chips: chips(13).map((chip, i) => ({ ...chip, pressed: i < 4 })),
                                                  unit: ["mission", "missions"], find, findId: "f" } });
    expect(wrapper.findAll(".chip")).toHaveLength(12);
    expect(wrapper.get("button.filter-group__more").text()).toBe("Afficher l'autre association");
  });
});
