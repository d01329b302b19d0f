"""Events engagement publishes. Accounts and the workflow add theirs here."""
from __future__ import annotations
