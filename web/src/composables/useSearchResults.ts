// The loop of a search page held in the URL (« Je trouve », « Je propose »): every change of the query string
// (filters, keywords, page) runs the search again, the keywords field follows the URL, and the answer is
// announced to screen readers (« 12 missions, page 2 sur 3 »).
//
//   const { announcement } = useSearchResults("/missions", search, { perPage: 20, keywords, page, nouns: ["mission", "missions"] });
import { ref, watch, type Ref } from "vue";
import { useRoute } from "vue-router";
import { plural } from "@/format";
import type { AsyncCall } from "@/composables/useAsync";

export function useSearchResults<T extends { total?: number }>(
  path: string,
  search: AsyncCall<T>,
  { perPage, keywords, page, nouns }: { perPage: number; keywords: Ref<string>; page: Readonly<Ref<number>>; nouns: [string, string] },
) {
  const route = useRoute();
  const announcement = ref("");

  async function load() {
    const answer = await search.run();
    if (!answer) {
      if (search.error.value) announcement.value = "";
      return;
    }
    if (answer !== search.data.value) return; // a later search has answered since
    const pages = Math.max(1, Math.ceil((answer.total ?? 0) / perPage));
    announcement.value = `${plural(answer.total, nouns[0], nouns[1])}${pages > 1 ? `, page ${page.value} sur ${pages}` : ""}`;
  }

  watch(
    () => route.query,
    () => {
      if (route.path !== path) return;
      keywords.value = (route.query.q as string) || "";
      load();
    },
    { immediate: true },
  );

  return { announcement, load };
}
