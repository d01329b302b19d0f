"""Notifier's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings

SERVICE = "notifier"


@dataclass(frozen=True)
class Settings(CommonSettings):
    smtp_host: str
    smtp_port: int
    mail_from: str
    mail_max_attempts: int

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(
            **common_settings(SERVICE, environ),
            smtp_host=environ.get("NOTIFIER_SMTP_HOST", "127.0.0.1"),
            # 1025 is the usual port of a development mail catcher; the embedded mode sets its own sink.
            smtp_port=int(environ.get("NOTIFIER_SMTP_PORT", "1025")),
            mail_from=environ.get("NOTIFIER_MAIL_FROM", "Tandem <ne-pas-repondre@tandem.example>"),
            mail_max_attempts=int(environ.get("NOTIFIER_MAIL_MAX_ATTEMPTS", "8")),
        )
