// The web client's entry point and page layout: skip link, header with the main navigation,
// <main id="contenu"> holding the routed page, footer.
//
// The layout reads the session (session.js) to show « Mon compte » / « Se connecter », the
// log-out button and the role spaces (« Espace association » for association_referent,
// « Espace entreprise » for company_admin). The footer's « Boîte mail de développement » link
// appears only when /dev/mail.json answers 200, i.e. in the embedded mode.
import { createApp, ref, computed, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { router, loadFailure } from "./router.js";
import { session, loadSession, logOut, hasRole, displayName } from "./session.js";

const App = {
  name: "App",
  setup() {
    const route = useRoute();
    const appRouter = useRouter();
    const menuOpen = ref(false);
    const devMail = ref(false);
    const loggingOut = ref(false);

    loadSession();
    fetch("/dev/mail.json", { method: "HEAD", credentials: "same-origin" })
      .then((response) => {
        devMail.value = response.ok;
      })
      .catch(() => {
        devMail.value = false;
      });

    // A link followed inside the small-screen menu closes it.
    watch(() => route.fullPath, () => {
      menuOpen.value = false;
    });

    const logInTarget = computed(() => {
      const here = route.fullPath;
      const skip = ["/connexion", "/inscription", "/mot-de-passe"].some((prefix) => route.path.startsWith(prefix));
      return skip || here === "/" ? { path: "/connexion" } : { path: "/connexion", query: { suite: here } };
    });

    async function onLogOut() {
      loggingOut.value = true;
      await logOut();
      loggingOut.value = false;
      appRouter.push("/");
    }

    return {
      session,
      hasRole,
      displayName,
      menuOpen,
      devMail,
      loggingOut,
      logInTarget,
      onLogOut,
      loadFailure,
      year: new Date().getFullYear(),
    };
  },
  template: `
    <a class="skip-link" href="#contenu">Aller au contenu</a>
    <header class="site-header">
      <div class="site-header__inner">
        <router-link to="/" class="brand" aria-label="Tandem, accueil">
          <span class="brand__mark" aria-hidden="true">⟡</span>
          <span class="brand__name">Tandem</span>
        </router-link>
        <button type="button" class="menu-toggle" :aria-expanded="menuOpen ? 'true' : 'false'" aria-controls="navigation-principale" @click="menuOpen = !menuOpen">
          <span aria-hidden="true">☰</span> Menu
        </button>
        <nav id="navigation-principale" class="site-nav" :class="{ 'site-nav--open': menuOpen }" aria-label="Navigation principale">
          <ul class="site-nav__list">
            <li><router-link to="/" exact-active-class="is-active">Accueil</router-link></li>
            <li><router-link to="/missions" active-class="is-active">Je trouve</router-link></li>
            <li><router-link to="/je-propose" active-class="is-active">Je propose</router-link></li>
            <li v-if="hasRole('association_referent')"><router-link to="/association" active-class="is-active">Espace association</router-link></li>
            <li v-if="hasRole('company_admin')"><router-link to="/entreprise" active-class="is-active">Espace entreprise</router-link></li>
          </ul>
          <ul class="site-nav__list site-nav__account">
            <template v-if="session.user">
              <li><router-link to="/mon-compte" active-class="is-active" class="nav-account">Mon compte<span class="visually-hidden"> ({{ displayName() }})</span></router-link></li>
              <li><button type="button" class="button button--quiet" :disabled="loggingOut" @click="onLogOut">Se déconnecter</button></li>
            </template>
            <li v-else-if="session.loaded"><router-link :to="logInTarget" class="button button--primary">Se connecter</router-link></li>
          </ul>
        </nav>
      </div>
    </header>
    <main id="contenu" tabindex="-1" class="site-main">
      <div v-if="loadFailure" class="notice notice--error" role="alert">{{ loadFailure }}</div>
      <router-view />
    </main>
    <footer class="site-footer">
      <div class="site-footer__inner">
        <nav aria-label="Liens utiles">
          <ul class="site-footer__links">
            <li><router-link to="/pourquoi-s-engager">Pourquoi s'engager ?</router-link></li>
            <li><router-link to="/mecenat-fin-de-carriere">Mécénat fin de carrière</router-link></li>
            <li><router-link to="/faq">FAQ</router-link></li>
            <li><router-link to="/support">Contacter le support</router-link></li>
            <li v-if="devMail"><a href="/dev/mail">Boîte mail de développement</a></li>
          </ul>
        </nav>
        <p class="site-footer__note">Tandem — le mécénat de compétences, une journée à la fois. Logiciel libre, {{ year }}.</p>
      </div>
    </footer>
  `,
};

createApp(App).use(router).mount("#app");
