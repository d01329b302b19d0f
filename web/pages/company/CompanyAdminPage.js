// « Espace entreprise »: what the company's « responsable de l'engagement » (role company_admin)
// manages — ENTITÉS (where people are attached), POLITIQUE (days per year, end-of-career sponsorship,
// and the legal identity the conventions quote), PERSONNES (roles, disabling), INVITATIONS and
// FIN DE CARRIÈRE (confirming retirement dates). The tab is in the path: /entreprise/<onglet>.
import { computed, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api } from "/api.js";
import { setTitle } from "/router.js";
import TabBar from "/components/TabBar.js";
import AsyncState from "/components/AsyncState.js";
import { useRoleGate } from "../association/spaceKit.js";
import CompanyEntities from "./CompanyEntities.js";
import CompanyPolicy from "./CompanyPolicy.js";
import CompanyPeople from "./CompanyPeople.js";
import CompanyInvitations from "./CompanyInvitations.js";
import CompanyEndOfCareer from "./CompanyEndOfCareer.js";

const TABS = [
  { slug: "entites", label: "Entités", component: "CompanyEntities" },
  { slug: "politique", label: "Politique", component: "CompanyPolicy" },
  { slug: "personnes", label: "Personnes", component: "CompanyPeople" },
  { slug: "invitations", label: "Invitations", component: "CompanyInvitations" },
  { slug: "fin-de-carriere", label: "Fin de carrière", component: "CompanyEndOfCareer" },
];

export default {
  name: "CompanyAdminPage",
  components: { TabBar, AsyncState, CompanyEntities, CompanyPolicy, CompanyPeople, CompanyInvitations, CompanyEndOfCareer },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const { ready, allowed, session } = useRoleGate(["company_admin"]);
    const company = ref(null);
    const loading = ref(false);
    const error = ref(null);

    const current = computed(() => TABS.find((tab) => tab.slug === route.params.onglet) || TABS[0]);
    const tabs = TABS.map((tab) => ({ to: `/entreprise/${tab.slug}`, label: tab.label }));

    // /entreprise alone shows the first tab: say so in the URL, without a new history entry.
    watch(
      () => route.params.onglet,
      (onglet) => {
        if (route.name === "company-admin" && !onglet) router.replace({ path: `/entreprise/${TABS[0].slug}`, query: route.query });
      },
      { immediate: true },
    );

    async function load() {
      const companyId = session.user && session.user.company && session.user.company.id;
      if (!companyId) {
        error.value = new Error("Ton compte n'est rattaché à aucune entreprise.");
        return;
      }
      loading.value = true;
      error.value = null;
      try {
        company.value = await api.get(`/api/engagement/companies/${encodeURIComponent(companyId)}`);
      } catch (caught) {
        error.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch(allowed, (value) => value && load(), { immediate: true });

    watch([current, company], () => {
      if (company.value) setTitle(`${current.value.label} — Espace entreprise ${company.value.name}`);
    }, { immediate: true });

    function updated(next) {
      company.value = next;
    }

    return { ready, allowed, company, loading, error, load, current, tabs, updated };
  },
  template: `
    <div class="page space">
      <header class="page-header">
        <p class="eyebrow">Espace entreprise</p>
        <h1>{{ company ? company.name : "Espace entreprise" }}</h1>
        <p v-if="allowed" class="lead">Organise le mécénat de compétences de ton entreprise : les entités, les jours accordés à chacun,
          les personnes et leurs droits, les invitations et le mécénat fin de carrière.</p>
      </header>

      <p v-if="!ready" class="async-state__loading" role="status">Chargement…</p>
      <div v-else-if="!allowed" class="notice">
        <p>Cet espace est réservé aux responsables de l'engagement de l'entreprise. Si tu dois y accéder, demande à un administrateur
          de ton entreprise de te donner ce rôle.</p>
        <p><router-link to="/mon-compte">Aller à mon compte</router-link></p>
      </div>
      <template v-else>
        <TabBar label="Espace entreprise" :tabs="tabs" />
        <AsyncState :loading="loading" :error="error" @retry="load">
          <component v-if="company" :is="current.component" :company="company" @updated="updated" />
        </AsyncState>
      </template>
    </div>
  `,
};
