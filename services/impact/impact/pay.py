"""Pay data, which only impact holds: the « données de rémunération » permission, the CSV import, the default daily
cost per entity, and the audit of every read, import and grant.

Amounts never go to a log, an event or an export other than the valuation's own; the audit says who did what, when,
and how many rows, never the figures.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa

from tandem_shared.french import count_of
from tandem_shared.timeutil import utcnow

from . import domain, rates, valuation
from .models import EntityDailyCost, PayAudit, PayPermission, PayRecord, PersonCopy

MAX_ROWS = 100_000
MAX_BYTES = 10 * 1024 * 1024
EMAIL = "email"
GROSS_PAY = "salaire_brut_annuel"
CHARGE_RATE = "taux_charges_patronales"
EMPLOYED_FROM = "date_entree"
REQUIRED_COLUMNS = (EMAIL, GROSS_PAY, CHARGE_RATE)


class PayImportError(Exception):
    """The file is refused as a whole; each message names its line (the header is line 1)."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def audit(session, company_id: str, actor_id: str, action: str, detail: str, at: datetime | None = None) -> None:
    session.add(PayAudit(company_id=company_id, actor_id=actor_id, action=action, detail=detail[:500], at=at or utcnow()))


def audit_trail(session, company_id: str, limit: int = 200) -> list[PayAudit]:
    return list(session.scalars(sa.select(PayAudit).where(PayAudit.company_id == company_id)
                                .order_by(PayAudit.at.desc(), PayAudit.id.desc()).limit(limit)))


# -- the permission ---------------------------------------------------------------------------------------------------


def holders(session, company_id: str) -> list[dict]:
    rows = session.execute(
        sa.select(PayPermission, PersonCopy).outerjoin(PersonCopy, PersonCopy.person_id == PayPermission.person_id)
        .where(PayPermission.company_id == company_id).order_by(PayPermission.granted_at)
    ).all()
    return [holder_view(permission, person) for permission, person in rows]


def holder_view(permission: PayPermission, person: PersonCopy | None) -> dict:
    return {
        "person_id": permission.person_id,
        "name": f"{person.first_name} {person.last_name}".strip() if person else "",
        "email": person.email if person else "",
        "granted_by": permission.granted_by,
        "granted_at": permission.granted_at,
    }


def grant(session, company_id: str, person: PersonCopy, granted_by: str) -> dict:
    permission = session.get(PayPermission, (company_id, person.person_id))
    if permission is None:
        permission = PayPermission(company_id=company_id, person_id=person.person_id, granted_by=granted_by, granted_at=utcnow())
        session.add(permission)
        audit(session, company_id, granted_by, "permission_granted", f"permission donnée à {person.person_id}")
    return holder_view(permission, person)


def revoke(session, company_id: str, person_id: str, revoked_by: str) -> bool:
    permission = session.get(PayPermission, (company_id, person_id))
    if permission is None:
        return False
    session.delete(permission)
    audit(session, company_id, revoked_by, "permission_revoked", f"permission retirée à {person_id}")
    return True


# -- the CSV import ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayLine:
    person_id: str
    annual_gross_pay: Decimal
    employer_charge_rate: Decimal
    employed_from: date | None


def parse_amount(text: str) -> Decimal:
    """« 45 000,50 », « 45000.5 », « 45 000 € »: spaces (also non-breaking) and the euro sign are ignored."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
    if not cleaned:
        raise ValueError("vide")
    value = Decimal(cleaned)
    if not value.is_finite():
        raise ValueError("pas un nombre")
    return value


def parse_rate(text: str) -> Decimal:
    """« 45 % », « 45 », « 0,45 »: with a % sign or above 1.5 it is a percentage, otherwise a fraction."""
    percent = "%" in text
    value = parse_amount(text.replace("%", ""))
    if percent or value > Decimal("1.5"):
        value = value / Decimal(100)
    return value


def parse_date(text: str) -> date:
    """« 15/03/2026 » or « 2026-03-15 »."""
    text = text.strip()
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    return date.fromisoformat(text)


def _reader(text: str) -> csv.DictReader:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def parse_pay_csv(text: str, people_by_email: dict[str, str], year: int) -> list[PayLine]:
    """Every line checked; any error refuses the whole file, each error reported with its line number."""
    text = text.lstrip("\ufeff")
    reader = _reader(text)
    columns = {(name or "").strip().lower(): name for name in (reader.fieldnames or [])}
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise PayImportError([f"Ligne 1 : il manque la colonne {', '.join(missing)} (colonnes attendues : "
                              f"{';'.join(REQUIRED_COLUMNS)}, et {EMPLOYED_FROM} si besoin)."])
    rate_rules = rates.rates_for(year) if year in rates.known_years() else None
    errors: list[str] = []
    lines: list[PayLine] = []
    seen: dict[str, int] = {}
    for row in reader:
        number = reader.line_num
        if number - 1 > MAX_ROWS:
            raise PayImportError([f"Le fichier dépasse {MAX_ROWS} lignes : découpe-le."])
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        value = lambda column: (row.get(columns.get(column, "")) or "").strip()  # noqa: E731
        problems = []
        email = value(EMAIL).lower()
        person_id = people_by_email.get(email)
        if not email:
            problems.append("l'e-mail est vide")
        elif person_id is None:
            problems.append(f"aucun collaborateur de l'entreprise n'a l'e-mail {email}")
        elif email in seen:
            problems.append(f"{email} est déjà à la ligne {seen[email]}")
        else:
            seen[email] = number
        gross = rate = None
        try:
            gross = parse_amount(value(GROSS_PAY))
            if gross < 0:
                problems.append("le salaire brut annuel ne peut pas être négatif")
        except (ValueError, InvalidOperation):
            problems.append(f"le salaire brut annuel « {value(GROSS_PAY)} » n'est pas un montant")
        try:
            rate = parse_rate(value(CHARGE_RATE))
            if not Decimal("0") <= rate <= Decimal("1.5"):
                problems.append("le taux de charges patronales doit être compris entre 0 et 150 %")
        except (ValueError, InvalidOperation):
            problems.append(f"le taux de charges patronales « {value(CHARGE_RATE)} » n'est pas un nombre")
        employed_from = None
        if value(EMPLOYED_FROM):
            try:
                employed_from = parse_date(value(EMPLOYED_FROM))
                if employed_from.year > year:
                    problems.append(f"la date d'entrée est après l'année {year}")
            except ValueError:
                problems.append(f"la date d'entrée « {value(EMPLOYED_FROM)} » n'est pas une date (JJ/MM/AAAA)")
        if not problems and rate_rules is not None:
            try:
                domain.day_value(rate_rules, gross, rate, employed_from)
            except domain.ValuationError as exc:
                problems.append(str(exc).rstrip(".").lower())
        if problems:
            errors.append(f"Ligne {number} : " + " ; ".join(problems) + ".")
        else:
            lines.append(PayLine(person_id, gross, rate, employed_from))
    if errors:
        raise PayImportError(errors)
    if not lines:
        raise PayImportError(["Le fichier ne contient aucune ligne de rémunération."])
    return lines


def import_pay(session, company_id: str, year: int, text: str, actor_id: str) -> int:
    """All or nothing: the year's records of the people in the file are replaced in one transaction."""
    people = dict(session.execute(
        sa.select(PersonCopy.email, PersonCopy.person_id).where(PersonCopy.company_id == company_id)
    ).all())
    lines = parse_pay_csv(text, {email.lower(): person_id for email, person_id in people.items()}, year)
    now = utcnow()
    session.execute(sa.delete(PayRecord).where(PayRecord.company_id == company_id, PayRecord.year == year,
                                               PayRecord.person_id.in_([line.person_id for line in lines])))
    session.add_all([
        PayRecord(company_id=company_id, person_id=line.person_id, year=year, annual_gross_pay=line.annual_gross_pay,
                  employer_charge_rate=line.employer_charge_rate, employed_from=line.employed_from,
                  imported_by=actor_id, imported_at=now)
        for line in lines
    ])
    audit(session, company_id, actor_id, "pay_imported", f"{count_of(len(lines), 'ligne importée', 'lignes importées')} pour {year}", now)
    return len(lines)


def records(session, company_id: str, year: int, actor_id: str) -> list[dict]:
    rows = session.execute(
        sa.select(PayRecord, PersonCopy).outerjoin(PersonCopy, PersonCopy.person_id == PayRecord.person_id)
        .where(PayRecord.company_id == company_id, PayRecord.year == year)
        .order_by(PersonCopy.last_name, PersonCopy.first_name)
    ).all()
    audit(session, company_id, actor_id, "pay_read", f"{count_of(len(rows), 'ligne', 'lignes')} de {year} {'consultée' if len(rows) < 2 else 'consultées'}")
    return [{
        "person_id": record.person_id,
        "name": f"{person.first_name} {person.last_name}".strip() if person else "",
        "email": person.email if person else "",
        "entity_name": person.entity_name if person else None,
        "annual_gross_pay": float(record.annual_gross_pay),
        "employer_charge_rate": float(record.employer_charge_rate),
        "employed_from": record.employed_from,
        "imported_at": record.imported_at,
    } for record, person in rows]


# -- default daily cost per entity -------------------------------------------------------------------------------------


def daily_costs(session, company_id: str, entities: list[dict], year: int, actor_id: str) -> list[dict]:
    """Each entity's cost for `year` as the valuation uses it (`valuation.costs_in_force`), and the year it was set
    for (another year's when `year` has none of its own)."""
    costs = valuation.costs_in_force(session, company_id, year)
    audit(session, company_id, actor_id, "daily_costs_read", f"coûts journaliers par entité de {year} consultés")
    return [{"entity_id": e["id"], "entity_name": e["name"],
             "daily_cost": float(costs[e["id"]].daily_cost) if e["id"] in costs else None,
             "set_for_year": costs[e["id"]].year if e["id"] in costs else None} for e in entities]


def set_daily_cost(session, company_id: str, entity_id: str, year: int, daily_cost: float | Decimal | None,
                   actor_id: str) -> None:
    """Set (or remove, with None) the entity's cost for `year` only: the other years keep theirs."""
    current = session.get(EntityDailyCost, (company_id, entity_id, year))
    if daily_cost is not None:
        daily_cost = domain.money(Decimal(str(daily_cost)))
    if daily_cost is None:
        if current is not None:
            session.delete(current)
    elif current is None:
        session.add(EntityDailyCost(company_id=company_id, entity_id=entity_id, year=year, daily_cost=daily_cost,
                                    updated_by=actor_id, updated_at=utcnow()))
    else:
        current.daily_cost, current.updated_by, current.updated_at = daily_cost, actor_id, utcnow()
    audit(session, company_id, actor_id, "daily_cost_set", f"coût journalier de l'entité {entity_id} pour {year} modifié")
