// « Contacter le support »: who answers which question (the association, the manager, the company's
// engagement lead, the Tandem team), and the support address.
import { computed } from "vue";
import { session, displayName } from "/session.js";

// The Tandem team's mailbox. A deployment sets its own here (there is no API for it yet).
export const SUPPORT_EMAIL = "support@tandem.example";

export default {
  name: "SupportPage",
  setup() {
    const mailto = computed(() => {
      const subject = "Tandem : ma question";
      const lines = ["Bonjour,", "", "", ""];
      if (session.user) {
        lines.push("—", `${displayName()} (${session.user.email})`);
        if (session.user.company && session.user.company.name) lines.push(session.user.company.name);
      }
      return `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines.join("\n"))}`;
    });
    return { SUPPORT_EMAIL, mailto };
  },
  template: `
    <article class="page page--narrow static-page">
      <header class="page-header">
        <h1>Contacter le support</h1>
        <p class="lead">Une question, un souci ? Voici à qui t'adresser pour avoir la réponse la plus rapide.
          Beaucoup de réponses se trouvent déjà dans la <router-link to="/faq">FAQ</router-link>.</p>
      </header>

      <section class="section" aria-labelledby="support-who">
        <h2 id="support-who">Qui contacter ?</h2>
        <ul class="card-list">
          <li class="card">
            <h3>Les modalités ou les dates de ta mission</h3>
            <p>L'<strong>association</strong> : tu as reçu par e-mail les coordonnées du référent de la mission quand tu as postulé. N'hésite pas à le relancer si tu n'as pas de retour.</p>
          </li>
          <li class="card">
            <h3>La validation de tes dates</h3>
            <p>Ton <strong>manager</strong> : il a reçu ta demande par e-mail, avec un lien pour l'accepter ou la refuser. N'hésite pas à lui en parler directement.</p>
          </li>
          <li class="card">
            <h3>Le nombre de jours, le mécénat fin de carrière, ton entité de rattachement</h3>
            <p>Le ou la <strong>responsable de l'engagement</strong> de ton entreprise.</p>
          </li>
          <li class="card">
            <h3>Ton compte, la plateforme, une erreur, tes données personnelles</h3>
            <p>L'<strong>équipe Tandem</strong>, par e-mail.</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="support-write" class="section panel">
        <h2 id="support-write">Écrire à l'équipe Tandem</h2>
        <p>Écris-nous à <a :href="mailto">{{ SUPPORT_EMAIL }}</a>. Pour que nous puissions t'aider vite, précise :</p>
        <ul>
          <li>l'adresse e-mail de ton compte et ton entreprise ;</li>
          <li>la page concernée (copie son adresse) et ce que tu cherchais à faire ;</li>
          <li>le message d'erreur affiché, s'il y en a un.</li>
        </ul>
        <p>Ne nous envoie jamais ton mot de passe : nous ne te le demanderons pas. Pour le changer, utilise
          <router-link to="/mot-de-passe/oublie">« Mot de passe oublié ? »</router-link>.</p>
      </section>
    </article>
  `,
};
