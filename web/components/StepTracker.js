// The four steps of a mission (« Voici les 4 étapes à venir pour réaliser ta mission »), each with
// its « ? » help from the guide and, for a participation, its state.
//
//   <StepTracker />                                     the mission sheet: the four steps, no state
//   <StepTracker :steps="participation.steps" heading="" />   a participation (engagement's Step list:
//                                                       [{number, label, state, hint}], state =
//                                                       done | in_progress | todo | locked)
//   <StepTracker :steps="…"><template #step="{ step }">…actions for that step…</template></StepTracker>
//
// Props: steps (optional), heading (text of the list's heading; "" for none), headingLevel (2–4,
// default 2), compact (Boolean: smaller, for lists of participations).
// Slot "step" ({ step }) renders inside each step (links such as « VOIR MES DATES »).
import HelpTip from "./HelpTip.js";

export const STEPS = [
  {
    number: 1,
    label: "Je postule à la mission",
    help: "Postule via la fiche mission, puis échange avec l'association en dehors de la plateforme. Une fois ton formulaire envoyé, l'association prendra contact avec toi dans les jours qui suivent pour définir ensemble les modalités et les dates de la mission. Merci de ne contacter qu'une association à la fois !",
  },
  {
    number: 2,
    label: "Je valide mes dates",
    help: "Demande d'absence et validation de ta ou tes dates de mission par ton manager : son accord est obligatoire pour partir en mission. Tant que ta mission n'est pas terminée, tu peux y ajouter des dates depuis ta page « Mon compte ».",
  },
  {
    number: 3,
    label: "Je signe ma convention",
    help: "Signature de la convention, éditée automatiquement par la plateforme, obligatoire avant le démarrage de ta mission : c'est un véritable avenant à ton contrat de travail. 1 convention = 1 année civile ! Si tu souhaites poursuivre ta mission l'année suivante, postule de nouveau après avoir complété ton bilan.",
  },
  {
    number: 4,
    label: "Je complète mon bilan",
    help: "Une fois que l'association aura attesté ta présence à tous tes jours de mission, tu pourras remplir ton bilan de fin de mission.",
  },
];

const STATE_LABELS = {
  done: "Fait",
  in_progress: "En attente",
  todo: "À faire",
  locked: "Pas encore accessible",
};

export default {
  name: "StepTracker",
  components: { HelpTip },
  props: {
    steps: { type: Array, default: null },
    heading: { type: String, default: "Voici les 4 étapes à venir pour réaliser ta mission" },
    headingLevel: { type: Number, default: 2 },
    compact: { type: Boolean, default: false },
  },
  computed: {
    items() {
      return STEPS.map((base) => {
        const given = (this.steps || []).find((step) => step.number === base.number) || {};
        return { ...base, ...given, label: given.label || base.label, help: base.help };
      });
    },
    headingTag() {
      return `h${Math.min(Math.max(this.headingLevel, 2), 4)}`;
    },
  },
  methods: {
    stateLabel(state) {
      return STATE_LABELS[state] || "";
    },
  },
  template: `
    <section class="steps" :class="{ 'steps--compact': compact }" :aria-label="heading ? null : 'Les 4 étapes de la mission'">
      <component :is="headingTag" v-if="heading" class="steps__heading">{{ heading }}</component>
      <p v-if="heading && !steps" class="steps__intro">Les « ? » indiquent le détail de chaque étape.</p>
      <ol class="steps__list">
        <li v-for="step in items" :key="step.number" class="step" :class="step.state ? 'step--' + step.state : ''">
          <div class="step__head">
            <span class="step__number" aria-hidden="true">{{ step.state === 'done' ? '✓' : step.number }}</span>
            <span class="step__label"><span class="visually-hidden">Étape {{ step.number }} : </span>{{ step.label }}</span>
            <HelpTip :label="'Détail de l\\'étape ' + step.number" :text="step.help" />
          </div>
          <p v-if="step.state" class="step__state">{{ stateLabel(step.state) }}</p>
          <p v-if="step.hint" class="step__hint">{{ step.hint }}</p>
          <slot name="step" :step="step" />
        </li>
      </ol>
    </section>
  `,
};
