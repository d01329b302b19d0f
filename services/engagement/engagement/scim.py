"""SCIM 2.0 provisioning (RFC 7643/7644, issue 14): the company's HR directory creates, updates, deactivates and
deletes its people; the company's entities are its groups.

The resources, messages and PATCH semantics are scim2-models' (pydantic); filters are parsed by scim2-filter-parser
and its syntax tree is turned into a SQLAlchemy condition here. A caller is a SCIM token (`scim_tokens.recognise`),
which reaches its own company's people only: anyone else's is « not found ».

Mapping: `userName` is the professional e-mail (one of the company's domains), `name.givenName`/`familyName` the
names, `externalId` the directory's own id, `active` the account's status (false disables the person at once
everywhere, through the same use case as an admin's disabling), the enterprise extension's `manager` the recorded
manager (`value` is the manager's SCIM id, or their e-mail) and `department` (else `organization`) the entity, by
name. DELETE anonymises the person as their own account deletion does, keeping the history (participations,
conventions, days given).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import sqlalchemy as sa
from marshmallow import ValidationError as MarshmallowValidationError
from marshmallow.validate import Email as EmailSyntax
from scim2_filter_parser import ast as filter_ast
from scim2_filter_parser.lexer import SCIMLexer
from scim2_filter_parser.parser import SCIMParser, SCIMParserError

from pydantic import Field
from scim2_models import (
    URN, AnyExtension, CaseExact, ComplexAttribute, Extension, GroupMember, GroupMembership, InvalidFilterException,
    InvalidValueException, Meta, Mutability, NotFoundException, Reference, Required, Resource, ScimPolicy, Uniqueness,
    UniquenessException,
)
from scim2_models import Email as ScimEmail
from scim2_models import Group

from tandem_shared.timeutil import utcnow

from . import domain, events
from .access import audit
from .companies import add_entity
from .domain import PersonStatus, Role
from .models import Company, Entity, Person, PersonRole
from .my_account import erase_account
from .people import disable, enable
from .scim_tokens import ScimCaller
from .sessions import revoke_everywhere



# -- the resources as Tandem serves them ---------------------------------------------------------------
# The core User and enterprise schemas, narrowed to the attributes Tandem stores, so that /Schemas tells a directory
# exactly what it may send and read back (an attribute Tandem would drop is not announced).


class Name(ComplexAttribute):
    family_name: Annotated[str | None, Required.true] = None
    """The last name, as printed on the person's conventions."""

    given_name: Annotated[str | None, Required.true] = None
    """The first name."""


class User(Resource[AnyExtension]):
    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:User")

    user_name: Annotated[str | None, Uniqueness.server, Required.true] = None
    """The professional e-mail address, one of the company's domains: the address the person signs in with."""

    name: Annotated[Name | None, Required.true] = None
    """The person's names."""

    display_name: Annotated[str | None, Mutability.read_only] = None
    """The first and last names."""

    active: bool | None = None
    """False disables the person at once everywhere; true restores them; left out, the status stays as it is."""

    emails: Annotated[list[ScimEmail] | None, Mutability.read_only] = None
    """The work address, which is the userName."""

    groups: Annotated[list[GroupMembership] | None, Mutability.read_only] = None
    """The person's entity."""


class Manager(ComplexAttribute):
    value: Annotated[str | None, Required.true, CaseExact.true] = None
    """The manager's SCIM id, or their e-mail address."""

    # Optional here (scim2-models' own Manager requires it): Microsoft Entra ID and others send the value alone.
    ref: Annotated[Reference["User"] | None, Mutability.read_write] = Field(None, serialization_alias="$ref", validation_alias="$ref")
    """The manager's SCIM resource, as Tandem answers it."""


class EnterpriseUser(Extension):
    __schema__ = URN("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")

    department: str | None = None
    """The person's entity (« entité de rattachement »), by name; an unknown one is added to the company."""

    manager: Manager | None = None
    """The recorded manager, who validates the person's dates: their SCIM id, or their e-mail address."""


ScimUser = User[EnterpriseUser]

# What directories send beyond what Tandem stores (title, phone numbers, addresses, employeeNumber…) is accepted and
# dropped rather than refused; a PATCH `remove` with a value and a path filter matching nothing are read the way
# Microsoft Entra ID means them.
POLICY = ScimPolicy(unknown=ScimPolicy.Unknown.ignore, remove_value=ScimPolicy.RemoveValue.apply,
                    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create)
MAX_PAGE = 200
USER_NOT_FOUND = "Cette personne n'existe pas dans ton entreprise."
GROUP_NOT_FOUND = "Cette entité n'existe pas dans ton entreprise."


@dataclass(frozen=True)
class Page:
    resources: list[Any]
    total: int
    start_index: int


# -- reading -----------------------------------------------------------------------------------------


def _company(session, caller: ScimCaller) -> Company:
    return session.get(Company, caller.company_id)


def _reachable_people(caller: ScimCaller) -> sa.Select:
    """The token's company's people, deleted accounts aside (they are gone for the directory)."""
    return sa.select(Person).where(Person.company_id == caller.company_id, Person.status != PersonStatus.DELETED.value)


def person_for(session, caller: ScimCaller, person_id: str, for_update: bool = False) -> Person:
    person = session.get(Person, person_id, with_for_update=for_update)
    if person is None or person.company_id != caller.company_id or person.status == PersonStatus.DELETED.value:
        raise NotFoundException(detail=USER_NOT_FOUND)
    return person


def user_resource(session, person: Person, base_url: str) -> ScimUser:
    """The person as the directory reads them."""
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    manager = None
    if person.manager_email:
        manager_person = session.scalar(sa.select(Person).where(Person.email == person.manager_email,
                                                                Person.company_id == person.company_id))
        manager_id = manager_person.id if manager_person is not None else person.manager_email
        manager = Manager(value=manager_id, ref=f"{base_url}/Users/{manager_id}")
    user = ScimUser(
        id=person.id,
        external_id=person.scim_external_id,
        user_name=person.email,
        name=Name(given_name=person.first_name, family_name=person.last_name),
        display_name=f"{person.first_name} {person.last_name}",
        # Built without validation: the address passed Tandem's own checks when stored, and pydantic's EmailStr
        # refuses special-use domains (.test) that test companies use.
        emails=[ScimEmail.model_construct(value=person.email, type=ScimEmail.Type.work, primary=True)],
        active=person.status != PersonStatus.DISABLED.value,
        groups=[GroupMembership(value=entity.id, display=entity.name, ref=f"{base_url}/Groups/{entity.id}")] if entity else None,
        meta=Meta(resource_type="User", created=person.created_at, last_modified=person.updated_at,
                  location=f"{base_url}/Users/{person.id}"),
    )
    extension = EnterpriseUser(department=entity.name if entity else None, manager=manager)
    if extension.department or extension.manager:
        user[EnterpriseUser] = extension
    return user


def group_resource(session, entity: Entity, base_url: str) -> Group:
    members = session.scalars(
        sa.select(Person).where(Person.entity_id == entity.id, Person.status != PersonStatus.DELETED.value)
        .order_by(Person.last_name, Person.first_name, Person.id)
    )
    return Group(
        id=entity.id,
        display_name=entity.name,
        members=[GroupMember(value=p.id, display=f"{p.first_name} {p.last_name}", ref=f"{base_url}/Users/{p.id}", type="User")
                 for p in members] or None,
        meta=Meta(resource_type="Group", location=f"{base_url}/Groups/{entity.id}"),
    )


def group_for(session, caller: ScimCaller, entity_id: str) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None or entity.company_id != caller.company_id:
        raise NotFoundException(detail=GROUP_NOT_FOUND)
    return entity


# -- filters -----------------------------------------------------------------------------------------

# What a filter may name, per resource: the column it reads. userName, like e-mail addresses, ignores case.
USER_ATTRIBUTES: dict[str, Any] = {
    "id": Person.id,
    "username": Person.email,
    "externalid": Person.scim_external_id,
    "name.givenname": Person.first_name,
    "name.familyname": Person.last_name,
    "emails.value": Person.email,
    "emails": Person.email,
    "active": Person.status,
    "meta.created": Person.created_at,
    "meta.lastmodified": Person.updated_at,
}
GROUP_ATTRIBUTES: dict[str, Any] = {"id": Entity.id, "displayname": Entity.name}
CASE_INSENSITIVE = {"username", "emails.value", "emails", "displayname"}


def parse_filter(text: str) -> filter_ast.AST:
    try:
        return SCIMParser().parse(SCIMLexer().tokenize(text))
    except (SCIMParserError, ValueError) as exc:
        raise InvalidFilterException(detail=f"Ce filtre n'est pas compris : {exc}") from exc


def _attribute_name(path: filter_ast.AttrPath) -> str:
    name = path.attr_name
    # A full URN (urn:…:User:userName) names the same attribute as its last part.
    if ":" in name:
        name = name.rsplit(":", 1)[-1]
    if path.sub_attr is not None:
        name = f"{name}.{path.sub_attr.value}"
    return name.lower()


def _comparison(expression: filter_ast.AttrExpr, columns: dict[str, Any]) -> sa.ColumnElement[bool]:
    name = _attribute_name(expression.attr_path)
    column = columns.get(name)
    if column is None:
        raise InvalidFilterException(detail=f"Ce filtre porte sur un attribut non pris en charge : {expression.attr_path.attr_name}.")
    operator = expression.value.lower()
    if operator == "pr":
        return column.is_not(None)
    # The parser hands every value as text (quotes removed): true and false are read as the library's own SQL
    # transpiler reads them.
    value = expression.comp_value.value if expression.comp_value is not None else None
    if column is Person.status:
        if operator not in ("eq", "ne") or value not in ("true", "false"):
            raise InvalidFilterException(detail="« active » se compare à true ou false, avec eq ou ne.")
        disabled = column == PersonStatus.DISABLED.value
        return sa.not_(disabled) if (operator == "eq") == (value == "true") else disabled
    if value is None:
        raise InvalidFilterException(detail=f"« {expression.attr_path.attr_name} » se compare à un texte.")
    value = str(value)
    if name in CASE_INSENSITIVE:
        column, value = sa.func.lower(column), value.lower()
    builders: dict[str, Callable[[], sa.ColumnElement[bool]]] = {
        "eq": lambda: column == value,
        "ne": lambda: column != value,
        "co": lambda: column.contains(value, autoescape=True),
        "sw": lambda: column.startswith(value, autoescape=True),
        "ew": lambda: column.endswith(value, autoescape=True),
        "gt": lambda: column > value,
        "ge": lambda: column >= value,
        "lt": lambda: column < value,
        "le": lambda: column <= value,
    }
    if operator not in builders:
        raise InvalidFilterException(detail=f"Opérateur de filtre inconnu : {expression.value}.")
    return builders[operator]()


def filter_condition(node: filter_ast.AST, columns: dict[str, Any]) -> sa.ColumnElement[bool]:
    """The SQL condition of a parsed SCIM filter, on the columns the resource lets a filter name."""
    if isinstance(node, filter_ast.Filter):
        if node.namespace is not None:
            # emails[value eq "…"]: the bracketed expression reads sub-attributes of the namespace.
            inner = node.expr
            if not isinstance(inner, filter_ast.AttrExpr):
                raise InvalidFilterException(detail="Ce filtre entre crochets n'est pas pris en charge.")
            path = filter_ast.AttrPath(node.namespace.attr_name, filter_ast.SubAttr(inner.attr_path.attr_name), None)
            condition = _comparison(filter_ast.AttrExpr(inner.value, path, inner.comp_value), columns)
        else:
            condition = filter_condition(node.expr, columns)
        return sa.not_(condition) if node.negated else condition
    if isinstance(node, filter_ast.LogExpr):
        left, right = filter_condition(node.expr1, columns), filter_condition(node.expr2, columns)
        return sa.and_(left, right) if node.op.lower() == "and" else sa.or_(left, right)
    if isinstance(node, filter_ast.AttrExpr):
        return _comparison(node, columns)
    raise InvalidFilterException(detail="Ce filtre n'est pas pris en charge.")


def _page(session, query: sa.Select, order: list, start_index: int, count: int, to_resource: Callable[[Any], Any]) -> Page:
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(*order).offset(start_index - 1).limit(count)) if count else []
    return Page(resources=[to_resource(row) for row in rows], total=total, start_index=start_index)


def list_users(session, caller: ScimCaller, filter_text: str | None, start_index: int, count: int, base_url: str) -> Page:
    query = _reachable_people(caller)
    if filter_text:
        query = query.where(filter_condition(parse_filter(filter_text), USER_ATTRIBUTES))
    return _page(session, query, [Person.created_at, Person.id], start_index, count,
                 lambda person: user_resource(session, person, base_url))


def list_groups(session, caller: ScimCaller, filter_text: str | None, start_index: int, count: int, base_url: str) -> Page:
    query = sa.select(Entity).where(Entity.company_id == caller.company_id)
    if filter_text:
        query = query.where(filter_condition(parse_filter(filter_text), GROUP_ATTRIBUTES))
    return _page(session, query, [Entity.name, Entity.id], start_index, count,
                 lambda entity: group_resource(session, entity, base_url))


# -- writing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wanted:
    """What a SCIM User asks of a person, checked against the company."""

    email: str
    first_name: str
    last_name: str
    external_id: str | None
    active: bool | None
    manager_email: str | None
    entity: Entity | None
    entity_given: bool


def _domains(company: Company) -> frozenset[str]:
    return frozenset(row.domain for row in company.domains)


def _domains_hint(company: Company) -> str:
    return ", ".join(f"@{domain_name}" for domain_name in sorted(_domains(company)))


def _checked_email(company: Company, user_name: str | None) -> str:
    email = domain.normalize_email(user_name or "")
    try:
        EmailSyntax()(email)
    except MarshmallowValidationError as exc:
        raise InvalidValueException(detail="« userName » doit être une adresse e-mail professionnelle valide.") from exc
    if not domain.company_address(email, _domains(company)):
        raise InvalidValueException(detail=f"« userName » doit être une adresse e-mail de l'entreprise : {_domains_hint(company)}.")
    return email


def _checked_name(value: str | None, attribute: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidValueException(detail=f"« {attribute} » est obligatoire.")
    if len(value) > 100:
        raise InvalidValueException(detail=f"« {attribute} » ne peut dépasser 100 caractères.")
    return value


def _manager_email(session, company: Company, email: str, manager: Manager | None) -> str | None:
    """The recorded manager: `manager.value` is the SCIM id of a person of the company, or an address of the company."""
    if manager is None or not manager.value:
        return None
    found = session.get(Person, manager.value)
    if found is not None and found.company_id == company.id and found.status != PersonStatus.DELETED.value:
        wanted = found.email
    elif "@" in manager.value:
        wanted = manager.value
    else:
        raise InvalidValueException(detail="« manager.value » doit être l'identifiant SCIM d'une personne de l'entreprise ou son adresse e-mail.")
    try:
        return domain.check_recorded_manager(wanted, person_email=email, company_domains=_domains(company))
    except domain.DomainError as exc:
        raise InvalidValueException(detail=str(exc)) from exc


def _entity(uow, caller: ScimCaller, company: Company, extension: EnterpriseUser | None) -> tuple[Entity | None, bool]:
    """The entity named by `department`, and whether one was named at all. The directory is the reference for its
    departments: one Tandem does not know yet is added to the company's entities, as an admin would add it."""
    name = extension.department.strip() if extension is not None and extension.department else ""
    if not name:
        return None, False
    if len(name) > 200:
        raise InvalidValueException(detail="« department » ne peut dépasser 200 caractères.")
    entity = next((row for row in company.entities if row.name.casefold() == name.casefold()), None)
    if entity is None:
        entity = add_entity(uow, None, company, name, scim_token_id=caller.token_id)
    return entity, True


def wanted_from(uow, caller: ScimCaller, company: Company, user: ScimUser) -> Wanted:
    session = uow.session
    email = _checked_email(company, user.user_name)
    name = user.name or Name()
    extension = user[EnterpriseUser]
    external_id = (user.external_id or "").strip() or None
    if external_id is not None and len(external_id) > 200:
        raise InvalidValueException(detail="« externalId » ne peut dépasser 200 caractères.")
    first_name = _checked_name(name.given_name, "name.givenName")
    last_name = _checked_name(name.family_name, "name.familyName")
    manager_email = _manager_email(session, company, email, extension.manager if extension is not None else None)
    # Last, once the rest is known to be valid: a refused resource adds no entity.
    entity, entity_given = _entity(uow, caller, company, extension)
    return Wanted(email=email, first_name=first_name, last_name=last_name, external_id=external_id,
                  active=user.active, manager_email=manager_email, entity=entity, entity_given=entity_given)


def _check_unique(session, email: str, person_id: str | None) -> None:
    taken = session.scalar(sa.select(Person.id).where(Person.email == email))
    if taken is not None and taken != person_id:
        raise UniquenessException(detail="Cette adresse a déjà un compte Tandem.")


def create_user(uow, caller: ScimCaller, user: ScimUser) -> Person:
    """A new employee of the company, ready to sign in through the company's SSO (no password: the directory vouches
    for the address; consent is asked at the first sign-in)."""
    company = _company(uow.session, caller)
    wanted = wanted_from(uow, caller, company, user)
    _check_unique(uow.session, wanted.email, None)
    now = utcnow()
    person = Person(id=str(uuid.uuid4()), email=wanted.email, company_id=company.id,
                    entity_id=wanted.entity.id if wanted.entity else None, first_name=wanted.first_name,
                    last_name=wanted.last_name, manager_email=wanted.manager_email, scim_external_id=wanted.external_id,
                    status=PersonStatus.ACTIVE.value, email_verified_at=now, created_at=now, updated_at=now)
    person.roles = [PersonRole(role=Role.EMPLOYEE.value)]
    person.referent_of = []
    uow.session.add(person)
    uow.session.flush()
    events.person_registered(uow, person, wanted.entity.name if wanted.entity else None, now)
    audit(uow.session, "person_provisioned", person_id=person.id, scim_token_id=caller.token_id)
    if wanted.active is False:
        disable(uow, person, now)
        audit(uow.session, "person_disabled", person_id=person.id, scim_token_id=caller.token_id)
    return person


def _set_active(uow, caller: ScimCaller, person: Person, active: bool | None, now: datetime) -> bool:
    """Deactivating is an admin's disabling (tokens refused everywhere at once, `engagement.person.disabled`); a
    reactivated person signs in again with new tokens, those issued before stay refused (the cut-off only moves on)."""
    disabled = person.status == PersonStatus.DISABLED.value
    if active is False and not disabled:
        disable(uow, person, now)
        audit(uow.session, "person_disabled", person_id=person.id, scim_token_id=caller.token_id)
        return True
    if active is True and disabled:
        enable(uow, person, PersonStatus.ACTIVE.value, now)
        audit(uow.session, "person_enabled", person_id=person.id, scim_token_id=caller.token_id)
        return True
    return False


def replace_user(uow, caller: ScimCaller, person: Person, user: ScimUser) -> None:
    """PUT: the mapped attributes become what the directory sent (no manager sent: none recorded). An entity stays
    when no department is sent, since every employee keeps one."""
    company = _company(uow.session, caller)
    wanted = wanted_from(uow, caller, company, user)
    _check_unique(uow.session, wanted.email, person.id)
    now = utcnow()
    changes: dict[str, tuple[Any, Any]] = {}
    for attribute, value in (("email", wanted.email), ("first_name", wanted.first_name), ("last_name", wanted.last_name),
                             ("scim_external_id", wanted.external_id), ("manager_email", wanted.manager_email)):
        if getattr(person, attribute) != value:
            changes[attribute] = (getattr(person, attribute), value)
            setattr(person, attribute, value)
    if wanted.entity_given and wanted.entity.id != person.entity_id:
        changes["entity_id"] = (person.entity_id, wanted.entity.id)
        person.entity_id = wanted.entity.id
    if "email" in changes:
        # The sign-in address changed: what was signed for the old one must not go on.
        revoke_everywhere(uow, person)
    status_changed = _set_active(uow, caller, person, wanted.active, now)
    if changes:
        audit(uow.session, "person_updated_by_directory", person_id=person.id, scim_token_id=caller.token_id,
              fields=sorted(changes))
    if changes or status_changed:
        person.updated_at = now
        entity = uow.session.get(Entity, person.entity_id) if person.entity_id else None
        events.person_updated(uow, person, entity.name if entity else None, now)


def delete_user(uow, caller: ScimCaller, person: Person) -> None:
    """DELETE: the account is anonymised and its tokens refused everywhere; its history stays."""
    erase_account(uow, person, actor_id=None, via="scim", scim_token_id=caller.token_id)
