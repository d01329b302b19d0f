"""People (administration use cases): roles and associations, entity, recorded manager, disabling and enabling an
account, end-of-career confirmation.

The caller's reach has been checked by the view (`access.person_in_reach`); who may grant what is checked here.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow

from . import clock, domain, events
from . import participations as ledger
from .access import audit, entity_name, is_operator, person_view
from .domain import PersonStatus, Role
from .errors import field_error
from .models import Company, Entity, OneTimeToken, Person, PersonRole, ReferentLink, Session
from .sessions import revoke_everywhere

# What a company admin may hand out or take back; the rest belongs to platform operators.
ADMIN_GRANTABLE = frozenset({Role.EMPLOYEE.value, Role.COMPANY_ADMIN.value})
ADMIN_POWERS = frozenset({Role.COMPANY_ADMIN.value, Role.PLATFORM_OPERATOR.value})
COMPANY_ROLES = frozenset({Role.EMPLOYEE.value, Role.COMPANY_ADMIN.value})
ROLE_LABELS = {
    Role.EMPLOYEE.value: "salarié",
    Role.ASSOCIATION_REFERENT.value: "référent d'association",
    Role.COMPANY_ADMIN.value: "responsable de l'engagement",
    Role.PLATFORM_OPERATOR.value: "opérateur de la plateforme",
}
ACCOUNT_DELETED = "Ce compte a été supprimé : il ne peut plus être modifié."


def role_labels(roles) -> str:
    return ", ".join(ROLE_LABELS.get(role, role) for role in sorted(roles))


def admin_person_view(session, person: Person) -> dict:
    return {
        **person_view(session, person),
        "retirement_confirmed_at": person.retirement_confirmed_at,
        "retirement_confirmed_by": person.retirement_confirmed_by,
        # The admin's « FIN DE CARRIÈRE » tab shows when one day a week would begin, confirmed or not yet: the one rule
        # that the dates a person asks for are checked against (calendar months, not 365 days).
        "end_of_career_from": domain.end_of_career_start(person.retirement_date, confirmed=True, policy_enabled=True),
        "created_at": person.created_at,
        "updated_at": person.updated_at,
    }


def clean_name(field: str, value: str) -> str:
    value = value.strip()
    if not value:
        field_error(field, "Ce champ ne peut pas être vide.")
    return value


def set_roles(person: Person, roles: set[str], association_ids: set[str]) -> None:
    current_roles = {row.role: row for row in person.roles}
    person.roles = [current_roles.get(role) or PersonRole(role=role) for role in sorted(roles)]
    current_links = {row.association_id: row for row in person.referent_of}
    person.referent_of = [current_links.get(ident) or ReferentLink(association_id=ident) for ident in sorted(association_ids)]


def check_roles(caller: Person, roles: set[str], association_ids: set[str], company_id: str | None,
                before: tuple[set[str], set[str]] = (set(), set())) -> None:
    """Who may grant what, and what each role needs; `before` is the person's current roles and associations."""
    old_roles, old_associations = before
    if not is_operator(caller):
        beyond = (old_roles ^ roles) - ADMIN_GRANTABLE
        if beyond:
            abort(403, message=f"Seule l'équipe de la plateforme peut attribuer ou retirer ce rôle : {role_labels(beyond)}.")
        if association_ids != old_associations:
            abort(403, message="Seule l'équipe de la plateforme peut rattacher une personne à des associations.")
    if roles & COMPANY_ROLES and not company_id:
        field_error("company_id", "Les rôles salarié et responsable de l'engagement demandent une entreprise.")
    if Role.ASSOCIATION_REFERENT.value in roles and not association_ids:
        field_error("association_ids", "Indique au moins une association pour un référent d'association.")


def disable(uow, person: Person, now) -> None:
    """Like a log-out everywhere, and the pending e-mailed links die too; other services hear person.disabled."""
    person.status = PersonStatus.DISABLED.value
    person.tokens_not_before = now
    uow.session.execute(sa.update(Session).where(Session.person_id == person.id, Session.revoked_at.is_(None)).values(revoked_at=now))
    uow.session.execute(sa.update(OneTimeToken).where(OneTimeToken.person_id == person.id, OneTimeToken.used_at.is_(None)).values(used_at=now))
    events.person_disabled(uow, person.id, person.email, now)
    ledger.withdraw_requests_sent_to(uow, domain.normalize_email(person.email), now)


def enable(uow, person: Person, status: str, now) -> None:
    """Back from disabled (`status`: active, or invited when they never accepted their invitation): the requests sent
    to their address meanwhile are theirs to decide again."""
    person.status = status
    ledger.reinstate_requests_sent_to(uow, person, now)


def _entity_for(session, caller: Person, person: Person, entity_id: str) -> Entity:
    """An entity of the person's company (422 on entity_id otherwise: another company's entity does not leak)."""
    if not person.company_id:
        field_error("entity_id", "Cette personne n'est rattachée à aucune entreprise : elle ne peut pas avoir d'entité.")
    # Locked like the entity views lock it: a deletion then counts this person, or this change finds the entity gone.
    session.get(Company, person.company_id, with_for_update=True)
    entity = session.get(Entity, entity_id)
    if entity is None or entity.company_id != person.company_id:
        field_error("entity_id", "Cette entité n'appartient pas à l'entreprise de cette personne." if is_operator(caller)
                    else "Cette entité n'appartient pas à ton entreprise.")
    return entity


def _recorded_manager(session, person: Person, wanted: str | None) -> str | None:
    """`domain.check_recorded_manager` with the person's company domains (422 on manager_email otherwise)."""
    if wanted and not person.company_id:
        field_error("manager_email", "Cette personne n'est rattachée à aucune entreprise : elle ne peut pas avoir de manager.")
    company = session.get(Company, person.company_id) if person.company_id else None
    try:
        return domain.check_recorded_manager(wanted, person_email=person.email,
                                             company_domains=frozenset(row.domain for row in company.domains) if company else frozenset())
    except domain.DomainError as exc:
        field_error(exc.field or "manager_email", str(exc))


def _change_entity(session, caller: Person, person: Person, entity_id: str) -> bool:
    if entity_id == person.entity_id:
        return False
    entity = _entity_for(session, caller, person, entity_id)
    before = person.entity_id
    person.entity_id = entity.id
    audit(session, "person_entity_changed", person_id=person.id, actor_id=caller.id,
          entity_before=before, entity_id=entity.id, entity_name=entity.name)
    return True


def _change_manager(session, caller: Person, person: Person, wanted: str | None) -> bool:
    manager = _recorded_manager(session, person, wanted)
    if manager == person.manager_email:
        return False
    before = person.manager_email
    person.manager_email = manager
    audit(session, "person_manager_changed", person_id=person.id, actor_id=caller.id,
          manager_before=before, manager_email=manager)
    return True


def _change_roles(session, caller: Person, person: Person, payload: dict) -> tuple[bool, bool]:
    """(changed, narrowed: a role or an association taken away); nobody takes away their own administration rights."""
    old_roles, old_associations = set(person.role_names), set(person.association_ids)
    roles = set(payload.get("roles", old_roles))
    associations = set(payload.get("association_ids", old_associations))
    if Role.ASSOCIATION_REFERENT.value not in roles:
        associations = set()
    if person.id == caller.id and (old_roles - roles) & ADMIN_POWERS:
        abort(403, message="Tu ne peux pas retirer tes propres droits d'administration : demande-le à un autre responsable de l'engagement.")
    check_roles(caller, roles, associations, person.company_id, before=(old_roles, old_associations))
    if roles == old_roles and associations == old_associations:
        return False, False
    set_roles(person, roles, associations)
    audit(session, "person_roles_changed", person_id=person.id, actor_id=caller.id,
          roles_before=sorted(old_roles), roles=sorted(roles),
          associations_before=sorted(old_associations), association_ids=sorted(associations))
    return True, bool(old_roles - roles or old_associations - associations)


def _change_status(uow, caller: Person, person: Person, wanted: str | None, now: datetime) -> tuple[bool, bool]:
    """(changed, disabled)."""
    if wanted == PersonStatus.DISABLED.value and person.status != PersonStatus.DISABLED.value:
        if person.id == caller.id:
            abort(403, message="Tu ne peux pas désactiver ton propre compte.")
        disable(uow, person, now)
        audit(uow.session, "person_disabled", person_id=person.id, actor_id=caller.id)
        return True, True
    if wanted == PersonStatus.ACTIVE.value and person.status != PersonStatus.ACTIVE.value:
        if person.status == PersonStatus.INVITED.value:
            abort(409, message="Cette personne n'a pas encore accepté son invitation : son compte s'activera quand elle l'acceptera.")
        # Someone disabled before accepting an invitation goes back to waiting for one.
        enable(uow, person, PersonStatus.ACTIVE.value if person.password_hash else PersonStatus.INVITED.value, now)
        audit(uow.session, "person_enabled", person_id=person.id, actor_id=caller.id)
        return True, False
    return False, False


def update_person(uow, caller: Person, person: Person, payload: dict) -> None:
    """Entity, recorded manager, roles and associations, status: each change audited, one person.updated for all."""
    if person.status == PersonStatus.DELETED.value:
        abort(409, message=ACCOUNT_DELETED)
    now = utcnow()
    changed = disabled = rights_narrowed = False
    if "entity_id" in payload:
        changed |= _change_entity(uow.session, caller, person, payload["entity_id"])
    if "manager_email" in payload:
        changed |= _change_manager(uow.session, caller, person, payload["manager_email"])
    if "roles" in payload or "association_ids" in payload:
        roles_changed, rights_narrowed = _change_roles(uow.session, caller, person, payload)
        changed |= roles_changed
    status_changed, disabled = _change_status(uow, caller, person, payload.get("status"), now)
    changed |= status_changed
    if rights_narrowed and not disabled and person.status == PersonStatus.ACTIVE.value:
        # Tokens carry roles and associations, and documents and impact read them from the token: the old ones must
        # not keep a right that was withdrawn.
        revoke_everywhere(uow, person)
    if changed:
        person.updated_at = now
        events.person_updated(uow, person, entity_name(uow.session, person), now)


def confirm_retirement(uow, caller: Person, person: Person) -> None:
    """End-of-career sponsorship: 1 day a week in the 12 months before a retirement date another admin confirmed."""
    if person.id == caller.id:
        abort(403, message="Un autre responsable de l'engagement doit confirmer ta propre date de départ en retraite.")
    if person.status == PersonStatus.DELETED.value:
        abort(409, message=ACCOUNT_DELETED)
    if person.retirement_date is None:
        abort(409, message="Cette personne n'a pas encore indiqué de date de départ en retraite dans son profil.")
    if person.retirement_date < clock.today():
        abort(409, message="Cette date de départ en retraite est déjà passée.")
    company = uow.session.get(Company, person.company_id) if person.company_id else None
    if company is None or not company.end_of_career_enabled:
        abort(409, message="Le mécénat fin de carrière n'est pas activé pour cette entreprise.")
    now = utcnow()
    person.retirement_confirmed_at = now
    person.retirement_confirmed_by = caller.id
    person.updated_at = now
    events.person_updated(uow, person, entity_name(uow.session, person), now)
    audit(uow.session, "retirement_confirmed", person_id=person.id, actor_id=caller.id,
          retirement_date=person.retirement_date.isoformat())


def withdraw_retirement_confirmation(uow, caller: Person, person: Person) -> None:
    """Back to the company's days per year; nothing happens when there was no confirmation."""
    if person.retirement_confirmed_at is None:
        return
    now = utcnow()
    person.retirement_confirmed_at = None
    person.retirement_confirmed_by = None
    person.updated_at = now
    events.person_updated(uow, person, entity_name(uow.session, person), now)
    audit(uow.session, "retirement_confirmation_withdrawn", person_id=person.id, actor_id=caller.id)
