"""Accounts (use cases): signing up into a partner company, verifying the address, resetting a forgotten password.

None of these answers tells whether an address has an account: the same words, and e-mails within the limits of
`send_limits.py`."""
from __future__ import annotations

import uuid
from datetime import timedelta

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import domain, events, identity
from .access import audit
from .errors import field_error
from .federation import password_refused
from .links import RESET, VERIFY, issue_link, redeem_link
from .models import Company, CompanyDomain, Entity, Person, PersonRole
from .send_limits import account_mail_allowed
from .sessions import revoke_everywhere

UNKNOWN_DOMAIN = "Renseigne bien ton adresse e-mail professionnelle : ce domaine n'est rattaché à aucune entreprise partenaire."


def company_for_email(session, email: str) -> Company | None:
    row = session.get(CompanyDomain, domain.email_domain(email))
    return session.get(Company, row.company_id) if row else None


def sign_up_options(session, email: str) -> dict:
    company = company_for_email(session, email)
    if company is None:
        field_error("email", UNKNOWN_DOMAIN)
    return {"company_name": company.name, "uses_sso": company.uses_sso,
            "entities": [{"id": e.id, "name": e.name} for e in company.entities]}


def check_sign_up(payload: dict, email: str) -> str:
    """What the form alone can tell; then the password hash, made whether or not the address has an account, before
    we know: the slow hash is most of the answer's time, so skipping it for a known address would tell who has an
    account (issue #19, 4)."""
    if payload["password"] != payload["password_confirmation"]:
        field_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
    if not payload["consent"]:
        field_error("consent", "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.")
    try:
        domain.check_password(payload["password"], (payload["first_name"], payload["last_name"], email))
    except domain.DomainError as exc:
        field_error(exc.field or "password", str(exc))
    return identity.hash_password(payload["password"])


def _send_verification(uow, person: Person) -> None:
    link, expires_at = issue_link(uow.session, person, VERIFY, timedelta(hours=current_settings().verification_hours), "/inscription/verification")
    events.link_sent(uow, events.EMAIL_VERIFICATION_REQUESTED, person, link, expires_at)


def _company_and_entity(session, email: str, entity_id: str) -> tuple[Company, Entity]:
    company = company_for_email(session, email)
    if company is None:
        field_error("email", UNKNOWN_DOMAIN)
    if company.uses_sso:
        field_error("email", f"{company.name} utilise la connexion SSO : connecte-toi directement avec ton compte d'entreprise.")
    entity = session.get(Entity, entity_id)
    if entity is None or entity.company_id != company.id:
        field_error("entity_id", "Choisis ton entité de rattachement dans la liste.")
    return company, entity


def sign_up(uow, payload: dict, email: str, password_hash: str) -> None:
    """A new employee of the company the address belongs to, waiting for their address to be verified. For an address
    that has an account, the same answer (and a new verification link if it is still unverified)."""
    company, entity = _company_and_entity(uow.session, email, payload["entity_id"])
    existing = uow.session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
    if existing is not None:
        if (existing.status == domain.PersonStatus.ACTIVE and existing.email_verified_at is None
                and account_mail_allowed(uow.session, existing, domain.SendKind.EMAIL_VERIFICATION)):
            _send_verification(uow, existing)
        audit(uow.session, "signup_for_existing_email", person_id=existing.id)
        return
    now = utcnow()
    person = Person(
        id=str(uuid.uuid4()), email=email, company_id=company.id, entity_id=entity.id,
        first_name=payload["first_name"].strip(), last_name=payload["last_name"].strip(),
        password_hash=password_hash, status=domain.PersonStatus.ACTIVE,
        consent_at=now, created_at=now, updated_at=now,
    )
    person.roles = [PersonRole(role=domain.Role.EMPLOYEE)]
    uow.session.add(person)
    uow.session.flush()
    account_mail_allowed(uow.session, person, domain.SendKind.EMAIL_VERIFICATION)  # the first: always allowed
    link, expires_at = issue_link(uow.session, person, VERIFY, timedelta(hours=current_settings().verification_hours), "/inscription/verification")
    events.person_registered(uow, person, entity.name, now)
    events.link_sent(uow, events.EMAIL_VERIFICATION_REQUESTED, person, link, expires_at)
    audit(uow.session, "signed_up", person_id=person.id)


def resend_verification(uow, email: str) -> None:
    person = uow.session.scalar(sa.select(Person).where(Person.email == domain.normalize_email(email)).with_for_update())
    if (person is not None and person.status == domain.PersonStatus.ACTIVE and person.email_verified_at is None
            and account_mail_allowed(uow.session, person, domain.SendKind.EMAIL_VERIFICATION)):
        _send_verification(uow, person)


def verify_email(uow, secret: str) -> None:
    token = redeem_link(uow.session, secret, VERIFY)
    person = uow.session.get(Person, token.person_id)
    person.email_verified_at = person.email_verified_at or utcnow()
    audit(uow.session, "email_verified", person_id=person.id)


def request_password_reset(uow, email: str) -> None:
    person = uow.session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
    if password_refused(uow.session, email) is not None:
        # Issue 14: an SSO company's people have no password to reset (the same answer as for any address).
        audit(uow.session, "password_reset_refused_sso", person_id=person.id if person else None)
    elif person is None or person.status != domain.PersonStatus.ACTIVE:
        audit(uow.session, "password_reset_requested_unknown", email=email)
    elif account_mail_allowed(uow.session, person, domain.SendKind.PASSWORD_RESET):
        link, expires_at = issue_link(uow.session, person, RESET, timedelta(minutes=current_settings().reset_minutes), "/mot-de-passe/nouveau")
        events.link_sent(uow, events.PASSWORD_RESET_REQUESTED, person, link, expires_at)
        audit(uow.session, "password_reset_requested", person_id=person.id)


def reset_password(uow, secret: str, password: str) -> None:
    """Every open session ends; receiving the link proves the address too."""
    token = redeem_link(uow.session, secret, RESET)
    person = uow.session.get(Person, token.person_id)
    company = password_refused(uow.session, person.email)
    if company is not None:
        # A link sent before the company moved to SSO (or before the fallback was withdrawn) no longer works.
        abort(403, message=f"{company.name} utilise la connexion SSO : connecte-toi directement avec ton compte d'entreprise.")
    try:
        domain.check_password(password, (person.first_name, person.last_name, person.email))
    except domain.DomainError as exc:
        field_error(exc.field or "password", str(exc))
    person.password_hash = identity.hash_password(password)
    person.email_verified_at = person.email_verified_at or utcnow()
    person.updated_at = utcnow()
    revoke_everywhere(uow, person)
    audit(uow.session, "password_reset", person_id=person.id)
