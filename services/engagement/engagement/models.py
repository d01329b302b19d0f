"""Engagement's tables: its own copy of catalog missions, plus the outbox and inbox."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.timeutil import UTCDateTime


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


messaging = define_messaging_tables(Base.metadata)


class MissionCopy(Base):
    """The few mission fields engagement needs (favourites, participations), learnt from catalog's events."""

    __tablename__ = "mission_copies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    association_name: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(20))
    url: Mapped[str] = mapped_column(sa.String(500))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)
