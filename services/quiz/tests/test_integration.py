"""Quiz on the real PostgreSQL and RabbitMQ: a quiz opens exactly once, whatever the number of workers checking the
schedule at the same moment, and two simultaneous submissions make one attempt."""
import threading
from datetime import date

import pytest

from quiz import scheduler
from quiz.models import Attempt, Quiz

from .conftest import Quizzes

pytestmark = pytest.mark.integration

WORKERS = 6


def _at_once(calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.fixture
def quizzes_pg(service_on_real_infrastructure, tokens, today):
    return Quizzes(service_on_real_infrastructure, tokens)


def test_a_quiz_opens_once_with_several_workers_checking_the_schedule_together(quizzes_pg, today):
    harness = quizzes_pg.service
    assert harness.runtime.db.engine.dialect.name == "postgresql"
    quiz = quizzes_pg.create(date(2027, 3, 11), company_ids=["openers-inc"])
    assert quizzes_pg.schedule(quiz["id"]).get_json()["status"] == "scheduled"
    # Its day comes; several workers (each its own connection) check the schedule at the same instant.
    results = _at_once([lambda: scheduler.check_schedule(harness.runtime, "http://tandem.test", date(2027, 3, 11))] * WORKERS)
    assert sorted(opened for opened, _ in results) == [0] * (WORKERS - 1) + [1]
    opened = [e for e in harness.published("quiz.quiz.opened") if e.data["quiz_id"] == quiz["id"]]
    assert len(opened) == 1
    with harness.runtime.db.reading() as session:
        assert session.get(Quiz, quiz["id"]).status == "open"


def test_simultaneous_submissions_make_one_attempt(quizzes_pg, today):
    harness = quizzes_pg.service
    # The database is the module's: a company of its own keeps this quiz clear of the other test's.
    quiz = quizzes_pg.open_quiz(today, company_ids=["racers-inc"])
    answers = quizzes_pg.answers(quiz)
    headers = quizzes_pg.employee(person="racer", company="racers-inc")
    statuses = _at_once([
        lambda: harness.app.test_client().post(f"/quizzes/{quiz['id']}/attempt", json={"answers": answers}, headers=headers).status_code
    ] * WORKERS)
    assert sorted(statuses) == [201] + [409] * (WORKERS - 1)
    with harness.runtime.db.reading() as session:
        assert session.query(Attempt).filter_by(quiz_id=quiz["id"], person_id="racer").count() == 1
    assert len([e for e in harness.published("quiz.attempt.completed") if e.data["quiz_id"] == quiz["id"]]) == 1
