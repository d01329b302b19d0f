"""Quiz's tables: quizzes, their questions and choices, the attempts; the narrow copies of catalog's missions and of
engagement's people (for the company figures by entity); plus the outbox, inbox and token cut-offs every service has."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tandem_shared.messaging_tables import define_messaging_tables
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.revocation import define_token_cutoffs_table
from tandem_shared.timeutil import UTCDateTime


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


messaging = define_messaging_tables(Base.metadata)
# Per-person cut-offs fed by engagement's sign-out and disabling events; tokens issued before are refused.
token_cutoffs = define_token_cutoffs_table(Base.metadata)


class Quiz(Base):
    """« Le quiz RSE »: draft → scheduled → open → closed; open from `opens_on` to `closes_on` (days in France, both included)."""

    __tablename__ = "quizzes"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    introduction: Mapped[str] = mapped_column(sa.Text)
    # The causes it serves: themes of the guide's taxonomy.
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    opens_on: Mapped[date] = mapped_column(sa.Date, index=True)
    closes_on: Mapped[date] = mapped_column(sa.Date)
    status: Mapped[str] = mapped_column(sa.String(20), index=True)
    # Empty: every company; otherwise only these companies' people see it.
    company_ids: Mapped[list[str]] = mapped_column(sa.JSON)
    # Missions the operator picked for « Des missions en lien avec ce quiz »; empty: those matching its themes.
    mission_ids: Mapped[list[str]] = mapped_column(sa.JSON)
    created_by: Mapped[str] = mapped_column(sa.String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    questions: Mapped[list["Question"]] = relationship(
        order_by="Question.position", cascade="all, delete-orphan", lazy="selectin", back_populates="quiz")


class Question(Base):
    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    quiz_id: Mapped[str] = mapped_column(sa.ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    statement: Mapped[str] = mapped_column(sa.Text)
    # « Bouscule tes idées reçues »: why the answer is what it is, shown after answering, with its public source.
    explanation: Mapped[str] = mapped_column(sa.Text)
    source_title: Mapped[str] = mapped_column(sa.String(300))
    source_url: Mapped[str] = mapped_column(sa.String(500))

    quiz: Mapped[Quiz] = relationship(back_populates="questions")
    choices: Mapped[list["Choice"]] = relationship(
        order_by="Choice.position", cascade="all, delete-orphan", lazy="selectin", back_populates="question")


class Choice(Base):
    __tablename__ = "choices"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    question_id: Mapped[str] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    label: Mapped[str] = mapped_column(sa.String(300))
    correct: Mapped[bool] = mapped_column(sa.Boolean)

    question: Mapped[Question] = relationship(back_populates="choices")


class Attempt(Base):
    """One per person and quiz (the unique pair is the guarantee), final once submitted."""

    __tablename__ = "attempts"
    __table_args__ = (sa.UniqueConstraint("quiz_id", "person_id", name="uq_attempts_quiz_person"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    quiz_id: Mapped[str] = mapped_column(sa.ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # From the token; the entity from the people copy when known (it may come later: filled in then).
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True, index=True)
    entity_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    # {question_id: [choice_id, ...]}, the choices given.
    answers: Mapped[dict[str, list[str]]] = mapped_column(sa.JSON)
    score: Mapped[int] = mapped_column(sa.Integer)
    out_of: Mapped[int] = mapped_column(sa.Integer)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MissionCopy(Base):
    """Quiz's narrow copy of a catalog mission, from `catalog.mission.*`; `updated_at` is catalog's, so an older event
    never overwrites a newer copy."""

    __tablename__ = "missions"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    association_name: Mapped[str] = mapped_column(sa.String(200))
    themes: Mapped[list[str]] = mapped_column(sa.JSON)
    city: Mapped[str | None] = mapped_column(sa.String(100), nullable=True)
    department: Mapped[str | None] = mapped_column(sa.String(3), nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20), index=True)
    open_to_all_companies: Mapped[bool] = mapped_column(sa.Boolean)
    company_ids: Mapped[list[str]] = mapped_column(sa.JSON)
    url: Mapped[str] = mapped_column(sa.String(500))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonCopy(Base):
    """Quiz's copy of a person's company and entity, from `engagement.person.*`: the company figures are by entity."""

    __tablename__ = "people"

    person_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    company_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    entity_name: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)
