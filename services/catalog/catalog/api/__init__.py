"""Catalog's HTTP API: the views, one module per feature, and every blueprint gathered in `BLUEPRINTS`.

Views read their input through a schema, check who is calling (`access.py`), call one use case
(`associations.py`, `missions.py`, `spotlights.py`) and shape the answer; the rules are in `domain.py`.
"""
from __future__ import annotations

from .associations import associations
from .images import images
from .missions import missions
from .spotlights import spotlights
from .taxonomy import reference

BLUEPRINTS = [reference, associations, missions, spotlights, images]
