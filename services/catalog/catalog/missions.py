"""Missions (use cases): « Je trouve », creating and editing a mission, publishing and closing it, « Ces missions sont
pour toi »."""
from __future__ import annotations

import uuid

from flask_smorest import abort

from tandem_shared.paging import page_of_list
from tandem_shared.timeutil import utcnow

from . import domain, events, search, spotlights, taxonomy
from .access import domain_conflict, field_error, public_url, readable_spotlight
from .models import Association, Mission, MissionCompany, PreferencesCopy

EDITABLE = ("title", "description", "format", "duration", "address", "city", "department", "remote_possible", "places",
            "all_jobs", "open_to_all_companies", "contact_name", "contact_email", "contact_phone")
CHOICES = (("themes", taxonomy.THEMES), ("professional_expertises", taxonomy.PROFESSIONAL_EXPERTISES),
           ("personal_expertises", taxonomy.PERSONAL_EXPERTISES))


def _apply_mission(mission: Mission, payload: dict) -> None:
    for key in EDITABLE:
        if key in payload:
            setattr(mission, key, payload[key].strip() if isinstance(payload[key], str) else payload[key])
    for key, allowed in CHOICES:
        if key in payload:
            setattr(mission, key, domain.check_choices(payload[key], allowed, key))
    if "company_ids" in payload:
        mission.companies = [MissionCompany(company_id=company_id) for company_id in sorted(set(payload["company_ids"]))]
    if not mission.open_to_all_companies and not mission.companies:
        raise domain.DomainError("Choisis au moins une entreprise, ou ouvre la mission à toutes.", field="company_ids")
    mission.region = taxonomy.region_of_department(mission.department)


def apply_changes(mission: Mission, payload: dict) -> None:
    """The payload's fields on the mission (422 on the field at fault)."""
    try:
        _apply_mission(mission, payload)
    except domain.DomainError as exc:
        field_error(exc.field, str(exc))


def create(uow, who: domain.Viewer, payload: dict) -> Mission:
    """A draft for one of the referent's associations, or published at once with `publish`."""
    if not domain.may_manage_missions(who.roles):
        abort(403, message="Seuls les référents d'association peuvent créer une mission.")
    association = uow.session.get(Association, payload["association_id"])
    if association is None or not who.manages(association.id):
        abort(403, message="Tu ne peux créer des missions que pour ton association.")
    now = utcnow()
    mission = Mission(id=str(uuid.uuid4()), association_id=association.id, association=association, status=domain.MissionStatus.DRAFT,
                      themes=[], professional_expertises=[], personal_expertises=[], created_by=who.person_id,
                      created_at=now, updated_at=now)
    apply_changes(mission, payload)
    uow.session.add(mission)
    if payload["publish"]:
        publish(uow, mission)
    return mission


def update(uow, who: domain.Viewer, mission: Mission, payload: dict) -> None:
    """A published mission announces the update."""
    if not who.manages(mission.association_id):
        abort(403, message="Tu ne peux modifier que les missions de ton association.")
    if mission.status == domain.MissionStatus.CLOSED:
        abort(409, message="Une mission clôturée ne se modifie plus.")
    apply_changes(mission, payload)
    if mission.status == domain.MissionStatus.PUBLISHED:
        _check_publishable(mission)
    mission.updated_at = utcnow()
    uow.session.flush()
    if mission.status == domain.MissionStatus.PUBLISHED:
        events.mission_changed(uow, events.MISSION_UPDATED, mission, public_url())


def _check_publishable(mission: Mission) -> None:
    """422, each missing field with its reason: nothing is published, nor changed, half said."""
    gaps = domain.publication_gaps(description=mission.description, themes=mission.themes,
                                   professional_expertises=mission.professional_expertises,
                                   personal_expertises=mission.personal_expertises, all_jobs=mission.all_jobs)
    if gaps:
        abort(422, message="Pour être en ligne, la mission doit être complète : vérifie les champs signalés.",
              errors={field: [reason] for field, reason in gaps.items()})


def publish(uow, mission: Mission) -> None:
    _check_publishable(mission)
    try:
        mission.status = domain.publish(domain.MissionStatus(mission.status), domain.VettingStatus(mission.association.vetting_status))
    except domain.DomainError as exc:
        domain_conflict(exc)
    mission.published_at = mission.updated_at = utcnow()
    uow.session.flush()
    events.mission_changed(uow, events.MISSION_PUBLISHED, mission, public_url())


def close(uow, mission: Mission) -> None:
    """It leaves the search; participations under way go on."""
    try:
        mission.status = domain.close(domain.MissionStatus(mission.status))
    except domain.DomainError as exc:
        domain_conflict(exc)
    mission.closed_at = mission.updated_at = utcnow()
    uow.session.flush()
    events.mission_changed(uow, events.MISSION_CLOSED, mission, public_url())


def find(session, viewer: domain.Viewer, args: dict) -> dict:
    """« Je trouve » (`args`: `schemas.SearchArgsSchema`'s): the page of cards, the total, the counts per filter value
    (the association filter's by id, named by `associations.approved_names`), and the cause of l'actu solidaire asked
    for, if any (404 when the viewer may not read it)."""
    spotlight = readable_spotlight(session, viewer, args["spotlight"]) if args["spotlight"] else None
    filters = search.Filters(q=args["q"], linked_to=spotlights.link_of(spotlight) if spotlight else None,
                             **{facet: tuple(args[facet]) for facet in search.FACETS})
    items, total, facets = search.search_missions(session, viewer, filters, args["page"], args["per_page"])
    return {"items": items, "total": total, "facets": facets, "spotlight": spotlight}


def for_me(session, viewer: domain.Viewer, paging: dict) -> tuple[list[Mission], int]:
    """« Ces missions sont pour toi »: the page asked for (`paging`: page, per_page), loaded for cards, and the total.
    PostgreSQL ranks in the database; SQLite (the embedded mode's few missions) in Python, the same order."""
    preferences = session.get(PreferencesCopy, viewer.person_id)
    ranked = search.missions_for(session, viewer, ticked(preferences), paging["page"], paging["per_page"])
    if ranked is not None:
        return ranked
    candidates = session.scalars(search.visible_missions(session, viewer).options(*search.CARD_LOADING)).all()
    return page_of_list(ranked_for(preferences, list(candidates)), paging)


def ticked(preferences: PreferencesCopy | None) -> dict[str, list[str]] | None:
    """The person's ticked boxes by search facet (what `search.missions_for` ranks with); None without any."""
    if preferences is None:
        return None
    return {"theme": list(preferences.themes), "professional_expertise": list(preferences.professional_expertises),
            "personal_expertise": list(preferences.personal_expertises)}


def ranked_for(preferences: PreferencesCopy | None, candidates: list[Mission]) -> list[Mission]:
    """Closest to the person's preferences first, then the latest published."""
    if preferences is None:
        return sorted(candidates, key=lambda m: (-(m.published_at.timestamp()), m.id))

    def key(m: Mission):
        score = domain.overlap_score(m.themes, m.professional_expertises, m.personal_expertises,
                                     preferences.themes, preferences.professional_expertises, preferences.personal_expertises)
        return (-score, -(m.published_at.timestamp()), m.id)
    return sorted(candidates, key=key)
