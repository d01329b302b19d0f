"""Documents's API shapes (marshmallow)."""
from __future__ import annotations
