"""French calendar words, so that no date depends on the machine's locale, and French postal addresses.

Language, not business: every service writes a day in full with `long_date` (« lundi 25 janvier 2027 »), and spells
its other dates its own way (« Lundi 25 (journée) », « MARS 2027 ») from these two lists and `day_of_month` (« 1er »).
"""
from __future__ import annotations

import re

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


def day_of_month(day) -> str:
    """« 1er » for the first of the month, as French writes it; the number otherwise."""
    return "1er" if day.day == 1 else str(day.day)


def long_date(day) -> str:
    """« lundi 25 janvier 2027 », « mardi 1er juin 2027 »."""
    return f"{WEEKDAYS[day.weekday()]} {day_of_month(day)} {MONTHS[day.month - 1]} {day.year}"


def count_of(count: int, singular: str, plural: str) -> str:
    """« 0 ligne importée », « 1 erreur », « 3 lignes importées »: French puts 0 and 1 in the singular."""
    return f"{count} {singular if abs(count) < 2 else plural}"


def postal_address(address: str | None, city: str | None) -> str:
    """The address, followed by the city only when the address does not already end with it
    (« 12 rue X, 69008 Lyon » and « Lyon » give « 12 rue X, 69008 Lyon », not « …Lyon, Lyon »)."""
    address = (address or "").strip().rstrip(",")
    city = (city or "").strip()
    if not city or re.search(rf"(?i)\b{re.escape(city)}\s*$", address):
        return address
    return f"{address}, {city}" if address else city
