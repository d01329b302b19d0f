import { describe, expect, it, vi } from "vitest";
import { defineComponent, nextTick } from "vue";
import { mount } from "@vue/test-utils";
import { asList, pageOf, queryWith } from "./useQueryFilters";
import { useAsync } from "./useAsync";
import { useForm, MISSING_FIELDS } from "./useForm";
import { useReadUntil } from "./useReadUntil";
import { ApiError } from "@/api/errors";

describe("useQueryFilters helpers", () => {
  it("reads a query value as a list and a page as a positive number", () => {
    expect(asList(undefined)).toEqual([]);
    expect(asList("")).toEqual([]);
    expect(asList("a")).toEqual(["a"]);
    expect(asList(["a", "b"])).toEqual(["a", "b"]);
    expect(pageOf("3")).toBe(3);
    expect(pageOf("0")).toBe(1);
    expect(pageOf("x")).toBe(1);
    expect(pageOf(undefined)).toBe(1);
  });

  it("applies a change, drops the page and the empty values", () => {
    expect(queryWith({ theme: ["a"], page: "2", q: "jardin" }, { region: ["Bretagne"], q: undefined })).toEqual({
      theme: ["a"],
      region: ["Bretagne"],
    });
    expect(queryWith({ theme: ["a"] }, { theme: [] })).toEqual({});
  });
});

describe("useAsync", () => {
  it("holds the data, the loading flag and the error of the last run", async () => {
    let answer: Promise<number> = Promise.resolve(1);
    const call = useAsync(() => answer);
    expect(call.loading.value).toBe(false);
    await call.run();
    expect(call.data.value).toBe(1);
    answer = Promise.reject(new ApiError(500, "Une erreur inattendue s'est produite."));
    expect(await call.run()).toBeUndefined();
    expect(call.error.value?.message).toBe("Une erreur inattendue s'est produite.");
    expect(call.loading.value).toBe(false);
  });

  it("keeps the answer of the run started last", async () => {
    const resolvers: Array<(value: string) => void> = [];
    const call = useAsync(() => new Promise<string>((resolve) => resolvers.push(resolve)));
    const first = call.run();
    const second = call.run();
    resolvers[1]("second");
    await second;
    resolvers[0]("first");
    await first;
    expect(call.data.value).toBe("second");
  });
});

describe("useForm", () => {
  it("refuses missing fields before calling the server", async () => {
    const form = useForm();
    const send = vi.fn();
    expect(await form.submit(send, { required: () => ({ email: "Ce champ est obligatoire." }) })).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(form.summary.value).toBe(MISSING_FIELDS);
    expect(form.errors.value).toEqual({ email: "Ce champ est obligatoire." });
  });

  it("shows the server's field errors and focuses the summary", async () => {
    document.body.innerHTML = '<main id="contenu"><div class="error-summary" tabindex="-1"></div></main>';
    const form = useForm();
    const refused = new ApiError(422, "Vérifie les champs signalés.", { fields: { email: "Adresse invalide." } });
    expect(await form.submit(() => Promise.reject(refused))).toBe(false);
    expect(form.errors.value.email).toBe("Adresse invalide.");
    expect(form.summary.value).toBe("Vérifie les champs signalés.");
    expect(form.sending.value).toBe(false);
    await nextTick();
    expect(document.activeElement?.className).toBe("error-summary");
  });
});

describe("useReadUntil", () => {
  // A component that hands out its readUntil, so that unmounting it can be tested.
  function withReadUntil() {
    let readUntil!: ReturnType<typeof useReadUntil>["readUntil"];
    const wrapper = mount(defineComponent({ setup() { ({ readUntil } = useReadUntil()); return () => null; } }));
    return { readUntil, wrapper };
  }

  it("reads again until the answer shows the change, through a failed read", async () => {
    vi.useFakeTimers();
    try {
      const { readUntil } = withReadUntil();
      const answers: Array<() => Promise<string | undefined>> = [
        () => Promise.resolve("en attente"), () => Promise.reject(new Error("503")), () => Promise.resolve(undefined),
        () => Promise.resolve("validée"), () => Promise.resolve("jamais lue"),
      ];
      let reads = 0;
      const shown = readUntil(() => answers[reads++](), (answer) => answer === "validée", { every: 500, times: 10 });
      await vi.advanceTimersByTimeAsync(499);
      expect(reads).toBe(0); // the first read waits a moment too: the event is on its way
      await vi.advanceTimersByTimeAsync(5000);
      expect(await shown).toBe(true);
      expect(reads).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("waits `first` before its first read, then `every` between the others", async () => {
    vi.useFakeTimers();
    try {
      const { readUntil } = withReadUntil();
      const at: number[] = [];
      const start = Date.now();
      const shown = readUntil(async () => { at.push(Date.now() - start); return at.length; }, (count) => count === 3,
        { first: 1500, every: 500, times: 10 });
      await vi.advanceTimersByTimeAsync(1499);
      expect(at).toEqual([]);
      await vi.advanceTimersByTimeAsync(2000);
      expect(await shown).toBe(true);
      expect(at).toEqual([1500, 2000, 2500]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives up after its reads, and as soon as the page is gone", async () => {
    vi.useFakeTimers();
    try {
      const { readUntil, wrapper } = withReadUntil();
      let reads = 0;
      const never = readUntil(async () => { reads += 1; return "en attente"; }, () => false, { every: 100, times: 3 });
      await vi.advanceTimersByTimeAsync(1000);
      expect(await never).toBe(false);
      expect(reads).toBe(3);

      reads = 0;
      const left = readUntil(async () => { reads += 1; return "en attente"; }, () => false, { every: 100, times: 50 });
      await vi.advanceTimersByTimeAsync(250);
      wrapper.unmount();
      await vi.advanceTimersByTimeAsync(10000);
      expect(await left).toBe(false);
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
