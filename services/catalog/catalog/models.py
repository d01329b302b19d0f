"""Catalog's tables: associations and their referents, missions, spotlights, the copies it keeps of people,
companies and preferences, plus the outbox, inbox and token cut-offs."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.migrations import declare_migration_only
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.revocation import define_token_cutoffs_table
from tandem_shared.timeutil import UTCDateTime

from .text import directory_text, fold


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


# Full-text search is the database's own (catalog/search.py, migration 0004): PostgreSQL's tsvector
# columns and GIN index, SQLite's FTS5 tables. The migrations build them; no model maps them.
declare_migration_only(
    Base.metadata, "missions.search_vector", "missions.search_facets", "ix_missions_search", "missions_fts*",
    # The catalogue's version, bumped by triggers (migration 0006), and the newest-first index of the search's page.
    "catalogue_version", "ix_missions_recent",
    # The counts of the missions open to every company, maintained by triggers (migration 0007, PostgreSQL only).
    "open_mission_tag_counts",
)

messaging = define_messaging_tables(Base.metadata)
token_cutoffs = define_token_cutoffs_table(Base.metadata)


class Association(Base):
    """An association of general interest: its legal identity as a convention needs it, and its vetting."""

    __tablename__ = "associations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    rna: Mapped[str | None] = mapped_column(sa.String(10), nullable=True, unique=True)
    siren: Mapped[str | None] = mapped_column(sa.String(9), nullable=True, unique=True)
    address: Mapped[str] = mapped_column(sa.String(500))
    city: Mapped[str] = mapped_column(sa.String(100))
    department: Mapped[str] = mapped_column(sa.String(3))
    region: Mapped[str] = mapped_column(sa.String(100))
    website: Mapped[str | None] = mapped_column(sa.String(300), nullable=True)
    contact_email: Mapped[str] = mapped_column(sa.String(254))
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    description: Mapped[str] = mapped_column(sa.Text)
    representative_name: Mapped[str] = mapped_column(sa.String(200))
    representative_title: Mapped[str] = mapped_column(sa.String(200))
    general_interest_category: Mapped[str] = mapped_column(sa.String(40))
    vetting_status: Mapped[str] = mapped_column(sa.String(20), index=True)
    vetted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    vetted_by: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    # The logo in `images` (its SHA-256), None when the association has none.
    logo_image_id: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The directory (« Je propose ») filters, counts and sorts in SQL on these two, kept by `_directory_columns`:
    # the name folded (its order), and every word of name, description, city and themes (its keywords).
    folded_name: Mapped[str] = mapped_column(sa.Text)  # folding may lengthen a name (« œ » is « oe »)
    directory_text: Mapped[str] = mapped_column(sa.Text)


@sa.event.listens_for(Association, "before_insert")
@sa.event.listens_for(Association, "before_update")
def _directory_columns(_mapper, _connection, association: Association) -> None:
    """Every write through the ORM keeps the directory's columns true to the association (migration 0008 filled the
    rows that existed before)."""
    association.folded_name = fold(association.name)
    association.directory_text = directory_text(association.name, association.description, association.city, association.themes)


class PersonCopy(Base):
    """What catalog knows of a person, from engagement's events: referents' names and their associations."""

    __tablename__ = "people"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    email: Mapped[str] = mapped_column(sa.String(254))
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class Referent(Base):
    """A person who acts for an association (engagement grants it; catalog enforces it)."""

    __tablename__ = "referents"

    association_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, index=True)


class CompanyCopy(Base):
    __tablename__ = "companies"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class PreferencesCopy(Base):
    """A person's mission preferences, for "Ces missions sont pour toi"."""

    __tablename__ = "preferences"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    professional_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    personal_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)


class Mission(Base):
    __tablename__ = "missions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    association_id: Mapped[str] = mapped_column(sa.ForeignKey("associations.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text)
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    professional_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    personal_expertises: Mapped[list[str]] = mapped_column(sa.JSON)
    format: Mapped[str] = mapped_column(sa.String(20))
    duration: Mapped[str] = mapped_column(sa.String(200))
    address: Mapped[str] = mapped_column(sa.String(500))
    city: Mapped[str] = mapped_column(sa.String(100))
    department: Mapped[str] = mapped_column(sa.String(3))
    region: Mapped[str] = mapped_column(sa.String(100), index=True)
    remote_possible: Mapped[bool] = mapped_column(sa.Boolean)
    places: Mapped[int] = mapped_column(sa.Integer)
    all_jobs: Mapped[bool] = mapped_column(sa.Boolean)
    open_to_all_companies: Mapped[bool] = mapped_column(sa.Boolean)
    contact_name: Mapped[str] = mapped_column(sa.String(200))
    contact_email: Mapped[str] = mapped_column(sa.String(254))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(30), nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20), index=True)
    created_by: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The cover photo in `images`, large (the sheet) and small (the cards); None: the theme's illustration instead.
    cover_image_id: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)
    cover_thumbnail_id: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)

    association: Mapped[Association] = relationship(lazy="joined")
    companies: Mapped[list[MissionCompany]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def company_ids(self) -> list[str]:
        return sorted(link.company_id for link in self.companies)


class MissionCompany(Base):
    """A company a mission is reserved for, when it is not open to every company."""

    __tablename__ = "mission_companies"
    # The primary key (mission_id, company_id) serves lookups by mission; this one, a company's missions.
    __table_args__ = (sa.Index("ix_mission_companies_company_id", "company_id"),)

    mission_id: Mapped[str] = mapped_column(sa.ForeignKey("missions.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)


class StoredImage(Base):
    """An image catalog serves (logos, cover photos), re-encoded by `imaging` and named by the SHA-256 of its bytes:
    its URL is immutable, so browsers and proxies keep it for a year. Rows nobody points to any more are deleted."""

    __tablename__ = "images"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(sa.String(40))
    width: Mapped[int] = mapped_column(sa.Integer)
    height: Mapped[int] = mapped_column(sa.Integer)
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Spotlight(Base):
    """"L'actu solidaire": a dated solidarity cause, linked to missions by themes and keywords."""

    __tablename__ = "spotlights"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    starts_on: Mapped[date] = mapped_column(sa.Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    description: Mapped[str] = mapped_column(sa.Text)
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    keywords: Mapped[list[str]] = mapped_column(sa.JSON)
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    created_by: Mapped[str] = mapped_column(sa.String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
