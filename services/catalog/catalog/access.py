"""Who is calling catalog, and what is within their reach: the caller as a `domain.Viewer`, the association, mission
or spotlight they may see or manage (404 for what they may not see, 403 for what they may see but not change)."""
from __future__ import annotations

import sqlalchemy as sa
from flask_smorest import abort

from flask import g, has_request_context

from tandem_shared.auth import token_from_request
from tandem_shared.web import current_principal, current_settings

from . import domain
from .models import Association, Mission, Referent, Spotlight

# A mission loads its association in the same query (a LEFT OUTER JOIN): lock the mission's row only, as PostgreSQL
# refuses FOR UPDATE on the nullable side of an outer join.
MISSION_ROW_LOCK = {"of": Mission}


def public_url() -> str:
    return current_settings().public_url


def field_error(field: str, message: str):
    abort(422, message="Certaines données sont invalides : vérifie les champs signalés.", errors={field: [message]})


def domain_conflict(exc: domain.DomainError):
    abort(409, message=str(exc))


# A visitor who has not logged in: no company, so only the missions open to every company.
VISITOR = domain.Viewer(person_id="", company_id=None, roles=frozenset(), association_ids=frozenset())


def is_visitor() -> bool:
    """Whether this request reads the catalogue without logging in (`viewer(..., visitors=True)` said so)."""
    return has_request_context() and bool(g.get("catalog_visitor"))


def viewer(session, *, visitors: bool = False, associations: bool = True) -> domain.Viewer:
    """The caller; with `visitors`, someone not logged in reads as `VISITOR` (a bad token is still a 401).
    `associations=False` skips the lookup of the associations the caller manages, for reads that do not use them
    (the search sees what the company may see: a query less on every « Je trouve », bench/README.md, P3)."""
    # A token that is there but expired or bad is still a 401, so that the web client renews the session
    # instead of showing a logged-in person the visitors' catalogue.
    principal = current_principal(required=not visitors or token_from_request()[0] is not None)
    if principal is None:
        g.catalog_visitor = True
        return VISITOR
    managed = (session.scalars(sa.select(Referent.association_id).where(Referent.person_id == principal.subject)).all()
               if associations else ())
    return domain.Viewer(
        person_id=principal.subject,
        company_id=principal.claims.get("company_id"),
        roles=principal.roles,
        # Catalog's own record of referents (from engagement's events) decides, not the token's claim.
        association_ids=frozenset(managed),
    )


def require_operator(message: str) -> None:
    if not current_principal().has_role("platform_operator"):
        abort(403, message=message)


def association_or_404(session, association_id: str, who: domain.Viewer, for_update: bool = False) -> Association:
    association = session.get(Association, association_id, with_for_update=for_update)
    if association is None or (association.vetting_status != domain.VettingStatus.APPROVED and not who.manages(association.id)):
        abort(404, message="Cette association n'existe pas.")
    return association


def mission_or_404(session, mission_id: str, who: domain.Viewer, for_update: bool = False) -> Mission:
    mission = session.get(Mission, mission_id, with_for_update=MISSION_ROW_LOCK if for_update else None)
    if mission is None or not domain.visible_to(mission.status, mission.open_to_all_companies, mission.company_ids, mission.association_id, who):
        abort(404, message="Cette mission n'existe pas ou n'est plus en ligne.")
    return mission


def managed_mission(session, mission_id: str) -> Mission:
    who = viewer(session)
    mission = session.get(Mission, mission_id, with_for_update=MISSION_ROW_LOCK)
    if mission is None or not domain.visible_to(mission.status, mission.open_to_all_companies, mission.company_ids, mission.association_id, who):
        abort(404, message="Cette mission n'existe pas.")
    if not who.manages(mission.association_id):
        abort(403, message="Tu ne peux gérer que les missions de ton association.")
    return mission


def may_edit_spotlights(principal) -> bool:
    return principal.has_role("platform_operator", "company_admin")


def spotlights_visible_to(who: domain.Viewer) -> sa.ColumnElement[bool]:
    """The causes a viewer may read: everyone's, and their company's (a visitor, without a company, everyone's)."""
    return sa.or_(Spotlight.company_id.is_(None), Spotlight.company_id == who.company_id)


def readable_spotlight(session, who: domain.Viewer, spotlight_id: str) -> Spotlight:
    """One cause the viewer may read (`spotlights_visible_to`); 404 for any other."""
    spotlight = session.scalar(sa.select(Spotlight).where(Spotlight.id == spotlight_id, spotlights_visible_to(who)))
    if spotlight is None:
        abort(404, message="Cette actualité n'existe pas.")
    return spotlight


def editable_spotlight(session, spotlight_id: str) -> Spotlight:
    principal = current_principal()
    spotlight = session.get(Spotlight, spotlight_id, with_for_update=True)
    if spotlight is None or not may_edit_spotlights(principal):
        abort(404, message="Cette actualité n'existe pas.")
    if not principal.has_role("platform_operator") and spotlight.company_id != principal.claims.get("company_id"):
        abort(404, message="Cette actualité n'existe pas.")
    return spotlight
