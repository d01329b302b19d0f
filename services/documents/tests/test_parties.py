"""documents's copies of the parties, fed by engagement's and catalog's events."""
import sqlalchemy as sa

from documents.models import AssociationCopy, CompanyCopy, MissionCopy, PersonCopy


def get(service, model, key):
    with service.runtime.db.reading() as session:
        return session.get(model, key)


def test_a_published_mission_brings_its_association_along(service, story):
    service.deliver("catalog.mission.published", story.example("catalog.mission.published"))
    mission = get(service, MissionCopy, story.mission)
    assert (mission.title, mission.city, mission.department, mission.remote_possible, mission.association_id) == (
        "Aide aux devoirs pour collégiens", "Villeurbanne", "69", False, story.association)
    association = get(service, AssociationCopy, story.association)
    assert (association.representative_name, association.general_interest_label, association.rna) == (
        "Hélène Moreau", "Caractère éducatif", "W691234567")


def test_copies_follow_updates_and_never_go_back_in_time(service, story):
    service.deliver("engagement.person.registered", story.example("engagement.person.registered"))
    service.deliver("engagement.person.updated", story.example(
        "engagement.person.updated", last_name="Martin-Durand", email="Camille.Martin@Horizon.example", entity_name=None))
    service.deliver("engagement.person.registered", story.example("engagement.person.registered", last_name="Ancien"))
    person = get(service, PersonCopy, story.person)
    assert (person.last_name, person.email, person.entity_name) == ("Martin-Durand", "camille.martin@horizon.example", None)

    association = story.example("catalog.association.updated")
    service.deliver("catalog.association.updated", {**association, "representative_name": "Jeanne Roy",
                                                    "updated_at": "2026-12-01T00:00:00+00:00"})
    # The mission event embeds an older picture of the association: the newer one stays.
    service.deliver("catalog.mission.updated", story.example("catalog.mission.updated"))
    assert get(service, AssociationCopy, story.association).representative_name == "Jeanne Roy"
    service.deliver("catalog.mission.closed", story.example("catalog.mission.closed"))
    assert get(service, MissionCopy, story.mission).status == "closed"


def test_a_company_update_keeps_the_legal_identity(service, story):
    service.deliver("engagement.company.updated", story.example("engagement.company.updated"))
    company = get(service, CompanyCopy, story.company)
    assert (company.name, company.siren, company.rcs, company.representative_title) == (
        "Groupe Horizon", "552081317", "RCS Lyon 552 081 317", "Directrice des ressources humaines")
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(CompanyCopy)) == 1
