"""Quiz's use cases, shared by its views, its demo loader and its tests: writing quizzes (the back office), finding the
quiz du moment, submitting an attempt, and turning rows into what each reader may see.

The presenters are where the security rule lives: `for_participant` never carries a right answer or an explanation;
only `correction` (built from the person's own attempt) and `for_operator` do.
"""
from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tandem_shared.inbox import UnitOfWork

from . import domain, events
from .models import Attempt, Choice, MissionCopy, PersonCopy, Question, Quiz


class AlreadyAnswered(domain.DomainError):
    def __init__(self, attempt_id: str):
        super().__init__("Tu as déjà répondu à ce quiz : ta réponse est définitive. Retrouve-la, avec les explications, dans « Mes quiz ».")
        self.attempt_id = attempt_id


# -- reading rows -----------------------------------------------------------------------------------------------------

def status_of(quiz: Quiz) -> domain.QuizStatus:
    return domain.QuizStatus(quiz.status)


def window_of(quiz: Quiz) -> domain.Window:
    return domain.Window(quiz.opens_on, quiz.closes_on)


def audience_of(quiz: Quiz) -> domain.Audience:
    return domain.Audience.of(quiz.company_ids)


def planned(quiz: Quiz) -> domain.Planned:
    return domain.Planned(quiz.id, quiz.title, status_of(quiz), window_of(quiz), audience_of(quiz))


def drafts_of(quiz: Quiz) -> list[domain.QuestionDraft]:
    return [
        domain.QuestionDraft(
            statement=question.statement,
            choices=tuple(domain.ChoiceDraft(choice.label, choice.correct) for choice in question.choices),
            explanation=question.explanation, source_title=question.source_title, source_url=question.source_url,
        )
        for question in quiz.questions
    ]


def keys_of(quiz: Quiz) -> list[domain.QuestionKey]:
    return [
        domain.QuestionKey(question.id, tuple(choice.id for choice in question.choices),
                           frozenset(choice.id for choice in question.choices if choice.correct))
        for question in quiz.questions
    ]


def attempts_count(session: Session, quiz_id: str) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(Attempt).where(Attempt.quiz_id == quiz_id)) or 0


def attempt_of(session: Session, quiz_id: str, person_id: str) -> Attempt | None:
    return session.scalar(sa.select(Attempt).where(Attempt.quiz_id == quiz_id, Attempt.person_id == person_id))


def current_quiz(session: Session, company_id: str | None, today: date) -> Quiz | None:
    """The quiz du moment for someone of `company_id` (None: a visitor, who sees only quizzes for every company).

    Scheduling allows one open quiz per company and day; should two ever overlap (one for every company, one
    reserved), the reserved one is the company's own and comes first.
    """
    open_quizzes = session.scalars(
        sa.select(Quiz).where(Quiz.status == domain.QuizStatus.OPEN, Quiz.opens_on <= today, Quiz.closes_on >= today)
        .order_by(Quiz.opens_on.desc(), Quiz.id)
    ).all()
    mine = [quiz for quiz in open_quizzes if audience_of(quiz).includes(company_id)]
    mine.sort(key=lambda quiz: audience_of(quiz).everyone)
    return mine[0] if mine else None


def visible_quiz(session: Session, quiz_id: str, company_id: str | None) -> Quiz | None:
    quiz = session.get(Quiz, quiz_id)
    if quiz is None or not domain.quiz_visible_to(status_of(quiz), audience_of(quiz), company_id):
        return None
    return quiz


# -- presenting ---------------------------------------------------------------------------------------------------------

def summary(quiz: Quiz) -> dict[str, Any]:
    return {
        **{key: getattr(quiz, key) for key in ("id", "title", "introduction", "themes", "opens_on", "closes_on", "status")},
        "question_count": len(quiz.questions),
    }


def _multiple(question: Question) -> bool:
    return sum(1 for choice in question.choices if choice.correct) > 1


def question_for_participant(question: Question) -> dict[str, Any]:
    """A question as anyone may read it before answering: no `correct`, no explanation, no source."""
    return {
        "id": question.id, "statement": question.statement, "multiple": _multiple(question),
        "choices": [{"id": choice.id, "label": choice.label} for choice in question.choices],
    }


def teaser(quiz: Quiz) -> dict[str, Any]:
    return {**summary(quiz), "first_question": question_for_participant(quiz.questions[0])}


def correction(quiz: Quiz, attempt: Attempt) -> dict[str, Any]:
    """The person's own attempt with the right answers and explanations: only ever built from their attempt."""
    right = domain.score(keys_of(quiz), attempt.answers).right_questions
    questions = []
    for question in quiz.questions:
        chosen = set(attempt.answers.get(question.id) or ())
        questions.append({
            "id": question.id, "statement": question.statement, "multiple": _multiple(question),
            "choices": [{"id": c.id, "label": c.label, "correct": c.correct, "chosen": c.id in chosen} for c in question.choices],
            "right": question.id in right,
            "explanation": question.explanation,
            "source": {"title": question.source_title, "url": question.source_url},
        })
    return {
        "id": attempt.id, "quiz_id": quiz.id, "submitted_at": attempt.submitted_at, "score": attempt.score,
        "out_of": attempt.out_of, "percent": domain.Score(attempt.score, attempt.out_of).percent,
        "comment": domain.score_comment(attempt.score, attempt.out_of), "questions": questions,
    }


def missions_for(session: Session, quiz: Quiz, company_id: str | None) -> list[dict[str, Any]]:
    """« Des missions en lien avec ce quiz », from quiz's own copy: no call to catalog."""
    query = sa.select(MissionCopy).where(MissionCopy.status == domain.PUBLISHED)
    if quiz.mission_ids:
        query = query.where(MissionCopy.id.in_(quiz.mission_ids))
    missions = session.scalars(query).all()
    return [
        {key: getattr(mission, key) for key in ("id", "title", "association_name", "themes", "city", "department", "url")}
        for mission in domain.linked_missions(quiz.themes, quiz.mission_ids, missions, company_id)
    ]


def answer_refusal(quiz: Quiz, today: date) -> str | None:
    try:
        domain.accepts_answers(status_of(quiz), window_of(quiz), today)
    except domain.DomainError as exc:
        return str(exc)
    return None


def for_participant(session: Session, quiz: Quiz, person_id: str, company_id: str | None, today: date) -> dict[str, Any]:
    attempt = attempt_of(session, quiz.id, person_id)
    refusal = AlreadyAnswered(attempt.id).args[0] if attempt else answer_refusal(quiz, today)
    return {
        **summary(quiz),
        "questions": [question_for_participant(question) for question in quiz.questions],
        "can_answer": refusal is None,
        "answer_refusal": refusal,
        "attempt": correction(quiz, attempt) if domain.correction_visible(attempt is not None) else None,
        "linked_missions": missions_for(session, quiz, company_id),
    }


def for_operator(session: Session, quiz: Quiz, with_details: bool = True) -> dict[str, Any]:
    count = attempts_count(session, quiz.id)
    body = {
        **summary(quiz),
        **{key: getattr(quiz, key) for key in ("company_ids", "mission_ids", "created_at", "updated_at", "opened_at", "closed_at")},
        "attempts": count,
        "questions_locked": count > 0,
    }
    if with_details:
        body["questions"] = [
            {"id": q.id, "statement": q.statement, "multiple": _multiple(q), "explanation": q.explanation,
             "source_title": q.source_title, "source_url": q.source_url,
             "choices": [{"id": c.id, "label": c.label, "correct": c.correct} for c in q.choices]}
            for q in quiz.questions
        ]
        # The preview as its audience sees it: a reserved quiz as its first company's people, otherwise as anyone.
        body["linked_missions"] = missions_for(session, quiz, quiz.company_ids[0] if quiz.company_ids else None)
    return body


# -- writing (the back office) ------------------------------------------------------------------------------------------

def question_drafts(payload: dict) -> list[domain.QuestionDraft]:
    return [
        domain.QuestionDraft(
            statement=q["statement"].strip(),
            choices=tuple(domain.ChoiceDraft(c["label"].strip(), c["correct"]) for c in q["choices"]),
            explanation=q["explanation"].strip(), source_title=q["source_title"].strip(), source_url=q["source_url"].strip(),
        )
        for q in payload["questions"]
    ]


def _new_questions(drafts: Sequence[domain.QuestionDraft]) -> list[Question]:
    return [
        Question(
            id=str(uuid.uuid4()), position=index, statement=draft.statement, explanation=draft.explanation,
            source_title=draft.source_title, source_url=draft.source_url,
            choices=[Choice(id=str(uuid.uuid4()), position=i, label=c.label, correct=c.correct) for i, c in enumerate(draft.choices)],
        )
        for index, draft in enumerate(drafts)
    ]


def _checked_fields(payload: dict) -> dict[str, Any]:
    window = domain.check_window(payload["opens_on"], payload["closes_on"] or domain.default_closing(payload["opens_on"]))
    return {
        "title": payload["title"].strip(), "introduction": payload["introduction"].strip(),
        "themes": domain.check_themes(payload["themes"]), "opens_on": window.opens_on, "closes_on": window.closes_on,
        "company_ids": sorted(set(payload["company_ids"])), "mission_ids": list(dict.fromkeys(payload["mission_ids"])),
    }


def check_no_conflict(session: Session, quiz: Quiz) -> None:
    others = session.scalars(
        sa.select(Quiz).where(Quiz.id != quiz.id, Quiz.status.in_([domain.QuizStatus.SCHEDULED, domain.QuizStatus.OPEN]))
        .with_for_update()
    ).all()
    other = domain.scheduling_conflict(planned(quiz), [planned(o) for o in others])
    if other is not None:
        raise domain.DomainError(domain.conflict_message(other))


def create(uow: UnitOfWork, payload: dict, operator_id: str, now: datetime) -> Quiz:
    drafts = question_drafts(payload)
    domain.check_questions(drafts)
    quiz = Quiz(id=str(uuid.uuid4()), status=domain.QuizStatus.DRAFT.value, created_by=operator_id, created_at=now,
                updated_at=now, **_checked_fields(payload))
    quiz.questions = _new_questions(drafts)
    uow.session.add(quiz)
    uow.session.flush()
    return quiz


def update(uow: UnitOfWork, quiz: Quiz, payload: dict, now: datetime) -> Quiz:
    """Edit; the questions are replaced only while nobody has answered (otherwise only explanations and sources change)."""
    drafts = question_drafts(payload)
    domain.check_questions(drafts)
    fields = _checked_fields(payload)
    replace = domain.check_edit(status_of(quiz), attempts_count(uow.session, quiz.id), drafts_of(quiz), drafts)
    if status_of(quiz) == domain.QuizStatus.OPEN and fields["opens_on"] != quiz.opens_on:
        raise domain.DomainError("Ce quiz est déjà ouvert : sa date d'ouverture ne change plus (tu peux changer sa date de fin).",
                                 field="opens_on")
    for key, value in fields.items():
        setattr(quiz, key, value)
    if replace:
        quiz.questions = _new_questions(drafts)
    else:
        for question, draft in zip(quiz.questions, drafts):
            question.explanation, question.source_title, question.source_url = draft.explanation, draft.source_title, draft.source_url
    quiz.updated_at = now
    if status_of(quiz) in (domain.QuizStatus.SCHEDULED, domain.QuizStatus.OPEN):
        check_no_conflict(uow.session, quiz)
    uow.session.flush()
    return quiz


def change_status(uow: UnitOfWork, quiz: Quiz, action: str, now: datetime) -> Quiz:
    """« Programmer », « Repasser en brouillon » or « Clore »; the schedule check then opens a quiz whose day has come."""
    status = status_of(quiz)
    if action == "schedule":
        quiz.status = domain.schedule(status).value
        check_no_conflict(uow.session, quiz)
    elif action == "unschedule":
        quiz.status = domain.unschedule(status).value
    else:
        quiz.status = domain.close(status).value
        quiz.closed_at = now
    quiz.updated_at = now
    return quiz


# -- answering ----------------------------------------------------------------------------------------------------------

def submit(uow: UnitOfWork, quiz: Quiz, person_id: str, company_id: str | None, answers: dict[str, list[str]],
           today: date, now: datetime) -> Attempt:
    """Score and keep the attempt, publish `quiz.attempt.completed`; raises `AlreadyAnswered` or a `DomainError`.

    The (quiz, person) unique key is the guarantee: of two submissions racing, the second fails on it and changes nothing.
    """
    existing = attempt_of(uow.session, quiz.id, person_id)
    if existing is not None:
        raise AlreadyAnswered(existing.id)
    domain.accepts_answers(status_of(quiz), window_of(quiz), today)
    keys = keys_of(quiz)
    clean = domain.check_answers(keys, answers)
    result = domain.score(keys, clean)
    person = uow.session.get(PersonCopy, person_id)
    known_entity = person is not None and person.company_id == company_id
    attempt = Attempt(
        id=str(uuid.uuid4()), quiz_id=quiz.id, person_id=person_id, company_id=company_id,
        entity_id=person.entity_id if known_entity else None, entity_name=person.entity_name if known_entity else None,
        answers=clean, score=result.points, out_of=result.out_of, submitted_at=now,
    )
    try:
        with uow.session.begin_nested():
            uow.session.add(attempt)
            uow.session.flush()
    except IntegrityError:
        raise AlreadyAnswered(attempt_of(uow.session, quiz.id, person_id).id) from None
    events.attempt_completed(uow, attempt)
    return attempt


# -- the company figures ------------------------------------------------------------------------------------------------

NO_ENTITY = "Entité non renseignée"


def company_figures(session: Session, company_id: str) -> list[dict[str, Any]]:
    """How many of the company's people answered each quiz their company could see, and the average score, by entity."""
    quizzes = [
        quiz for quiz in session.scalars(
            sa.select(Quiz).where(Quiz.status.in_([domain.QuizStatus.OPEN, domain.QuizStatus.CLOSED])).order_by(Quiz.opens_on.desc())
        )
        if audience_of(quiz).includes(company_id)
    ]
    rows = session.execute(
        sa.select(Attempt.quiz_id, Attempt.entity_id, Attempt.entity_name, Attempt.score)
        .where(Attempt.company_id == company_id)
    ).all()
    figures = []
    for quiz in quizzes:
        scores = [row for row in rows if row.quiz_id == quiz.id]
        entities: dict[str | None, dict[str, Any]] = {}
        for row in scores:
            entry = entities.setdefault(row.entity_id, {"entity_id": row.entity_id, "entity_name": row.entity_name or NO_ENTITY, "scores": []})
            entry["scores"].append(row.score)
        figures.append({
            "quiz_id": quiz.id, "title": quiz.title, "opens_on": quiz.opens_on, "closes_on": quiz.closes_on, "status": quiz.status,
            "out_of": len(quiz.questions), "respondents": len(scores), "average_score": domain.average([row.score for row in scores]),
            "entities": sorted(
                ({"entity_id": e["entity_id"], "entity_name": e["entity_name"], "respondents": len(e["scores"]),
                  "average_score": domain.average(e["scores"])} for e in entities.values()),
                key=lambda e: (e["entity_id"] is None, e["entity_name"]),
            ),
        })
    return figures
