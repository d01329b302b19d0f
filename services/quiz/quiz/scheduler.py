"""The schedule, with no one at the keyboard: scheduled quizzes open on their opening day, open ones close after
their last day. The worker runs `check_schedule` every `QUIZ_SCHEDULE_SECONDS` (the embedded mode too, in a
thread); an operator's « Programmer » runs it at once.

Opening exactly once, whatever runs it and however many times: each quiz moves in its own transaction with a
conditional UPDATE (`… SET status='open' WHERE id=? AND status='scheduled'`); only the transaction whose UPDATE
changed the row writes `quiz.quiz.opened` to the outbox, in that same transaction. A second worker's UPDATE
waits for the first's row lock, then matches nothing.
"""
from __future__ import annotations

import logging
import threading
from datetime import date

import sqlalchemy as sa

from tandem_shared.runtime import BackgroundLoop, ServiceRuntime
from tandem_shared.timeutil import utcnow

from . import clock, domain, events
from .models import Quiz

log = logging.getLogger(__name__)


def _window(quiz: Quiz) -> domain.Window:
    return domain.Window(quiz.opens_on, quiz.closes_on)


def check_schedule(runtime: ServiceRuntime, public_url: str, today: date | None = None) -> tuple[int, int]:
    """One pass: returns (quizzes opened, quizzes closed) by this pass."""
    today = today or clock.today()
    with runtime.db.reading() as session:
        candidates = session.execute(
            sa.select(Quiz.id, Quiz.status, Quiz.opens_on, Quiz.closes_on)
            .where(Quiz.status.in_([domain.QuizStatus.SCHEDULED, domain.QuizStatus.OPEN]))
            .order_by(Quiz.opens_on)
        ).all()
    opened = closed = 0
    for quiz_id, status, opens_on, closes_on in candidates:
        window = domain.Window(opens_on, closes_on)
        status = domain.QuizStatus(status)
        if domain.due_to_close(status, window, today):
            closed += _move(runtime, quiz_id, status, domain.QuizStatus.CLOSED, public_url)
        elif domain.due_to_open(status, window, today):
            opened += _move(runtime, quiz_id, status, domain.QuizStatus.OPEN, public_url)
    return opened, closed


def _move(runtime: ServiceRuntime, quiz_id: str, expected: domain.QuizStatus, target: domain.QuizStatus, public_url: str) -> int:
    """Move one quiz from `expected` to `target` unless someone else already did; 1 when this call moved it."""
    now = utcnow()
    stamp = {"opened_at": now} if target == domain.QuizStatus.OPEN else {"closed_at": now}
    with runtime.unit_of_work() as uow:
        changed = uow.session.execute(
            sa.update(Quiz).where(Quiz.id == quiz_id, Quiz.status == expected.value)
            .values(status=target.value, updated_at=now, **stamp),
            execution_options={"preserve_rowcount": True, "synchronize_session": False},
        ).rowcount
        if changed != 1:
            return 0
        if target == domain.QuizStatus.OPEN:
            quiz = uow.session.get(Quiz, quiz_id, populate_existing=True)
            events.quiz_opened(uow, quiz, public_url)
            log.info("quiz %s is now the quiz du moment", quiz_id)
    return 1


def schedule_loop(runtime: ServiceRuntime, public_url: str, every_seconds: float) -> BackgroundLoop:
    """The worker's duty: check the schedule now, then every `every_seconds`, until the worker stops."""

    def run(stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                check_schedule(runtime, public_url)
            except Exception:
                # A database hiccup must not end the duty: the next pass tries again.
                log.exception("quiz schedule check failed")
            stop.wait(every_seconds)

    return BackgroundLoop(name="schedule", run=run)
