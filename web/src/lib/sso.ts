// SSO sign-in (issue 14): « Se connecter » asks engagement whether the address's domain signs in through its
// company's identity provider; starting is a POST answering the provider's address, where the page then goes.
import { engagement, data, type EngagementSchemas } from "@/api";

export type Discovery = EngagementSchemas["Discovery"];

export function discoverSignIn(email: string): Promise<Discovery> {
  return data(engagement.POST("/sso/discover", { body: { email } }));
}

// OpenID Connect or SAML 2.0: both answer the provider's address (SAML's carries the AuthnRequest, HTTP-Redirect).
export async function startSso(providerId: string, returnPath: string | null, protocol?: string | null): Promise<never> {
  const body = { provider_id: providerId, return_path: returnPath };
  const started = await data(protocol === "saml" ? engagement.POST("/sso/saml/start", { body }) : engagement.POST("/sso/oidc/start", { body }));
  window.location.assign(started.redirect_url ?? "/");
  return new Promise<never>(() => {});
}

// Why a federated sign-in was refused (the callback's ?motif=), in the person's words.
export const REFUSALS: Record<string, string> = {
  attempt_expired: "Cette tentative de connexion a expiré ou a déjà servi : recommence depuis la page « Se connecter ».",
  email_outside_domains: "Ton adresse e-mail n'appartient pas aux domaines de ton entreprise déclarés pour cette connexion : demande au responsable de l'engagement de ton entreprise.",
  person_not_active: "Ton compte Tandem est désactivé : rapproche-toi du responsable de l'engagement de ton entreprise.",
  other_company: "Ce compte Tandem appartient à une autre entreprise : demande au responsable de l'engagement de ton entreprise.",
  provider_disabled: "Cette connexion SSO n'est plus active : demande au responsable de l'engagement de ton entreprise.",
  provider_error: "Ton fournisseur d'identité n'a pas autorisé la connexion à Tandem : demande à ton service informatique.",
  identity_incomplete: "Ton fournisseur d'identité n'a pas transmis ton adresse e-mail vérifiée : demande à ton service informatique.",
  provider_unreachable: "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes.",
  secret_unavailable: "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes.",
  metadata_unusable: "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes.",
  assertion_refused: "La réponse du fournisseur d'identité n'a pas pu être vérifiée : recommence depuis la page « Se connecter ».",
  assertion_expired: "La réponse du fournisseur d'identité a expiré : recommence depuis la page « Se connecter ».",
  assertion_replayed: "Cette réponse du fournisseur d'identité a déjà servi : recommence depuis la page « Se connecter ».",
  issuer_mismatch: "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes.",
};
export const DEFAULT_REFUSAL = "La réponse du fournisseur d'identité n'a pas pu être vérifiée : recommence depuis la page « Se connecter ».";
