"""Quiz's demo data for the embedded mode's first start: eight quizzes, one every 15 days around today (four closed,
the quiz du moment, three scheduled), and some answers of the demo employees, so MES QUIZ is not empty.

The quiz du moment is written as scheduled: the worker's first schedule check opens it and publishes
`quiz.quiz.opened`, as it will for every later quiz. People's ids are engagement's demo ids (uuid5 of the same
names: the services share the convention, not code).
"""
from __future__ import annotations

import uuid
from datetime import timedelta

import sqlalchemy as sa

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.timeutil import utcnow

from . import clock, domain, quizzes
from .demo_content import ATTEMPTS, QUIZZES
from .models import Attempt, Quiz

OPERATOR = "demo-loader"


def demo_id(kind: str, key: str) -> str:
    """engagement.demo.demo_id's convention: the same ids for the same demo names, on every machine."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-{kind}:{key}"))


DEMO_COMPANY_ID = demo_id("company", "Groupe Horizon")


def _payload(entry: dict, opens_on) -> dict:
    return {
        "title": entry["title"], "introduction": entry["introduction"], "themes": entry["themes"], "opens_on": opens_on,
        "closes_on": None, "company_ids": [], "mission_ids": [],
        "questions": [
            {"statement": q["statement"], "explanation": q["explanation"], "source_title": q["source"][0], "source_url": q["source"][1],
             "choices": [{"label": label, "correct": right} for label, right in q["choices"]]}
            for q in entry["questions"]
        ],
    }


def load_demo_data(runtime: ServiceRuntime, settings=None) -> bool:
    """Load the demo quizzes unless a quiz exists; True when it loaded them."""
    today = clock.today()
    # The 15-day rhythm, anchored on a fixed calendar so that two starts on different days agree on the periods.
    start = today - timedelta(days=today.toordinal() % domain.RHYTHM_DAYS)
    with runtime.unit_of_work() as uow:
        if uow.session.scalar(sa.select(sa.func.count()).select_from(Quiz)):
            return False
        now = utcnow()
        by_period: dict[int, Quiz] = {}
        for entry in QUIZZES:
            quiz = quizzes.create(uow, _payload(entry, start + timedelta(days=domain.RHYTHM_DAYS * entry["period"])), OPERATOR, now)
            if entry["period"] < 0:
                quiz.status, quiz.opened_at, quiz.closed_at = domain.QuizStatus.CLOSED.value, now, now
            else:
                quiz.status = domain.QuizStatus.SCHEDULED.value
            by_period[entry["period"]] = quiz
        for email, entity, period, wrong in ATTEMPTS:
            quiz = by_period[period]
            answers = {}
            for index, question in enumerate(quiz.questions):
                right = [c.id for c in question.choices if c.correct]
                other = [c.id for c in question.choices if not c.correct]
                answers[question.id] = other[:1] if index == wrong else right
            result = domain.score(quizzes.keys_of(quiz), answers)
            uow.session.add(Attempt(
                id=str(uuid.uuid4()), quiz_id=quiz.id, person_id=demo_id("person", email), company_id=DEMO_COMPANY_ID,
                entity_id=demo_id("entity", entity), entity_name=entity, answers=answers, score=result.points,
                out_of=result.out_of, submitted_at=now - timedelta(days=domain.RHYTHM_DAYS * -period - 2),
            ))
    return True
