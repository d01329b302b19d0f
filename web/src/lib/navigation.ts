// Where a log-in may lead.

// Only an in-app path may follow a log-in (never another site: « //evil.example » or « https:… »).
export function safeRedirect(suite: unknown): string {
  const value = Array.isArray(suite) ? suite[0] : suite;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "";
  if (/^\/(connexion|inscription|mot-de-passe|invitation)(\/|\?|$)/.test(value)) return "";
  return value;
}

// Where someone lands after logging in when no page asked for it.
export function homeFor(user: { roles?: string[] } | null | undefined): string {
  const roles = (user && user.roles) || [];
  if (roles.includes("employee")) return "/mon-compte";
  if (roles.includes("association_referent")) return "/association";
  if (roles.includes("company_admin")) return "/entreprise";
  return "/";
}

