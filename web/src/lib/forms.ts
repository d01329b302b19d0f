// Client-side form rules shared by the account pages (the API applies the same ones).

// The guide's rule (tutoiement): the API applies the same one.
export const PASSWORD_RULE =
  "Entre 12 et 128 caractères, tous les caractères imprimables autorisés (espaces, accents et émojis compris). Évite les mots courants et les informations personnelles.";

export const REQUIRED = "Ce champ est obligatoire.";
export const MISMATCH = "Les deux mots de passe ne sont pas identiques.";
export const CONSENT_NEEDED = "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.";

// What the form can tell of a new password before sending it, as the API words it (domain.check_password): its
// length, in characters as the API counts them, and the repeat. The rest (common, guessable) stays the API's to say.
export function passwordErrors(password: string, confirmation: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const length = [...password.normalize("NFC")].length;
  if (password && length < 12) errors.password = "Ton mot de passe doit contenir au moins 12 caractères.";
  else if (length > 128) errors.password = "Ton mot de passe doit contenir au plus 128 caractères.";
  if (confirmation && password !== confirmation) errors.password_confirmation = MISMATCH;
  return errors;
}

// {field: "Ce champ est obligatoire."} for every empty value whose name is in `labels`.
export function requiredErrors(values: Record<string, unknown>, names: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null || value === false || String(value).trim() === "") errors[name] = REQUIRED;
  }
  return errors;
}

