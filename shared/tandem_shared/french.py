"""French calendar words, so that no date depends on the machine's locale.

Language, not business: the services spell dates their own way (« Lundi 25 janvier 2027 — journée »,
« MARS 2027 ») from these two lists.
"""
from __future__ import annotations

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
