"""Approval's tables: for now the outbox and inbox every service has; absence requests, manager decisions and one-click action links (the workflow issue) come next."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.revocation import define_token_cutoffs_table


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


messaging = define_messaging_tables(Base.metadata)
# Per-person cut-offs fed by engagement's sign-out and disabling events; tokens issued before are refused.
token_cutoffs = define_token_cutoffs_table(Base.metadata)
