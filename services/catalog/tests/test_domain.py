"""Catalog's pure rules."""
import pytest

from catalog import domain
from catalog.domain import MissionStatus


def test_a_draft_mission_can_be_published():
    assert domain.publish(MissionStatus.DRAFT) is MissionStatus.PUBLISHED


def test_a_published_mission_cannot_be_published_again():
    with pytest.raises(domain.DomainError, match="déjà publiée"):
        domain.publish(MissionStatus.PUBLISHED)


def test_a_closed_mission_cannot_be_republished():
    with pytest.raises(domain.DomainError, match="clôturée"):
        domain.publish(MissionStatus.CLOSED)


def test_only_referents_and_operators_manage_missions():
    assert domain.may_manage_missions(frozenset({"association_referent"}))
    assert domain.may_manage_missions(frozenset({"platform_operator"}))
    assert not domain.may_manage_missions(frozenset({"employee", "company_admin"}))
