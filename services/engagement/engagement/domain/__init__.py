"""Engagement's pure rules, free of Flask, SQLAlchemy and the bus, in two parts: people and their accounts
(`accounts.py`), and the mission workflow (`workflow.py`, which builds on the first). Callers use `domain.<rule>`
whichever part it lives in."""
from __future__ import annotations

from .accounts import *  # noqa: F401,F403
from .workflow import *  # noqa: F401,F403
