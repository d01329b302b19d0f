"""Companies and their entities (administration use cases): identity, e-mail domains, entities, the days policy.

The caller's reach has been checked by the view (`access.company_in_reach`); what only platform operators may do
is checked here.
"""
from __future__ import annotations

import uuid
from decimal import Decimal

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow

from . import domain, events
from .access import audit, is_operator
from .domain import PersonStatus
from .errors import field_error
from .models import Company, CompanyDomain, DateRequest, Entity, MissionCopy, Participation, Person, PersonRole
from tandem_shared.paging import page_of_query

ENTITY_NOT_FOUND = "Cette entité n'existe pas."

TRIMMED_FIELDS = ("name", "head_office_address", "rcs", "representative_name", "representative_title")
VERBATIM_FIELDS = ("siren", "end_of_career_enabled", "uses_sso", "other_manager_policy")


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


def entity_view(entity: Entity) -> dict:
    return {"id": entity.id, "name": entity.name}


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


def companies_page(session, caller: Person, args: dict) -> dict:
    """Every company for platform operators, their own for a company admin."""
    query = sa.select(Company)
    if not is_operator(caller):
        query = query.where(Company.id == caller.company_id)
    rows, total = page_of_query(session, query, args, Company.name, Company.id)
    return {"items": [company_view(company) for company in rows], "total": total}


def create_company(uow, caller: Person, payload: dict) -> Company:
    now = utcnow()
    company = Company(
        id=str(uuid.uuid4()),
        **{field: payload[field].strip() for field in TRIMMED_FIELDS},
        **{field: payload[field] for field in VERBATIM_FIELDS},
        days_per_year=Decimal(str(payload["days_per_year"])),
        created_at=now,
        updated_at=now,
    )
    company.domains = []
    company.entities = []
    uow.session.add(company)
    _set_domains(uow.session, company, payload["email_domains"])
    _changed(uow, company)
    audit(uow.session, "company_created", actor_id=caller.id, company_id=company.id, name=company.name)
    return company


def update_company(uow, caller: Person, company: Company, payload: dict) -> None:
    """Only platform operators change the e-mail domains: a domain decides who may sign up into the company."""
    if "email_domains" in payload:
        if not is_operator(caller) and set(payload["email_domains"]) != {row.domain for row in company.domains}:
            abort(403, message="Seule l'équipe de la plateforme peut modifier les domaines d'e-mail de l'entreprise : écris-lui.")
        _set_domains(uow.session, company, payload["email_domains"])
    for field in TRIMMED_FIELDS:
        if field in payload:
            setattr(company, field, payload[field].strip())
    for field in VERBATIM_FIELDS:
        if field in payload:
            setattr(company, field, payload[field])
    if "days_per_year" in payload:
        company.days_per_year = Decimal(str(payload["days_per_year"]))
    _changed(uow, company)
    audit(uow.session, "company_updated", actor_id=caller.id, company_id=company.id, fields=sorted(payload))


def _check_entity_name(company: Company, name: str, except_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        field_error("name", "Donne un nom à l'entité.")
    if any(entity.name.casefold() == name.casefold() and entity.id != except_id for entity in company.entities):
        abort(409, message=f"L'entité « {name} » existe déjà dans cette entreprise.")
    return name


def entity_in(session, company: Company, entity_id: str) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None or entity.company_id != company.id:
        abort(404, message=ENTITY_NOT_FOUND)
    return entity


def add_entity(uow, caller: Person | None, company: Company, name: str, **audit_details) -> Entity:
    """`caller` is None when the company's HR directory adds it (a SCIM department Tandem did not know)."""
    entity = Entity(id=str(uuid.uuid4()), company_id=company.id, name=_check_entity_name(company, name))
    company.entities.append(entity)
    _changed(uow, company)
    audit(uow.session, "entity_created", actor_id=caller.id if caller else None, company_id=company.id, entity_id=entity.id,
          name=entity.name, **audit_details)
    return entity


def rename_entity(uow, caller: Person, company: Company, entity: Entity, name: str) -> None:
    entity.name = _check_entity_name(company, name, except_id=entity.id)
    _changed(uow, company)
    audit(uow.session, "entity_renamed", actor_id=caller.id, company_id=company.id, entity_id=entity.id, name=entity.name)


def delete_entity(uow, caller: Person, company: Company, entity: Entity) -> None:
    """Only an entity no one is attached to any more (409 otherwise)."""
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
    audit(uow.session, "entity_deleted", actor_id=caller.id, company_id=company.id, entity_id=entity.id)


def people_query(company: Company, args: dict) -> sa.Select:
    """The company's people, filtered by status, entity, role and a piece of their name or address."""
    query = sa.select(Person).where(Person.company_id == company.id)
    if "status" in args:
        query = query.where(Person.status == args["status"])
    if "entity_id" in args:
        # Only one of this company's entities: another company's entity id finds no one here.
        query = query.where(Person.entity_id == args["entity_id"])
    if "role" in args:
        query = query.where(Person.roles.any(PersonRole.role == args["role"]))
    if "q" in args:
        pattern = f"%{args['q'].strip().lower()}%"
        query = query.where(sa.or_(
            sa.func.lower(Person.first_name).like(pattern),
            sa.func.lower(Person.last_name).like(pattern),
            Person.email.like(pattern),
        ))
    return query


def other_manager_requests_page(session, company: Company, args: dict) -> dict:
    """Date requests sent to someone other than the recorded manager, the latest first."""
    query = (
        sa.select(DateRequest, Person, MissionCopy)
        .join(Person, Person.id == DateRequest.person_id)
        .join(Participation, Participation.id == DateRequest.participation_id)
        .join(MissionCopy, MissionCopy.id == Participation.mission_id)
        .where(Person.company_id == company.id, sa.or_(
            DateRequest.recorded_manager_email.is_(None), DateRequest.recorded_manager_email != DateRequest.manager_email))
    )
    rows, total = page_of_query(session, query, args, DateRequest.requested_at.desc(), DateRequest.id, entities=True)
    return {"items": [_other_manager_request_view(request, person, mission) for request, person, mission in rows], "total": total}


def _other_manager_request_view(request: DateRequest, person: Person, mission: MissionCopy) -> dict:
    return {
        "id": request.id, "person": {"id": person.id, "name": f"{person.first_name} {person.last_name}", "email": person.email},
        "mission_title": mission.title, "association_name": mission.association_name, "kind": request.kind,
        "manager_email": request.manager_email, "recorded_manager_email": request.recorded_manager_email,
        "status": request.status, "requested_at": request.requested_at, "decided_at": request.decided_at,
        "decided_via": request.decided_via,
        # Listed inline, with no month heading above them: the whole date (« lundi 21 décembre 2026 (1/2 journée) »).
        "dates": [{"date": d.day, "format": d.format, "label": f"{domain.long_date(d.day)} ({domain.FORMAT_LABELS[d.format]})"}
                  for d in request.dates],
    }
