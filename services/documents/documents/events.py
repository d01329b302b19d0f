"""Events documents publishes."""
from __future__ import annotations
