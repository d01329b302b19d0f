"""Impact's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings

SERVICE = "impact"


@dataclass(frozen=True)
class Settings(CommonSettings):
    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(**common_settings(SERVICE, environ))
