// « Pourquoi s'engager ? »: what skills-based volunteering is, how much time it takes, the two ways
// in and the four steps of a mission, in the user guide's words.
import { session } from "/session.js";

export default {
  name: "WhyPage",
  setup() {
    return { session };
  },
  template: `
    <article class="page page--narrow static-page">
      <header class="page-header">
        <h1>Pourquoi s'engager ?</h1>
        <p class="lead">
          Le mécénat de compétences est le <strong>don de compétences</strong> ou de <strong>savoir-faire</strong>
          de collaborateurs volontaires, sur leur temps de travail et en accord avec leur hiérarchie,
          au profit d'associations d'intérêt général.
        </p>
      </header>

      <section class="section" aria-labelledby="why-time">
        <h2 id="why-time">Combien de temps ?</h2>
        <ul>
          <li>
            <strong>1 à 2 jours par an</strong>, sans condition d'âge, selon la politique de ton entreprise.
            Une journée compte pour 1 jour, une demi-journée pour 0,5.
          </li>
          <li>
            <strong>1 jour par semaine</strong> si tu te trouves <strong>à un an de la retraite</strong> :
            c'est le <router-link to="/mecenat-fin-de-carriere">mécénat fin de carrière</router-link>.
          </li>
        </ul>
      </section>

      <section class="section" aria-labelledby="why-ways">
        <h2 id="why-ways">Pour t'engager, deux possibilités</h2>
        <ul class="grid">
          <li>
            <div class="card">
              <h3>Trouve une mission</h3>
              <p>parmi les besoins émis par les associations.</p>
              <p class="card__action"><router-link class="button button--accent" to="/missions">Trouve tes missions</router-link></p>
            </div>
          </li>
          <li>
            <div class="card">
              <h3>Propose directement tes compétences</h3>
              <p>aux associations et révèle leurs besoins cachés !</p>
              <p class="card__action"><router-link class="button button--accent" to="/je-propose">Propose tes compétences</router-link></p>
            </div>
          </li>
        </ul>
      </section>

      <section class="section" aria-labelledby="why-steps">
        <h2 id="why-steps">Ta mission en 4 étapes</h2>
        <ol class="grid">
          <li>
            <div class="step">
              <div class="step__head">
                <span class="step__number" aria-hidden="true">1</span>
                <h3 class="step__label">Je postule à la mission</h3>
              </div>
              <p class="step__hint">Postule via la fiche mission, puis échange avec l'association <strong>en dehors</strong> de la plateforme
                pour convenir ensemble des modalités et des dates. Merci de ne contacter qu'une association à la fois !</p>
            </div>
          </li>
          <li>
            <div class="step">
              <div class="step__head">
                <span class="step__number" aria-hidden="true">2</span>
                <h3 class="step__label">Je valide mes dates</h3>
              </div>
              <p class="step__hint">Demande d'absence et validation de tes dates de mission par ton <strong>manager</strong>.
                Tant que ta mission n'est pas terminée, tu peux y ajouter des dates depuis ta page « Mon compte ».</p>
            </div>
          </li>
          <li>
            <div class="step">
              <div class="step__head">
                <span class="step__number" aria-hidden="true">3</span>
                <h3 class="step__label">Je signe ma convention</h3>
              </div>
              <p class="step__hint">La convention est <strong>éditée automatiquement</strong> par la plateforme ; elle est obligatoire avant
                le démarrage de ta mission. 1 convention = 1 année civile !</p>
            </div>
          </li>
          <li>
            <div class="step">
              <div class="step__head">
                <span class="step__number" aria-hidden="true">4</span>
                <h3 class="step__label">Je complète mon bilan</h3>
              </div>
              <p class="step__hint">Une fois que l'association a attesté de ta présence à tous tes jours de mission, tu peux remplir ton bilan.</p>
            </div>
          </li>
        </ol>
      </section>

      <section class="section" aria-labelledby="why-all">
        <h2 id="why-all">Tout le monde y gagne</h2>
        <ul>
          <li><strong>Les associations</strong> reçoivent des compétences qu'elles n'ont pas toujours en interne,
            pour des besoins bien réels.</li>
          <li><strong>Toi</strong>, tu donnes du sens à ton temps de travail, tu découvres d'autres façons de faire
            et tu rencontres d'autres personnes.</li>
          <li><strong>Ton entreprise</strong> soutient l'intérêt général en s'appuyant sur le savoir-faire de ses équipes.</li>
        </ul>
        <p class="lead">L'engagement solidaire nous fait tous avancer !</p>
        <p class="cluster">
          <router-link v-if="!session.user" class="button button--primary" to="/inscription">Créer mon compte</router-link>
          <router-link class="button button--secondary" to="/faq">Lire la FAQ</router-link>
        </p>
      </section>
    </article>
  `,
};
