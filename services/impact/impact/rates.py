"""The dated figures of the valuation, read from `data/rates.json` (each year's PASS and the law's rates, with their
official sources): the figures live in data, never in code, and a new year is one line there."""
from __future__ import annotations

import functools
import json
from decimal import Decimal
from pathlib import Path

from .domain import YearRates

RATES_FILE = Path(__file__).resolve().parent / "data" / "rates.json"


class UnknownYear(LookupError):
    """No PASS is recorded for that year (not yet published, or before the data starts)."""


@functools.cache
def _data() -> dict:
    return json.loads(RATES_FILE.read_text(encoding="utf-8"))


def known_years() -> list[int]:
    return sorted(int(year) for year in _data()["pass"])


def sources(year: int) -> dict[str, str]:
    data = _data()
    return {"pass": data["pass"][str(year)]["source"], "article_238_bis": data["article_238_bis"]["source"],
            "working_days": data["working_days"]["source"]}


def rates_for(year: int) -> YearRates:
    data = _data()
    entry = data["pass"].get(str(year))
    if entry is None:
        raise UnknownYear(year)
    law = data["article_238_bis"]
    return YearRates(
        year=year,
        pass_amount=Decimal(entry["amount"]),
        working_days=int(data["working_days"]["days"]),
        pay_cap_multiple=Decimal(law["pay_cap_multiple"]),
        rate=Decimal(law["rate"]),
        reduced_rate=Decimal(law["reduced_rate"]),
        reduced_rate_threshold=Decimal(law["reduced_rate_threshold"]),
        ceiling_floor=Decimal(law["ceiling_floor"]),
        ceiling_turnover_share=Decimal(law["ceiling_turnover_share"]),
        carry_forward_years=int(law["carry_forward_years"]),
        beneficiary_declaration_threshold=Decimal(law["beneficiary_declaration_threshold"]),
    )
