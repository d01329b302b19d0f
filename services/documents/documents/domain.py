"""Documents rules, free of Flask, SQLAlchemy and the bus. They arrive with conventions, their versions, signatures and bilan PDFs (the conventions issue)."""
from __future__ import annotations
