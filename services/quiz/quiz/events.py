"""Events quiz publishes."""
from __future__ import annotations
