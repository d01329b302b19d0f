"""Administration: companies and their entities, people, invitations, end-of-career confirmation, the audit log.

Who may do what (checked in every view, from the caller's roles as stored here, not as the token
remembers them, so a withdrawn right stops at once):
- platform operators: everything, for every company;
- company admins: their own company, its entities and its people; anything of another company
  answers 404, so its existence does not leak;
- everyone else: 403.
"""
from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_runtime, login_required

from . import clock, domain, events, identity
from .access import audit, me, person_view, settings
from .accounts import INVITATION, field_error, issue_link, redeem_link, revoke_everywhere
from .domain import PersonStatus, Role
from .models import (
    AuditEntry, Company, CompanyDomain, DateRequest, Entity, MissionCopy, OneTimeToken, Participation, Person, PersonRole, ReferentLink,
    Session,
)
from .schemas import (
    AdminPersonSchema, AuditPageSchema, AuditQuerySchema, CompanyCreateSchema, CompanyListSchema, CompanySchema,
    CompanyUpdateSchema, EntityInputSchema, EntitySchema, InvitationAcceptanceSchema, InvitationPreviewSchema,
    InvitationSchema, InvitationSentSchema, MessageSchema, OtherManagerRequestPageSchema, PageQuerySchema, PeopleQuerySchema,
    PersonAdminUpdateSchema, PersonPageSchema,
)

companies = Blueprint("companies", __name__, url_prefix="/companies",
                      description="Administration des entreprises : identité légale, domaines, entités, politique de jours.")
people = Blueprint("people", __name__, url_prefix="/people",
                   description="Administration des personnes : rôles, entité de rattachement, manager, désactivation, mécénat fin de carrière.")
invitations = Blueprint("invitations", __name__, url_prefix="/invitations",
                        description="Inviter des administrateurs, des référents d'association ou des salariés.")
audit_log = Blueprint("audit", __name__, url_prefix="/audit", description="Le journal des événements de sécurité (opérateurs).")

COMPANY_NOT_FOUND = "Cette entreprise n'existe pas."
ENTITY_NOT_FOUND = "Cette entité n'existe pas."
PERSON_NOT_FOUND = "Cette personne n'existe pas."
STAFF_ONLY = "Cette action est réservée aux administrateurs d'entreprise et à l'équipe de la plateforme."
OPERATORS_ONLY = "Cette action est réservée à l'équipe de la plateforme."

# What a company admin may hand out or take back; the rest belongs to platform operators.
ADMIN_GRANTABLE = frozenset({Role.EMPLOYEE.value, Role.COMPANY_ADMIN.value})
ADMIN_POWERS = frozenset({Role.COMPANY_ADMIN.value, Role.PLATFORM_OPERATOR.value})
COMPANY_ROLES = frozenset({Role.EMPLOYEE.value, Role.COMPANY_ADMIN.value})
ROLE_LABELS = {
    Role.EMPLOYEE.value: "salarié",
    Role.ASSOCIATION_REFERENT.value: "référent d'association",
    Role.COMPANY_ADMIN.value: "administrateur d'entreprise",
    Role.PLATFORM_OPERATOR.value: "opérateur de la plateforme",
}


# -- who is calling, and what is within their reach ------------------------------------------------


def is_operator(person: Person) -> bool:
    return Role.PLATFORM_OPERATOR.value in person.role_names


def administers(person: Person, company_id: str | None) -> bool:
    return company_id is not None and person.company_id == company_id and Role.COMPANY_ADMIN.value in person.role_names


def staff(session) -> Person:
    """The caller, who must be a company admin or a platform operator (403 otherwise)."""
    caller = me(session)
    if not (is_operator(caller) or Role.COMPANY_ADMIN.value in caller.role_names):
        abort(403, message=STAFF_ONLY)
    return caller


def operator(session) -> Person:
    caller = me(session)
    if not is_operator(caller):
        abort(403, message=OPERATORS_ONLY)
    return caller


def company_in_reach(session, caller: Person, company_id: str, for_update: bool = False) -> Company:
    company = session.get(Company, company_id, with_for_update=for_update)
    if company is None or not (is_operator(caller) or administers(caller, company.id)):
        abort(404, message=COMPANY_NOT_FOUND)
    return company


def person_in_reach(session, caller: Person, person_id: str, for_update: bool = False) -> Person:
    person = session.get(Person, person_id, with_for_update=for_update)
    if person is None or not (is_operator(caller) or administers(caller, person.company_id)):
        abort(404, message=PERSON_NOT_FOUND)
    return person


def role_labels(roles) -> str:
    return ", ".join(ROLE_LABELS.get(role, role) for role in sorted(roles))


# -- views of the rows ------------------------------------------------------------------------------


def company_view(company: Company) -> dict:
    return {
        "id": company.id,
        "name": company.name,
        "head_office_address": company.head_office_address,
        "siren": company.siren,
        "rcs": company.rcs,
        "representative_name": company.representative_name,
        "representative_title": company.representative_title,
        "email_domains": [row.domain for row in company.domains],
        "days_per_year": float(company.days_per_year),
        "end_of_career_enabled": company.end_of_career_enabled,
        "uses_sso": company.uses_sso,
        "other_manager_policy": company.other_manager_policy,
        "entities": [{"id": entity.id, "name": entity.name} for entity in company.entities],
        "created_at": company.created_at,
        "updated_at": company.updated_at,
    }


def admin_person_view(session, person: Person) -> dict:
    return {
        **person_view(session, person),
        "retirement_confirmed_at": person.retirement_confirmed_at,
        "retirement_confirmed_by": person.retirement_confirmed_by,
        "created_at": person.created_at,
        "updated_at": person.updated_at,
    }


def clean_name(field: str, value: str) -> str:
    value = value.strip()
    if not value:
        field_error(field, "Ce champ ne peut pas être vide.")
    return value


def entity_name(session, person: Person) -> str | None:
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    return entity.name if entity else None


# -- companies --------------------------------------------------------------------------------------


def _set_domains(session, company: Company, wanted: list[str]) -> None:
    wanted = list(dict.fromkeys(wanted))
    taken = session.scalars(
        sa.select(CompanyDomain.domain).where(CompanyDomain.domain.in_(wanted), CompanyDomain.company_id != company.id)
    ).all()
    if taken:
        abort(409, message=f"Le domaine {sorted(taken)[0]} est déjà rattaché à une autre entreprise : un domaine ne peut appartenir qu'à une seule entreprise.")
    current = {row.domain: row for row in company.domains}
    company.domains = [current.get(name) or CompanyDomain(domain=name) for name in wanted]


def _changed(uow, company: Company) -> None:
    """Write, reload the ordered collections, and publish the company as documents will need it."""
    company.updated_at = utcnow()
    try:
        uow.session.flush()
    except sa.exc.IntegrityError:
        # Two requests claimed the same domain or entity name at once; the checks above saw neither.
        abort(409, message="Une autre modification vient d'être enregistrée en même temps : recharge la page et réessaie.")
    uow.session.expire(company, ["domains", "entities"])
    events.company_updated(uow, company)


@companies.route("")
class Companies(MethodView):
    @login_required
    @companies.arguments(PageQuerySchema, location="query")
    @companies.response(200, CompanyListSchema)
    def get(self, args):
        """Les entreprises : toutes pour l'équipe de la plateforme, la sienne pour un administrateur."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            query = sa.select(Company)
            if not is_operator(caller):
                query = query.where(Company.id == caller.company_id)
            total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
            rows = session.scalars(
                query.order_by(Company.name, Company.id).offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"])
            ).all()
            return {"items": [company_view(company) for company in rows], "total": total}

    @login_required
    @companies.arguments(CompanyCreateSchema)
    @companies.response(201, CompanySchema)
    @companies.alt_response(409, description="Un des domaines appartient déjà à une autre entreprise.")
    def post(self, payload):
        """Créer une entreprise (équipe de la plateforme)."""
        with current_runtime().unit_of_work() as uow:
            caller = operator(uow.session)
            now = utcnow()
            company = Company(
                id=str(uuid.uuid4()),
                name=payload["name"].strip(),
                head_office_address=payload["head_office_address"].strip(),
                siren=payload["siren"],
                rcs=payload["rcs"].strip(),
                representative_name=payload["representative_name"].strip(),
                representative_title=payload["representative_title"].strip(),
                days_per_year=Decimal(str(payload["days_per_year"])),
                end_of_career_enabled=payload["end_of_career_enabled"],
                uses_sso=payload["uses_sso"],
                other_manager_policy=payload["other_manager_policy"],
                created_at=now,
                updated_at=now,
            )
            company.domains = []
            company.entities = []
            uow.session.add(company)
            _set_domains(uow.session, company, payload["email_domains"])
            _changed(uow, company)
            audit(uow.session, "company_created", actor_id=caller.id, company_id=company.id, name=company.name)
            return company_view(company)


@companies.route("/<string:company_id>")
class CompanyResource(MethodView):
    @login_required
    @companies.response(200, CompanySchema)
    def get(self, company_id):
        """Une entreprise."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            return company_view(company_in_reach(session, caller, company_id))

    @login_required
    @companies.arguments(CompanyUpdateSchema)
    @companies.response(200, CompanySchema)
    @companies.alt_response(409, description="Un des domaines appartient déjà à une autre entreprise.")
    def patch(self, payload, company_id):
        """Modifier une entreprise (seule l'équipe de la plateforme change les domaines)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            if "email_domains" in payload:
                if not is_operator(caller) and set(payload["email_domains"]) != {row.domain for row in company.domains}:
                    # A domain decides who may sign up into the company: the platform checks the claim.
                    abort(403, message="Seule l'équipe de la plateforme peut modifier les domaines d'e-mail de l'entreprise : écris-lui.")
                _set_domains(uow.session, company, payload["email_domains"])
            for field in ("name", "head_office_address", "rcs", "representative_name", "representative_title"):
                if field in payload:
                    setattr(company, field, payload[field].strip())
            for field in ("siren", "end_of_career_enabled", "uses_sso", "other_manager_policy"):
                if field in payload:
                    setattr(company, field, payload[field])
            if "days_per_year" in payload:
                company.days_per_year = Decimal(str(payload["days_per_year"]))
            _changed(uow, company)
            audit(uow.session, "company_updated", actor_id=caller.id, company_id=company.id, fields=sorted(payload))
            return company_view(company)


def _check_entity_name(company: Company, name: str, except_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        field_error("name", "Donne un nom à l'entité.")
    if any(entity.name.casefold() == name.casefold() and entity.id != except_id for entity in company.entities):
        abort(409, message=f"L'entité « {name} » existe déjà dans cette entreprise.")
    return name


def _entity_in(session, company: Company, entity_id: str) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None or entity.company_id != company.id:
        abort(404, message=ENTITY_NOT_FOUND)
    return entity


@companies.route("/<string:company_id>/entities")
class CompanyEntities(MethodView):
    @login_required
    @companies.arguments(EntityInputSchema)
    @companies.response(201, EntitySchema)
    @companies.alt_response(409, description="Une entité porte déjà ce nom.")
    def post(self, payload, company_id):
        """Ajouter une entité de rattachement."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            entity = Entity(id=str(uuid.uuid4()), company_id=company.id, name=_check_entity_name(company, payload["name"]))
            company.entities.append(entity)
            _changed(uow, company)
            audit(uow.session, "entity_created", actor_id=caller.id, company_id=company.id, entity_id=entity.id, name=entity.name)
            return {"id": entity.id, "name": entity.name}


@companies.route("/<string:company_id>/entities/<string:entity_id>")
class CompanyEntity(MethodView):
    @login_required
    @companies.arguments(EntityInputSchema)
    @companies.response(200, EntitySchema)
    @companies.alt_response(409, description="Une entité porte déjà ce nom.")
    def patch(self, payload, company_id, entity_id):
        """Renommer une entité."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            entity = _entity_in(uow.session, company, entity_id)
            entity.name = _check_entity_name(company, payload["name"], except_id=entity.id)
            _changed(uow, company)
            audit(uow.session, "entity_renamed", actor_id=caller.id, company_id=company.id, entity_id=entity.id, name=entity.name)
            return {"id": entity.id, "name": entity.name}

    @login_required
    @companies.response(204)
    @companies.alt_response(409, description="Des personnes sont rattachées à cette entité.")
    def delete(self, company_id, entity_id):
        """Supprimer une entité à laquelle plus personne n'est rattaché."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            entity = _entity_in(uow.session, company, entity_id)
            attached = uow.session.scalar(
                sa.select(sa.func.count()).where(Person.entity_id == entity.id, Person.status != PersonStatus.DELETED.value)
            )
            if attached:
                abort(409, message=f"{attached} personne{'s sont rattachées' if attached > 1 else ' est rattachée'} à cette entité : "
                                   "rattache-les à une autre entité avant de la supprimer.")
            # Deleted (anonymised) accounts keep no tie to it.
            uow.session.execute(sa.update(Person).where(Person.entity_id == entity.id).values(entity_id=None))
            company.entities.remove(entity)
            _changed(uow, company)
            audit(uow.session, "entity_deleted", actor_id=caller.id, company_id=company.id, entity_id=entity_id)
        return None


@companies.route("/<string:company_id>/people")
class CompanyPeople(MethodView):
    @login_required
    @companies.arguments(PeopleQuerySchema, location="query")
    @companies.response(200, PersonPageSchema)
    def get(self, args, company_id):
        """Les personnes d'une entreprise, par ordre alphabétique."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            company = company_in_reach(session, caller, company_id)
            query = sa.select(Person).where(Person.company_id == company.id)
            if "status" in args:
                query = query.where(Person.status == args["status"])
            if "q" in args:
                pattern = f"%{args['q'].strip().lower()}%"
                query = query.where(sa.or_(
                    sa.func.lower(Person.first_name).like(pattern),
                    sa.func.lower(Person.last_name).like(pattern),
                    Person.email.like(pattern),
                ))
            total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
            rows = session.scalars(
                query.order_by(sa.func.lower(Person.last_name), sa.func.lower(Person.first_name), Person.id)
                .offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"])
            ).all()
            return {"items": [admin_person_view(session, person) for person in rows], "total": total}


@companies.route("/<string:company_id>/other-manager-requests")
class OtherManagerRequests(MethodView):
    @login_required
    @companies.arguments(PageQuerySchema, location="query")
    @companies.response(200, OtherManagerRequestPageSchema)
    def get(self, args, company_id):
        """Les demandes de dates envoyées à quelqu'un d'autre que le manager enregistré (et décidées par lui), les plus récentes d'abord."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            company = company_in_reach(session, caller, company_id)
            query = (
                sa.select(DateRequest, Person, MissionCopy)
                .join(Person, Person.id == DateRequest.person_id)
                .join(Participation, Participation.id == DateRequest.participation_id)
                .join(MissionCopy, MissionCopy.id == Participation.mission_id)
                .where(Person.company_id == company.id, sa.or_(
                    DateRequest.recorded_manager_email.is_(None), DateRequest.recorded_manager_email != DateRequest.manager_email))
            )
            total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
            rows = session.execute(
                query.order_by(DateRequest.requested_at.desc(), DateRequest.id)
                .offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"])
            ).all()
            return {"items": [_other_manager_request_view(request, person, mission) for request, person, mission in rows], "total": total}


def _other_manager_request_view(request: DateRequest, person: Person, mission: MissionCopy) -> dict:
    return {
        "id": request.id, "person": {"id": person.id, "name": f"{person.first_name} {person.last_name}", "email": person.email},
        "mission_title": mission.title, "association_name": mission.association_name, "kind": request.kind,
        "manager_email": request.manager_email, "recorded_manager_email": request.recorded_manager_email,
        "status": request.status, "requested_at": request.requested_at, "decided_at": request.decided_at,
        "decided_via": request.decided_via,
        "dates": [{"date": d.day, "format": d.format, "label": domain.date_label(d.day, d.format)} for d in request.dates],
    }


# -- people -----------------------------------------------------------------------------------------


def disable(uow, person: Person, now) -> None:
    """Like a log-out everywhere, and the pending e-mailed links die too; other services hear person.disabled."""
    person.status = PersonStatus.DISABLED.value
    person.tokens_not_before = now
    uow.session.execute(sa.update(Session).where(Session.person_id == person.id, Session.revoked_at.is_(None)).values(revoked_at=now))
    uow.session.execute(sa.update(OneTimeToken).where(OneTimeToken.person_id == person.id, OneTimeToken.used_at.is_(None)).values(used_at=now))
    events.person_disabled(uow, person.id, now)


def _set_roles(person: Person, roles: set[str], association_ids: set[str]) -> None:
    current_roles = {row.role: row for row in person.roles}
    person.roles = [current_roles.get(role) or PersonRole(role=role) for role in sorted(roles)]
    current_links = {row.association_id: row for row in person.referent_of}
    person.referent_of = [current_links.get(ident) or ReferentLink(association_id=ident) for ident in sorted(association_ids)]


def _check_roles(caller: Person, roles: set[str], association_ids: set[str], company_id: str | None,
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
        field_error("company_id", "Les rôles salarié et administrateur d'entreprise demandent une entreprise.")
    if Role.ASSOCIATION_REFERENT.value in roles and not association_ids:
        field_error("association_ids", "Indique au moins une association pour un référent d'association.")


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


@people.route("/<string:person_id>")
class PersonResource(MethodView):
    @login_required
    @people.response(200, AdminPersonSchema)
    def get(self, person_id):
        """Une personne (son entreprise pour un administrateur, toutes pour l'équipe de la plateforme)."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            return admin_person_view(session, person_in_reach(session, caller, person_id))

    @login_required
    @people.arguments(PersonAdminUpdateSchema)
    @people.response(200, AdminPersonSchema)
    def patch(self, payload, person_id):
        """Changer les rôles d'une personne, son entité de rattachement, son manager (qui valide ses dates), désactiver ou
        réactiver son compte."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            if person.status == PersonStatus.DELETED.value:
                abort(409, message="Ce compte a été supprimé : il ne peut plus être modifié.")
            now = utcnow()
            changed = False
            disabled = False
            roles_removed: set[str] = set()

            if "entity_id" in payload and payload["entity_id"] != person.entity_id:
                entity = _entity_for(uow.session, caller, person, payload["entity_id"])
                before = person.entity_id
                person.entity_id = entity.id
                changed = True
                audit(uow.session, "person_entity_changed", person_id=person.id, actor_id=caller.id,
                      entity_before=before, entity_id=entity.id, entity_name=entity.name)

            if "manager_email" in payload:
                manager = _recorded_manager(uow.session, person, payload["manager_email"])
                if manager != person.manager_email:
                    before = person.manager_email
                    person.manager_email = manager
                    changed = True
                    audit(uow.session, "person_manager_changed", person_id=person.id, actor_id=caller.id,
                          manager_before=before, manager_email=manager)

            if "roles" in payload or "association_ids" in payload:
                old_roles, old_associations = set(person.role_names), set(person.association_ids)
                roles = set(payload.get("roles", old_roles))
                associations = set(payload.get("association_ids", old_associations))
                if Role.ASSOCIATION_REFERENT.value not in roles:
                    associations = set()
                if person.id == caller.id and (old_roles - roles) & ADMIN_POWERS:
                    abort(403, message="Tu ne peux pas retirer tes propres droits d'administration : demande-le à un autre administrateur.")
                _check_roles(caller, roles, associations, person.company_id, before=(old_roles, old_associations))
                if roles != old_roles or associations != old_associations:
                    _set_roles(person, roles, associations)
                    roles_removed = old_roles - roles
                    changed = True
                    audit(uow.session, "person_roles_changed", person_id=person.id, actor_id=caller.id,
                          roles_before=sorted(old_roles), roles=sorted(roles),
                          associations_before=sorted(old_associations), association_ids=sorted(associations))

            wanted = payload.get("status")
            if wanted == PersonStatus.DISABLED.value and person.status != PersonStatus.DISABLED.value:
                if person.id == caller.id:
                    abort(403, message="Tu ne peux pas désactiver ton propre compte.")
                disable(uow, person, now)
                disabled = changed = True
                audit(uow.session, "person_disabled", person_id=person.id, actor_id=caller.id)
            elif wanted == PersonStatus.ACTIVE.value and person.status != PersonStatus.ACTIVE.value:
                if person.status == PersonStatus.INVITED.value:
                    abort(409, message="Cette personne n'a pas encore accepté son invitation : son compte s'activera quand elle l'acceptera.")
                # Someone disabled before accepting an invitation goes back to waiting for one.
                person.status = PersonStatus.ACTIVE.value if person.password_hash else PersonStatus.INVITED.value
                changed = True
                audit(uow.session, "person_enabled", person_id=person.id, actor_id=caller.id)

            if roles_removed and not disabled and person.status == PersonStatus.ACTIVE.value:
                # Tokens carry roles: the old ones must not keep a right that was withdrawn.
                revoke_everywhere(uow, person)
            if changed:
                person.updated_at = now
                events.person_updated(uow, person, entity_name(uow.session, person), now)
            return admin_person_view(uow.session, person)


@people.route("/<string:person_id>/retirement-confirmation")
class RetirementConfirmation(MethodView):
    @login_required
    @people.response(200, AdminPersonSchema)
    @people.alt_response(409, description="Pas de date de départ, date passée, ou mécénat fin de carrière désactivé.")
    def post(self, person_id):
        """Confirmer la date de départ en retraite (mécénat fin de carrière : 1 jour par semaine dans les 12 mois qui précèdent)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            if person.id == caller.id:
                abort(403, message="Un autre administrateur doit confirmer ta propre date de départ en retraite.")
            if person.status == PersonStatus.DELETED.value:
                abort(409, message="Ce compte a été supprimé : il ne peut plus être modifié.")
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
            return admin_person_view(uow.session, person)

    @login_required
    @people.response(200, AdminPersonSchema)
    def delete(self, person_id):
        """Retirer la confirmation de la date de départ en retraite (retour aux jours par an)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            if person.retirement_confirmed_at is not None:
                now = utcnow()
                person.retirement_confirmed_at = None
                person.retirement_confirmed_by = None
                person.updated_at = now
                events.person_updated(uow, person, entity_name(uow.session, person), now)
                audit(uow.session, "retirement_confirmation_withdrawn", person_id=person.id, actor_id=caller.id)
            return admin_person_view(uow.session, person)


# -- invitations ------------------------------------------------------------------------------------


@invitations.route("")
class Invitations(MethodView):
    @login_required
    @invitations.arguments(InvitationSchema)
    @invitations.response(201, InvitationSentSchema)
    @invitations.alt_response(409, description="Cette adresse a déjà un compte.")
    def post(self, payload):
        """Inviter une personne : elle reçoit un lien pour choisir son mot de passe et activer son compte."""
        email = domain.normalize_email(payload["email"])
        roles = set(payload["roles"])
        associations = set(payload.get("association_ids") or ())
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            if is_operator(caller):
                company_id = payload.get("company_id")
                company = uow.session.get(Company, company_id) if company_id else None
                if company_id and company is None:
                    field_error("company_id", COMPANY_NOT_FOUND)
            else:
                company_id = payload.get("company_id") or caller.company_id
                if not company_id:
                    abort(404, message=COMPANY_NOT_FOUND)
                company = company_in_reach(uow.session, caller, company_id)
                if domain.email_domain(email) not in {row.domain for row in company.domains}:
                    field_error("email", "Invite une adresse e-mail de ton entreprise : ce domaine ne lui est pas rattaché.")
            if Role.ASSOCIATION_REFERENT.value not in roles:
                associations = set()
            _check_roles(caller, roles, associations, company.id if company else None)
            entity = None
            if payload.get("entity_id"):
                entity = uow.session.get(Entity, payload["entity_id"])
                if entity is None or company is None or entity.company_id != company.id:
                    field_error("entity_id", "Choisis l'entité de rattachement dans la liste de l'entreprise.")

            now = utcnow()
            person = uow.session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
            renewed = person is not None
            if person is not None:
                if person.status != PersonStatus.INVITED.value or not (is_operator(caller) or administers(caller, person.company_id)):
                    abort(409, message="Cette adresse a déjà un compte Tandem.")
            else:
                person = Person(id=str(uuid.uuid4()), email=email, status=PersonStatus.INVITED.value, created_at=now)
                person.roles = []
                person.referent_of = []
                uow.session.add(person)
            person.first_name = clean_name("first_name", payload["first_name"])
            person.last_name = clean_name("last_name", payload["last_name"])
            person.company_id = company.id if company else None
            person.entity_id = entity.id if entity else None
            person.updated_at = now
            _set_roles(person, roles, associations)
            try:
                uow.session.flush()
            except sa.exc.IntegrityError:
                abort(409, message="Cette adresse a déjà un compte Tandem.")

            link, expires_at = issue_link(uow.session, person, INVITATION, timedelta(days=settings().invitation_days), "/invitation")
            if renewed:
                events.person_updated(uow, person, entity.name if entity else None, now)
            else:
                events.person_registered(uow, person, entity.name if entity else None, now)
            events.invitation_sent(uow, person, link, expires_at, invited_by=f"{caller.first_name} {caller.last_name}".strip(),
                                   company_name=company.name if company else None)
            audit(uow.session, "invitation_renewed" if renewed else "invitation_sent", person_id=person.id, actor_id=caller.id,
                  roles=sorted(roles), company_id=person.company_id)
            return {"person": admin_person_view(uow.session, person), "expires_at": expires_at}


def _pending_invitation(session, secret: str) -> OneTimeToken:
    token = session.scalar(
        sa.select(OneTimeToken).where(OneTimeToken.token_hash == identity.digest(secret), OneTimeToken.purpose == INVITATION)
    )
    if token is None:
        abort(404, message="Ce lien n'est pas valide. Vérifie que tu as copié l'adresse en entier.")
    if token.used_at is not None or token.expires_at <= utcnow():
        abort(410, message="Cette invitation n'est plus valable : demande à la personne qui t'a invité.e de t'en envoyer une nouvelle.")
    return token


@invitations.route("/<string:secret>")
class Invitation(MethodView):
    @invitations.response(200, InvitationPreviewSchema)
    @invitations.alt_response(410, description="Invitation déjà acceptée ou expirée.")
    def get(self, secret):
        """Ce que dit une invitation (pour préremplir le formulaire d'acceptation) ; le lien n'est pas consommé."""
        with current_runtime().db.reading() as session:
            token = _pending_invitation(session, secret)
            person = session.get(Person, token.person_id)
            if person is None or person.status != PersonStatus.INVITED.value:
                abort(410, message="Cette invitation n'est plus valable.")
            company = session.get(Company, person.company_id) if person.company_id else None
            return {"email": person.email, "first_name": person.first_name, "last_name": person.last_name,
                    "company_name": company.name if company else None, "roles": person.role_names, "expires_at": token.expires_at}


@invitations.route("/<string:secret>/acceptance")
class InvitationAcceptance(MethodView):
    @invitations.arguments(InvitationAcceptanceSchema)
    @invitations.response(200, MessageSchema)
    @invitations.alt_response(410, description="Invitation déjà acceptée ou expirée.")
    def post(self, payload, secret):
        """Accepter une invitation : choisir son mot de passe ; le compte est alors actif et l'adresse vérifiée."""
        if payload["password"] != payload["password_confirmation"]:
            field_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
        if not payload["consent"]:
            field_error("consent", "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas activer ton compte.")
        with current_runtime().unit_of_work() as uow:
            token = redeem_link(uow.session, secret, INVITATION)
            person = uow.session.get(Person, token.person_id, with_for_update=True)
            if person is None or person.status != PersonStatus.INVITED.value:
                abort(410, message="Cette invitation n'est plus valable.")
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
            # Opening the e-mailed link proves the address.
            person.email_verified_at = person.email_verified_at or now
            person.consent_at = now
            person.updated_at = now
            events.person_updated(uow, person, entity_name(uow.session, person), now)
            audit(uow.session, "invitation_accepted", person_id=person.id, actor_id=person.id)
        return {"detail": "Bienvenue sur Tandem : ton compte est activé, tu peux te connecter."}


# -- the audit log ----------------------------------------------------------------------------------


@audit_log.route("")
class AuditLog(MethodView):
    @login_required
    @audit_log.arguments(AuditQuerySchema, location="query")
    @audit_log.response(200, AuditPageSchema)
    def get(self, args):
        """Le journal de sécurité, le plus récent d'abord (équipe de la plateforme)."""
        with current_runtime().db.reading() as session:
            operator(session)
            query = sa.select(AuditEntry)
            if "person_id" in args:
                query = query.where(AuditEntry.person_id == args["person_id"])
            if "action" in args:
                query = query.where(AuditEntry.action == args["action"])
            total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
            rows = session.scalars(
                query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"])
            ).all()
            return {"items": rows, "total": total}


BLUEPRINTS = [companies, people, invitations, audit_log]
