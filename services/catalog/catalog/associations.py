"""Associations (use cases): the directory with its facets, registering, editing and vetting an association."""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.paging import page_of_list
from tandem_shared.timeutil import utcnow

from . import domain, events, taxonomy
from .access import field_error
from .models import Association
from .search import fold

EDITABLE = ("name", "rna", "siren", "address", "city", "department", "website", "contact_email", "description",
            "representative_name", "representative_title", "general_interest_category")


def _matches(association: Association, args: dict, words: list[str], skip: str | None) -> bool:
    """Whether the association passes the keywords and every filter but `skip` (a facet counts without its own filter)."""
    if words:
        text = fold(" ".join([association.name, association.description, association.city, " ".join(association.themes)])).split()
        if not all(any(token.startswith(w) for token in text) for w in words):
            return False
    if skip != "theme" and args["theme"] and not set(args["theme"]) & set(association.themes):
        return False
    if skip != "region" and args["region"] and association.region not in args["region"]:
        return False
    return True


def approved_names(session) -> dict[str, str]:
    """Every approved association's name by id: two short columns, one query (what the search's association filter,
    which counts by id, shows)."""
    query = sa.select(Association.id, Association.name).where(Association.vetting_status == domain.VettingStatus.APPROVED)
    return dict(session.execute(query).tuples().all())


def directory(approved: list[Association], args: dict) -> dict:
    """One page of the approved associations that match, by name, with counts per theme and per region."""
    words = [fold(w) for w in (args["q"] or "").split() if len(w) >= 2]
    facets = {"theme": {}, "region": {}}
    for facet in facets:
        for association in approved:
            if _matches(association, args, words, facet):
                for value in (association.themes if facet == "theme" else [association.region]):
                    facets[facet][value] = facets[facet].get(value, 0) + 1
    selected = sorted((a for a in approved if _matches(a, args, words, None)), key=lambda a: fold(a.name))
    page, total = page_of_list(selected, args)
    return {"items": page, "total": total, "facets": facets}


def apply_changes(association: Association, payload: dict) -> None:
    """The payload's fields on the association (422 on a theme outside the list)."""
    try:
        for key in EDITABLE:
            if key in payload:
                setattr(association, key, payload[key].strip() if isinstance(payload[key], str) else payload[key])
        if "themes" in payload:
            association.themes = domain.check_choices(payload["themes"], taxonomy.THEMES, "themes")
        association.region = taxonomy.region_of_department(association.department)
    except domain.DomainError as exc:
        field_error(exc.field, str(exc))


def unique_identifiers(session, association: Association) -> None:
    for column, label in (("rna", "Ce numéro RNA"), ("siren", "Ce SIREN")):
        value = getattr(association, column)
        # No autoflush: a changed association would otherwise be written (and hit the unique index) before the check.
        with session.no_autoflush:
            taken = value and session.scalar(sa.select(Association.id).where(getattr(Association, column) == value, Association.id != association.id))
        if taken:
            abort(409, message=f"{label} est déjà celui d'une autre association.")


def new_association(payload: dict) -> Association:
    """Checked before any transaction; it then waits for vetting."""
    now = utcnow()
    association = Association(id=str(uuid.uuid4()), vetting_status=domain.VettingStatus.PENDING, themes=[], created_at=now, updated_at=now)
    apply_changes(association, payload)
    return association


def register(uow, association: Association) -> None:
    unique_identifiers(uow.session, association)
    uow.session.add(association)
    uow.session.flush()
    events.association_changed(uow, events.ASSOCIATION_REGISTERED, association)


def update(uow, association: Association, payload: dict) -> None:
    apply_changes(association, payload)
    unique_identifiers(uow.session, association)
    association.updated_at = utcnow()
    events.association_changed(uow, events.ASSOCIATION_UPDATED, association)


def vet(uow, association_id: str, decision: str, vetted_by: str) -> Association:
    """Only an approved association publishes missions."""
    association = uow.session.get(Association, association_id, with_for_update=True)
    if association is None:
        abort(404, message="Cette association n'existe pas.")
    association.vetting_status = decision
    association.vetted_at = association.updated_at = utcnow()
    association.vetted_by = vetted_by
    kind = events.ASSOCIATION_APPROVED if decision == "approved" else events.ASSOCIATION_UPDATED
    events.association_changed(uow, kind, association)
    return association
