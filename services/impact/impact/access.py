"""Who may see what in impact; every refusal is logged (never with pay data) and answered in French.

- The report and its exports: the company's admins (token role `company_admin` and claim `company_id`) and the
  platform's operators (any company). Anyone else gets 404: a company's figures do not admit they exist.
- Pay data and the valuation: only an admin of that company holding the « données de rémunération » permission.
  An admin of the company without it gets 403 (they may ask for it); the operator and everyone else get 404.
- Granting and withdrawing the permission: the operator (to start a company: they never read pay data themselves)
  or an admin of the company who holds it, to another admin of the same company.
"""
from __future__ import annotations

import logging

from flask_smorest import abort

from tandem_shared.auth import Principal

from .models import PayPermission, PersonCopy

log = logging.getLogger(__name__)

OPERATOR = "platform_operator"
COMPANY_ADMIN = "company_admin"
NOT_ACCESSIBLE = "Ces chiffres ne sont pas accessibles."
NEEDS_PAY_PERMISSION = ("Les données de rémunération sont réservées aux responsables de l'engagement qui ont la permission "
                        "« données de rémunération ». Demande-la à un responsable qui l'a déjà, ou à l'opérateur de la plateforme.")


def is_company_admin(principal: Principal, company_id: str) -> bool:
    return principal.has_role(COMPANY_ADMIN) and principal.claims.get("company_id") == company_id


def require_report_reader(principal: Principal, company_id: str) -> None:
    if principal.has_role(OPERATOR) or is_company_admin(principal, company_id):
        return
    log.warning("impact report of company %s denied to %s", company_id, principal.subject)
    abort(404, message=NOT_ACCESSIBLE)


def require_operator(principal: Principal) -> None:
    if principal.has_role(OPERATOR):
        return
    log.warning("impact platform figures denied to %s", principal.subject)
    abort(404, message=NOT_ACCESSIBLE)


def holds_pay_permission(session, principal: Principal, company_id: str) -> bool:
    return is_company_admin(principal, company_id) and session.get(PayPermission, (company_id, principal.subject)) is not None


def require_pay_reader(session, principal: Principal, company_id: str) -> None:
    """An admin of that company holding the « données de rémunération » permission."""
    if not is_company_admin(principal, company_id):
        log.warning("impact pay data of company %s denied to %s (not an admin of it)", company_id, principal.subject)
        abort(404, message=NOT_ACCESSIBLE)
    if session.get(PayPermission, (company_id, principal.subject)) is None:
        log.warning("impact pay data of company %s denied to %s (no pay permission)", company_id, principal.subject)
        abort(403, message=NEEDS_PAY_PERMISSION)


def require_permission_granter(session, principal: Principal, company_id: str) -> None:
    if principal.has_role(OPERATOR):
        return
    if not is_company_admin(principal, company_id):
        log.warning("impact pay permissions of company %s denied to %s", company_id, principal.subject)
        abort(404, message=NOT_ACCESSIBLE)
    if session.get(PayPermission, (company_id, principal.subject)) is None:
        log.warning("impact pay permissions of company %s denied to %s (no pay permission)", company_id, principal.subject)
        abort(403, message=NEEDS_PAY_PERMISSION)


def require_company_admin_person(session, company_id: str, person_id: str) -> PersonCopy:
    """The permission is only ever given to an admin of that same company."""
    person = session.get(PersonCopy, person_id)
    if person is None or person.company_id != company_id or COMPANY_ADMIN not in (person.roles or []):
        abort(422, message="Cette personne n'est pas responsable de l'engagement de l'entreprise : la permission ne peut pas lui être donnée.",
              errors={"person_id": ["Choisis un responsable de l'engagement de l'entreprise."]})
    return person


# -- the yearly bundle per association and company (statements.py) --------------------------------------------------
# The statement and the receipt's data concern one company and one association: that association's referents (who
# confirm them) and that company's admins (who read them). Nobody else, platform operators included.

REFERENT = "association_referent"
NOT_YOUR_STATEMENT = "Cet état récapitulatif n'est pas accessible."
ONLY_THE_REFERENT_CONFIRMS = "Seul·e un·e référent·e de l'association peut confirmer."


def is_referent_of(principal: Principal, association_id: str) -> bool:
    return principal.has_role(REFERENT) and association_id in (principal.claims.get("associations") or ())


def require_bundle_reader(principal: Principal, company_id: str, association_id: str) -> None:
    if is_referent_of(principal, association_id) or is_company_admin(principal, company_id):
        return
    log.warning("impact statement of company %s and association %s denied to %s", company_id, association_id,
                principal.subject)
    abort(404, message=NOT_YOUR_STATEMENT)


def require_bundle_confirmer(principal: Principal, company_id: str, association_id: str) -> None:
    """Only a referent of the association confirms; the company's admin reads but may not confirm for the association."""
    require_bundle_reader(principal, company_id, association_id)
    if not is_referent_of(principal, association_id):
        log.warning("impact statement of company %s and association %s: confirmation refused to %s (not a referent)",
                    company_id, association_id, principal.subject)
        abort(403, message=ONLY_THE_REFERENT_CONFIRMS)


def require_association_referent(principal: Principal, association_id: str) -> None:
    if not is_referent_of(principal, association_id):
        log.warning("impact statements of association %s denied to %s", association_id, principal.subject)
        abort(404, message=NOT_YOUR_STATEMENT)
