// Where a log-in may lead.

// Only an in-app path may follow a log-in (never another site: « //evil.example » or « https:… »).
export function safeRedirect(suite: unknown): string {
  const value = Array.isArray(suite) ? suite[0] : suite;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "";
  if (/^\/(connexion|inscription|mot-de-passe|invitation)(\/|\?|$)/.test(value)) return "";
  return value;
}

// Where someone lands after logging in when no page asked for it: each role its own space. A referent
// lands on the applications to answer and the presence to attest; a company admin on the company space
// (their own missions stay under « Mon compte »); an employee on « Mon compte », where a manager sees the
// team first (MyAccountPage). The operator runs the quiz back-office.
export function homeFor(user: { roles?: string[] } | null | undefined): string {
  const roles = (user && user.roles) || [];
  if (roles.includes("association_referent")) return "/association/candidatures";
  if (roles.includes("company_admin")) return "/entreprise";
  if (roles.includes("employee")) return "/mon-compte";
  if (roles.includes("platform_operator")) return "/operateur/quiz";
  return "/";
}

// « Mon compte » is an employee's dashboard (allowance, missions, TO DO LIST): whoever is not one is sent
// to their own space instead.
export function accountFor(user: { roles?: string[] } | null | undefined): string {
  const roles = (user && user.roles) || [];
  return roles.includes("employee") ? "/mon-compte" : homeFor(user);
}

