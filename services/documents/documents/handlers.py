"""How documents reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

from tandem_shared.inbox import Handler

SUBSCRIPTIONS: dict[str, Handler] = {}
