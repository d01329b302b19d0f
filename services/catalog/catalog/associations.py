"""Associations (use cases): the directory with its facets, registering, editing and vetting an association."""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.paging import page_of_query
from tandem_shared.timeutil import utcnow

from . import domain, events, taxonomy
from .access import field_error
from .models import Association
from .text import fold

EDITABLE = ("name", "rna", "siren", "address", "city", "department", "website", "contact_email", "description",
            "representative_name", "representative_title", "general_interest_category")


def approved_names(session) -> dict[str, str]:
    """Every approved association's name by id: two short columns, one query (what the search's association filter,
    which counts by id, shows)."""
    query = sa.select(Association.id, Association.name).where(Association.vetting_status == domain.VettingStatus.APPROVED)
    return dict(session.execute(query).tuples().all())


def directory(session, args: dict) -> dict:
    """One page of the approved associations that match, by name, with counts per theme and per region.

    A keyword matches an association when it begins one of its words (name, description, city, themes), accents and
    case ignored; every keyword must match. A facet counts with every filter but its own. All in SQL, on the columns
    the ORM keeps for it (`models._directory_columns`)."""
    words = [fold(w) for w in (args["q"] or "").split() if len(w) >= 2]

    def matching(skip: str | None = None) -> list:
        conditions = [Association.vetting_status == domain.VettingStatus.APPROVED]
        conditions += [Association.directory_text.contains(" " + word, autoescape=True) for word in words]
        if skip != "theme" and args["theme"]:
            themes = _themes_of(session)
            conditions.append(sa.exists(sa.select(1).select_from(themes).where(themes.c.value.in_(args["theme"]))))
        if skip != "region" and args["region"]:
            conditions.append(Association.region.in_(args["region"]))
        return conditions

    themes = _themes_of(session)
    theme_counts = session.execute(
        sa.select(themes.c.value, sa.func.count()).select_from(Association).join(themes, sa.true())
        .where(*matching("theme")).group_by(themes.c.value)
    ).tuples().all()
    region_counts = session.execute(
        sa.select(Association.region, sa.func.count()).where(*matching("region")).group_by(Association.region)
    ).tuples().all()
    page, total = page_of_query(session, sa.select(Association).where(*matching()), args, _name_order(session), Association.id)
    return {"items": page, "total": total, "facets": {"theme": dict(theme_counts), "region": dict(region_counts)}}


def _themes_of(session):
    """An association's themes (a JSON list) as rows with a `value` column, for a join or an EXISTS."""
    unnest = sa.func.json_array_elements_text if session.get_bind().dialect.name == "postgresql" else sa.func.json_each
    return unnest(Association.themes).table_valued("value")


def _name_order(session):
    """By folded name, code point by code point on both databases (PostgreSQL's own collation ignores spaces)."""
    return Association.folded_name.collate("C") if session.get_bind().dialect.name == "postgresql" else Association.folded_name


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
