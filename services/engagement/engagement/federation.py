"""Federated sign-in (use cases, issue 14), shared by OpenID Connect and SAML 2.0: once a protocol module has checked
what the provider sent, `complete_federated_sign_in` lets the person in with exactly the session a password sign-in
opens (`sessions.start_session`: same tokens, same refresh family, same revocation), creating the person just in
time on a first sign-in (after a follow-up page: entity when the provider did not name one, and the consent, asked
once) and updating the mapped fields on later ones. Everything happens in the caller's unit of work: a refusal
(FederationRefused) rolls it back, so nothing is half-written; the caller records `audit_refusal` in a new one."""
from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from tandem_shared.timeutil import utcnow

from . import domain, events
from .access import audit
from .domain import federation as rules
from .domain.federation import FederationRefused
from .errors import field_error
from .models import Company, CompanyDomain, Entity, IdentityProvider, IdentityProviderDomain, Person, PersonRole, SsoLoginAttempt
from .sessions import Opened, start_session

__all__ = ["FederationRefused", "SignedIn", "FollowUpNeeded", "start_attempt", "take_attempt",
           "complete_federated_sign_in", "follow_up_options", "complete_follow_up", "audit_refusal"]


@dataclass(frozen=True)
class SignedIn:
    opened: Opened
    return_path: str


@dataclass(frozen=True)
class FollowUpNeeded:
    """A first sign-in: the web client shows the follow-up page for this attempt (its id is the only key to it)."""

    attempt_id: str


def start_attempt(session, provider: IdentityProvider, return_path: str | None, *, state: str | None = None,
                  nonce: str | None = None, code_verifier: str | None = None,
                  saml_request_id: str | None = None) -> SsoLoginAttempt:
    """Records a started sign-in (the protocol module made its state, nonce, PKCE verifier or SAML request id)."""
    attempt = SsoLoginAttempt(id=secrets.token_urlsafe(32), provider_id=provider.id, state=state, nonce=nonce,
                              code_verifier=code_verifier, saml_request_id=saml_request_id,
                              return_path=safe_return_path(return_path), created_at=utcnow())
    session.add(attempt)
    return attempt


def safe_return_path(path: str | None) -> str:
    """Only a path of this site: never an absolute or protocol-relative URL (an open redirect)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path[:500]


def take_attempt(session, *, state: str | None = None, saml_request_id: str | None = None) -> SsoLoginAttempt:
    """The started sign-in a callback answers, locked and consumed at once: a state (or request id) works once, and
    only within ATTEMPT_LIFETIME."""
    condition = SsoLoginAttempt.state == state if state else SsoLoginAttempt.saml_request_id == saml_request_id
    attempt = session.scalar(sa.select(SsoLoginAttempt).where(condition).with_for_update()) if (state or saml_request_id) else None
    if attempt is None or attempt.consumed_at is not None or utcnow() - attempt.created_at > rules.ATTEMPT_LIFETIME:
        raise FederationRefused("Cette tentative de connexion a expiré ou a déjà servi : recommence depuis la page « Se connecter ».",
                                {"reason": "attempt_expired"})
    attempt.consumed_at = utcnow()
    return attempt


def _refuse(session, provider: IdentityProvider, reason: str, message: str, **details) -> None:
    raise FederationRefused(message, {"provider_id": provider.id, "reason": reason, **details})


def reason_details(refusal: FederationRefused) -> dict:
    return refusal.args[1] if len(refusal.args) > 1 and isinstance(refusal.args[1], dict) else {"reason": "refused"}


def audit_refusal(uow, refusal: FederationRefused) -> None:
    """In a unit of work of its own, after the refused one rolled back."""
    details = reason_details(refusal)
    audit(uow.session, "sso_login_refused", **details)


def complete_federated_sign_in(uow, provider: IdentityProvider, claims: dict, attempt: SsoLoginAttempt) -> SignedIn | FollowUpNeeded:
    """After the protocol checked the provider's answer (signature, issuer, audience, expiry, nonce or InResponseTo):
    `claims` are the ID token's claims (OIDC) or the assertion's attributes (SAML, name -> list of values). Raises
    FederationRefused (its message is the French page) when the person may not come in."""
    session = uow.session
    company = session.get(Company, provider.company_id)
    if not provider.enabled or company is None:
        _refuse(session, provider, "provider_disabled", "Cette connexion SSO n'est plus active : demande au responsable de l'engagement de ton entreprise.")
    try:
        identity = rules.read_identity(provider.protocol, provider.claim_mapping, claims)
    except FederationRefused as exc:
        _refuse(session, provider, "identity_incomplete", str(exc))
    try:
        rules.check_domain(identity.email, [d.domain for d in provider.domains])
    except FederationRefused as exc:
        _refuse(session, provider, "email_outside_domains", str(exc), email_domain=domain.email_domain(identity.email))
    person = session.scalar(sa.select(Person).where(Person.email == identity.email).with_for_update())
    if person is None:
        attempt.pending_claims = {"email": identity.email, "first_name": identity.first_name,
                                  "last_name": identity.last_name, "entity_name": identity.entity_name,
                                  "manager_email": identity.manager_email}
        audit(session, "sso_follow_up_started", provider_id=provider.id)
        return FollowUpNeeded(attempt.id)
    if person.company_id != company.id:
        _refuse(session, provider, "other_company", "Ce compte Tandem appartient à une autre entreprise : demande au responsable de l'engagement de ton entreprise.", person_id=person.id)
    if person.status != domain.PersonStatus.ACTIVE:
        _refuse(session, provider, "person_not_active", "Ton compte Tandem est désactivé : rapproche-toi du responsable de l'engagement de ton entreprise.", person_id=person.id)
    _update_mapped_fields(uow, person, company, identity)
    opened = start_session(uow, person)
    audit(session, "login_succeeded", person_id=person.id, via=provider.protocol, provider_id=provider.id)
    return SignedIn(opened, attempt.return_path or "/")


def _entity_named(company: Company, name: str | None) -> Entity | None:
    wanted = (name or "").strip().casefold()
    return next((e for e in company.entities if e.name.strip().casefold() == wanted), None) if wanted else None


def _update_mapped_fields(uow, person: Person, company: Company, identity: rules.FederatedIdentity) -> None:
    """Later sign-ins: what the provider sends (and is not blank) becomes the person's; the entity only when the
    provider names one of the company's entities."""
    now = utcnow()
    changes = []
    for attribute, value in (("first_name", identity.first_name), ("last_name", identity.last_name),
                             ("manager_email", identity.manager_email)):
        if value and getattr(person, attribute) != value:
            setattr(person, attribute, value)
            changes.append(attribute)
    entity = _entity_named(company, identity.entity_name)
    if entity is not None and entity.id != person.entity_id:
        person.entity_id = entity.id
        changes.append("entity_id")
    if person.email_verified_at is None:
        person.email_verified_at = now  # the provider vouches for the address it sent
        changes.append("email_verified_at")
    if changes:
        person.updated_at = now
        audit(uow.session, "person_updated_by_sso", person_id=person.id, fields=sorted(changes))
        current = uow.session.get(Entity, person.entity_id) if person.entity_id else None
        events.person_updated(uow, person, current.name if current else None, now)


def _pending(session, attempt_id: str) -> tuple[SsoLoginAttempt, IdentityProvider, Company]:
    attempt = session.get(SsoLoginAttempt, attempt_id, with_for_update=True) if attempt_id else None
    if (attempt is None or attempt.pending_claims is None or attempt.completed_at is not None
            or utcnow() - attempt.created_at > rules.FOLLOW_UP_LIFETIME):
        raise FederationRefused("Cette page de première connexion a expiré ou a déjà servi : recommence depuis la page « Se connecter ».",
                                {"reason": "attempt_expired"})
    provider = session.get(IdentityProvider, attempt.provider_id)
    return attempt, provider, session.get(Company, provider.company_id)


def follow_up_options(session, attempt_id: str) -> dict:
    """What the follow-up page shows: the company, the name the provider sent, its entities and the one it named."""
    attempt, _provider, company = _pending(session, attempt_id)
    claims = attempt.pending_claims
    named = _entity_named(company, claims.get("entity_name"))
    return {"company_name": company.name, "email": claims["email"], "first_name": claims["first_name"],
            "last_name": claims["last_name"], "entity_id": named.id if named else None,
            "entities": [{"id": e.id, "name": e.name} for e in company.entities]}


def complete_follow_up(uow, attempt_id: str, entity_id: str | None, consent: bool) -> SignedIn:
    """The first sign-in's follow-up: the person is created (verified e-mail, the company, the entity the provider
    named or the one chosen, the consent) and signed in, all at once."""
    session = uow.session
    attempt, provider, company = _pending(session, attempt_id)
    if not consent:
        field_error("consent", "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.")
    claims = attempt.pending_claims
    entity = _entity_named(company, claims.get("entity_name")) or (session.get(Entity, entity_id) if entity_id else None)
    if entity is None or entity.company_id != company.id:
        field_error("entity_id", "Choisis ton entité de rattachement dans la liste.")
    if session.scalar(sa.select(Person.id).where(Person.email == claims["email"])) is not None:
        # Created meanwhile (an invitation, SCIM, another tab): the next sign-in goes straight in.
        raise FederationRefused("Un compte existe déjà pour cette adresse : recommence depuis la page « Se connecter ».",
                                {"reason": "account_exists", "provider_id": provider.id})
    now = utcnow()
    person = Person(id=str(uuid.uuid4()), email=claims["email"], company_id=company.id, entity_id=entity.id,
                    first_name=claims["first_name"] or claims["email"].split("@")[0], last_name=claims["last_name"],
                    manager_email=claims.get("manager_email"), password_hash=None, status=domain.PersonStatus.ACTIVE,
                    email_verified_at=now, consent_at=now, created_at=now, updated_at=now)
    person.roles = [PersonRole(role=domain.Role.EMPLOYEE)]
    session.add(person)
    session.flush()
    attempt.completed_at = now
    attempt.pending_claims = None  # the claims served their purpose: no personal data lingers in the attempt
    events.person_registered(uow, person, entity.name, now)
    audit(session, "signed_up_by_sso", person_id=person.id, provider_id=provider.id)
    opened = start_session(uow, person)
    audit(session, "login_succeeded", person_id=person.id, via=provider.protocol, provider_id=provider.id)
    return SignedIn(opened, attempt.return_path or "/")


def provider_for_email(session, email: str) -> IdentityProvider | None:
    """The enabled provider answering for the address's domain (at most one: the admin use case sees to it)."""
    return session.scalar(
        sa.select(IdentityProvider).join(IdentityProviderDomain)
        .where(IdentityProviderDomain.domain == domain.email_domain(email), IdentityProvider.enabled.is_(True))
    )


def enabled_providers(session, company_id: str) -> list[IdentityProvider]:
    return list(session.scalars(sa.select(IdentityProvider).where(IdentityProvider.company_id == company_id,
                                                                  IdentityProvider.enabled.is_(True))
                                .order_by(IdentityProvider.display_name)))


def password_refused(session, email: str) -> Company | None:
    """The company whose people sign in through SSO only, when the address belongs to one: decided by the domain,
    never by whether an account exists (so the answer tells nothing about accounts)."""
    provider = provider_for_email(session, email)
    if provider is None:
        return None
    company = session.get(Company, provider.company_id)
    return None if company.sso_password_fallback else company


def discover(session, email: str) -> dict:
    """« Se connecter »: SSO (the provider to go to) or the password form, from the address's domain alone."""
    provider = provider_for_email(session, email)
    if provider is None:
        return {"method": "password", "provider_id": None, "protocol": None, "company_name": None, "password_allowed": True}
    company = session.get(Company, provider.company_id)
    return {"method": "sso", "provider_id": provider.id, "protocol": provider.protocol, "company_name": company.name,
            "password_allowed": company.sso_password_fallback}


def company_for_link(session, company_key: str) -> Company | None:
    """The company a direct link names: by one of its e-mail domains (`/connexion/horizon.example`, what people can
    read and type) or by its id (links sent before domains were used keep working)."""
    key = company_key.strip().lower()
    company_id = (session.scalar(sa.select(CompanyDomain.company_id).where(CompanyDomain.domain == key))
                  or session.scalar(sa.select(IdentityProvider.company_id).join(IdentityProviderDomain)
                                    .where(IdentityProviderDomain.domain == key).limit(1)))
    return session.get(Company, company_id or company_key)


def company_sign_in(session, company_key: str) -> dict | None:
    """The direct link `/connexion/<company>`: the company (by domain or id) and its enabled providers."""
    company = company_for_link(session, company_key)
    if company is None:
        return None
    return {"company_id": company.id, "company_name": company.name, "password_allowed": company.sso_password_fallback
            or not enabled_providers(session, company.id),
            "providers": [{"id": p.id, "display_name": p.display_name, "protocol": p.protocol}
                          for p in enabled_providers(session, company.id)]}
