"""Events approval publishes."""
from __future__ import annotations
