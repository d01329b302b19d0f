import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import AsyncState from "./AsyncState.vue";
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
