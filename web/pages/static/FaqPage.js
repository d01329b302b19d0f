// The FAQ: the user guide's answers as a list of native disclosures (<details>/<summary>), grouped
// by theme. Each question has an id, so /faq#convention-obligatoire opens and shows that answer.
import { nextTick, onMounted, watch } from "vue";
import { useRoute, useRouter } from "vue-router";

// Answers are trusted HTML written here; their in-app links (<a href="/…">) go through the router.
const SECTIONS = [
  {
    id: "compte",
    title: "Mon compte",
    questions: [
      {
        id: "creer-compte",
        q: "Comment créer mon compte ?",
        a: `<p>Clique sur « Se connecter », puis sur <a href="/inscription">« Crée-en un »</a>. Renseigne bien ton adresse
          e-mail <strong>professionnelle</strong> : c'est elle qui te rattache à ton entreprise. Choisis ton entité de
          rattachement, puis clique sur le lien que tu reçois par e-mail pour finaliser ton inscription.</p>
          <p>Pour les entreprises ayant un accès SSO, la connexion se fait directement avec ton compte d'entreprise.</p>`,
      },
      {
        id: "email-verification",
        q: "Je n'ai pas reçu l'e-mail pour finaliser mon inscription.",
        a: `<p>Regarde dans tes courriers indésirables. Sinon, essaie de <a href="/connexion">te connecter</a> :
          la page te propose de recevoir un nouveau lien. Chaque nouveau lien remplace le précédent.</p>`,
      },
      {
        id: "mot-de-passe",
        q: "Quel mot de passe choisir ?",
        a: `<p>Entre 12 et 128 caractères, tous les caractères imprimables sont autorisés (espaces, accents et émojis compris).
          Évite les mots courants et les informations personnelles : une phrase que toi seul·e connais est idéale.
          Conserve ton mot de passe.</p>`,
      },
      {
        id: "mot-de-passe-oublie",
        q: "J'ai oublié mon mot de passe.",
        a: `<p>Sur la page de connexion, clique sur <a href="/mot-de-passe/oublie">« Mot de passe oublié ? »</a> et
          renseigne ton adresse e-mail. Tu reçois un lien, valable peu de temps, pour choisir un nouveau mot de passe.</p>`,
      },
      {
        id: "preferences",
        q: "À quoi servent mes préférences de mission ?",
        a: `<p>Une fois ton compte créé, renseigne tes <strong>préférences de mission</strong> (expertises professionnelles,
          expertises personnelles, thématiques), modifiables à tout moment dans « Mon compte ». Tu retrouves sur la page
          d'accueil les missions « Ces missions sont pour toi ». Tu peux aussi créer ton <strong>alerte e-mail</strong> :
          tu recevras un e-mail à chaque fois qu'une mission correspondant à tes préférences sera publiée.</p>`,
      },
    ],
  },
  {
    id: "missions",
    title: "Les missions",
    questions: [
      {
        id: "combien-de-jours",
        q: "Combien de jours puis-je consacrer aux missions ?",
        a: `<p><strong>1 à 2 jours par an</strong>, sans condition d'âge, selon la politique de ton entreprise, et
          <strong>1 jour par semaine</strong> si tu te trouves à un an de la retraite
          (<a href="/mecenat-fin-de-carriere">mécénat fin de carrière</a>). Une journée compte pour 1 jour, une demi-journée
          pour 0,5. Ta page « Mon compte » t'indique combien de jours tu as déjà utilisés.</p>`,
      },
      {
        id: "une-association-a-la-fois",
        q: "Puis-je postuler à plusieurs missions en même temps ?",
        a: `<p>Merci de ne contacter qu'une association à la fois ! Tant que ta candidature attend à l'étape 1, tu ne peux
          pas en envoyer une autre.</p>`,
      },
      {
        id: "association-sans-reponse",
        q: "L'association ne m'a pas répondu.",
        a: `<p>Une fois ton formulaire envoyé, l'association prend contact avec toi dans les jours qui suivent pour définir
          ensemble les modalités et les dates de la mission. Tu reçois aussi par e-mail les coordonnées du référent de la
          mission : <strong>n'hésite pas à le relancer</strong> si tu n'as pas de retour.</p>`,
      },
      {
        id: "favoris",
        q: "Je ne peux pas postuler tout de suite : comment garder une mission ?",
        a: `<p>Enregistre-la dans tes favoris depuis sa fiche : tu la retrouves dans « Mon compte », onglet « Mes favoris ».
          Tu peux aussi l'envoyer par e-mail, à toi ou à tes collègues.</p>`,
      },
      {
        id: "je-propose",
        q: "Aucune mission ne me correspond : que faire ?",
        a: `<p>Propose directement tes compétences à une association depuis <a href="/je-propose">« Je propose »</a>, en
          précisant tes disponibilités et tes compétences. Si l'association a un besoin, convenez de dates ensemble :
          elle créera ensuite la mission à laquelle tu pourras postuler.</p>`,
      },
    ],
  },
  {
    id: "dates",
    title: "Mes dates et mon manager",
    questions: [
      {
        id: "validation-manager",
        q: "Mon manager doit-il valider mes dates ?",
        a: `<p>Oui, il est <strong>obligatoire que ton manager valide</strong> tes dates pour que tu puisses partir en mission.
          À l'étape 2 « Je valide mes dates », renseigne son adresse e-mail, tes dates et un message : il reçoit un e-mail
          pour accepter ou refuser la demande. Après sa validation, suis le process habituel d'une demande d'absence en
          interne.</p>`,
      },
      {
        id: "quelles-dates",
        q: "Quelles dates puis-je demander ?",
        a: `<p>Des jours ouvrés à venir (ni week-end, ni jour férié), en journée ou en demi-journée, dans la limite des jours
          qu'il te reste. Renseigne dès à présent toutes les dates prévues avec l'association.</p>`,
      },
      {
        id: "ajouter-des-dates",
        q: "Comment ajouter des dates à une mission en cours ?",
        a: `<p>Dans « Mon compte », onglet « Mes missions », clique sur « Ajouter des dates ». Saisis d'abord toutes les
          journées, puis toutes les demi-journées. Ton manager reçoit une demande de validation des nouvelles dates ; une fois
          validées, ta convention se met automatiquement à jour.</p>`,
      },
      {
        id: "refus",
        q: "Mon manager a refusé ma demande.",
        a: `<p>Reprends contact avec l'association pour convenir d'une autre date, puis refais une demande sur la
          plateforme.</p>`,
      },
    ],
  },
  {
    id: "convention",
    title: "La convention",
    questions: [
      {
        id: "convention-obligatoire",
        q: "Pourquoi dois-je signer une convention ?",
        a: `<p>La convention est obligatoire pour partir en mission : c'est un véritable <strong>avenant au contrat de
          travail</strong>. Après la validation de tes dates par ton manager, tu es alerté·e par e-mail pour la signer en
          ligne.</p>`,
      },
      {
        id: "convention-pdf",
        q: "Où retrouver ma convention ?",
        a: `<p>Ta convention est téléchargeable à tout moment au format PDF sur ta page « Mon compte », avec ses versions
          précédentes.</p>`,
      },
      {
        id: "annee-suivante",
        q: "Ma mission continue l'année prochaine : que faire ?",
        a: `<p>1 convention = 1 année civile. Complète ton bilan pour clôturer ta mission de l'année, puis postule de nouveau
          à la mission en redémarrant à l'étape 1 « Je postule » : une nouvelle convention sera éditée.</p>`,
      },
    ],
  },
  {
    id: "bilan",
    title: "Le bilan",
    questions: [
      {
        id: "bilan-inaccessible",
        q: "L'étape 4 « Je complète mon bilan » n'est pas accessible.",
        a: `<p>C'est que l'association n'a pas encore attesté de ta présence à tous tes jours de mission.
          <strong>N'hésite pas à la relancer</strong> à ce sujet afin que l'étape 4 soit débloquée.</p>`,
      },
    ],
  },
  {
    id: "manager",
    title: "Je suis manager",
    questions: [
      {
        id: "manager-valider",
        q: "Comment valider la demande d'un collaborateur ?",
        a: `<p>Tu reçois un e-mail t'invitant à accepter ou refuser la demande, après avoir bien vérifié les dates de mission.
          Le lien ouvre une page où tu cliques sur « Accepter la demande » ou « Refuser la demande ». Tu n'as pas besoin de
          compte pour cela.</p>
          <p>Si tu as un compte, tu suis aussi les demandes de ton équipe dans « Mon compte », onglet « Les missions de mon
          équipe ».</p>`,
      },
      {
        id: "manager-refuser",
        q: "Les dates proposées ne conviennent pas.",
        a: `<p>Refuse la demande sur la plateforme (tu peux en préciser la raison) et invite ton collaborateur à reprendre
          contact avec l'association pour convenir d'une autre date et refaire une demande.</p>`,
      },
    ],
  },
  {
    id: "actu",
    title: "L'actu solidaire et le quiz",
    questions: [
      {
        id: "actu-quiz",
        q: "Qu'est-ce que l'actu solidaire et le quiz ?",
        a: `<p><strong>L'actu solidaire</strong> te propose chaque mois des missions en lien avec l'actualité du moment.
          <strong>Le quiz</strong>, renouvelé tous les 15 jours, te permet de te challenger sur la RSE et d'enrichir tes
          connaissances, avec des missions en lien avec son thème.</p>`,
      },
    ],
  },
];

export default {
  name: "FaqPage",
  setup() {
    const route = useRoute();
    const router = useRouter();

    // /faq#question opens that answer; /faq#theme-… (the table of contents) moves the focus to the theme.
    async function followHash() {
      const id = decodeURIComponent((route.hash || "").slice(1));
      if (!id) return;
      await nextTick();
      const target = document.getElementById(id);
      if (!target) return;
      if (target.tagName === "DETAILS") {
        target.open = true;
        target.querySelector("summary").focus({ preventScroll: true });
      } else {
        target.focus({ preventScroll: true });
      }
      target.scrollIntoView({ block: "start" });
    }
    onMounted(followHash);
    watch(() => route.hash, followHash);

    function onAnswerClick(event) {
      const link = event.target.closest("a");
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const href = link.getAttribute("href") || "";
      if (href.startsWith("/") && !href.startsWith("//")) {
        event.preventDefault();
        router.push(href);
      }
    }

    return { sections: SECTIONS, onAnswerClick };
  },
  template: `
    <article class="page page--narrow static-page faq">
      <header class="page-header">
        <h1>Foire aux questions</h1>
        <p class="lead">Les réponses aux questions les plus fréquentes sur Tandem. Tu ne trouves pas la tienne ?
          <router-link to="/support">Contacte le support</router-link>.</p>
      </header>
      <nav class="faq__toc" aria-label="Thèmes de la FAQ">
        <ul class="chips">
          <li v-for="section in sections" :key="section.id"><router-link class="chip" :to="{ hash: '#theme-' + section.id }">{{ section.title }}</router-link></li>
        </ul>
      </nav>
      <section v-for="section in sections" :key="section.id" :aria-labelledby="'theme-' + section.id" class="section faq__section">
        <h2 :id="'theme-' + section.id" tabindex="-1">{{ section.title }}</h2>
        <div class="filters">
          <details v-for="item in section.questions" :key="item.id" :id="item.id" class="filter-group faq__item">
            <summary>{{ item.q }}</summary>
            <div class="filter-group__body faq__answer" v-html="item.a" @click="onAnswerClick"></div>
          </details>
        </div>
      </section>
    </article>
  `,
};
