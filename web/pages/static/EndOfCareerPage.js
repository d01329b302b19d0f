// « Mécénat fin de carrière »: one day a week in the twelve months before retirement, once the
// company's engagement lead has confirmed the date (the rule engagement applies).
import { session } from "/session.js";

export default {
  name: "EndOfCareerPage",
  setup() {
    return { session };
  },
  template: `
    <article class="page page--narrow static-page">
      <header class="page-header">
        <h1>Mécénat fin de carrière</h1>
        <p class="lead">
          Tu te trouves <strong>à un an de la retraite</strong> ? Tu peux consacrer jusqu'à
          <strong>1 jour par semaine</strong> à des missions de mécénat de compétences, au lieu de 1 à 2 jours par an.
        </p>
      </header>

      <section class="section" aria-labelledby="eoc-who">
        <h2 id="eoc-who">Pour qui ?</h2>
        <ul>
          <li>Les collaborateurs dont le départ en retraite a lieu <strong>dans les 12 mois</strong> qui viennent.</li>
          <li>Dans les entreprises qui proposent ce dispositif : ton ou ta responsable de l'engagement peut te le confirmer.</li>
        </ul>
      </section>

      <section class="section" aria-labelledby="eoc-how">
        <h2 id="eoc-how">Comment ça marche ?</h2>
        <ol>
          <li>Indique ta <strong>date de départ en retraite</strong> dans ton espace
            <router-link to="/mon-compte">« Mon compte »</router-link>.</li>
          <li>Le ou la <strong>responsable de l'engagement</strong> de ton entreprise confirme cette date.</li>
          <li>Dès la confirmation, et pendant les 12 mois qui précèdent ton départ, tu disposes de
            <strong>1 jour de mission par semaine</strong> (une journée compte pour 1 jour, une demi-journée pour 0,5).</li>
          <li>Tu réalises tes missions comme tout le monde, en 4 étapes : je postule à la mission, je valide mes dates
            avec mon manager, je signe ma convention, je complète mon bilan.</li>
        </ol>
        <p>Si ta date de départ change, modifie-la dans « Mon compte » : elle devra être confirmée de nouveau.</p>
      </section>

      <section class="section" aria-labelledby="eoc-good">
        <h2 id="eoc-good">Bon à savoir</h2>
        <ul>
          <li><strong>1 convention = 1 année civile</strong> : si ta mission se poursuit l'année suivante, complète ton bilan
            puis postule de nouveau à la mission pour éditer une nouvelle convention.</li>
          <li>Ton manager valide toujours tes dates : c'est obligatoire pour partir en mission.</li>
          <li>Transmettre ton expérience est précieux : le mentorat, l'aide aux CV et aux entretiens ou le soutien scolaire
            font partie des expertises que les associations recherchent.</li>
        </ul>
        <p class="cluster">
          <router-link class="button button--primary" to="/missions">Trouve tes missions</router-link>
          <router-link v-if="!session.user" class="button button--secondary" to="/inscription">Créer mon compte</router-link>
        </p>
      </section>
    </article>
  `,
};
