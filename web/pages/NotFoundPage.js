// Any path the router does not know: « Page introuvable », with the ways back.
import { computed } from "vue";
import { useRoute } from "vue-router";

export default {
  name: "NotFoundPage",
  setup() {
    const route = useRoute();
    const asked = computed(() => route.fullPath);
    return { asked };
  },
  template: `
    <div class="page page--narrow auth-page not-found">
      <h1>Page introuvable</h1>
      <p class="lead">La page <code class="not-found__path">{{ asked }}</code> n'existe pas, ou plus.
        Le lien est peut-être incomplet : vérifie que tu as copié l'adresse en entier.</p>
      <p><router-link class="button button--primary" to="/">Retour à l'accueil</router-link></p>
      <h2>Tu cherchais peut-être…</h2>
      <ul class="not-found__links">
        <li><router-link to="/missions">Je trouve une mission</router-link></li>
        <li><router-link to="/je-propose">Je propose mes compétences</router-link></li>
        <li><router-link to="/mon-compte">Mon compte</router-link></li>
        <li><router-link to="/faq">La FAQ</router-link></li>
        <li><router-link to="/support">Contacter le support</router-link></li>
      </ul>
    </div>
  `,
};
