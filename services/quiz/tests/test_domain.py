"""Quiz's pure rules: windows, scheduling conflicts, the "no edit after answers" rule, answering and scoring,
and the mission visibility rule on quiz's copy."""
from datetime import date

import pytest

from quiz import domain
from quiz.domain import Audience, Planned, QuizStatus, Window

D = date(2027, 3, 1)


def _planned(id, opens, closes, companies=(), status=QuizStatus.SCHEDULED):
    return Planned(id, f"Quiz {id}", status, Window(opens, closes), Audience.of(companies))


def test_a_window_includes_its_first_and_last_day():
    window = Window(date(2027, 3, 1), date(2027, 3, 15))
    assert window.contains(date(2027, 3, 1)) and window.contains(date(2027, 3, 15))
    assert not window.contains(date(2027, 2, 28)) and not window.contains(date(2027, 3, 16))
    assert domain.default_closing(date(2027, 3, 1)) == date(2027, 3, 15)


def test_a_window_that_ends_before_it_starts_is_refused():
    with pytest.raises(domain.DomainError) as error:
        domain.check_window(date(2027, 3, 10), date(2027, 3, 9))
    assert error.value.field == "closes_on"


def test_two_quizzes_for_every_company_on_overlapping_days_conflict():
    other = _planned("a", date(2027, 3, 1), date(2027, 3, 15))
    candidate = _planned("b", date(2027, 3, 15), date(2027, 3, 29))
    assert domain.scheduling_conflict(candidate, [other]) == other
    assert "Quiz a" in domain.conflict_message(other)


def test_consecutive_windows_do_not_conflict():
    other = _planned("a", date(2027, 3, 1), date(2027, 3, 15))
    assert domain.scheduling_conflict(_planned("b", date(2027, 3, 16), date(2027, 3, 30)), [other]) is None


def test_quizzes_reserved_to_different_companies_may_run_together_but_not_with_one_for_everyone():
    horizon = _planned("a", date(2027, 3, 1), date(2027, 3, 15), ["horizon"])
    assert domain.scheduling_conflict(_planned("b", D, date(2027, 3, 15), ["other"]), [horizon]) is None
    assert domain.scheduling_conflict(_planned("b", D, date(2027, 3, 15), ["other", "horizon"]), [horizon]) == horizon
    assert domain.scheduling_conflict(_planned("b", D, date(2027, 3, 15)), [horizon]) == horizon


def test_drafts_and_closed_quizzes_never_conflict():
    others = [_planned("a", D, date(2027, 3, 15), status=QuizStatus.DRAFT),
              _planned("c", D, date(2027, 3, 15), status=QuizStatus.CLOSED)]
    assert domain.scheduling_conflict(_planned("b", D, date(2027, 3, 15)), others) is None


def test_the_status_moves_draft_scheduled_open_closed_only():
    assert domain.schedule(QuizStatus.DRAFT) == QuizStatus.SCHEDULED
    assert domain.unschedule(QuizStatus.SCHEDULED) == QuizStatus.DRAFT
    assert domain.close(QuizStatus.OPEN) == QuizStatus.CLOSED
    for wrong, move in ((QuizStatus.OPEN, domain.schedule), (QuizStatus.OPEN, domain.unschedule), (QuizStatus.DRAFT, domain.close)):
        with pytest.raises(domain.DomainError):
            move(wrong)


def test_a_scheduled_quiz_is_due_on_its_opening_day_and_closes_after_its_last_day():
    window = Window(date(2027, 3, 1), date(2027, 3, 15))
    assert not domain.due_to_open(QuizStatus.SCHEDULED, window, date(2027, 2, 28))
    assert domain.due_to_open(QuizStatus.SCHEDULED, window, date(2027, 3, 1))
    assert not domain.due_to_open(QuizStatus.DRAFT, window, date(2027, 3, 1))
    assert not domain.due_to_close(QuizStatus.OPEN, window, date(2027, 3, 15))
    assert domain.due_to_close(QuizStatus.OPEN, window, date(2027, 3, 16))
    # Missed entirely (nobody checked during its window): it closes without ever opening.
    assert domain.due_to_close(QuizStatus.SCHEDULED, window, date(2027, 3, 16))
    assert not domain.due_to_open(QuizStatus.SCHEDULED, window, date(2027, 3, 16))


def test_answers_are_accepted_only_while_open_and_inside_the_window():
    window = Window(date(2027, 3, 1), date(2027, 3, 15))
    domain.accepts_answers(QuizStatus.OPEN, window, date(2027, 3, 15))
    with pytest.raises(domain.DomainError, match="terminé"):
        domain.accepts_answers(QuizStatus.OPEN, window, date(2027, 3, 16))
    with pytest.raises(domain.DomainError, match="terminé"):
        domain.accepts_answers(QuizStatus.CLOSED, window, date(2027, 3, 5))
    with pytest.raises(domain.DomainError, match="pas encore ouvert"):
        domain.accepts_answers(QuizStatus.SCHEDULED, window, date(2027, 3, 5))


def _question(statement="Manger local ou moins de viande ?", right=(False, True), explanation="Parce que.") -> domain.QuestionDraft:
    labels = ["Local", "Moins de viande", "Les deux", "Ni l'un ni l'autre"][: len(right)]
    return domain.QuestionDraft(statement, tuple(domain.ChoiceDraft(l, r) for l, r in zip(labels, right)), explanation, "ADEME", "https://impactco2.fr")


def test_questions_need_two_to_six_choices_and_a_right_one():
    domain.check_questions([_question()])
    with pytest.raises(domain.DomainError, match="au moins une bonne"):
        domain.check_questions([_question(right=(False, False))])
    with pytest.raises(domain.DomainError, match="de 2 à 6"):
        domain.check_questions([_question(right=(True,))])
    with pytest.raises(domain.DomainError, match="de 1 à 10"):
        domain.check_questions([])
    with pytest.raises(domain.DomainError, match="de 1 à 10"):
        domain.check_questions([_question()] * 11)


def test_before_any_answer_everything_may_change():
    assert domain.check_edit(QuizStatus.OPEN, 0, [_question()], [_question(right=(True, False))]) is True


def test_after_an_answer_the_questions_and_right_answers_are_frozen():
    with pytest.raises(domain.DomainError) as error:
        domain.check_edit(QuizStatus.OPEN, 1, [_question()], [_question(right=(True, False))])
    assert error.value.field == "questions" and "déjà répondu" in str(error.value)
    with pytest.raises(domain.DomainError):
        domain.check_edit(QuizStatus.OPEN, 1, [_question()], [_question(statement="Autre question ?")])
    # An explanation or a source may still be corrected: the questions are kept (not replaced).
    assert domain.check_edit(QuizStatus.OPEN, 1, [_question()], [_question(explanation="Mieux dit.")]) is False


def test_a_closed_quiz_is_not_editable():
    with pytest.raises(domain.DomainError, match="terminé"):
        domain.check_edit(QuizStatus.CLOSED, 0, [_question()], [_question()])


SINGLE = domain.QuestionKey("q1", ("a", "b", "c"), frozenset({"b"}))
MULTI = domain.QuestionKey("q2", ("x", "y", "z"), frozenset({"x", "y"}))


def test_scoring_counts_questions_whose_choices_are_exactly_the_right_ones():
    assert domain.score([SINGLE, MULTI], {"q1": ["b"], "q2": ["x", "y"]}).points == 2
    # Half of a multiple-answer question, or one wrong choice too many, is not right.
    assert domain.score([SINGLE, MULTI], {"q1": ["b"], "q2": ["x"]}).points == 1
    assert domain.score([SINGLE, MULTI], {"q1": ["a"], "q2": ["x", "y", "z"]}).points == 0
    result = domain.score([SINGLE, MULTI], {"q1": ["b"], "q2": ["y", "x"]})
    assert (result.points, result.out_of, result.percent, result.right_questions) == (2, 2, 100, frozenset({"q1", "q2"}))


def test_answers_must_cover_every_question_with_known_choices():
    assert domain.check_answers([SINGLE, MULTI], {"q1": ["b"], "q2": ["y", "x"]}) == {"q1": ["b"], "q2": ["x", "y"]}
    cases = {
        "missing": ({"q1": ["b"]}, {"q2"}),
        "unknown question": ({"q1": ["b"], "q2": ["x"], "q9": ["a"]}, {"q9"}),
        "choice of another question": ({"q1": ["x"], "q2": ["x"]}, {"q1"}),
        "two choices for a single answer": ({"q1": ["a", "b"], "q2": ["x"]}, {"q1"}),
        "the same choice twice": ({"q1": ["b"], "q2": ["x", "x"]}, {"q2"}),
    }
    for name, (answers, faulty) in cases.items():
        with pytest.raises(domain.AnswerErrors) as error:
            domain.check_answers([SINGLE, MULTI], answers)
        assert set(error.value.errors) == faulty, name
    with pytest.raises(domain.AnswerErrors) as error:
        domain.check_answers([SINGLE, MULTI], {"q1": ["a", "b"], "q2": ["x"]})
    assert error.value.errors["q1"] == ["Une seule réponse possible pour cette question."]


def test_participants_see_open_and_closed_quizzes_of_their_company_only():
    everyone, horizon = Audience.of([]), Audience.of(["horizon"])
    assert domain.quiz_visible_to(QuizStatus.OPEN, everyone, None)
    assert domain.quiz_visible_to(QuizStatus.CLOSED, horizon, "horizon")
    assert not domain.quiz_visible_to(QuizStatus.OPEN, horizon, "other")
    assert not domain.quiz_visible_to(QuizStatus.OPEN, horizon, None)
    assert not domain.quiz_visible_to(QuizStatus.SCHEDULED, everyone, "horizon")
    assert not domain.quiz_visible_to(QuizStatus.DRAFT, everyone, "horizon")


class _Mission:
    def __init__(self, id, themes=("environnement",), status="published", open_to_all_companies=True, company_ids=(), published_at=None):
        self.id, self.themes, self.status = id, list(themes), status
        self.open_to_all_companies, self.company_ids, self.published_at = open_to_all_companies, list(company_ids), published_at


def test_the_mission_copy_follows_catalogs_visibility_rule():
    """Published, and open to every company or reserved for the viewer's: the same answer as catalog's `visible_to`."""
    assert domain.mission_visible_to(_Mission("m"), None)
    assert not domain.mission_visible_to(_Mission("m", status="closed"), "horizon")
    assert not domain.mission_visible_to(_Mission("m", status="draft"), "horizon")
    reserved = _Mission("m", open_to_all_companies=False, company_ids=["horizon"])
    assert domain.mission_visible_to(reserved, "horizon")
    assert not domain.mission_visible_to(reserved, "other")
    assert not domain.mission_visible_to(reserved, None)
    # Not said (no company listed, not open to all): shown to nobody.
    assert not domain.mission_visible_to(_Mission("m", open_to_all_companies=False), "horizon")


def test_linked_missions_are_the_operators_picks_or_the_themes_matches_at_most_six():
    from datetime import datetime, timezone

    missions = [_Mission(f"m{i}", published_at=datetime(2027, 1, i + 1, tzinfo=timezone.utc)) for i in range(8)]
    missions.append(_Mission("health", themes=["santé / handicap"]))
    missions.append(_Mission("secret", open_to_all_companies=False, company_ids=["other"]))
    linked = domain.linked_missions(["environnement"], [], missions, "horizon")
    assert [m.id for m in linked] == ["m7", "m6", "m5", "m4", "m3", "m2"]
    picked = domain.linked_missions(["environnement"], ["health", "secret", "m0"], missions, "horizon")
    assert [m.id for m in picked] == ["health", "m0"]


def test_days_are_spelt_in_french_whatever_the_machines_locale():
    assert domain.french_day(date(2027, 3, 1)) == "1er mars 2027"
    assert domain.french_day(date(2027, 8, 15)) == "15 août 2027"
    assert domain.french_day(date(2027, 12, 3)) == "3 décembre 2027"
    with pytest.raises(domain.DomainError, match="rendez-vous le 2 février 2027"):
        domain.accepts_answers(QuizStatus.SCHEDULED, Window(date(2027, 2, 2), date(2027, 2, 16)), date(2027, 1, 20))
