"""Engagement's HTTP API: the views, one module per feature, and every blueprint gathered in `BLUEPRINTS`.

Views read their input through a schema, check who is calling (`access.py`), call one use case and shape the answer;
the use cases live beside the models (`companies.py`, `people.py`, `invitations.py`, …), the rules in `domain/`.
"""
from __future__ import annotations

from .accounts import accounts
from .profile import choices, profile
from .proposals import proposals, sharing
from .workflow import BLUEPRINTS as WORKFLOW_BLUEPRINTS
from .audit import audit_log
from .companies import companies
from .invitations import invitations
from .missions import missions
from .people import people
from .scim import scim, scim_tokens
from .sso import sso
from .identity_providers import identity_providers

BLUEPRINTS = [accounts, profile, choices, proposals, sharing, missions, *WORKFLOW_BLUEPRINTS, companies, people, invitations, audit_log, scim_tokens, scim, sso, identity_providers]
