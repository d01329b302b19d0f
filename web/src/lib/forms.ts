// Client-side form rules shared by the account pages (the API applies the same ones).

// The guide's rule (tutoiement): the API applies the same one.
export const PASSWORD_RULE =
  "Entre 12 et 128 caractères, tous les caractères imprimables autorisés (espaces, accents et émojis compris). Évite les mots courants et les informations personnelles.";

export const REQUIRED = "Ce champ est obligatoire.";
export const MISMATCH = "Les deux mots de passe ne sont pas identiques.";
export const CONSENT_NEEDED = "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.";

// {field: "Ce champ est obligatoire."} for every empty value whose name is in `labels`.
export function requiredErrors(values: Record<string, unknown>, names: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null || value === false || String(value).trim() === "") errors[name] = REQUIRED;
  }
  return errors;
}

