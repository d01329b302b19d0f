"""Quiz rules, free of Flask, SQLAlchemy and the bus. They arrive with quizzes, questions, answers and attempts."""
from __future__ import annotations
