"""Approval's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings

SERVICE = "approval"


@dataclass(frozen=True)
class Settings(CommonSettings):
    link_days: int
    reminder_days: int

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(
            **common_settings(SERVICE, environ),
            # How long a manager's one-click link stays valid (the e-mail states it).
            link_days=int(environ.get("APPROVAL_LINK_DAYS", "14")),
            # A request still pending this many days after it arrived gets a reminder (once per ISO week).
            reminder_days=int(environ.get("APPROVAL_REMINDER_DAYS", "3")),
        )
