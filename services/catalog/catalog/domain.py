"""Catalog rules, free of Flask, SQLAlchemy and the bus: what a mission may become."""
from __future__ import annotations

from enum import StrEnum


class DomainError(Exception):
    """A rule refused the action; the message is shown to the user as is (French)."""


class MissionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


def publish(status: MissionStatus) -> MissionStatus:
    if status is MissionStatus.PUBLISHED:
        raise DomainError("Cette mission est déjà publiée.")
    if status is MissionStatus.CLOSED:
        raise DomainError("Une mission clôturée ne peut pas être republiée.")
    return MissionStatus.PUBLISHED


def may_manage_missions(roles: frozenset[str]) -> bool:
    """Association referents and platform operators create and publish missions."""
    return bool(roles & {"association_referent", "platform_operator"})
