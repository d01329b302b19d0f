"""Invitations (administration use cases): inviting someone into a company or as an association referent, what an
invitation says, and accepting it by choosing a password."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import domain, events, identity
from .access import COMPANY_NOT_FOUND, administers, audit, company_in_reach, entity_name, is_operator
from .domain import PersonStatus, Role
from .errors import field_error
from .links import INVITATION, issue_link, redeem_link
from .models import Company, Entity, OneTimeToken, Person
from .people import check_roles, clean_name, set_roles

ALREADY_REGISTERED = "Cette adresse a déjà un compte Tandem."
NO_LONGER_VALID = "Cette invitation n'est plus valable."


def _company_for(session, caller: Person, payload: dict, email: str) -> Company | None:
    """The company the person is invited into: any for platform operators (or none), the admin's own otherwise, and
    then the address must be one of the company's domains."""
    if is_operator(caller):
        company_id = payload.get("company_id")
        company = session.get(Company, company_id) if company_id else None
        if company_id and company is None:
            field_error("company_id", COMPANY_NOT_FOUND)
        return company
    company_id = payload.get("company_id") or caller.company_id
    if not company_id:
        abort(404, message=COMPANY_NOT_FOUND)
    company = company_in_reach(session, caller, company_id)
    if domain.email_domain(email) not in {row.domain for row in company.domains}:
        field_error("email", "Invite une adresse e-mail de ton entreprise : ce domaine ne lui est pas rattaché.")
    return company


def _entity_for(session, company: Company | None, entity_id: str | None) -> Entity | None:
    if not entity_id:
        return None
    entity = session.get(Entity, entity_id)
    if entity is None or company is None or entity.company_id != company.id:
        field_error("entity_id", "Choisis l'entité de rattachement dans la liste de l'entreprise.")
    return entity


def _invitee(session, caller: Person, email: str, now) -> tuple[Person, bool]:
    """The person to invite, and whether it renews an invitation still pending (409 for an account already made)."""
    person = session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
    if person is not None:
        if person.status != PersonStatus.INVITED.value or not (is_operator(caller) or administers(caller, person.company_id)):
            abort(409, message=ALREADY_REGISTERED)
        return person, True
    person = Person(id=str(uuid.uuid4()), email=email, status=PersonStatus.INVITED.value, created_at=now)
    person.roles = []
    person.referent_of = []
    session.add(person)
    return person, False


def invite(uow, caller: Person, payload: dict) -> tuple[Person, datetime]:
    """The invited person and when their link expires; the link leaves by e-mail (invitation.sent)."""
    email = domain.normalize_email(payload["email"])
    roles = set(payload["roles"])
    associations = set(payload.get("association_ids") or ()) if Role.ASSOCIATION_REFERENT.value in roles else set()
    company = _company_for(uow.session, caller, payload, email)
    check_roles(caller, roles, associations, company.id if company else None)
    entity = _entity_for(uow.session, company, payload.get("entity_id"))
    now = utcnow()
    person, renewed = _invitee(uow.session, caller, email, now)
    person.first_name = clean_name("first_name", payload["first_name"])
    person.last_name = clean_name("last_name", payload["last_name"])
    person.company_id = company.id if company else None
    person.entity_id = entity.id if entity else None
    person.updated_at = now
    set_roles(person, roles, associations)
    try:
        uow.session.flush()
    except sa.exc.IntegrityError:
        abort(409, message=ALREADY_REGISTERED)
    link, expires_at = issue_link(uow.session, person, INVITATION, timedelta(days=current_settings().invitation_days), "/invitation")
    (events.person_updated if renewed else events.person_registered)(uow, person, entity.name if entity else None, now)
    events.invitation_sent(uow, person, link, expires_at, invited_by=f"{caller.first_name} {caller.last_name}".strip(),
                           company_name=company.name if company else None)
    audit(uow.session, "invitation_renewed" if renewed else "invitation_sent", person_id=person.id, actor_id=caller.id,
          roles=sorted(roles), company_id=person.company_id)
    return person, expires_at


def _pending_invitation(session, secret: str) -> OneTimeToken:
    token = session.scalar(
        sa.select(OneTimeToken).where(OneTimeToken.token_hash == identity.digest(secret), OneTimeToken.purpose == INVITATION)
    )
    if token is None:
        abort(404, message="Ce lien n'est pas valide. Vérifie que tu as copié l'adresse en entier.")
    if token.used_at is not None or token.expires_at <= utcnow():
        abort(410, message="Cette invitation n'est plus valable : demande à la personne qui t'a invité.e de t'en envoyer une nouvelle.")
    return token


def invitation_preview(session, secret: str) -> dict:
    """What the invitation says, to fill in the acceptance form; the link is not used up."""
    token = _pending_invitation(session, secret)
    person = session.get(Person, token.person_id)
    if person is None or person.status != PersonStatus.INVITED.value:
        abort(410, message=NO_LONGER_VALID)
    company = session.get(Company, person.company_id) if person.company_id else None
    return {"email": person.email, "first_name": person.first_name, "last_name": person.last_name,
            "company_name": company.name if company else None, "roles": person.role_names, "expires_at": token.expires_at}


def check_acceptance(payload: dict) -> None:
    """What the form alone can tell, before the link is used."""
    if payload["password"] != payload["password_confirmation"]:
        field_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
    if not payload["consent"]:
        field_error("consent", "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas activer ton compte.")


def accept_invitation(uow, secret: str, payload: dict) -> None:
    """The account becomes active with the chosen password; opening the e-mailed link proves the address."""
    token = redeem_link(uow.session, secret, INVITATION)
    person = uow.session.get(Person, token.person_id, with_for_update=True)
    if person is None or person.status != PersonStatus.INVITED.value:
        abort(410, message=NO_LONGER_VALID)
    first_name = clean_name("first_name", payload.get("first_name", person.first_name))
    last_name = clean_name("last_name", payload.get("last_name", person.last_name))
    try:
        domain.check_password(payload["password"], (first_name, last_name, person.email))
    except domain.DomainError as exc:
        field_error(exc.field or "password", str(exc))
    now = utcnow()
    person.first_name = first_name
    person.last_name = last_name
    person.password_hash = identity.hash_password(payload["password"])
    person.status = PersonStatus.ACTIVE.value
    person.email_verified_at = person.email_verified_at or now
    person.consent_at = now
    person.updated_at = now
    events.person_updated(uow, person, entity_name(uow.session, person), now)
    audit(uow.session, "invitation_accepted", person_id=person.id, actor_id=person.id)
