"""The report's use cases: read the read model for one company, year and (optionally) entity, streaming the rows.

Rows are read with a server-side cursor (`yield_per`): the report's sums and the exports never hold all the days of
a company in memory. A person's entity is the one they were in during the report's year (`entity_of_year`), as in the
valuation: someone who moved to another entity since leaves that year's days, and headcount, with the entity they
gave them from.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from tandem_shared.clock import FRANCE

import sqlalchemy as sa

from . import domain
from .models import CompanyCopy, MissionCopy, Participation, ParticipationDay, PersonCopy, PersonEntity, QuizAttemptCopy

BATCH = 1000
ACTIVE = "active"


ALL_COMPANIES = "Toutes les entreprises"


@dataclass(frozen=True)
class Scope:
    """One company's year (and entity); `company_id` None is every company (the platform's operators)."""

    company_id: str | None
    year: int
    entity_id: str | None = None


@dataclass(frozen=True)
class ExportDay:
    """One line of the days export: the report's row plus the names a reader needs."""

    row: domain.DayRow
    person_name: str
    person_email: str
    mission_title: str


@dataclass(frozen=True)
class EntityOfYear:
    """Each person's entity in one civil year, to outer-join on `table.c.person_id`: the last one they were in before
    the year ended, else the first one known (their history began after it). People without history take the one
    their copy says (`entity_id`, `entity_name` choose)."""

    table: sa.Subquery
    entity_id: sa.ColumnElement
    entity_name: sa.ColumnElement


def entity_of_year(year: int) -> EntityOfYear:
    end = datetime(year + 1, 1, 1, tzinfo=FRANCE)  # a civil year ends at midnight in France
    before_end = PersonEntity.since < end
    rank = sa.func.row_number().over(
        partition_by=PersonEntity.person_id,
        # The rows before the year's end first, the latest of them first; else the earliest row after it.
        order_by=(sa.case((before_end, 0), else_=1), sa.case((before_end, PersonEntity.since)).desc(),
                  PersonEntity.since))
    ranked = sa.select(PersonEntity.person_id, PersonEntity.entity_id, PersonEntity.entity_name,
                       rank.label("rank")).subquery("ranked_entities")
    table = sa.select(ranked.c.person_id, ranked.c.entity_id, ranked.c.entity_name).where(ranked.c.rank == 1) \
        .subquery("entity_of_year")
    known = table.c.person_id.is_not(None)
    return EntityOfYear(table=table,
                        entity_id=sa.case((known, table.c.entity_id), else_=PersonCopy.entity_id),
                        entity_name=sa.case((known, table.c.entity_name), else_=PersonCopy.entity_name))


def _people_in_scope(query, scope: Scope, entity: EntityOfYear | None = None):
    """`query` (with `PersonCopy` in it) narrowed to the scope's company and, by the entity of the scope's year, its
    entity; `entity` is joined when given (its columns are selected) or when the scope names an entity."""
    if scope.company_id is None:
        query = query.where(PersonCopy.company_id.is_not(None))
    else:
        query = query.where(PersonCopy.company_id == scope.company_id)
    if entity is None and scope.entity_id:
        entity = entity_of_year(scope.year)
    if entity is not None:
        query = query.outerjoin(entity.table, entity.table.c.person_id == PersonCopy.person_id)
        if scope.entity_id:
            query = query.where(entity.entity_id == scope.entity_id)
    return query


def export_days(session, scope: Scope) -> Iterator[ExportDay]:
    """Every participation day of the year for the company's people, in date order, streamed."""
    entity = entity_of_year(scope.year)
    query = _people_in_scope(
        sa.select(ParticipationDay.day, ParticipationDay.format, ParticipationDay.state, ParticipationDay.end_of_career,
                  Participation.person_id, Participation.mission_id, Participation.mission_title,
                  Participation.association_name, PersonCopy.first_name, PersonCopy.last_name, PersonCopy.email,
                  entity.entity_id.label("entity_id"), entity.entity_name.label("entity_name"), MissionCopy.title, MissionCopy.association_id,
                  MissionCopy.association_name.label("catalog_association_name"), MissionCopy.themes,
                  PersonCopy.company_id, CompanyCopy.name.label("company_name"))
        .join(Participation, Participation.id == ParticipationDay.participation_id)
        .join(PersonCopy, PersonCopy.person_id == Participation.person_id)
        .outerjoin(MissionCopy, MissionCopy.id == Participation.mission_id)
        .outerjoin(CompanyCopy, CompanyCopy.id == PersonCopy.company_id)
        .where(ParticipationDay.day >= date(scope.year, 1, 1), ParticipationDay.day <= date(scope.year, 12, 31)),
        scope, entity,
    ).order_by(ParticipationDay.day, PersonCopy.last_name, PersonCopy.first_name, ParticipationDay.id)
    for r in session.execute(query.execution_options(yield_per=BATCH)):
        yield ExportDay(
            row=domain.DayRow(
                person_id=r.person_id, entity_id=r.entity_id, entity_name=r.entity_name,
                association_id=r.association_id, association_name=r.catalog_association_name or r.association_name,
                mission_id=r.mission_id, themes=tuple(r.themes or ()), day=r.day, format=r.format, state=r.state,
                end_of_career=bool(r.end_of_career), company_id=r.company_id, company_name=r.company_name,
            ),
            person_name=f"{r.first_name} {r.last_name}".strip(),
            person_email=r.email,
            mission_title=r.title or r.mission_title or "",
        )


def participation_rows(session, scope: Scope) -> Iterator[domain.ParticipationRow]:
    query = _people_in_scope(
        sa.select(Participation).join(PersonCopy, PersonCopy.person_id == Participation.person_id)
        .where(Participation.year == scope.year),
        scope,
    )
    for participation in session.scalars(query.execution_options(yield_per=BATCH)):
        yield domain.funnel_row(
            dates_approved=participation.dates_approved_at is not None,
            convention_signed=participation.convention_signed_at is not None,
            presence_attested=participation.attested_at is not None,
            bilan=participation.bilan_at is not None,
            bilan_answers=participation.bilan_answers or {},
        )


def headcount(session, scope: Scope, engaged: set[str] = frozenset()) -> int:
    """The people of the company (or the entity, theirs in the scope's year) active today, plus those `engaged` in the
    year who have left since: a past year's share of people engaged compared the year's engaged with today's active
    people, and went over 100 %."""
    query = _people_in_scope(sa.select(sa.func.count()).select_from(PersonCopy).where(PersonCopy.status == ACTIVE), scope)
    count = session.scalar(query) or 0
    ids = sorted(engaged)
    for start in range(0, len(ids), BATCH):
        count += session.scalar(sa.select(sa.func.count()).select_from(PersonCopy).where(
            PersonCopy.person_id.in_(ids[start:start + BATCH]), PersonCopy.status != ACTIVE)) or 0
    return count


def quiz_figures(session, scope: Scope) -> dict:
    """Who of the company (or entity) answered a quiz during the year, and how many answers (from quiz's events)."""
    start = datetime(scope.year, 1, 1, tzinfo=FRANCE)
    end = datetime(scope.year + 1, 1, 1, tzinfo=FRANCE)
    query = _people_in_scope(
        sa.select(sa.func.count(sa.distinct(QuizAttemptCopy.person_id)), sa.func.count(QuizAttemptCopy.attempt_id))
        .select_from(QuizAttemptCopy).join(PersonCopy, PersonCopy.person_id == QuizAttemptCopy.person_id)
        .where(QuizAttemptCopy.submitted_at >= start, QuizAttemptCopy.submitted_at < end),
        scope,
    )
    people, attempts = session.execute(query).one()
    return {"quiz_participants": people or 0, "quiz_attempts": attempts or 0}


def years_with_activity(session, company_id: str | None) -> list[int]:
    query = (sa.select(sa.distinct(Participation.year)).join(PersonCopy, PersonCopy.person_id == Participation.person_id)
             .where(Participation.year.is_not(None)))
    query = query.where(PersonCopy.company_id == company_id) if company_id else query.where(PersonCopy.company_id.is_not(None))
    return sorted(year for year in session.scalars(query))


def company_heading(session, company_id: str | None) -> tuple[str, list[dict]]:
    if company_id is None:
        return ALL_COMPANIES, []
    company = session.get(CompanyCopy, company_id)
    if company is None:
        return "", []
    return company.name, sorted(company.entities or [], key=lambda e: e["name"])


def report(session, scope: Scope) -> dict:
    accumulator = domain.ReportAccumulator(scope.year)
    for export_day in export_days(session, scope):
        accumulator.add_day(export_day.row)
    for participation in participation_rows(session, scope):
        accumulator.add_participation(participation)
    name, entities = company_heading(session, scope.company_id)
    years = sorted(set(years_with_activity(session, scope.company_id)) | {scope.year})
    return {
        "company_id": scope.company_id,
        "company_name": name,
        "entity_id": scope.entity_id,
        "entities": entities,
        "years": years,
        **accumulator.result(headcount(session, scope, accumulator.engaged)),
        **quiz_figures(session, scope),
    }


def companies(session) -> list[dict]:
    return [{"id": c.id, "name": c.name} for c in session.scalars(sa.select(CompanyCopy).order_by(CompanyCopy.name))]
