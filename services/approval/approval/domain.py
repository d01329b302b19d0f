"""Approval rules, free of Flask, SQLAlchemy and the bus. They arrive with absence requests, manager decisions and one-click action links (the workflow issue)."""
from __future__ import annotations
