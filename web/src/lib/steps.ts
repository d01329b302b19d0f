// The four steps of a mission, with the guide's « ? » help for each.

export interface StepDefinition {
  number: number;
  label: string;
  help: string;
}

export const STEPS: StepDefinition[] = [
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
