"""Catalog's pure rules."""
import pytest

from catalog import domain
from catalog.domain import MissionStatus, VettingStatus, Viewer


def viewer(company="c-1", roles=("employee",), associations=()):
    return Viewer(person_id="p", company_id=company, roles=frozenset(roles), association_ids=frozenset(associations))


def test_a_draft_mission_of_an_approved_association_can_be_published():
    assert domain.publish(MissionStatus.DRAFT, VettingStatus.APPROVED) is MissionStatus.PUBLISHED


def test_an_association_not_yet_approved_cannot_publish():
    with pytest.raises(domain.DomainError, match="validée par l'équipe Tandem"):
        domain.publish(MissionStatus.DRAFT, VettingStatus.PENDING)


def test_a_published_or_closed_mission_cannot_be_published_again():
    with pytest.raises(domain.DomainError, match="déjà publiée"):
        domain.publish(MissionStatus.PUBLISHED)
    with pytest.raises(domain.DomainError, match="clôturée"):
        domain.publish(MissionStatus.CLOSED)


def test_a_closed_mission_cannot_be_closed_twice():
    assert domain.close(MissionStatus.PUBLISHED) is MissionStatus.CLOSED
    with pytest.raises(domain.DomainError):
        domain.close(MissionStatus.CLOSED)


def test_employees_see_published_missions_open_to_their_company_only():
    assert domain.visible_to("published", True, [], "a-1", viewer())
    assert domain.visible_to("published", False, ["c-1"], "a-1", viewer())
    assert not domain.visible_to("published", False, ["c-2"], "a-1", viewer())
    assert not domain.visible_to("draft", True, [], "a-1", viewer())


def test_referents_see_every_mission_of_their_association_and_operators_all():
    assert domain.visible_to("draft", False, ["c-2"], "a-1", viewer(roles=("association_referent",), associations=("a-1",)))
    assert not domain.visible_to("draft", True, [], "a-2", viewer(roles=("association_referent",), associations=("a-1",)))
    assert domain.visible_to("closed", True, [], "a-9", viewer(roles=("platform_operator",)))


def test_the_overlap_counts_shared_boxes():
    assert domain.overlap_score(["environnement"], ["Informatique / Web"], [], ["environnement", "arts / culture"], ["Informatique / Web"], ["Jardinage"]) == 2


def test_only_referents_and_operators_manage_missions():
    assert domain.may_manage_missions(frozenset({"association_referent"}))
    assert domain.may_manage_missions(frozenset({"platform_operator"}))
    assert not domain.may_manage_missions(frozenset({"employee", "company_admin"}))
