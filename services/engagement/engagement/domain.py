"""Engagement rules, free of Flask, SQLAlchemy and the bus."""
from __future__ import annotations

from datetime import datetime


def is_newer(incoming: datetime, stored: datetime | None) -> bool:
    """Events may arrive out of order: a copy only moves forward in time."""
    return stored is None or incoming >= stored
