// « Espace association »: what an association referent manages on Tandem — the association's
// missions (« MES MISSIONS »: drafts, online, closed) and the applications it received
// (« CANDIDATURES REÇUES », with the dates the managers approved and the attendance to attest).
// The tab is in the path (/association/missions, /association/candidatures).
import { computed, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { setTitle } from "/router.js";
import TabBar from "/components/TabBar.js";
import AsyncState from "/components/AsyncState.js";
import { useRoleGate, flash, loadAssociations } from "./spaceKit.js";
import ReferentMissions from "./ReferentMissions.js";
import ReferentApplications from "./ReferentApplications.js";

export default {
  name: "ReferentSpacePage",
  components: { TabBar, AsyncState, ReferentMissions, ReferentApplications },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const { ready, allowed, session } = useRoleGate(["association_referent"]);
    const associations = ref([]);
    const loading = ref(false);
    const error = ref(null);
    const notice = ref(flash.take());

    const tab = computed(() => route.params.onglet || "missions");
    const tabs = [
      { to: "/association/missions", label: "Mes missions" },
      { to: "/association/candidatures", label: "Candidatures reçues" },
    ];

    // /association alone shows the first tab: say so in the URL, without a new history entry.
    watch(
      () => route.params.onglet,
      (onglet) => {
        if (route.name === "referent-space" && !onglet) router.replace({ path: "/association/missions", query: route.query });
      },
      { immediate: true },
    );

    async function load() {
      if (!allowed.value) return;
      loading.value = true;
      error.value = null;
      try {
        associations.value = await loadAssociations(session.user.association_ids);
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch(allowed, (value) => value && load(), { immediate: true });

    const names = computed(() => associations.value.map((association) => association.name).join(", "));
    // « Candidatures reçues — Les Petits Savants — Tandem »: each tab is its own page for the browser history.
    watch([tab, names, allowed], () => {
      if (!allowed.value) return;
      const label = tabs.find((entry) => entry.to.endsWith(`/${tab.value}`))?.label || "Espace association";
      setTitle(`${label} — ${names.value || "Espace association"}`);
    }, { immediate: true });

    return { ready, allowed, associations, loading, error, load, tab, tabs, names, notice };
  },
  template: `
    <div class="page space">
      <header class="page-header">
        <p class="eyebrow">Espace association</p>
        <h1>{{ names || "Espace association" }}</h1>
        <p v-if="allowed" class="lead">Publie les besoins de ton association, suis les candidatures des collaborateurs
          et atteste leur présence : c'est ce qui débloque leur bilan de fin de mission.</p>
      </header>

      <p v-if="!ready" class="async-state__loading" role="status">Chargement…</p>
      <div v-else-if="!allowed" class="notice">
        <p>Cet espace est réservé aux référents d'association. Si tu représentes une association, demande à l'équipe Tandem
          de te rattacher à elle.</p>
        <p><router-link to="/mon-compte">Aller à mon compte</router-link></p>
      </div>
      <template v-else>
        <p v-if="notice" class="notice notice--success" role="status">{{ notice }}</p>
        <TabBar label="Espace association" :tabs="tabs" />
        <AsyncState :loading="loading" :error="error" :empty="!associations.length"
                    empty-text="Ton compte n'est rattaché à aucune association pour l'instant : écris à l'équipe Tandem." @retry="load">
          <ReferentMissions v-if="tab === 'missions'" :associations="associations" />
          <ReferentApplications v-else :associations="associations" />
        </AsyncState>
      </template>
    </div>
  `,
};
