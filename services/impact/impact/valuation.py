"""The valuation of donated time for a company and a year (article 238 bis CGI), from the days attested present.

A person's day is valued from their pay record of that year (domain.day_value); without one, at their entity's
default daily cost; without either, it is counted as « sans valeur » and listed so the admin can complete it.
Days are counted by the day's own date (a half day is 0.5). The reduction, ceiling and carry-forward follow
domain.year_reduction over the five years before, each valued the same way; excess from years before impact's data
comes from the valuation settings (`prior_excess`).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from tandem_shared import french
from tandem_shared.timeutil import utcnow

from . import domain, rates, reporting
from .models import (
    AssociationCopy, CompanyCopy, EntityDailyCost, MissionCopy, Participation, ParticipationDay, PayRecord, PersonCopy,
    ValuationSettings,
)

PAY = "pay"
ENTITY_DEFAULT = "entity_default"
MISSING = "missing"
SOURCE_LABELS = {PAY: "rémunération importée", ENTITY_DEFAULT: "coût journalier de l'entité", MISSING: "à compléter"}


class UnknownYear(LookupError):
    def __init__(self, year: int):
        super().__init__(year)
        self.year = year
        self.message = (f"Le plafond annuel de la sécurité sociale de {year} n'est pas encore connu de Tandem : "
                        f"la valorisation de {year} n'est pas possible (années connues : "
                        f"{', '.join(str(y) for y in rates.known_years())}).")


def settings_of(session, company_id: str, year: int) -> ValuationSettings | None:
    return session.get(ValuationSettings, (company_id, year))


def settings_view(settings: ValuationSettings | None, company_id: str, year: int) -> dict:
    if settings is None:
        return {"company_id": company_id, "year": year, "turnover_excl_tax": None, "prior_excess": [],
                "exception_association_ids": []}
    return {"company_id": company_id, "year": year,
            "turnover_excl_tax": float(settings.turnover_excl_tax) if settings.turnover_excl_tax is not None else None,
            "prior_excess": [{"year": e["year"], "amount": float(e["amount"])} for e in settings.prior_excess],
            "exception_association_ids": list(settings.exception_association_ids)}


def save_settings(session, company_id: str, year: int, payload: dict, actor_id: str) -> ValuationSettings:
    settings = settings_of(session, company_id, year)
    if settings is None:
        settings = ValuationSettings(company_id=company_id, year=year)
        session.add(settings)
    turnover = payload.get("turnover_excl_tax")
    settings.turnover_excl_tax = Decimal(str(turnover)) if turnover is not None else None
    settings.prior_excess = [{"year": e["year"], "amount": str(Decimal(str(e["amount"])))} for e in payload.get("prior_excess", [])]
    settings.exception_association_ids = sorted(set(payload.get("exception_association_ids", [])))
    settings.updated_by, settings.updated_at = actor_id, utcnow()
    return settings


def costs_in_force(session, company_id: str, year: int) -> dict[str, EntityDailyCost]:
    """Each entity's default daily cost for `year`: the one set for that year, else the latest set for a year before,
    else the earliest set for a year after (a company that set a single cost values every year with it)."""
    by_entity: dict[str, list[EntityDailyCost]] = defaultdict(list)
    for cost in session.scalars(sa.select(EntityDailyCost).where(EntityDailyCost.company_id == company_id)
                                .order_by(EntityDailyCost.year)):
        by_entity[cost.entity_id].append(cost)
    chosen = {}
    for entity_id, costs in by_entity.items():
        up_to_year = [cost for cost in costs if cost.year <= year]
        chosen[entity_id] = up_to_year[-1] if up_to_year else costs[0]
    return chosen


def _done_days(session, company_id: str, year: int):
    """(person, association id, association name, days) for the year's days attested present."""
    query = (
        sa.select(Participation.person_id, MissionCopy.association_id, MissionCopy.association_name,
                  Participation.association_name.label("event_association_name"), ParticipationDay.format)
        .join(Participation, Participation.id == ParticipationDay.participation_id)
        .join(PersonCopy, PersonCopy.person_id == Participation.person_id)
        .outerjoin(MissionCopy, MissionCopy.id == Participation.mission_id)
        .where(PersonCopy.company_id == company_id, ParticipationDay.state.in_(domain.DONE_STATES),
               ParticipationDay.day >= date(year, 1, 1), ParticipationDay.day <= date(year, 12, 31))
    )
    days: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    names: dict[str, str] = {}
    for row in session.execute(query.execution_options(yield_per=1000)):
        name = row.association_name or row.event_association_name or "Association inconnue"
        key = row.association_id or f"nom:{name}"
        names[key] = name
        days[(row.person_id, key)] += domain.day_count(row.format)
    return days, names


def _year_figures(session, company_id: str, year: int, year_rates: domain.YearRates, exceptions: set[str]):
    days, association_names = _done_days(session, company_id, year)
    person_ids = sorted({person for person, _ in days})
    # The entity of that year, not today's: a move since changes neither the cost used nor the name shown.
    entity = reporting.entity_of_year(year)
    people, entities = {}, {}
    for person, entity_id, entity_name in session.execute(
            sa.select(PersonCopy, entity.entity_id, entity.entity_name)
            .outerjoin(entity.table, entity.table.c.person_id == PersonCopy.person_id)
            .where(PersonCopy.person_id.in_(person_ids))):
        people[person.person_id] = person
        entities[person.person_id] = (entity_id, entity_name)
    pay = {r.person_id: r for r in session.scalars(
        sa.select(PayRecord).where(PayRecord.company_id == company_id, PayRecord.year == year,
                                   PayRecord.person_id.in_(person_ids)))}
    entity_costs = {entity_id: cost.daily_cost for entity_id, cost in costs_in_force(session, company_id, year).items()}
    day_values: dict[str, tuple[Decimal, str]] = {}
    for person_id in person_ids:
        record = pay.get(person_id)
        entity_id = entities.get(person_id, (None, None))[0]
        if record is not None:
            value = domain.day_value(year_rates, record.annual_gross_pay, record.employer_charge_rate, record.employed_from)
            day_values[person_id] = (value, PAY)
        elif entity_id in entity_costs:
            day_values[person_id] = (domain.money(entity_costs[entity_id]), ENTITY_DEFAULT)
        else:
            day_values[person_id] = (Decimal("0"), MISSING)
    per_person: dict[str, dict] = {}
    per_association: dict[str, dict] = {}
    for (person_id, association_key), count in sorted(days.items()):
        value, source = day_values[person_id]
        amount = domain.money(value * count)
        person = people.get(person_id)
        entry = per_person.setdefault(person_id, {
            "person_id": person_id,
            "name": f"{person.first_name} {person.last_name}".strip() if person else "",
            "entity_name": entities.get(person_id, (None, None))[1],
            "days": Decimal("0"), "day_value": value, "value": Decimal("0"), "source": source,
        })
        entry["days"] += count
        entry["value"] += amount
        association = per_association.setdefault(association_key, {
            "association_id": association_key, "name": association_names[association_key],
            "days": Decimal("0"), "value": Decimal("0"), "exception": association_key in exceptions,
        })
        association["days"] += count
        association["value"] += amount
    ordinary = sum((a["value"] for a in per_association.values() if not a["exception"]), Decimal("0"))
    exception = sum((a["value"] for a in per_association.values() if a["exception"]), Decimal("0"))
    return per_person, per_association, ordinary, exception


def _rates_for(year: int) -> domain.YearRates:
    try:
        return rates.rates_for(year)
    except rates.UnknownYear:
        raise UnknownYear(year) from None


def values_by_association(session, company_id: str, year: int) -> tuple[list[dict], list[dict]]:
    """The year's value per association and per person, as `valuation_for` gives them, without the reduction and the
    years before it needs: what a receipt's amount is read from."""
    per_person, per_association, _, _ = _year_figures(session, company_id, year, _rates_for(year), set())
    return list(per_association.values()), list(per_person.values())


def valuation_for(session, company_id: str, year: int) -> dict:
    """The valuation report of a year, as the API, the XLSX and the PDF give it."""
    year_rates = _rates_for(year)
    settings = settings_of(session, company_id, year)
    exceptions = set(settings.exception_association_ids) if settings else set()
    carried = [domain.Excess(int(e["year"]), Decimal(str(e["amount"]))) for e in (settings.prior_excess if settings else [])
               if int(e["year"]) < year]
    # The five years before, valued the same way, carry their excess into this one.
    for earlier in range(year - year_rates.carry_forward_years, year):
        if earlier not in rates.known_years():
            continue
        earlier_settings = settings_of(session, company_id, earlier)
        earlier_rates = rates.rates_for(earlier)
        _, _, ordinary, exception = _year_figures(
            session, company_id, earlier, earlier_rates,
            set(earlier_settings.exception_association_ids) if earlier_settings else set())
        if ordinary or exception:
            carried = list(domain.year_reduction(
                earlier_rates, ordinary, exception,
                earlier_settings.turnover_excl_tax if earlier_settings else None, carried).carried_left)
    per_person, per_association, ordinary, exception = _year_figures(session, company_id, year, year_rates, exceptions)
    turnover = settings.turnover_excl_tax if settings else None
    reduction = domain.year_reduction(year_rates, ordinary, exception, turnover, carried)
    associations = {a.id: a for a in session.scalars(
        sa.select(AssociationCopy).where(AssociationCopy.id.in_(list(per_association))))}
    company = session.get(CompanyCopy, company_id)
    association_rows = []
    for key, entry in sorted(per_association.items(), key=lambda item: (-item[1]["value"], item[1]["name"])):
        copy = associations.get(key)
        association_rows.append({
            **entry,
            "days": float(entry["days"]), "value": float(entry["value"]),
            "siren": copy.siren if copy else None, "rna": copy.rna if copy else None,
            "address": french.postal_address(copy.address, copy.city) if copy else "",
            "above_declaration_threshold": entry["value"] > year_rates.beneficiary_declaration_threshold,
        })
    people_rows = [{**p, "days": float(p["days"]), "day_value": float(p["day_value"]), "value": float(p["value"]),
                    "source_label": SOURCE_LABELS[p["source"]]}
                   for p in sorted(per_person.values(), key=lambda p: p["name"])]
    return {
        "company_id": company_id,
        "company_name": company.name if company else "",
        "company_siren": company.siren if company else "",
        "year": year,
        "pass_amount": float(year_rates.pass_amount),
        "pay_cap": float(year_rates.pay_cap_multiple * year_rates.pass_amount),
        "working_days": year_rates.working_days,
        "sources": rates.sources(year),
        "turnover_excl_tax": float(turnover) if turnover is not None else None,
        "people": people_rows,
        "people_without_value": sum(1 for p in people_rows if p["source"] == MISSING),
        "associations": association_rows,
        "beneficiaries_above_threshold": [a for a in association_rows if a["above_declaration_threshold"]],
        "declaration_threshold": float(year_rates.beneficiary_declaration_threshold),
        "total_days": float(sum((p["days"] for p in per_person.values()), Decimal("0"))),
        "total_value": float(ordinary + exception),
        "reduction": {
            "ceiling": float(reduction.ceiling),
            "within_ceiling": float(reduction.within_ceiling),
            "excess": float(reduction.excess),
            "carry_forward_used": float(reduction.carry_forward_used),
            "base_at_rate": float(reduction.base_at_rate),
            "base_at_reduced_rate": float(reduction.base_at_reduced_rate),
            "rate": float(year_rates.rate),
            "reduced_rate": float(year_rates.reduced_rate),
            "reduction": float(reduction.reduction),
            "carried_left": [{"year": e.year, "amount": float(e.amount),
                              "usable_until": e.year + year_rates.carry_forward_years} for e in reduction.carried_left],
            "expired": [{"year": e.year, "amount": float(e.amount)} for e in reduction.expired],
        },
    }
