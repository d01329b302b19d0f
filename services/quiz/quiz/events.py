"""Events quiz publishes, and the marshmallow schemas that turn them into plain JSON (the contract: asyncapi.yaml)."""
from __future__ import annotations

from marshmallow import Schema, fields

from tandem_shared.inbox import UnitOfWork

from .models import Attempt, Quiz

QUIZ_OPENED = "quiz.quiz.opened"
ATTEMPT_COMPLETED = "quiz.attempt.completed"


class QuizOpenedData(Schema):
    quiz_id = fields.String(required=True)
    title = fields.String(required=True)
    themes = fields.List(fields.String(), required=True)
    opens_on = fields.Date(required=True)
    closes_on = fields.Date(required=True)
    open_to_all_companies = fields.Boolean(required=True)
    company_ids = fields.List(fields.String(), required=True)
    first_question = fields.String(required=True)
    url = fields.String(required=True)
    opened_at = fields.AwareDateTime(required=True)


class AttemptCompletedData(Schema):
    attempt_id = fields.String(required=True)
    quiz_id = fields.String(required=True)
    person_id = fields.String(required=True)
    company_id = fields.String(allow_none=True, required=True)
    entity_id = fields.String(allow_none=True, required=True)
    score = fields.Integer(required=True)
    out_of = fields.Integer(required=True)
    submitted_at = fields.AwareDateTime(required=True)


def quiz_url(public_url: str, quiz: Quiz) -> str:
    return f"{public_url}/quiz/{quiz.id}"


def quiz_opened(uow: UnitOfWork, quiz: Quiz, public_url: str) -> None:
    """The quiz du moment changed: the notifier tells the people who opted in."""
    uow.publish(QUIZ_OPENED, quiz.id, QuizOpenedData().dump({
        "quiz_id": quiz.id,
        "title": quiz.title,
        "themes": quiz.themes,
        "opens_on": quiz.opens_on,
        "closes_on": quiz.closes_on,
        "open_to_all_companies": not quiz.company_ids,
        "company_ids": quiz.company_ids,
        "first_question": quiz.questions[0].statement,
        "url": quiz_url(public_url, quiz),
        "opened_at": quiz.opened_at,
    }))


def attempt_completed(uow: UnitOfWork, attempt: Attempt) -> None:
    """Someone answered a quiz (the company's impact reporting will count it); no answer details leave quiz."""
    uow.publish(ATTEMPT_COMPLETED, attempt.id, AttemptCompletedData().dump({
        "attempt_id": attempt.id,
        **{name: getattr(attempt, name) for name in ("quiz_id", "person_id", "company_id", "entity_id", "submitted_at")},
        "score": attempt.score,
        "out_of": attempt.out_of,
    }))
