"""How catalog reacts to other services' events. It needs none yet: people's names arrive with accounts."""
from __future__ import annotations

from tandem_shared.inbox import Handler

SUBSCRIPTIONS: dict[str, Handler] = {}
