"""Quiz rules, free of Flask, SQLAlchemy and the bus: shapes of a quiz, its window, scheduling conflicts, the
"no edit after answers" rule, scoring an attempt, who sees which quiz and which mission.

Every message here is read by a person (the API sends it as is): French, in the guide's tone.
"""
from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from tandem_shared import french

MIN_QUESTIONS, MAX_QUESTIONS = 1, 10
MIN_CHOICES, MAX_CHOICES = 2, 6
LINKED_MISSIONS = 6
# « Un nouveau quiz tous les 15 jours ! »: a quiz is open 15 days, its opening day included.
RHYTHM_DAYS = 15

# The guide's themes (catalog's taxonomy); a quiz serves one or more of them. Kept here, as engagement keeps its
# copy: both are the guide's words and change together with catalog's `taxonomy.THEMES`.
THEMES: tuple[str, ...] = (
    "arts / culture",
    "éducation / formation",
    "enfance / famille",
    "environnement",
    "santé / handicap",
    "emploi / insertion",
    "droit / égalité",
    "humanitaire international",
    "sciences / recherche",
    "senior / isolement",
    "social / précarité",
    "sports / loisirs",
)


class DomainError(Exception):
    """A rule refused the action; the message is for the person, `field` names the input at fault (if any)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class QuizStatus(str, enum.Enum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


# -- audience: which companies a quiz (or a mission) is for ------------------------------------------------------

@dataclass(frozen=True)
class Audience:
    """Every company (`companies` empty) or only the listed ones."""

    companies: frozenset[str] = frozenset()

    @classmethod
    def of(cls, company_ids: Iterable[str] | None) -> "Audience":
        return cls(frozenset(company_ids or ()))

    @property
    def everyone(self) -> bool:
        return not self.companies

    def includes(self, company_id: str | None) -> bool:
        return self.everyone or (company_id is not None and company_id in self.companies)

    def overlaps(self, other: "Audience") -> bool:
        return self.everyone or other.everyone or bool(self.companies & other.companies)


# -- windows and scheduling ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Window:
    """From the opening day to the closing day, both included (days in France)."""

    opens_on: date
    closes_on: date

    def contains(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on

    def overlaps(self, other: "Window") -> bool:
        return self.opens_on <= other.closes_on and other.opens_on <= self.closes_on


def default_closing(opens_on: date) -> date:
    return opens_on + timedelta(days=RHYTHM_DAYS - 1)


def check_window(opens_on: date, closes_on: date) -> Window:
    if closes_on < opens_on:
        raise DomainError("La date de fin doit être le jour d'ouverture ou après.", field="closes_on")
    return Window(opens_on, closes_on)


@dataclass(frozen=True)
class Planned:
    """A quiz as the scheduling rule sees it."""

    id: str
    title: str
    status: QuizStatus
    window: Window
    audience: Audience


def scheduling_conflict(candidate: Planned, others: Iterable[Planned]) -> Planned | None:
    """The first scheduled or open quiz that would be open for some of the same companies on some of the same days."""
    for other in others:
        if other.id == candidate.id or other.status not in (QuizStatus.SCHEDULED, QuizStatus.OPEN):
            continue
        if other.window.overlaps(candidate.window) and other.audience.overlaps(candidate.audience):
            return other
    return None


def conflict_message(other: Planned) -> str:
    return (f"Le quiz « {other.title} » est déjà prévu pour les mêmes entreprises du "
            f"{french_day(other.window.opens_on)} au {french_day(other.window.closes_on)} : "
            "un seul quiz du moment à la fois. Change les dates ou les entreprises.")


def schedule(status: QuizStatus) -> QuizStatus:
    if status != QuizStatus.DRAFT:
        raise DomainError("Seul un brouillon peut être programmé.")
    return QuizStatus.SCHEDULED


def unschedule(status: QuizStatus) -> QuizStatus:
    if status != QuizStatus.SCHEDULED:
        raise DomainError("Seul un quiz programmé, pas encore ouvert, peut revenir en brouillon.")
    return QuizStatus.DRAFT


def close(status: QuizStatus) -> QuizStatus:
    if status not in (QuizStatus.SCHEDULED, QuizStatus.OPEN):
        raise DomainError("Ce quiz n'est ni programmé ni ouvert : il n'y a rien à clore.")
    return QuizStatus.CLOSED


def due_to_open(status: QuizStatus, window: Window, today: date) -> bool:
    """A scheduled quiz opens on its opening day (or at the first check after it, if nobody was there)."""
    return status == QuizStatus.SCHEDULED and window.opens_on <= today <= window.closes_on


def due_to_close(status: QuizStatus, window: Window, today: date) -> bool:
    """Open or scheduled quizzes whose last day is over close; a scheduled one missed entirely never opens."""
    return status in (QuizStatus.SCHEDULED, QuizStatus.OPEN) and today > window.closes_on


def accepts_answers(status: QuizStatus, window: Window, today: date) -> None:
    """Raises with the reason a person reads when the quiz cannot be answered today."""
    if status == QuizStatus.CLOSED or today > window.closes_on:
        raise DomainError("Ce quiz est terminé : tu ne peux plus y répondre, mais tu peux lire ses réponses dans MES QUIZ si tu y as répondu.")
    if status != QuizStatus.OPEN or today < window.opens_on:
        raise DomainError(f"Ce quiz n'est pas encore ouvert : rendez-vous le {french_day(window.opens_on)}.")


# -- content: questions and their choices -------------------------------------------------------------------------

@dataclass(frozen=True)
class ChoiceDraft:
    label: str
    correct: bool


@dataclass(frozen=True)
class QuestionDraft:
    statement: str
    choices: tuple[ChoiceDraft, ...]
    explanation: str
    source_title: str
    source_url: str

    def substance(self) -> tuple:
        """What may not change once someone has answered: the statement, the choices and which are right."""
        return (self.statement.strip(), tuple((choice.label.strip(), choice.correct) for choice in self.choices))


def check_questions(questions: Sequence[QuestionDraft]) -> None:
    if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        raise DomainError(f"Un quiz a de {MIN_QUESTIONS} à {MAX_QUESTIONS} questions.", field="questions")
    for index, question in enumerate(questions, start=1):
        if not MIN_CHOICES <= len(question.choices) <= MAX_CHOICES:
            raise DomainError(f"Question {index} : de {MIN_CHOICES} à {MAX_CHOICES} réponses possibles.", field="questions")
        if not any(choice.correct for choice in question.choices):
            raise DomainError(f"Question {index} : coche au moins une bonne réponse.", field="questions")
        labels = [choice.label.strip().casefold() for choice in question.choices]
        if len(set(labels)) != len(labels):
            raise DomainError(f"Question {index} : deux réponses ont le même texte.", field="questions")


def check_themes(themes: Sequence[str]) -> list[str]:
    unknown = [theme for theme in themes if theme not in THEMES]
    if unknown:
        raise DomainError(f"Thème inconnu : {', '.join(unknown)}.", field="themes")
    if not themes:
        raise DomainError("Choisis au moins une cause (un thème) que ce quiz sert.", field="themes")
    return [theme for theme in THEMES if theme in set(themes)]


ANSWERED_QUESTIONS_FROZEN = ("Des personnes ont déjà répondu à ce quiz : ses questions et ses bonnes réponses ne peuvent plus "
                             "changer. Tu peux corriger les explications et les sources, ou créer un nouveau quiz.")


def check_edit(status: QuizStatus, attempts: int, current: Sequence[QuestionDraft], proposed: Sequence[QuestionDraft]) -> bool:
    """Whether the edit replaces the questions (True) or keeps them and updates explanations and sources only (False).

    Raises when the quiz is closed, or when someone has answered and the questions or right answers would change.
    """
    if status == QuizStatus.CLOSED:
        raise DomainError("Ce quiz est terminé : il n'est plus modifiable.")
    same = [q.substance() for q in current] == [q.substance() for q in proposed]
    if attempts and not same:
        raise DomainError(ANSWERED_QUESTIONS_FROZEN, field="questions")
    return not same


# -- answering ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionKey:
    """A question as scoring sees it: its id, its choices' ids and which are right."""

    id: str
    choice_ids: tuple[str, ...]
    right: frozenset[str]

    @property
    def single_answer(self) -> bool:
        return len(self.right) == 1


@dataclass(frozen=True)
class Score:
    points: int
    out_of: int
    right_questions: frozenset[str] = field(default_factory=frozenset)

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.out_of) if self.out_of else 0


class AnswerErrors(DomainError):
    """Per-question problems with a submitted attempt: {question_id: [message]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("Certaines réponses ne sont pas valides : vérifie les questions signalées.", field="answers")
        self.errors = errors


def check_answers(questions: Sequence[QuestionKey], answers: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The attempt's choices by question id, in the quiz's order; raises `AnswerErrors` for anything off.

    Every question is answered; each choice belongs to its question, once; a question with a single right answer
    takes exactly one choice.
    """
    errors: dict[str, list[str]] = {}
    known = {question.id for question in questions}
    for question_id in answers:
        if question_id not in known:
            errors[question_id] = ["Cette question n'appartient pas à ce quiz."]
    clean: dict[str, list[str]] = {}
    for question in questions:
        chosen = list(answers.get(question.id) or ())
        if not chosen:
            errors[question.id] = ["Réponds à cette question."]
            continue
        if len(set(chosen)) != len(chosen):
            errors[question.id] = ["Une même réponse est donnée deux fois."]
            continue
        strangers = [choice for choice in chosen if choice not in question.choice_ids]
        if strangers:
            errors[question.id] = ["Cette réponse n'existe pas pour cette question."]
            continue
        if question.single_answer and len(chosen) > 1:
            errors[question.id] = ["Une seule réponse possible pour cette question."]
            continue
        clean[question.id] = [choice for choice in question.choice_ids if choice in set(chosen)]
    if errors:
        raise AnswerErrors(errors)
    return clean


def score(questions: Sequence[QuestionKey], answers: Mapping[str, Sequence[str]]) -> Score:
    """One point per question whose choices are exactly its right ones (all of them and nothing else)."""
    right = frozenset(question.id for question in questions if frozenset(answers.get(question.id) or ()) == question.right)
    return Score(points=len(right), out_of=len(questions), right_questions=right)


def score_comment(points: int, out_of: int) -> str:
    """What the person reads under their score."""
    if out_of and points == out_of:
        return "Sans faute ! Tu connais bien le sujet : et si tu passais à l'action avec une mission ?"
    if out_of and points * 2 >= out_of:
        return "Bien joué ! Lis les explications : elles bousculent quelques idées reçues."
    return "Merci d'avoir joué ! Les explications sont là pour bousculer les idées reçues : lis-les."


# -- who sees what ------------------------------------------------------------------------------------------------

def quiz_visible_to(status: QuizStatus, audience: Audience, company_id: str | None) -> bool:
    """A participant sees open and closed quizzes of their company; drafts and scheduled ones are the operators'."""
    return status in (QuizStatus.OPEN, QuizStatus.CLOSED) and audience.includes(company_id)


def correction_visible(has_attempt: bool) -> bool:
    """Right answers and explanations go only to someone who has submitted their attempt (operators use the back office)."""
    return has_attempt


@dataclass(frozen=True)
class MissionAudience:
    """The fields of quiz's mission copy that catalog's visibility rule reads."""

    status: str
    open_to_all_companies: bool
    company_ids: Sequence[str]


PUBLISHED = "published"


def mission_visible_to(mission: MissionAudience, company_id: str | None) -> bool:
    """Catalog's rule (`catalog.domain.visible_to`) on quiz's copy, so quiz never shows more than catalog would:
    published missions open to every company or reserved for the viewer's company. Quiz shows missions to
    participants only (operators pick missions in catalog), so the referents' and operators' wider view is not here."""
    if mission.status != PUBLISHED:
        return False
    return mission.open_to_all_companies or (company_id is not None and company_id in set(mission.company_ids or ()))


def linked_missions(quiz_themes: Sequence[str], picked: Sequence[str], missions: Sequence, company_id: str | None,
                    limit: int = LINKED_MISSIONS) -> list:
    """« Des missions en lien avec ce quiz »: the operator's picks (in their order) if any, otherwise open missions that
    share a theme with the quiz, most recently published first; only missions the viewer may see, at most `limit`.

    `missions` are objects with `id`, `themes`, `published_at` and the `MissionAudience` fields.
    """
    visible = [mission for mission in missions if mission_visible_to(mission, company_id)]
    if picked:
        by_id = {mission.id: mission for mission in visible}
        return [by_id[mission_id] for mission_id in picked if mission_id in by_id][:limit]
    themes = set(quiz_themes)
    matching = [mission for mission in visible if themes & set(mission.themes or ())]
    matching.sort(key=lambda mission: (mission.published_at is not None, mission.published_at), reverse=True)
    return matching[:limit]


# -- company figures ----------------------------------------------------------------------------------------------

def average(points: Sequence[int]) -> float | None:
    """Average number of right answers, one decimal; None without answers."""
    if not points:
        return None
    return round(sum(points) / len(points), 1)


# -- words --------------------------------------------------------------------------------------------------------

def french_day(day: date) -> str:
    """« 3 mars 2027 »."""
    return f"{french.day_of_month(day)} {french.MONTHS[day.month - 1]} {day.year}"
