// « Mon compte » (/mon-compte/:onglet?): « Bonjour {prénom} », the days used this year, the TO DO
// LIST (each item links to where it is done), and the tabs in the path:
//   /mon-compte/equipe       LES MISSIONS DE MON ÉQUIPE (only offered to people with team requests)
//   /mon-compte[/missions]   MES MISSIONS, with « Mes documents » (conventions and bilans in PDF)
//   /mon-compte/preferences  MES PRÉFÉRENCES
//   /mon-compte/favoris      MES FAVORIS
// The page loads the dashboard, the participations and the conventions once and hands them to the
// tabs; a tab that changes something emits "changed" so the counters stay true.
import { computed, nextTick, ref, watch } from "vue";
import { useRoute } from "vue-router";
import { api } from "/api.js";
import { days } from "/format.js";
import { session } from "/session.js";
import AsyncState from "/components/AsyncState.js";
import TabBar from "/components/TabBar.js";
import MyMissionsTab from "./MyMissionsTab.js";
import TeamTab from "./TeamTab.js";
import PreferencesTab from "./PreferencesTab.js";
import FavoritesTab from "./FavoritesTab.js";
import { flashMessage, itemsOf, needsSignature } from "./shared.js";

export default {
  name: "MyAccountPage",
  components: { AsyncState, TabBar, MyMissionsTab, TeamTab, PreferencesTab, FavoritesTab },
  setup() {
    const route = useRoute();
    const tab = computed(() => route.params.onglet || "missions");
    const flash = ref(flashMessage());
    const notice = ref("");

    const dashboard = ref(null);
    const dashboardLoading = ref(true);
    const dashboardError = ref(null);
    const teamTotal = ref(0);

    const participations = ref([]);
    const participationsLoading = ref(true);
    const participationsError = ref(null);

    const bilans = ref([]);
    const conventions = ref([]);
    const conventionsLoading = ref(true);
    const conventionsError = ref(null);

    // silent: refresh what is shown without a loading state (after an action on the page).
    async function loadDashboard(silent = false) {
      dashboardLoading.value = silent !== true;
      dashboardError.value = null;
      try {
        const [board, team] = await Promise.all([
          api.get("/api/engagement/me/dashboard"),
          api.get("/api/approval/requests", { per_page: 1 }).catch(() => null),
        ]);
        dashboard.value = board;
        teamTotal.value = team ? team.total || 0 : 0;
      } catch (failure) {
        dashboardError.value = failure;
      } finally {
        dashboardLoading.value = false;
      }
    }

    async function loadParticipations(silent = false) {
      participationsLoading.value = silent !== true;
      participationsError.value = null;
      try {
        participations.value = itemsOf(await api.get("/api/engagement/me/participations", { per_page: 100 }));
      } catch (failure) {
        participationsError.value = failure;
      } finally {
        participationsLoading.value = false;
      }
    }

    async function loadConventions(silent = false) {
      conventionsLoading.value = silent !== true;
      conventionsError.value = null;
      try {
        const [found, madeBilans] = await Promise.all([
          api.get("/api/documents/conventions", { per_page: 100 }),
          api.get("/api/documents/bilans", { per_page: 100 }).catch(() => null),
        ]);
        conventions.value = itemsOf(found);
        bilans.value = itemsOf(madeBilans);
      } catch (failure) {
        conventionsError.value = failure;
      } finally {
        conventionsLoading.value = false;
      }
    }

    function loadAll(silent = false) {
      loadDashboard(silent);
      loadParticipations(silent);
      loadConventions(silent);
    }

    function onChanged(text) {
      notice.value = text || "";
      flash.value = "";
      loadAll(true);
      // The counters of other services follow through events: read them again a moment later.
      setTimeout(() => loadAll(true), 1500);
      // The button that was pressed may be gone (withdrawn, cancelled): keep the keyboard on the news.
      if (text) {
        nextTick(() => {
          const shown = document.getElementById("avis-compte");
          if (shown) shown.focus();
        });
      }
    }

    // A new tab: the one-off messages belong to the previous one.
    watch(tab, () => {
      flash.value = "";
      notice.value = "";
    });

    const firstName = computed(() => (dashboard.value && dashboard.value.first_name) || (session.user && session.user.first_name) || "");
    const todo = computed(() => (dashboard.value && dashboard.value.todo) || {});
    const showTeam = computed(() => teamTotal.value > 0 || (todo.value.validate_team_dates || 0) > 0 || tab.value === "equipe");

    const conventionsByParticipation = computed(() => {
      const found = {};
      for (const convention of conventions.value) {
        // One convention per participation and civil year; keep the newest year.
        const known = found[convention.participation_id];
        if (!known || convention.year > known.year) found[convention.participation_id] = convention;
      }
      return found;
    });

    const toSign = computed(() => {
      const byId = new Map();
      for (const convention of conventions.value) if (convention.state === "to_sign") byId.set(convention.id, convention.id);
      for (const participation of participations.value) {
        const link = participation.convention;
        if (link && link.id && needsSignature(participation, conventionsByParticipation.value[participation.id])) byId.set(link.id, link.id);
      }
      return [...byId.keys()];
    });
    const bilansToComplete = computed(() => participations.value.filter((participation) => participation.can_complete_bilan));

    const todoItems = computed(() => {
      const items = [];
      if (showTeam.value) {
        items.push({ key: "team", count: todo.value.validate_team_dates || 0, label: "Valide les dates de ton équipe", to: "/mon-compte/equipe" });
      }
      items.push({ key: "registration", count: todo.value.finalise_registration || 0, label: "Finalise ton inscription", to: "/mon-compte/preferences" });
      const conventionsCount = Math.max(todo.value.conventions_to_sign || 0, toSign.value.length);
      items.push({
        key: "conventions", count: conventionsCount, label: conventionsCount > 1 ? "Signe tes conventions" : "Signe ta convention",
        to: toSign.value.length === 1 ? `/mon-compte/conventions/${toSign.value[0]}` : "/mon-compte/missions",
      });
      const bilans = Math.max(todo.value.complete_bilan || 0, bilansToComplete.value.length);
      items.push({
        key: "bilan", count: bilans, label: bilans > 1 ? "Complète tes bilans" : "Complète ton bilan",
        to: bilansToComplete.value.length === 1 ? `/mon-compte/participations/${bilansToComplete.value[0].id}/bilan` : "/mon-compte/missions",
      });
      return items;
    });

    const tabs = computed(() => {
      const list = [];
      if (showTeam.value) list.push({ to: "/mon-compte/equipe", label: "LES MISSIONS DE MON ÉQUIPE", count: todo.value.validate_team_dates || 0 });
      list.push({ to: route.params.onglet ? "/mon-compte/missions" : "/mon-compte", label: "MES MISSIONS", exact: true });
      list.push({ to: "/mon-compte/preferences", label: "MES PRÉFÉRENCES", count: todo.value.finalise_registration ? 1 : 0 });
      list.push({ to: "/mon-compte/favoris", label: "MES FAVORIS" });
      return list;
    });

    const allowanceText = computed(() => {
      const board = dashboard.value;
      if (!board) return "";
      const parts = [`Ton allocation ${board.year} : ${board.allowance.label}.`];
      if (board.days_remaining != null) parts.push(`Il te reste ${days(board.days_remaining)}.`);
      if (board.days_pending) parts.push(`${days(board.days_pending)} en attente de validation par ton manager.`);
      return parts.join(" ");
    });

    const tabTitle = computed(() => ({
      equipe: "Les missions de mon équipe", missions: "Mes missions", preferences: "Mes préférences", favoris: "Mes favoris",
    })[tab.value]);

    loadAll();

    return {
      session, tab, tabs, tabTitle, allowanceText, flash, notice, dashboard, dashboardLoading, dashboardError, firstName, todoItems,
      participations, participationsLoading, participationsError, bilans, conventions, conventionsLoading, conventionsError,
      conventionsByParticipation, loadDashboard, loadParticipations, loadConventions, onChanged, days,
    };
  },
  template: `
    <div class="page account-page my-account">
      <div class="account-hero">
        <h1>Bonjour <span class="account-hero__name">{{ firstName }}</span></h1>
        <p class="account-hero__tagline">TU ES AU CŒUR DE TON ENGAGEMENT, RETROUVE TOUTES TES ACTIONS ICI !</p>
      </div>

      <div v-if="flash" class="notice notice--success" role="status"><p>{{ flash }}</p></div>

      <AsyncState :loading="dashboardLoading" :error="dashboardError" @retry="loadDashboard" loading-text="Chargement de ton tableau de bord…">
        <div v-if="dashboard" class="account-summary">
          <section class="account-summary__days card" aria-labelledby="jours-titre">
            <h2 id="jours-titre">Passe à l'action !</h2>
            <p class="account-summary__used">Tu as déjà utilisé {{ days(dashboard.days_used) }} de mission.</p>
            <p class="muted">{{ allowanceText }}</p>
          </section>
          <section class="account-summary__todo card" aria-labelledby="todo-titre">
            <h2 id="todo-titre">TO DO LIST !</h2>
            <ul class="todo-list">
              <li v-for="item in todoItems" :key="item.key" class="todo-list__item" :class="{ 'todo-list__item--done': !item.count }">
                <span class="todo-list__count" aria-hidden="true">{{ item.count }}</span>
                <router-link v-if="item.count" :to="item.to">
                  <span class="visually-hidden">{{ item.count }} : </span>{{ item.label }}
                </router-link>
                <span v-else><span class="visually-hidden">0 : </span>{{ item.label }}<span class="visually-hidden"> (rien à faire)</span></span>
              </li>
            </ul>
          </section>
        </div>
      </AsyncState>

      <TabBar label="Mon compte" :tabs="tabs" />

      <section class="account-tab" aria-labelledby="onglet-titre">
        <h2 id="onglet-titre" class="visually-hidden">{{ tabTitle }}</h2>
        <div role="status"><p v-if="notice" id="avis-compte" class="notice notice--success" tabindex="-1">{{ notice }}</p></div>

        <TeamTab v-if="tab === 'equipe'" @changed="onChanged" />
        <MyMissionsTab v-else-if="tab === 'missions'"
                       :participations="participations" :loading="participationsLoading" :error="participationsError"
                       :conventions="conventions" :bilans="bilans" :conventions-by-participation="conventionsByParticipation"
                       :conventions-loading="conventionsLoading" :conventions-error="conventionsError"
                       @retry="loadParticipations" @retry-documents="loadConventions" @changed="onChanged" />
        <PreferencesTab v-else-if="tab === 'preferences'" :email-verified="session.user ? session.user.email_verified !== false : true"
                        @changed="onChanged" />
        <FavoritesTab v-else-if="tab === 'favoris'" />
      </section>
    </div>
  `,
};
