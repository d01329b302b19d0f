"""Identity providers (administration use cases, issue 14): the company admin (or the platform team) lists, adds,
changes and disables the company's OpenID Connect and SAML 2.0 providers, and allows or withdraws the password
fallback. The OIDC client secret is written here and never read back: the view shows `has_client_secret` only."""
from __future__ import annotations

import re
import uuid

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow

from . import oidc, saml
from .access import audit
from .domain import federation as rules
from .errors import field_error
from .models import Company, IdentityProvider, IdentityProviderDomain, Person

PROVIDER_NOT_FOUND = "Ce fournisseur d'identité n'existe pas."
ENV_NAME = re.compile(r"^env:[A-Z_][A-Z0-9_]{0,120}$")
SETTABLE = ("display_name", "enabled", "oidc_issuer", "oidc_client_id", "oidc_scopes", "saml_idp_metadata_xml",
            "saml_idp_metadata_url", "saml_idp_entity_id")


def provider_view(provider: IdentityProvider) -> dict:
    return {
        "id": provider.id, "company_id": provider.company_id, "protocol": provider.protocol,
        "display_name": provider.display_name, "enabled": provider.enabled,
        "domains": [d.domain for d in provider.domains],
        "oidc_issuer": provider.oidc_issuer, "oidc_client_id": provider.oidc_client_id,
        "has_client_secret": bool(provider.oidc_client_secret_encrypted or provider.oidc_client_secret_ref),
        "oidc_client_secret_ref": provider.oidc_client_secret_ref, "oidc_scopes": provider.oidc_scopes,
        "saml_idp_metadata_xml": provider.saml_idp_metadata_xml, "saml_idp_metadata_url": provider.saml_idp_metadata_url,
        "saml_idp_entity_id": provider.saml_idp_entity_id,
        "saml_sp_metadata_url": saml.entity_id(provider.id) if provider.protocol == rules.SAML else None,
        "claim_mapping": rules.claim_mapping(provider.protocol, provider.claim_mapping),
        "created_at": provider.created_at, "updated_at": provider.updated_at,
    }


def providers_of(session, company: Company) -> list[IdentityProvider]:
    return list(session.scalars(sa.select(IdentityProvider).where(IdentityProvider.company_id == company.id)
                                .order_by(IdentityProvider.display_name, IdentityProvider.id)))


def sign_in_link(session, company: Company) -> str:
    """The direct link's path the admin hands out (`federation.company_for_link` reads it back): the company's first
    e-mail domain, people can read and type it; its id when it has no domain at all."""
    domains = [d.domain for d in company.domains] or [d.domain for p in providers_of(session, company) for d in p.domains]
    return f"/connexion/{domains[0] if domains else company.id}"


def provider_in(session, company: Company, provider_id: str, for_update: bool = False) -> IdentityProvider:
    provider = session.get(IdentityProvider, provider_id, with_for_update=for_update)
    if provider is None or provider.company_id != company.id:
        abort(404, message=PROVIDER_NOT_FOUND)
    return provider


def _set_secret(provider: IdentityProvider, changes: dict) -> None:
    if "oidc_client_secret_ref" in changes:
        reference = (changes["oidc_client_secret_ref"] or "").strip()
        if reference and not ENV_NAME.match(reference):
            field_error("oidc_client_secret_ref", "Indique la variable d'environnement sous la forme env:NOM_DE_VARIABLE (majuscules, chiffres, _).")
        provider.oidc_client_secret_ref = reference or None
        if reference:
            provider.oidc_client_secret_encrypted = None
    if changes.get("oidc_client_secret"):
        try:
            provider.oidc_client_secret_encrypted = oidc.encrypt_secret(changes["oidc_client_secret"])
        except oidc.SecretUnavailable:
            field_error("oidc_client_secret", "Tandem ne peut pas chiffrer de secret ici (ENGAGEMENT_SSO_SECRET_KEY manque) : "
                                              "donne plutôt une variable d'environnement (env:NOM).")
        provider.oidc_client_secret_ref = None


def _set_domains(session, company: Company, provider: IdentityProvider, domains: list[str]) -> None:
    wanted = sorted({d.strip().lower() for d in domains if d.strip()})
    own = {d.domain for d in company.domains}
    for name in wanted:
        if name not in own:
            field_error("domains", f"Le domaine {name} n'est pas un domaine de {company.name}.")
    provider.domains = [IdentityProviderDomain(domain=name) for name in wanted]


def _check(session, company: Company, provider: IdentityProvider) -> None:
    """A complete configuration for its protocol, and no domain answered by two enabled providers."""
    if provider.protocol == rules.OIDC:
        if not provider.oidc_issuer or not provider.oidc_issuer.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            field_error("oidc_issuer", "Indique l'adresse de l'émetteur OpenID Connect (https://…).")
        if not provider.oidc_client_id:
            field_error("oidc_client_id", "Indique l'identifiant client que ton fournisseur a donné à Tandem.")
    elif not (provider.saml_idp_metadata_xml or provider.saml_idp_metadata_url):
        field_error("saml_idp_metadata_url", "Donne les métadonnées SAML du fournisseur (leur adresse ou leur XML).")
    else:
        try:
            provider.saml_idp_entity_id = saml.check_configuration(provider)
        except saml.MetadataUnusable as exc:
            field_error("saml_idp_metadata_xml" if provider.saml_idp_metadata_xml else "saml_idp_metadata_url", str(exc))
    if not provider.domains:
        field_error("domains", "Indique au moins un domaine e-mail pour lequel ce fournisseur répond.")
    if provider.enabled:
        session.flush()
        taken = session.scalar(
            sa.select(IdentityProviderDomain.domain).join(IdentityProvider)
            .where(IdentityProviderDomain.domain.in_([d.domain for d in provider.domains]),
                   IdentityProvider.enabled.is_(True), IdentityProvider.id != provider.id))
        if taken:
            field_error("domains", f"Le domaine {taken} est déjà servi par un autre fournisseur actif : désactive-le d'abord.")


def _sync_uses_sso(session, company: Company) -> None:
    """The company uses SSO while one of its providers is enabled (password sign-up refused, e-mail first)."""
    session.flush()
    company.uses_sso = session.scalar(sa.select(sa.func.count()).where(
        IdentityProvider.company_id == company.id, IdentityProvider.enabled.is_(True))) > 0


def _apply(session, company: Company, provider: IdentityProvider, changes: dict) -> list[str]:
    changed = [name for name in SETTABLE if name in changes and getattr(provider, name) != changes[name]]
    for name in changed:
        setattr(provider, name, changes[name])
    if "domains" in changes:
        _set_domains(session, company, provider, changes["domains"])
        changed.append("domains")
    if "claim_mapping" in changes:
        provider.claim_mapping = {k: v for k, v in (changes["claim_mapping"] or {}).items() if k in rules.MAPPED_FIELDS and v}
        changed.append("claim_mapping")
    if "oidc_client_secret" in changes or "oidc_client_secret_ref" in changes:
        _set_secret(provider, changes)
        changed.append("client_secret")  # named, never its value
    return changed


def add_provider(uow, caller: Person, company: Company, payload: dict) -> IdentityProvider:
    now = utcnow()
    provider = IdentityProvider(id=str(uuid.uuid4()), company_id=company.id, protocol=payload["protocol"],
                                display_name=payload["display_name"].strip(), enabled=payload.get("enabled", True),
                                claim_mapping={}, created_at=now, updated_at=now)
    uow.session.add(provider)
    changed = _apply(uow.session, company, provider, payload)
    _check(uow.session, company, provider)
    _sync_uses_sso(uow.session, company)
    audit(uow.session, "identity_provider_added", actor_id=caller.id, company_id=company.id, provider_id=provider.id,
          protocol=provider.protocol, fields=sorted(changed))
    return provider


def change_provider(uow, caller: Person, company: Company, provider: IdentityProvider, changes: dict) -> None:
    changed = _apply(uow.session, company, provider, changes)
    _check(uow.session, company, provider)
    if changed:
        provider.updated_at = utcnow()
        _sync_uses_sso(uow.session, company)
        audit(uow.session, "identity_provider_changed", actor_id=caller.id, company_id=company.id, provider_id=provider.id,
              fields=sorted(changed))


def set_password_fallback(uow, caller: Person, company: Company, allowed: bool) -> None:
    if company.sso_password_fallback != allowed:
        company.sso_password_fallback = allowed
        company.updated_at = utcnow()
        audit(uow.session, "sso_password_fallback_changed", actor_id=caller.id, company_id=company.id, allowed=allowed)
