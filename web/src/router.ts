// The web client's route table and navigation behaviour.
//
//   import { router, loadFailure } from "@/router";
//   router              vue-router 4 instance (createWebHistory); pages are loaded lazily.
//   meta.title          applied on every navigation with setTitle (@/lib/title).
//   loadFailure         ref: the French message shown when a page's module failed to load, or "".
//
// Behaviour every page can rely on:
// - meta.requiresAuth: logged-out visitors are sent to /connexion?suite=<the path they wanted>.
// - After each navigation that changes the path (not a query-only change such as a filter), the
//   page's <h1> receives the focus (tabindex="-1" is added), so screen readers announce the new page.
//   Pages should render their <h1> straight away, even while their data loads.
// - Scroll: back/forward restores the position; a new path starts at the top; query changes keep it.
// - Route names equal the page names below ("home", "missions", "mission", …) for router.push({name}).
import { ref, nextTick } from "vue";
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { session, loadSession } from "@/session";
import { setTitle } from "@/lib/title";
import { accountFor } from "@/lib/navigation";

declare module "vue-router" {
  interface RouteMeta {
    title?: string;
    requiresAuth?: boolean;
  }
}

export const loadFailure = ref("");

// Visitors browse the missions open to every company and the association directory (the catalog
// answers them without the contacts); logging in is asked at JE POSTULE and « Propose ton aide ».
const routes: RouteRecordRaw[] = [
  { path: "/", name: "home", component: () => import("@/pages/HomePage.vue"), meta: { title: "Accueil" } },
  { path: "/missions", name: "missions", component: () => import("@/pages/FindMissionsPage.vue"), meta: { title: "Je trouve une mission" } },
  { path: "/missions/:id", name: "mission", component: () => import("@/pages/MissionPage.vue"), meta: { title: "Fiche mission" } },
  { path: "/missions/:id/postuler", name: "apply", component: () => import("@/pages/account/ApplyPage.vue"), meta: { title: "Je postule à la mission", requiresAuth: true } },
  { path: "/je-propose", name: "propose", component: () => import("@/pages/ProposeDirectoryPage.vue"), meta: { title: "Je propose mes compétences" } },
  { path: "/associations/:id", name: "association", component: () => import("@/pages/AssociationPage.vue"), meta: { title: "Découvre l'association" } },
  { path: "/je-propose/:associationId", name: "proposal", component: () => import("@/pages/ProposalPage.vue"), meta: { title: "Propose ton aide à l'association", requiresAuth: true } },

  { path: "/inscription", name: "sign-up", component: () => import("@/pages/SignUpPage.vue"), meta: { title: "Créer un compte" } },
  { path: "/inscription/verification/:secret", name: "email-verification", component: () => import("@/pages/EmailVerificationPage.vue"), meta: { title: "Vérification de ton adresse e-mail" } },
  { path: "/connexion", name: "log-in", component: () => import("@/pages/LogInPage.vue"), meta: { title: "Se connecter" } },
  { path: "/connexion/sso/suite", name: "sso-follow-up", component: () => import("@/pages/SsoFollowUpPage.vue"), meta: { title: "Première connexion" } },
  { path: "/connexion/sso/refus", name: "sso-refusal", component: () => import("@/pages/SsoRefusalPage.vue"), meta: { title: "Connexion impossible" } },
  { path: "/connexion/:company", name: "company-sign-in", component: () => import("@/pages/CompanySignInPage.vue"), meta: { title: "Se connecter" } },
  { path: "/mot-de-passe/oublie", name: "forgot-password", component: () => import("@/pages/ForgotPasswordPage.vue"), meta: { title: "Mot de passe oublié" } },
  { path: "/mot-de-passe/nouveau/:secret", name: "new-password", component: () => import("@/pages/NewPasswordPage.vue"), meta: { title: "Nouveau mot de passe" } },
  { path: "/invitation/:secret", name: "invitation", component: () => import("@/pages/InvitationPage.vue"), meta: { title: "Invitation" } },

  { path: "/mon-compte/:onglet(equipe|missions|preferences|favoris|quiz|informations)?", name: "my-account", component: () => import("@/pages/account/MyAccountPage.vue"), meta: { title: "Mon compte", requiresAuth: true } },
  { path: "/mon-compte/participations/:id/dates", name: "dates", component: () => import("@/pages/account/DatesPage.vue"), meta: { title: "Je valide mes dates", requiresAuth: true } },
  { path: "/mon-compte/participations/:id/bilan", name: "bilan", component: () => import("@/pages/account/BilanPage.vue"), meta: { title: "Je complète mon bilan", requiresAuth: true } },
  { path: "/mon-compte/conventions/:id", name: "convention", component: () => import("@/pages/account/ConventionPage.vue"), meta: { title: "Je signe ma convention", requiresAuth: true } },
  // The quiz: e-mails and events link to {TANDEM_PUBLIC_URL}/quiz/{id}.
  { path: "/quiz/:id", name: "quiz", component: () => import("@/pages/quiz/QuizPage.vue"), meta: { title: "Le quiz", requiresAuth: true } },
  { path: "/operateur/impact", name: "operator-impact", component: () => import("@/pages/operator/OperatorImpactPage.vue"), meta: { title: "Impact des entreprises", requiresAuth: true } },
  { path: "/operateur/quiz", name: "operator-quizzes", component: () => import("@/pages/operator/OperatorQuizzesPage.vue"), meta: { title: "Back-office des quiz", requiresAuth: true } },
  { path: "/operateur/quiz/nouveau", name: "operator-quiz-new", component: () => import("@/pages/operator/OperatorQuizFormPage.vue"), meta: { title: "Nouveau quiz", requiresAuth: true } },
  { path: "/operateur/quiz/:id", name: "operator-quiz-edit", component: () => import("@/pages/operator/OperatorQuizFormPage.vue"), meta: { title: "Modifier le quiz", requiresAuth: true } },
  // The manager's e-mail link carries its own secret: no log-in needed.
  { path: "/manager/demandes/:secret", name: "manager-request", component: () => import("@/pages/manager/ManagerRequestPage.vue"), meta: { title: "Demande d'absence à valider" } },

  { path: "/association/missions/nouvelle", name: "mission-new", component: () => import("@/pages/association/MissionFormPage.vue"), meta: { title: "Nouvelle mission", requiresAuth: true } },
  { path: "/association/missions/:id/modifier", name: "mission-edit", component: () => import("@/pages/association/MissionFormPage.vue"), meta: { title: "Modifier la mission", requiresAuth: true } },
  { path: "/association/participations/:id/presence", name: "attendance", component: () => import("@/pages/association/AttendancePage.vue"), meta: { title: "Attester la présence", requiresAuth: true } },
  { path: "/association/dossier-annuel/:companyId/:associationId", name: "referent-statement", component: () => import("@/pages/association/StatementPage.vue"), meta: { title: "Dossier annuel", requiresAuth: true } },
  { path: "/association/:onglet(missions|candidatures|dossier-annuel|presentation)?", name: "referent-space", component: () => import("@/pages/association/ReferentSpacePage.vue"), meta: { title: "Espace association", requiresAuth: true } },
  { path: "/entreprise/personnes/:personId", name: "company-person", component: () => import("@/pages/company/CompanyAdminPage.vue"), meta: { title: "Personne — Espace entreprise", requiresAuth: true } },
  { path: "/entreprise/:onglet(entites|politique|personnes|invitations|fin-de-carriere|quiz|dossier-annuel|synchronisation-scim|connexion-sso|impact|valorisation)?", name: "company-admin", component: () => import("@/pages/company/CompanyAdminPage.vue"), meta: { title: "Espace entreprise", requiresAuth: true } },

  { path: "/pourquoi-s-engager", name: "why", component: () => import("@/pages/static/WhyPage.vue"), meta: { title: "Pourquoi s'engager ?" } },
  { path: "/mecenat-fin-de-carriere", name: "end-of-career", component: () => import("@/pages/static/EndOfCareerPage.vue"), meta: { title: "Mécénat fin de carrière" } },
  { path: "/faq", name: "faq", component: () => import("@/pages/static/FaqPage.vue"), meta: { title: "FAQ" } },
  { path: "/support", name: "support", component: () => import("@/pages/static/SupportPage.vue"), meta: { title: "Contacter le support" } },

  { path: "/:pathMatch(.*)*", name: "not-found", component: () => import("@/pages/NotFoundPage.vue"), meta: { title: "Page introuvable" } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior(to, from, savedPosition) {
    if (savedPosition) return savedPosition;
    if (to.hash) return { el: to.hash };
    if (to.path === from.path) return false;
    return { top: 0 };
  },
});

router.beforeEach(async (to) => {
  loadFailure.value = "";
  if (!to.meta.requiresAuth) return true;
  await loadSession();
  if (session.user && to.name === "my-account" && accountFor(session.user) !== "/mon-compte") return accountFor(session.user);
  if (session.user) return true;
  return { path: "/connexion", query: { suite: to.fullPath } };
});

// The <h1> may appear a little after the route's component (lazy page, async setup): wait for it briefly.
function focusHeading() {
  const started = performance.now();
  const attempt = () => {
    const heading = document.querySelector<HTMLElement>("#contenu h1");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
      return;
    }
    if (performance.now() - started < 2000) requestAnimationFrame(attempt);
    else document.getElementById("contenu")?.focus({ preventScroll: true });
  };
  attempt();
}

router.afterEach((to, from, failure) => {
  if (failure) return;
  setTitle(to.meta.title);
  const initial = from.matched.length === 0;
  if (!initial && to.path !== from.path) nextTick(focusHeading);
});

router.onError((error) => {
  console.error(error);
  loadFailure.value = "Cette page n'a pas pu être chargée. Vérifie ta connexion, puis recharge la page.";
});
