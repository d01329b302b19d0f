"""What the engagement views share: the caller as a person and the access rules on them, the audit log, session cookies,
client details.

Administration (companies, people, invitations, the audit log) is for platform operators, everywhere, and for company
admins within their own company: anything of another company answers 404, so its existence does not leak; everyone
else gets 403. Rights are read from the caller's roles as stored here, not as the token remembers them, so a withdrawn
right stops at once.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from flask import current_app, request
from flask_smorest import abort
from sqlalchemy.orm import Session as DbSession

from tandem_shared.auth import CSRF_COOKIE, SESSION_COOKIE
from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_settings

from .domain import MissionViewer, PersonStatus, Role, mission_offered_to, mission_visible_to
from .identity import TokenIssuer
from .models import AuditEntry, Company, Entity, MissionCopy, Participation, Person

if TYPE_CHECKING:  # sessions.py uses this module's audit and issuer
    from .sessions import Opened

REFRESH_COOKIE = "tandem_refresh"


def refresh_path() -> str:
    # Only the session routes ever see the refresh token: /api/engagement/session behind the gateway.
    return f"{request.script_root}/session"




def issuer() -> TokenIssuer:
    return current_app.extensions["tandem_issuer"]


def client_address() -> str:
    # ProxyFix has put the gateway's X-Forwarded-For here; the client cannot choose it.
    return (request.remote_addr or "unknown")[:64]


def audit(session: DbSession, action: str, person_id: str | None = None, actor_id: str | None = None, **details: Any) -> None:
    session.add(
        AuditEntry(
            at=utcnow(),
            action=action,
            person_id=person_id,
            actor_id=actor_id,
            address=client_address(),
            user_agent=(request.user_agent.string or "")[:300],
            details=details,
        )
    )


def me(session: DbSession, for_update: bool = False) -> Person:
    """The signed-in person; 401 when the account is gone or disabled since the token was issued."""
    principal = current_principal()
    person = session.get(Person, principal.subject, with_for_update=for_update)
    if person is None or person.status != PersonStatus.ACTIVE:
        abort(401, message="Ta session n'est plus valide : reconnecte-toi.")
    return person


# The same answer for a mission that does not exist and one the caller may not see.
MISSION_NOT_FOUND = "Cette mission n'existe pas ou n'est plus en ligne."


def mission_viewer(person: Person) -> MissionViewer:
    """The person as the visibility rule sees them: engagement's own record decides, not the token's claims."""
    roles = person.role_names
    referent_of = person.association_ids if Role.ASSOCIATION_REFERENT.value in roles else ()
    return MissionViewer(company_id=person.company_id, is_operator=Role.PLATFORM_OPERATOR.value in roles,
                         association_ids=frozenset(referent_of))


def caller_mission_viewer(session: DbSession) -> MissionViewer:
    """The caller of a read that needs no person: the signed-in person, or else what engagement's token says.

    Every token is engagement's; one for a subject it keeps no record of (service tooling) is read as catalog
    reads tokens: its company and roles, without association rights (those are engagement's records only).
    """
    principal = current_principal()
    if session.get(Person, principal.subject) is None:
        return MissionViewer(company_id=principal.claims.get("company_id"),
                             is_operator=principal.has_role(Role.PLATFORM_OPERATOR.value))
    return mission_viewer(me(session))


def visible_mission(session: DbSession, mission_id: str, viewer: MissionViewer, message: str = MISSION_NOT_FOUND) -> MissionCopy:
    """engagement's copy of a mission the viewer may see (`domain.mission_visible_to`); 404 otherwise."""
    mission = session.get(MissionCopy, mission_id)
    if mission is None or not mission_visible_to(mission, viewer):
        abort(404, message=message)
    return mission


def offered_mission(session: DbSession, mission_id: str, person: Person) -> MissionCopy:
    """A mission the person may act on (apply, favourite, share): online and visible to them; 404 otherwise."""
    mission = session.get(MissionCopy, mission_id)
    if mission is None or not mission_offered_to(mission, mission_viewer(person)):
        abort(404, message=MISSION_NOT_FOUND)
    return mission


COMPANY_NOT_FOUND = "Cette entreprise n'existe pas."
PERSON_NOT_FOUND = "Cette personne n'existe pas."
STAFF_ONLY = "Cette action est réservée aux responsables de l'engagement des entreprises et à l'équipe de la plateforme."
OPERATORS_ONLY = "Cette action est réservée à l'équipe de la plateforme."


def is_operator(person: Person) -> bool:
    return Role.PLATFORM_OPERATOR.value in person.role_names


def administers(person: Person, company_id: str | None) -> bool:
    return company_id is not None and person.company_id == company_id and Role.COMPANY_ADMIN.value in person.role_names


def refers(person: Person, association_id: str | None) -> bool:
    """Platform operators, and referents of the association (engagement's own links, not the token's claims)."""
    if is_operator(person):
        return True
    return (association_id is not None and Role.ASSOCIATION_REFERENT.value in person.role_names
            and association_id in person.association_ids)


def staff(session: DbSession) -> Person:
    """The caller, who must be a company admin or a platform operator (403 otherwise)."""
    caller = me(session)
    if not (is_operator(caller) or Role.COMPANY_ADMIN.value in caller.role_names):
        abort(403, message=STAFF_ONLY)
    return caller


def operator(session: DbSession) -> Person:
    caller = me(session)
    if not is_operator(caller):
        abort(403, message=OPERATORS_ONLY)
    return caller


def company_in_reach(session: DbSession, caller: Person, company_id: str, for_update: bool = False) -> Company:
    company = session.get(Company, company_id, with_for_update=for_update)
    if company is None or not (is_operator(caller) or administers(caller, company.id)):
        abort(404, message=COMPANY_NOT_FOUND)
    return company


def person_in_reach(session: DbSession, caller: Person, person_id: str, for_update: bool = False) -> Person:
    person = session.get(Person, person_id, with_for_update=for_update)
    if person is None or not (is_operator(caller) or administers(caller, person.company_id)):
        abort(404, message=PERSON_NOT_FOUND)
    return person


PARTICIPATION_NOT_FOUND = "Cette participation n'existe pas."


def own_participation(session: DbSession, participation_id: str, person: Person, for_update: bool = False) -> Participation:
    """One of the person's own participations; 404 for anyone else's, so its existence does not leak."""
    participation = session.get(Participation, participation_id, with_for_update=for_update)
    if participation is None or participation.person_id != person.id:
        abort(404, message=PARTICIPATION_NOT_FOUND)
    return participation


def mission_of(session: DbSession, participation: Participation) -> MissionCopy:
    mission = session.get(MissionCopy, participation.mission_id)
    if mission is None:  # never deleted; a participation is only made for a known mission
        abort(404, message=MISSION_NOT_FOUND)
    return mission


def entity_name(session: DbSession, person: Person) -> str | None:
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    return entity.name if entity else None


def person_view(session: DbSession, person: Person) -> dict[str, Any]:
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    company = None
    if person.company_id:
        found = session.get(Company, person.company_id)
        company = {"id": found.id, "name": found.name, "uses_sso": found.uses_sso} if found else None
    return {
        "id": person.id,
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "phone": person.phone,
        "manager_email": person.manager_email,
        "company": company,
        "entity": {"id": entity.id, "name": entity.name} if entity else None,
        "roles": person.role_names,
        "association_ids": person.association_ids,
        "retirement_date": person.retirement_date,
        "retirement_confirmed": person.retirement_confirmed_at is not None,
        "email_verified": person.email_verified_at is not None,
        "status": person.status,
    }


def set_session_cookies(response, access_token: str, access_expires: int, refresh_secret: str | None, refresh_expires: datetime | None, csrf: str) -> None:
    secure = current_settings().cookie_secure
    response.set_cookie(SESSION_COOKIE, access_token, max_age=current_settings().session_days * 86400, path="/", secure=secure, httponly=True, samesite="Lax")
    if refresh_secret is not None and refresh_expires is not None:
        response.set_cookie(REFRESH_COOKIE, refresh_secret, expires=refresh_expires, path=refresh_path(), secure=secure, httponly=True, samesite="Strict")
    # Readable by the page on purpose: it echoes it in X-CSRF-Token, which a foreign site cannot do.
    response.set_cookie(CSRF_COOKIE, csrf, max_age=current_settings().session_days * 86400, path="/", secure=secure, httponly=False, samesite="Lax")


def clear_session_cookies(response) -> None:
    secure = current_settings().cookie_secure
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="Lax")
    response.delete_cookie(REFRESH_COOKIE, path=refresh_path(), secure=secure, httponly=True, samesite="Strict")
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="Lax")


def session_body(session: DbSession, opened: "Opened") -> dict[str, Any]:
    """What a freshly opened session answers, whether it was opened with a password or through a company's provider."""
    return {"person": person_view(session, opened.person),
            "expires_at": datetime.fromtimestamp(opened.access_expires, tz=timezone.utc)}
