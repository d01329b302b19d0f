"""Fixtures for catalog's tests (the shared ones come from tandem_shared.pytest_plugin)."""
import contextlib

import pytest


@pytest.fixture(scope="session")
def service_package() -> str:
    return "catalog"


@pytest.fixture
def association(service):
    """An approved association, « Les Petits Savants », whose referent is referent-1."""
    from catalog.models import Association
    from tandem_shared.timeutil import utcnow

    now = utcnow()
    with service.runtime.unit_of_work() as uow:
        uow.session.add(Association(
            id="a-savants", name="Les Petits Savants", rna="W691234567", siren="812345678", address="8 rue des Écoles",
            city="Villeurbanne", department="69", region="Auvergne-Rhône-Alpes", website="https://petits-savants.example",
            contact_email="contact@petits-savants.example", themes=["éducation / formation"], description="Soutien scolaire à Villeurbanne.",
            representative_name="Hélène Moreau", representative_title="Présidente", general_interest_category="educatif",
            vetting_status="approved", created_at=now, updated_at=now,
        ))
    make_referent(service, "referent-1", ["a-savants"])
    return "a-savants"


def make_referent(service, person_id, association_ids, status="active", at="2026-11-26T10:00:00+00:00"):
    """engagement tells catalog who acts for which association."""
    service.deliver("engagement.person.registered", {
        "person_id": person_id, "email": f"{person_id}@asso.example", "first_name": "Nadia", "last_name": "Benali",
        "company_id": None, "entity_id": None, "entity_name": None, "roles": ["association_referent"],
        "association_ids": association_ids, "status": status, "at": at,
    })


@pytest.fixture
def referent_of(service):
    return lambda person_id, association_ids, **kw: make_referent(service, person_id, association_ids, **kw)


MISSION = {
    "title": "Aide aux devoirs pour collégiens",
    "description": "Tu accompagneras des élèves de 4e dans leurs devoirs, deux soirs par semaine.",
    "themes": ["éducation / formation"],
    "personal_expertises": ["Soutien scolaire"],
    "format": "half_day",
    "duration": "2 demi-journées",
    "address": "8 rue des Écoles",
    "city": "Villeurbanne",
    "department": "69",
    "places": 3,
    "all_jobs": True,
    "contact_name": "Nadia Benali",
    "contact_email": "referente@petits-savants.example",
}


@pytest.fixture
def mission_payload(association):
    return {**MISSION, "association_id": association}


@contextlib.contextmanager
def written_at_revision(harness, revision: str):
    """Down to `revision`; the body writes through the connection given, as that revision knew the tables; up to
    head again, whatever happened: a migration's test of the rows that were already there."""
    from alembic import command

    from tandem_shared.db import make_engine
    from tandem_shared.migrations import alembic_config

    config = alembic_config(harness.runtime.settings.migrations_dir, harness.runtime.settings.database_url)
    harness.runtime.db.dispose()
    command.downgrade(config, revision)
    try:
        with make_engine(harness.runtime.settings.database_url).begin() as connection:
            yield connection
    finally:
        command.upgrade(config, "head")
