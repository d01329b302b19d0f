"""Catalog rules, free of Flask, SQLAlchemy and the bus: who manages what, what a mission may become,
who may see it, and how well it suits a person."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class DomainError(Exception):
    """A rule refused the action; the message is shown to the user as is (French)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class MissionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class VettingStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


def publish(status: MissionStatus, association_vetting: VettingStatus = VettingStatus.APPROVED) -> MissionStatus:
    if status is MissionStatus.PUBLISHED:
        raise DomainError("Cette mission est déjà publiée.")
    if status is MissionStatus.CLOSED:
        raise DomainError("Une mission clôturée ne peut pas être republiée.")
    if association_vetting is not VettingStatus.APPROVED:
        raise DomainError("L'association doit être validée par l'équipe Tandem avant de publier une mission.")
    return MissionStatus.PUBLISHED


# « Toutes les informations pratiques de la mission sont sur cette fiche » (the guide): what a published mission says.
MIN_DESCRIPTION = 30


def publication_gaps(*, description: str | None, themes: list[str], professional_expertises: list[str],
                     personal_expertises: list[str], all_jobs: bool) -> dict[str, str]:
    """What a mission lacks before employees can find it and choose it (field: the reason); a draft may lack them."""
    gaps = {}
    if len((description or "").strip()) < MIN_DESCRIPTION:
        gaps["description"] = (f"Décris la mission en quelques phrases (au moins {MIN_DESCRIPTION} caractères) : c'est ce que "
                               "les collaborateurs lisent pour se décider.")
    if not themes:
        gaps["themes"] = "Choisis au moins une thématique : c'est ainsi que les collaborateurs trouvent la mission."
    if not (professional_expertises or personal_expertises or all_jobs):
        gaps["professional_expertises"] = "Indique au moins une expertise recherchée, ou coche « Tous types de métiers ! »."
    return gaps


def close(status: MissionStatus) -> MissionStatus:
    if status is MissionStatus.CLOSED:
        raise DomainError("Cette mission est déjà clôturée.")
    return MissionStatus.CLOSED


def may_manage_missions(roles: frozenset[str]) -> bool:
    """Association referents and platform operators create and publish missions."""
    return bool(roles & {"association_referent", "platform_operator"})


@dataclass(frozen=True)
class Viewer:
    """Who looks at the catalogue: their company decides which missions they see."""

    person_id: str
    company_id: str | None
    roles: frozenset[str]
    association_ids: frozenset[str]

    @property
    def is_operator(self) -> bool:
        return "platform_operator" in self.roles

    def manages(self, association_id: str) -> bool:
        return self.is_operator or association_id in self.association_ids


def visible_to(status: str, open_to_all: bool, company_ids: Iterable[str], association_id: str, viewer: Viewer) -> bool:
    """Published missions open to the viewer's company; the association's referents and operators see all of theirs."""
    if viewer.manages(association_id):
        return True
    if status != MissionStatus.PUBLISHED:
        return False
    return open_to_all or (viewer.company_id is not None and viewer.company_id in set(company_ids))


def check_choices(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    allowed = list(allowed)
    values = list(values)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise DomainError(f"Choix inconnu : {', '.join(unknown)}.", field=field)
    return [value for value in allowed if value in set(values)]


def overlap_score(mission_themes, mission_pro, mission_perso, pref_themes, pref_pro, pref_perso) -> int:
    """How many of the person's ticked boxes the mission shares: the first key of "Ces missions sont pour toi"."""
    return len(set(mission_themes) & set(pref_themes)) + len(set(mission_pro) & set(pref_pro)) + len(set(mission_perso) & set(pref_perso))
