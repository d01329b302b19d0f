"""Pure rules of the yearly bundle per association and company: the « état récapitulatif des journées » (which days it
names, its fingerprint, whether it awaits the referent's confirmation) and the receipt's data (Cerfa n° 16216).

No Flask, SQLAlchemy or bus here; `statements` feeds these rules from the read model.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

FORMAT_DAYS = {"full_day": Decimal("1"), "half_day": Decimal("0.5")}

# What the receipt says of the donation: the Cerfa's « forme » and « nature » of a skills donation, and the article.
DONATION_NATURE = "Mécénat de compétences : mise à disposition gratuite de salariés sur leur temps de travail"
DONATION_FORM = "Autre : don en nature (prestation de services)"
TAX_ARTICLE = "article 238 bis du Code général des impôts"
CERFA = "Cerfa n° 16216"


class StatementState(StrEnum):
    # No day attested present for that company and association in the year: nothing to confirm.
    EMPTY = "empty"
    TO_CONFIRM = "to_confirm"
    CONFIRMED = "confirmed"
    # Confirmed, then the days changed (a late attestation): the new list awaits a new confirmation.
    CHANGED = "changed"


# A receipt's data go through the statement's four states: CHANGED is then a pay import or a daily cost that moved the
# amount, or a late attestation the days, after the confirmation.
ReceiptState = StatementState


class OutdatedBecause(StrEnum):
    """Why a confirmed receipt no longer matches: the association's e-mail says which (`impact.receipt.outdated`)."""

    # The company changed what values the year: a pay record or an entity's daily cost.
    VALUATION = "valuation"
    # A person who gave days changed entity (another daily cost) or name (the statement names them).
    PERSON = "person"
    # A presence was attested or corrected after the confirmation: the days changed.
    ATTENDANCE = "attendance"


@dataclass(frozen=True)
class ReceiptData:
    """What a receipt's confirmation fixes, beside its number: the amount and the days it is for."""

    amount: Decimal | None
    total_days: Decimal
    period: tuple[date, date] | None


@dataclass(frozen=True)
class StatementDay:
    """One day given, as the statement names it."""

    person_id: str
    person_name: str
    mission_title: str
    day: date
    format: str

    @property
    def days(self) -> Decimal:
        return FORMAT_DAYS[self.format]

    def as_row(self) -> dict:
        return {"person_id": self.person_id, "person_name": self.person_name, "mission_title": self.mission_title,
                "date": self.day.isoformat(), "format": self.format, "days": float(self.days)}


def ordered(days: Iterable[StatementDay]) -> list[StatementDay]:
    """By person (last name as given, then first), then by date: how a referent checks a list of names."""
    return sorted(days, key=lambda d: (d.person_name.casefold(), d.person_id, d.day))


def total_days(days: Iterable[StatementDay]) -> Decimal:
    """A full day counts 1, a half day 0.5."""
    return sum((d.days for d in days), Decimal("0"))


def fingerprint(days: Iterable[StatementDay]) -> str:
    """The SHA-256 of what the referent confirms (who, which day, which format): the page sends back the one it showed,
    so a list that changed in between is never confirmed unseen."""
    canonical = [[d.person_id, d.person_name, d.day.isoformat(), d.format] for d in ordered(days)]
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def statement_state(days: list[StatementDay], confirmed_fingerprint: str | None) -> StatementState:
    if not days:
        return StatementState.EMPTY
    if confirmed_fingerprint is None:
        return StatementState.TO_CONFIRM
    return StatementState.CONFIRMED if confirmed_fingerprint == fingerprint(days) else StatementState.CHANGED


def receipt_state(statement: StatementState, now: ReceiptData | None, confirmed: ReceiptData | None) -> ReceiptState:
    """`now`: what the receipt would say today (only read when there is a confirmation to compare it with)."""
    if statement == StatementState.EMPTY:
        return ReceiptState.EMPTY if confirmed is None else ReceiptState.CHANGED
    if confirmed is None:
        return ReceiptState.TO_CONFIRM
    if statement != StatementState.CONFIRMED or now != confirmed:
        return ReceiptState.CHANGED
    return ReceiptState.CONFIRMED


def donation_period(days: Iterable[StatementDay]) -> tuple[date, date] | None:
    """The first and last day given: the receipt's « date du don » for a donation made over the year."""
    dates = sorted(d.day for d in days)
    return (dates[0], dates[-1]) if dates else None


def receipt_amount(associations: Iterable[dict], people: Iterable[dict], association_id: str, person_ids: set[str],
                   missing_source: str) -> Decimal | None:
    """The amount the valuation gives that association (its total only); None when the valuation has none, or when one
    of the people who gave it days has no value yet (the total would fall short of the donation)."""
    if any(p.get("person_id") in person_ids and p.get("source") == missing_source for p in people):
        return None
    for row in associations:
        if row.get("association_id") == association_id:
            value = row.get("value")
            amount = None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
            return amount if amount is not None and amount > 0 else None
    return None


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)
