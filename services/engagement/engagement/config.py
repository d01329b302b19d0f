"""Engagement's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings, read_key_material

SERVICE = "engagement"


@dataclass(frozen=True)
class Settings(CommonSettings):
    jwt_private_key: str
    access_token_seconds: int
    session_days: int
    cookie_secure: bool
    verification_hours: int
    reset_minutes: int
    invitation_days: int
    reminder_application_days: int
    reminder_bilan_days: int
    share_outside_recipients_per_day: int
    account_mails_per_hour: int
    account_mails_per_day: int
    anonymous_requests_per_hour: int
    anonymous_requests_per_day: int
    # Issue 14: the Fernet key (urlsafe base64, 32 bytes) that encrypts SSO client secrets stored in the database;
    # without it, an admin can still give a secret as « env:VARIABLE ».
    sso_secret_key: str | None = None
    # Issue 14: how long a call to an OIDC provider (discovery, JWKS, token endpoint) may take.
    sso_http_timeout_seconds: float = 10.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(
            **common_settings(SERVICE, environ),
            jwt_private_key=read_key_material(environ, "ENGAGEMENT_JWT_PRIVATE_KEY"),
            # Short-lived: a stolen token is worth little, and the session cookie renews it.
            access_token_seconds=int(environ.get("ENGAGEMENT_ACCESS_TOKEN_SECONDS", "900")),
            session_days=int(environ.get("ENGAGEMENT_SESSION_DAYS", "14")),
            cookie_secure=environ.get("ENGAGEMENT_COOKIE_SECURE", "true").lower() != "false",
            verification_hours=int(environ.get("ENGAGEMENT_VERIFICATION_HOURS", "48")),
            reset_minutes=int(environ.get("ENGAGEMENT_RESET_MINUTES", "60")),
            invitation_days=int(environ.get("ENGAGEMENT_INVITATION_DAYS", "7")),
            # `engagement-worker reminders`: nudge after so many days without dates, or without the bilan.
            reminder_application_days=int(environ.get("ENGAGEMENT_REMINDER_APPLICATION_DAYS", "7")),
            reminder_bilan_days=int(environ.get("ENGAGEMENT_REMINDER_BILAN_DAYS", "7")),
            # Sharing a mission: colleagues' addresses are not counted, outside ones are, over a rolling 24 hours.
            share_outside_recipients_per_day=int(environ.get("ENGAGEMENT_SHARE_OUTSIDE_RECIPIENTS_PER_DAY", "5")),
            # Verification and reset e-mails one address may receive, of each kind (asking for them needs no account).
            account_mails_per_hour=int(environ.get("ENGAGEMENT_ACCOUNT_MAILS_PER_HOUR", "3")),
            account_mails_per_day=int(environ.get("ENGAGEMENT_ACCOUNT_MAILS_PER_DAY", "10")),
            # Sign-ups, verification links, resets asked from one client IP, of each kind. A company's colleagues may
            # share one IP on sign-up day: generous, still far from flooding or burning the CPU.
            anonymous_requests_per_hour=int(environ.get("ENGAGEMENT_ANONYMOUS_REQUESTS_PER_HOUR", "30")),
            anonymous_requests_per_day=int(environ.get("ENGAGEMENT_ANONYMOUS_REQUESTS_PER_DAY", "300")),
            sso_secret_key=environ.get("ENGAGEMENT_SSO_SECRET_KEY") or None,
            sso_http_timeout_seconds=float(environ.get("ENGAGEMENT_SSO_HTTP_TIMEOUT_SECONDS", "10")),
        )
