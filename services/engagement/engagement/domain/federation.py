"""Pure rules of a federated (SSO) sign-in (issue 14): which claim or attribute carries what, and whether an identity
a provider vouches for may come in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from .accounts import email_domain, normalize_email

OIDC = "oidc"
SAML = "saml"
PROTOCOLS = (OIDC, SAML)

MAPPED_FIELDS = ("email", "first_name", "last_name", "entity", "manager_email")

# What a provider sends unless its admin says otherwise: OIDC standard claims; SAML, the usual
# urn:oid names (eduPerson / inetOrgPerson) that ADFS, Entra ID and Keycloak can emit.
DEFAULT_CLAIM_MAPPING: dict[str, dict[str, str]] = {
    OIDC: {"email": "email", "first_name": "given_name", "last_name": "family_name",
           "entity": "department", "manager_email": "manager_email"},
    SAML: {"email": "urn:oid:0.9.2342.19200300.100.1.3", "first_name": "urn:oid:2.5.4.42",
           "last_name": "urn:oid:2.5.4.4", "entity": "urn:oid:2.5.4.11", "manager_email": "manager_email"},
}

# A started sign-in must come back quickly; the follow-up page (entity, consent) gets a little longer.
ATTEMPT_LIFETIME = timedelta(minutes=10)
FOLLOW_UP_LIFETIME = timedelta(minutes=30)


class FederationRefused(Exception):
    """The identity may not come in: `str(exc)` is the French page the person reads; args[1], when present, the
    audit details (never shown)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class FederatedIdentity:
    email: str
    first_name: str
    last_name: str
    entity_name: str | None
    manager_email: str | None


def claim_mapping(protocol: str, configured: dict[str, str] | None) -> dict[str, str]:
    """The protocol's defaults, overridden field by field by what the admin configured (blank values ignored)."""
    mapping = dict(DEFAULT_CLAIM_MAPPING[protocol])
    mapping.update({k: v for k, v in (configured or {}).items() if k in MAPPED_FIELDS and v})
    return mapping


def _first(value: Any) -> str | None:
    """SAML attributes come as lists, OIDC claims as values: the first non-blank string either way."""
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_identity(protocol: str, configured: dict[str, str] | None, claims: dict[str, Any]) -> FederatedIdentity:
    mapping = claim_mapping(protocol, configured)
    email = _first(claims.get(mapping["email"]))
    if email is None or "@" not in email:
        raise FederationRefused("Ton fournisseur d'identité n'a pas transmis d'adresse e-mail : demande à ton service informatique de la partager avec Tandem.")
    # OIDC says explicitly when an address is not verified; trusting it anyway would let anyone claim any address.
    if protocol == OIDC and claims.get("email_verified") is False:
        raise FederationRefused("Ton fournisseur d'identité indique que ton adresse e-mail n'est pas vérifiée : nous ne pouvons pas te connecter.")
    manager = _first(claims.get(mapping["manager_email"]))
    return FederatedIdentity(
        email=normalize_email(email),
        first_name=(_first(claims.get(mapping["first_name"])) or "")[:100],
        last_name=(_first(claims.get(mapping["last_name"])) or "")[:100],
        entity_name=_first(claims.get(mapping["entity"])),
        manager_email=normalize_email(manager) if manager and "@" in manager else None,
    )


def check_domain(email: str, provider_domains: list[str]) -> None:
    if email_domain(email) not in {d.lower() for d in provider_domains}:
        raise FederationRefused("Ton adresse e-mail n'appartient pas aux domaines de ton entreprise déclarés pour cette connexion : "
                                "demande au responsable de l'engagement de ton entreprise.")
