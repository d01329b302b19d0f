"""Quiz's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings

SERVICE = "quiz"


@dataclass(frozen=True)
class Settings(CommonSettings):
    schedule_seconds: float

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(
            **common_settings(SERVICE, environ),
            # How often the worker checks the schedule (quizzes to open on their day, to close after their last day).
            schedule_seconds=float(environ.get("QUIZ_SCHEDULE_SECONDS", "60")),
        )
