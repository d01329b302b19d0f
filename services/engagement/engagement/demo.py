"""Demo data for the embedded mode's first start: a fictional company, its people, one association referent, and a
second company whose people sign in only through its identity provider (`make sso-dev-provider`, README).

Everything here is invented. The ids are stable (uuid5), so other services' demo data can refer to
the same company, people and associations. The rows are written through a unit of work that
publishes the same events as the API would, so every other service learns about them as usual.
"""
from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.timeutil import utcnow

from . import clock, domain, events, identity
from .domain import PersonStatus, Role
from .models import (
    AuditEntry, Company, CompanyDomain, Entity, IdentityProvider, IdentityProviderDomain, Person, PersonRole, Preferences,
    ReferentLink,
)

DEMO_PASSWORD = "Tandem démo 2026 !"


def demo_id(kind: str, key: str) -> str:
    """The stable id of a demo object: the same on every machine and at every start."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-{kind}:{key}"))


# Associations live in catalog; its demo data (a later issue) uses these same ids.
DEMO_ASSOCIATION_IDS: dict[str, str] = {
    name: demo_id("association", name)
    for name in (
        "Les Petits Savants",
        "Graines de Guillotière",
        "Les Pages voyageuses",
        "Les Voisins d'argent",
        "La Marmite des Canuts",
    )
}

DEMO_COMPANY_ID = demo_id("company", "Groupe Horizon")
DEMO_ENTITIES = (
    "Direction financière",
    "Direction des systèmes d'information",
    "Réseau commercial Sud-Est",
    "Ressources humaines",
    "Marketing et communication",
)
MANAGER_EMAIL = "sophie.laurent@horizon.example"
ADMIN_EMAIL = "admin@horizon.example"

# The second demo company: SSO only, through the OpenID Connect provider `make sso-dev-provider` starts on this
# address with a public client `tandem` (PKCE, no secret). Its people are created at their first sign-in.
SSO_DEMO_COMPANY_ID = demo_id("company", "Lumen Énergie")
SSO_DEMO_PROVIDER_ID = demo_id("identity-provider", "Lumen Énergie")
SSO_DEMO_DOMAIN = "lumen.example"
SSO_DEMO_ISSUER = "http://127.0.0.1:9400"
SSO_DEMO_ENTITIES = ("Exploitation", "Direction générale")

# (email, first name, last name, roles, entity, phone, manager's e-mail, association names)
_PEOPLE = (
    ("camille.martin@horizon.example", "Camille", "Martin", (Role.EMPLOYEE,), "Direction financière", "04 72 10 20 31", MANAGER_EMAIL, ()),
    ("lucas.bernard@horizon.example", "Lucas", "Bernard", (Role.EMPLOYEE,), "Direction des systèmes d'information", "04 72 10 20 32", MANAGER_EMAIL, ()),
    ("ines.petit@horizon.example", "Inès", "Petit", (Role.EMPLOYEE,), "Réseau commercial Sud-Est", "04 91 55 40 12", MANAGER_EMAIL, ()),
    ("thomas.girard@horizon-group.example", "Thomas", "Girard", (Role.EMPLOYEE,), "Marketing et communication", None, MANAGER_EMAIL, ()),
    (MANAGER_EMAIL, "Sophie", "Laurent", (Role.EMPLOYEE,), "Direction financière", "04 72 10 20 10", None, ()),
    (ADMIN_EMAIL, "Nathalie", "Roux", (Role.COMPANY_ADMIN, Role.EMPLOYEE), "Ressources humaines", "04 72 10 20 01", None, ()),
    ("operateur@tandem.example", "Julien", "Moreau", (Role.PLATFORM_OPERATOR,), None, None, None, ()),
    ("referente@petits-savants.example", "Amina", "Benali", (Role.ASSOCIATION_REFERENT,), None, "06 12 34 56 78", None, ("Les Petits Savants",)),
)
END_OF_CAREER_EMAIL = "ines.petit@horizon.example"
END_OF_CAREER_IN = timedelta(days=243)  # about eight months: inside the twelve-month window

_PREFERENCES = {
    "camille.martin@horizon.example": {
        "professional_expertises": ["Administratif / Bureautique", "Audit / Conseil / MOA"],
        "personal_expertises": ["Soutien scolaire", "Mentorat"],
        "themes": ["éducation / formation", "enfance / famille"],
        "alerts_opt_in": True,
        "quiz_opt_in": True,
    },
    "lucas.bernard@horizon.example": {
        "professional_expertises": ["Informatique / Web", "Divers IT (Data, TMA,...)"],
        "personal_expertises": ["Initiation informatique", "Jardinage"],
        "themes": ["environnement", "sciences / recherche"],
        "alerts_opt_in": False,
    },
}

# For the README: who to log in as (all with DEMO_PASSWORD).
DEMO_LOGINS: list[tuple[str, str]] = [
    ("Salariée", "camille.martin@horizon.example"),
    ("Salarié", "lucas.bernard@horizon.example"),
    ("Salariée en mécénat fin de carrière", END_OF_CAREER_EMAIL),
    ("Manager", MANAGER_EMAIL),
    ("Administratrice de l'entreprise", ADMIN_EMAIL),
    ("Opérateur de la plateforme", "operateur@tandem.example"),
    ("Référente d'association (Les Petits Savants)", "referente@petits-savants.example"),
]


def load_demo_data(runtime: ServiceRuntime, settings=None) -> bool:
    """Load the demo company and people unless a company already exists; True when it loaded them.

    `settings` (engagement's Settings) is accepted for a uniform call from the embedded mode;
    whether to call this at all is the caller's choice (the embedded mode honours `TANDEM_DEMO_DATA`).
    """
    with runtime.unit_of_work() as uow:
        session = uow.session
        if session.scalar(sa.select(sa.func.count()).select_from(Company)):
            return False
        now = utcnow()
        today = clock.today()

        company = Company(
            id=DEMO_COMPANY_ID,
            name="Groupe Horizon",
            head_office_address="18 quai Perrache, 69002 Lyon",
            siren="512345678",
            rcs="RCS Lyon 512 345 678",
            representative_name="Claire Dumas",
            representative_title="Directrice des ressources humaines",
            days_per_year=Decimal("2"),
            end_of_career_enabled=True,
            uses_sso=False,
            created_at=now,
            updated_at=now,
        )
        company.domains = [CompanyDomain(domain=name) for name in ("horizon-group.example", "horizon.example")]
        company.entities = [Entity(id=demo_id("entity", name), name=name) for name in DEMO_ENTITIES]
        session.add(company)
        session.flush()
        session.expire(company, ["domains", "entities"])
        events.company_updated(uow, company)
        entities = {entity.name: entity for entity in company.entities}

        # The password is public (README), so one hash can serve every demo account.
        password_hash = identity.hash_password(DEMO_PASSWORD)
        people: dict[str, Person] = {}
        for email, first_name, last_name, roles, entity_name, phone, manager, associations in _PEOPLE:
            entity = entities.get(entity_name) if entity_name else None
            in_company = any(role in (Role.EMPLOYEE, Role.COMPANY_ADMIN) for role in roles)
            person = Person(
                id=demo_id("person", email),
                email=email,
                company_id=company.id if in_company else None,
                entity_id=entity.id if entity else None,
                first_name=first_name,
                last_name=last_name,
                phone=phone,
                manager_email=manager,
                password_hash=password_hash,
                status=PersonStatus.ACTIVE.value,
                email_verified_at=now,
                consent_at=now,
                tokens_not_before=None,
                created_at=now,
                updated_at=now,
            )
            person.roles = [PersonRole(role=role.value) for role in sorted(roles)]
            person.referent_of = [ReferentLink(association_id=DEMO_ASSOCIATION_IDS[name]) for name in associations]
            session.add(person)
            people[email] = person

        retiring = people[END_OF_CAREER_EMAIL]
        retiring.retirement_date = today + END_OF_CAREER_IN
        retiring.retirement_confirmed_at = now
        retiring.retirement_confirmed_by = people[ADMIN_EMAIL].id
        session.flush()

        for email, _first, _last, _roles, entity_name, *_rest in _PEOPLE:
            events.person_registered(uow, people[email], entity_name, now)

        for email, choices in _PREFERENCES.items():
            person = people[email]
            preferences = Preferences(
                person_id=person.id,
                professional_expertises=domain.check_choices(choices["professional_expertises"], domain.PROFESSIONAL_EXPERTISES, "professional_expertises"),
                personal_expertises=domain.check_choices(choices["personal_expertises"], domain.PERSONAL_EXPERTISES, "personal_expertises"),
                themes=domain.check_choices(choices["themes"], domain.THEMES, "themes"),
                alerts_opt_in=choices["alerts_opt_in"],
                quiz_opt_in=choices.get("quiz_opt_in", False),
                updated_at=now,
            )
            session.add(preferences)
            events.preferences_updated(uow, person, preferences)

        _add_sso_company(uow, now)
        session.add(AuditEntry(at=now, action="demo_data_loaded", details={"company_id": company.id, "people": len(people)}))
    return True


def _add_sso_company(uow, now) -> None:
    """Lumen Énergie signs in through its identity provider only: « Se connecter » sends @lumen.example addresses
    there, and the first sign-in creates the person (entity from the `department` claim, or chosen once)."""
    company = Company(
        id=SSO_DEMO_COMPANY_ID, name="Lumen Énergie", head_office_address="4 rue de la Villette, 69003 Lyon",
        siren="784512963", rcs="RCS Lyon 784 512 963", representative_name="Marc Delorme",
        representative_title="Directeur général", days_per_year=Decimal("3"), end_of_career_enabled=False,
        uses_sso=True, sso_password_fallback=False, created_at=now, updated_at=now,
    )
    company.domains = [CompanyDomain(domain=SSO_DEMO_DOMAIN)]
    company.entities = [Entity(id=demo_id("entity", f"Lumen Énergie {name}"), name=name) for name in SSO_DEMO_ENTITIES]
    uow.session.add(company)
    uow.session.add(IdentityProvider(
        id=SSO_DEMO_PROVIDER_ID, company_id=company.id, protocol="oidc", display_name="Annuaire Lumen (démo)", enabled=True,
        oidc_issuer=SSO_DEMO_ISSUER, oidc_client_id="tandem", oidc_scopes="openid email profile", claim_mapping={},
        created_at=now, updated_at=now, domains=[IdentityProviderDomain(domain=SSO_DEMO_DOMAIN)]))
    uow.session.flush()
    uow.session.expire(company, ["domains", "entities"])
    events.company_updated(uow, company)


def add_demo_referents(runtime: ServiceRuntime, referents: list[dict]) -> int:
    """Give every demo association a referent login (the embedded mode passes the catalog's demo referents).

    Each entry: email, first_name, last_name, phone, association_id. An address that already has an
    account only gains the association; nothing changes on a second call. Returns the accounts created.
    """
    created = 0
    with runtime.unit_of_work() as uow:
        session = uow.session
        now = utcnow()
        password_hash = None
        for entry in referents:
            email = entry["email"].strip().lower()
            person = session.scalar(sa.select(Person).where(Person.email == email))
            is_new = person is None
            if is_new:
                password_hash = password_hash or identity.hash_password(DEMO_PASSWORD)
                person = Person(
                    id=demo_id("person", email), email=email, company_id=None, entity_id=None,
                    first_name=entry["first_name"], last_name=entry["last_name"], phone=entry.get("phone"), manager_email=None,
                    password_hash=password_hash, status=PersonStatus.ACTIVE.value, email_verified_at=now, consent_at=now,
                    tokens_not_before=None, created_at=now, updated_at=now,
                )
                person.roles = [PersonRole(role=Role.ASSOCIATION_REFERENT.value)]
                person.referent_of = []
                session.add(person)
                created += 1
            elif entry["association_id"] in person.association_ids:
                continue
            person.referent_of.append(ReferentLink(association_id=entry["association_id"]))
            if Role.ASSOCIATION_REFERENT.value not in person.role_names:
                person.roles.append(PersonRole(role=Role.ASSOCIATION_REFERENT.value))
            session.flush()
            (events.person_registered if is_new else events.person_updated)(uow, person, None, now)
    return created
