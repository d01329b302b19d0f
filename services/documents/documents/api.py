"""Documents's HTTP API, beyond the health and readiness routes every service has."""
from __future__ import annotations

from flask_smorest import Blueprint

BLUEPRINTS: list[Blueprint] = []
