// Each theme of the guide has an illustration (src/assets/themes/*.svg, drawn for Tandem, bundled by Vite):
// a mission without a photo shows its first theme's. Nothing is fetched from elsewhere.
import artsCulture from "@/assets/themes/arts-culture.svg";
import educationFormation from "@/assets/themes/education-formation.svg";
import enfanceFamille from "@/assets/themes/enfance-famille.svg";
import environnement from "@/assets/themes/environnement.svg";
import santeHandicap from "@/assets/themes/sante-handicap.svg";
import emploiInsertion from "@/assets/themes/emploi-insertion.svg";
import droitEgalite from "@/assets/themes/droit-egalite.svg";
import humanitaireInternational from "@/assets/themes/humanitaire-international.svg";
import sciencesRecherche from "@/assets/themes/sciences-recherche.svg";
import seniorIsolement from "@/assets/themes/senior-isolement.svg";
import socialPrecarite from "@/assets/themes/social-precarite.svg";
import sportsLoisirs from "@/assets/themes/sports-loisirs.svg";

// The guide's twelve themes, exactly as catalog's taxonomy spells them.
export const THEME_ILLUSTRATIONS: Readonly<Record<string, string>> = Object.freeze({
  "arts / culture": artsCulture,
  "éducation / formation": educationFormation,
  "enfance / famille": enfanceFamille,
  environnement,
  "santé / handicap": santeHandicap,
  "emploi / insertion": emploiInsertion,
  "droit / égalité": droitEgalite,
  "humanitaire international": humanitaireInternational,
  "sciences / recherche": sciencesRecherche,
  "senior / isolement": seniorIsolement,
  "social / précarité": socialPrecarite,
  "sports / loisirs": sportsLoisirs,
});

/** The illustration of the first theme the guide knows, else the « social / précarité » one (every mission has a theme in practice). */
export function themeIllustration(themes: readonly string[] | null | undefined): string {
  const known = (themes ?? []).find((theme) => theme in THEME_ILLUSTRATIONS);
  return THEME_ILLUSTRATIONS[known ?? "social / précarité"];
}

/** Tags to show on a compact card: the first `max`, and how many more there are (« +n »). */
export function visibleTags<T>(items: readonly T[], max = 3): { shown: T[]; hidden: T[] } {
  return { shown: items.slice(0, max), hidden: items.slice(max) };
}
