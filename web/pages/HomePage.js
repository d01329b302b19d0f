// Home page: what skills-based volunteering is and the two ways to get involved (Je trouve /
// Je propose); for a logged-in person also « L'actu solidaire » (GET /api/catalog/spotlights) and
// « Ces missions sont pour toi » (GET /api/catalog/missions/for-me).
import { ref, watch } from "vue";
import { api } from "../api.js";
import { session, loadSession } from "../session.js";
import { mediumDate, plural } from "../format.js";
import AsyncState from "../components/AsyncState.js";
import MissionCard from "../components/MissionCard.js";

const REASONS = [
  { title: "Tes compétences comptent", text: "Le mécénat de compétences, c'est le don de ton savoir-faire, professionnel ou personnel, à une association d'intérêt général." },
  { title: "Sur ton temps de travail", text: "Tu t'engages pendant tes heures de travail, en accord avec ton manager, selon les jours que ton entreprise t'accorde chaque année." },
  { title: "Révèle des besoins cachés", text: "Trouve une mission parmi les besoins émis par les associations, ou propose directement ton aide : tu découvriras peut-être un besoin qu'elles n'avaient pas encore formulé." },
  { title: "L'engagement nous fait tous avancer", text: "Tu vis une expérience humaine, tu ouvres ton regard sur d'autres métiers et d'autres réalités, et l'association gagne un coup de main précieux." },
];

export default {
  name: "HomePage",
  components: { AsyncState, MissionCard },
  setup() {
    const spotlights = ref([]);
    const spotlightsLoading = ref(false);
    const spotlightsError = ref(null);
    const forMe = ref([]);
    const forMeLoading = ref(false);
    const forMeError = ref(null);

    async function loadSpotlights() {
      spotlightsLoading.value = true;
      spotlightsError.value = null;
      try {
        const answer = await api.get("/api/catalog/spotlights", { months: 3 });
        spotlights.value = answer.months.filter((month) => month.items.length);
      } catch (error) {
        spotlightsError.value = error;
      } finally {
        spotlightsLoading.value = false;
      }
    }

    async function loadForMe() {
      forMeLoading.value = true;
      forMeError.value = null;
      try {
        const answer = await api.get("/api/catalog/missions/for-me", { per_page: 6 });
        forMe.value = answer.items;
      } catch (error) {
        forMeError.value = error;
      } finally {
        forMeLoading.value = false;
      }
    }

    loadSession();
    watch(
      () => session.user && session.user.id,
      (id) => {
        if (id) {
          loadSpotlights();
          loadForMe();
        }
      },
      { immediate: true },
    );

    function spotlightLink(spotlight) {
      return { path: "/missions", query: spotlight.themes.length ? { theme: spotlight.themes } : {} };
    }

    function spotlightDates(spotlight) {
      if (spotlight.ends_on && spotlight.ends_on !== spotlight.starts_on) {
        return `Du ${mediumDate(spotlight.starts_on)} au ${mediumDate(spotlight.ends_on)}`;
      }
      return `Le ${mediumDate(spotlight.starts_on)}`;
    }

    return {
      session, reasons: REASONS, plural,
      spotlights, spotlightsLoading, spotlightsError, loadSpotlights, spotlightLink, spotlightDates,
      forMe, forMeLoading, forMeError, loadForMe,
    };
  },
  template: `
    <div class="home">
      <section class="hero" aria-labelledby="titre-accueil">
        <div class="hero__inner">
          <p class="eyebrow">Mécénat de compétences</p>
          <h1 id="titre-accueil">Mets tes compétences au service des associations</h1>
          <p v-if="session.user" class="hero-greeting">Bonjour {{ session.user.first_name }} !</p>
          <p class="lead">Donne une ou plusieurs journées de travail à une association d'intérêt général, avec l'accord de ton manager. Pour t'engager, deux possibilités :</p>
          <div class="cluster">
            <router-link to="/missions" class="button button--primary">Trouve tes missions</router-link>
            <router-link to="/je-propose" class="button button--secondary">Propose tes compétences</router-link>
          </div>
          <p v-if="session.loaded && !session.user" class="hero__account">
            Déjà inscrit·e ? <router-link :to="{ path: '/connexion' }">Se connecter</router-link>.
            Pas encore de compte ? <router-link to="/inscription">Crée-le avec ton adresse e-mail professionnelle</router-link>.
          </p>
        </div>
      </section>

      <div class="page">
        <section class="section" aria-labelledby="deux-possibilites">
          <h2 id="deux-possibilites">Pour t'engager, deux possibilités</h2>
          <ul class="grid">
            <li>
              <div class="card">
                <h3>Trouve une mission</h3>
                <p>Parmi les besoins émis par les associations : filtre par thématique, expertise, région ou mots-clés, puis postule en quelques clics.</p>
                <p class="card__action"><router-link to="/missions" class="button button--accent">Trouve tes missions</router-link></p>
              </div>
            </li>
            <li>
              <div class="card">
                <h3>Propose directement tes compétences</h3>
                <p>Écris à une association et révèle ses besoins cachés ! Si ton aide lui est utile, elle crée la mission à laquelle tu postuleras.</p>
                <p class="card__action"><router-link to="/je-propose" class="button button--accent">Propose tes compétences</router-link></p>
              </div>
            </li>
          </ul>
        </section>

        <template v-if="session.user">
          <section class="section" aria-labelledby="actu-solidaire">
            <h2 id="actu-solidaire">L'actu solidaire</h2>
            <p>Retrouve les missions liées à l'actualité du moment : elle évolue tous les mois !</p>
            <AsyncState :loading="spotlightsLoading" :error="spotlightsError" :empty="!spotlights.length"
                        empty-text="Pas d'actualité solidaire pour les prochains mois." @retry="loadSpotlights">
              <div v-for="month in spotlights" :key="month.month" class="spotlight-month">
                <h3 class="eyebrow">{{ month.label }}</h3>
                <ul class="grid">
                  <li v-for="spotlight in month.items" :key="spotlight.id">
                    <article class="card spotlight">
                      <h4>{{ spotlight.title }}</h4>
                      <p class="spotlight__date">{{ spotlightDates(spotlight) }}</p>
                      <p>{{ spotlight.description }}</p>
                      <ul v-if="spotlight.themes.length" class="tags" aria-label="Thématiques">
                        <li v-for="theme in spotlight.themes" :key="theme" class="tag tag--theme">{{ theme }}</li>
                      </ul>
                      <p v-if="spotlight.mission_ids.length" class="card__action">
                        <router-link :to="spotlightLink(spotlight)">Postule à une mission en lien avec cette actu<span class="visually-hidden"> : {{ spotlight.title }}</span></router-link>
                        ({{ plural(spotlight.mission_ids.length, 'mission liée', 'missions liées') }})
                      </p>
                    </article>
                  </li>
                </ul>
              </div>
            </AsyncState>
          </section>

          <section class="section" aria-labelledby="pour-toi">
            <h2 id="pour-toi">Ces missions sont pour toi</h2>
            <p>Les missions en lien avec les préférences choisies sur ta page <router-link to="/mon-compte/preferences">« Mon compte »</router-link>.</p>
            <AsyncState :loading="forMeLoading" :error="forMeError" :empty="!forMe.length" @retry="loadForMe">
              <template #empty>
                <p class="async-state__empty">Aucune mission ouverte pour l'instant. <router-link to="/mon-compte/preferences">Renseigne tes préférences</router-link> pour recevoir des suggestions.</p>
              </template>
              <ul class="grid">
                <li v-for="mission in forMe" :key="mission.id"><MissionCard :mission="mission" :heading-level="3" /></li>
              </ul>
              <p><router-link to="/missions" class="button button--secondary">Voir toutes les missions</router-link></p>
            </AsyncState>
          </section>
        </template>

        <section class="section" aria-labelledby="pourquoi">
          <h2 id="pourquoi">Pourquoi s'engager ?</h2>
          <ul class="reasons">
            <li v-for="(reason, index) in reasons" :key="reason.title">
              <span class="reason__icon" aria-hidden="true">{{ index + 1 }}</span>
              <strong>{{ reason.title }}</strong>
              {{ reason.text }}
            </li>
          </ul>
          <p class="section__more">
            <router-link to="/pourquoi-s-engager">En savoir plus sur l'engagement</router-link> ·
            <router-link to="/mecenat-fin-de-carriere">Le mécénat fin de carrière : 1 jour par semaine dans l'année qui précède ta retraite</router-link>
          </p>
        </section>
      </div>
    </div>
  `,
};
