"""Events the notifier publishes: none yet (a `notifier.email.failed` may come for operators)."""
from __future__ import annotations
