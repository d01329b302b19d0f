"""The workflow's pure rules, with "today" given explicitly: dates, allowance, attendance, bilan, labels."""
from datetime import date
from decimal import Decimal

import pytest

from engagement import domain
from engagement.domain import DayRequest

TODAY = date(2026, 11, 26)  # a Thursday
ANNUAL = domain.DateRules(annual_days=Decimal("2"))
# Retiring on 1 March 2027, in a company that allows the scheme: one day a week from 1 March 2026.
WEEKLY = domain.DateRules(annual_days=Decimal("2"), weekly_from=date(2026, 3, 1), retirement=date(2027, 3, 1))


def check(requested, year=2027, booked=(), rules=ANNUAL, today=TODAY):
    return domain.check_dates(list(requested), year=year, today=today, booked=list(booked), rules=rules)


def full(day):
    return DayRequest(day=day, format=domain.FULL_DAY)


def half(day):
    return DayRequest(day=day, format=domain.HALF_DAY)


def test_working_days_of_the_participations_year_within_the_allowance_are_accepted():
    assert check([full(date(2027, 1, 25)), half(date(2027, 2, 1))]) == {}


def test_a_weekend_day_is_refused():
    assert check([full(date(2027, 1, 23))]) == {0: ["Le samedi 23 janvier 2027 tombe un week-end : choisis un jour ouvré."]}


def test_a_public_holiday_is_refused_and_named():
    assert check([full(date(2026, 4, 6))], year=2026, today=date(2026, 1, 5)) == {0: ["Le lundi 6 avril 2026 est férié (Lundi de Pâques)."]}
    assert check([full(date(2027, 5, 1))], today=date(2027, 1, 5)) == {0: ["Le samedi 1er mai 2027 tombe un week-end : choisis un jour ouvré."]}
    assert check([full(date(2026, 5, 1))], year=2026, today=date(2026, 1, 5)) == {0: ["Le vendredi 1er mai 2026 est férié (Fête du Travail)."]}


def test_a_day_in_the_past_is_refused_but_today_is_accepted():
    assert check([full(date(2026, 11, 25))], year=2026) == {0: ["Le mercredi 25 novembre 2026 est déjà passé."]}
    assert check([full(TODAY)], year=2026) == {}


def test_a_date_outside_the_participations_civil_year_is_refused_with_one_convention_per_year():
    (message,) = check([full(date(2028, 1, 10))])[0]
    assert message.startswith("1 convention = 1 année civile : le lundi 10 janvier 2028 n'est pas en 2027.")


def test_dates_from_two_years_mixed_refuse_the_one_outside_the_year():
    errors = check([full(date(2027, 12, 31)), full(date(2028, 1, 3))])
    assert list(errors) == [1]


def test_a_date_already_requested_or_twice_in_the_request_is_refused():
    assert check([full(date(2027, 1, 25))], booked=[half(date(2027, 1, 25))]) == {0: ["Tu as déjà demandé le lundi 25 janvier 2027."]}
    assert check([full(date(2027, 1, 25)), half(date(2027, 1, 25))]) == {1: ["Le lundi 25 janvier 2027 figure deux fois dans ta demande."]}


def test_the_annual_allowance_counts_approved_pending_and_new_days_and_says_what_remains():
    booked = [half(date(2027, 1, 11))]  # 0.5 used or pending in 2027
    errors = check([full(date(2027, 1, 25)), full(date(2027, 1, 26))], booked=booked)
    assert errors == {1: ["Le mardi 26 janvier 2027 dépasse ton allocation : il te reste 1.5 jour sur 2 en 2027."]}
    # Half days count 0.5: three of them fit in the 1.5 left.
    assert check([half(date(2027, 1, 25)), half(date(2027, 1, 26)), half(date(2027, 1, 27))], booked=booked) == {}


def test_the_annual_allowance_only_counts_the_participations_year():
    booked = [full(date(2026, 12, 1)), full(date(2026, 12, 2))]
    assert check([full(date(2027, 1, 25)), full(date(2027, 1, 26))], booked=booked) == {}


def test_in_the_current_year_the_refusal_says_this_year():
    errors = check([full(date(2026, 12, 1)), full(date(2026, 12, 2)), full(date(2026, 12, 3))], year=2026)
    assert errors == {2: ["Le jeudi 3 décembre 2026 dépasse ton allocation : il te reste 2 jours sur 2 cette année."]}


def test_at_the_end_of_a_career_one_day_per_iso_week_counting_approved_and_pending():
    monday, tuesday, next_monday = date(2027, 1, 25), date(2027, 1, 26), date(2027, 2, 1)
    assert check([full(monday), full(next_monday), full(date(2027, 2, 8))], rules=WEEKLY) == {}
    assert check([half(monday), half(tuesday)], rules=WEEKLY) == {}
    errors = check([full(tuesday)], booked=[half(monday)], rules=WEEKLY)
    assert errors == {0: ["Mécénat fin de carrière : 1 jour par semaine au plus. La semaine du lundi 25 janvier 2027, il te reste 0.5 jour."]}


def test_a_date_from_a_confirmed_retirement_on_is_refused_whatever_the_allowance():
    retirement = date(2027, 3, 1)  # a Monday
    said = "Tu pars à la retraite le lundi 1er mars 2027 : le {} n'est plus un jour de travail."
    # The scheme allowed (weekly) or not (the company's days per year): either way no day after the retirement.
    for rules in (WEEKLY, domain.DateRules(annual_days=Decimal("2"), retirement=retirement)):
        errors = check([full(date(2027, 2, 26)), full(retirement), half(date(2027, 3, 2))], rules=rules)
        assert errors == {1: [said.format("lundi 1er mars 2027")], 2: [said.format("mardi 2 mars 2027")]}
    assert check([full(date(2027, 3, 2))]) == {}  # no confirmed date, no such limit


def test_each_date_takes_the_allowance_of_its_own_day_not_of_today():
    """Retiring on 1 March 2027, asked on 5 January 2026: January and February 2026 are on the year's 2 days, the days
    from 1 March 2026 on are one a week (the guide: « 1 jour par semaine … à un an de la retraite »)."""
    today = date(2026, 1, 5)
    before = [full(date(2026, 2, 2)), full(date(2026, 2, 3)), full(date(2026, 2, 4))]
    assert check(before, year=2026, today=today, rules=WEEKLY) == {
        2: ["Le mercredi 4 février 2026 dépasse ton allocation : il te reste 2 jours sur 2 cette année."]}
    within = [full(date(2026, 6, 1)), full(date(2026, 6, 8)), full(date(2026, 6, 15)), full(date(2026, 6, 22))]
    assert check(within, year=2026, today=today, rules=WEEKLY) == {}
    # Days of the weekly months do not use the year's 2 days, and the other way round.
    booked = [full(date(2026, 6, 1)), full(date(2026, 6, 8)), full(date(2026, 2, 2))]
    assert check([full(date(2026, 2, 9))], year=2026, today=today, booked=booked, rules=WEEKLY) == {}
    assert check([half(date(2026, 6, 2))], year=2026, today=today, booked=booked, rules=WEEKLY)[0][0].startswith(
        "Mécénat fin de carrière : 1 jour par semaine au plus. La semaine du lundi 1er juin 2026")


def test_one_request_does_not_mix_dates_before_and_within_the_end_of_career_months():
    errors = check([full(date(2026, 2, 23)), full(date(2026, 3, 2))], year=2026, today=date(2026, 1, 5), rules=WEEKLY)
    assert errors == {0: ["Ton mécénat fin de carrière commence le dimanche 1er mars 2026 : demande le lundi 23 février "
                          "2026 à part, sur ton allocation de l'année."]}


def test_the_end_of_career_months_are_the_twelve_before_a_confirmed_retirement_the_company_allows():
    assert domain.end_of_career_start(date(2027, 6, 30), confirmed=True, policy_enabled=True) == date(2026, 6, 30)
    assert domain.end_of_career_start(date(2027, 6, 30), confirmed=False, policy_enabled=True) is None
    assert domain.end_of_career_start(date(2027, 6, 30), confirmed=True, policy_enabled=False) is None
    # Calendar months, not 365 days: the year before a 1 March 2028 holds a 29 February.
    assert domain.end_of_career_start(date(2028, 3, 1), confirmed=True, policy_enabled=True) == date(2027, 3, 1)
    assert domain.end_of_career_start(date(2028, 2, 29), confirmed=True, policy_enabled=True) == date(2027, 2, 28)
    rules = domain.DateRules(annual_days=Decimal("2"), weekly_from=date(2026, 6, 30), retirement=date(2027, 6, 30))
    assert not rules.weekly(date(2026, 6, 29)) and rules.weekly(date(2026, 6, 30)) and rules.weekly(TODAY)


def test_a_request_is_initial_unless_dates_are_approved_or_pending():
    assert domain.request_kind(has_approved_dates=False, has_pending_request=False) == "initial"
    assert domain.request_kind(has_approved_dates=True, has_pending_request=False) == "additional"
    assert domain.request_kind(has_approved_dates=False, has_pending_request=True) == "additional"


def test_dates_are_grouped_by_month_with_the_guides_labels():
    groups = domain.group_by_month([
        {"date": date(2026, 1, 26), "format": "full_day"}, {"date": date(2025, 10, 22), "format": "full_day"},
        {"date": date(2025, 10, 23), "format": "half_day"}, {"date": date(2026, 1, 1), "format": "half_day"},
    ])
    assert [(g["month"], [d["label"] for d in g["dates"]]) for g in groups] == [
        ("OCTOBRE 2025", ["Mercredi 22 (journée)", "Jeudi 23 (1/2 journée)"]),
        ("JANVIER 2026", ["Jeudi 1er (1/2 journée)", "Lundi 26 (journée)"]),
    ]


def test_attendance_is_complete_when_every_approved_date_is_past_and_attested_and_nothing_awaits_the_manager():
    attested = [domain.AttendedDay(date(2027, 1, 25), "full_day", True), domain.AttendedDay(date(2027, 2, 1), "half_day", False)]
    assert domain.attendance_complete(attested, pending_requests=0, today=date(2027, 2, 1))
    assert not domain.attendance_complete(attested, pending_requests=1, today=date(2027, 2, 1))
    assert not domain.attendance_complete(attested[:1] + [domain.AttendedDay(date(2027, 2, 1), "half_day", None)], 0, date(2027, 2, 1))
    assert not domain.attendance_complete(attested, pending_requests=0, today=date(2027, 1, 31))
    assert not domain.attendance_complete([], pending_requests=0, today=date(2027, 2, 1))
    assert domain.days_present(attested) == Decimal("1")


def test_attendance_is_attested_for_approved_dates_whose_day_has_come():
    errors = domain.check_attendance([(date(2027, 1, 25), True), (date(2027, 2, 1), True), (date(2027, 1, 26), True)],
                                     approved={date(2027, 1, 25), date(2027, 2, 1)}, today=date(2027, 1, 29),
                                     signed={date(2027, 1, 25), date(2027, 2, 1)}, first_name="Camille")
    assert errors == {1: ["Le lundi 1er février 2027 n'est pas encore passé : la présence s'atteste à partir du jour même."],
                      2: ["Le mardi 26 janvier 2027 n'est pas une date validée de cette mission."]}


def test_attendance_waits_for_a_signed_convention_covering_the_date():
    approved = {date(2027, 1, 25), date(2027, 1, 26)}
    items = [(date(2027, 1, 25), True), (date(2027, 1, 26), False)]
    errors = domain.check_attendance(items, approved=approved, today=date(2027, 1, 29), signed={date(2027, 1, 25)}, first_name="Camille")
    assert errors == {1: ["La convention couvrant le mardi 26 janvier 2027 n'est pas encore signée : "
                          "Camille doit la signer avant que tu puisses attester sa présence."]}
    assert domain.check_attendance(items, approved=approved, today=date(2027, 1, 29), signed=approved, first_name="Camille") == {}


def test_withdrawing_is_possible_until_the_first_approved_date():
    assert domain.can_withdraw([date(2027, 1, 25)], today=date(2027, 1, 24))
    assert not domain.can_withdraw([date(2027, 1, 25)], today=date(2027, 1, 25))
    assert domain.can_withdraw([], today=TODAY)


GOOD_BILAN = {"relevance": "Très bonne", "welcome": "Bonne", "welcome_reasons": " Une équipe attentive. ", "expertise_match": "Oui",
              "expertise_gap": "sans objet", "advice_to_colleague": "Vas-y !", "would_do_again": "Peut-être"}


def test_a_complete_bilan_is_kept_trimmed_and_without_the_explanation_that_does_not_apply():
    answers, errors = domain.check_bilan(GOOD_BILAN)
    assert errors == {}
    assert answers["welcome_reasons"] == "Une équipe attentive."
    assert answers["expertise_gap"] is None


def test_the_bilan_needs_the_required_answers_with_the_guides_choices():
    _, errors = domain.check_bilan({**GOOD_BILAN, "relevance": "Excellente", "expertise_match": "Non", "expertise_gap": "", "would_do_again": None})
    assert errors == {
        "relevance": ["Réponse attendue parmi : Très bonne, Bonne, Moyenne, Mauvaise."],
        "expertise_gap": ["Réponds à cette question."],
        "would_do_again": ["Choisis une réponse."],
    }
    _, errors = domain.check_bilan({**GOOD_BILAN, "expertise_match": " Non ", "expertise_gap": None})
    assert errors == {"expertise_gap": ["Réponds à cette question."]}


def test_the_bilan_questions_are_the_guides_words_plus_two_end_of_mission_questions():
    labels = [question["label"] for question in domain.BILAN_QUESTIONS]
    assert labels[0] == "Que penses-tu de la pertinence des missions de mécénat de compétences qui te sont proposées sur la plateforme ?"
    assert "Peux-tu en expliquer les raisons ?" in labels
    assert "Si tu as répondu NON, peux-tu expliquer pourquoi ?" in labels
    assert labels[-2:] == ["Que dirais-tu à un collègue qui hésite ?", "Referais-tu une mission de mécénat de compétences ?"]


def test_days_are_written_the_french_way():
    assert [domain.days_word(Decimal(n)) for n in ("0", "0.5", "1.5", "2", "7.5")] == ["0 jour", "0.5 jour", "1.5 jour", "2 jours", "7.5 jours"]


def test_a_reminder_period_is_an_iso_week():
    assert domain.iso_period(date(2027, 1, 25)) == "2027-W04"
    assert domain.iso_period(date(2027, 1, 1)) == "2026-W53"


# -- who approves the dates (issue 19) ----------------------------------------------------------


HORIZON = frozenset({"horizon.example", "horizon-group.example"})


def approver(named, recorded="sophie.laurent@horizon.example", policy="allowed_notify_admin", person="camille@horizon.example"):
    return domain.choose_approver(named, person_email=person, recorded_manager=recorded, company_domains=HORIZON, policy=policy)


def refusal(*args, **kwargs) -> str:
    with pytest.raises(domain.DomainError) as caught:
        approver(*args, **kwargs)
    assert caught.value.field == "manager_email"
    return str(caught.value)


def test_the_recorded_manager_approves_by_default_whatever_the_policy():
    for policy in domain.OtherManagerPolicy:
        assert approver(None, policy=policy) == domain.Approver("sophie.laurent@horizon.example", recorded=True, notify_admin=False)
        assert approver(" Sophie.Laurent@Horizon.example ", policy=policy).recorded


def test_an_address_outside_the_company_domains_never_approves():
    for address in ("camille@gmail.example", "x@horizon.example.evil.example", "x@sub.horizon.example", "horizon.example", "x@horizon"):
        for policy in domain.OtherManagerPolicy:
            assert refusal(address, policy=policy).startswith("Indique l'adresse professionnelle de ton manager")
    # Not even a recorded manager left outside the company (its domains changed since).
    assert refusal(None, recorded="sophie@old-name.example").startswith("Indique l'adresse professionnelle")


def test_nobody_approves_their_own_dates():
    assert refusal("Camille@horizon.example") == "Indique l'adresse de ton manager, pas la tienne."
    assert refusal(None, recorded="camille@horizon.example") == "Indique l'adresse de ton manager, pas la tienne."


def test_nor_through_another_address_of_their_own_mailbox():
    # A sub-address is delivered to the person's own mailbox; the company's other domain is, as a rule, an alias.
    for own in ("camille+chef@horizon.example", "Camille+@Horizon.example", "camille@horizon-group.example",
                "camille+validation@horizon-group.example"):
        for policy in ("allowed", "allowed_notify_admin"):
            assert refusal(own, policy=policy) == "Indique l'adresse de ton manager, pas la tienne.", own
    # Someone else's sub-address is that person's mailbox: it approves, as the policy says.
    assert approver("marc+conges@horizon.example", policy="allowed") == domain.Approver(
        "marc+conges@horizon.example", recorded=False, notify_admin=False)
    # A namesake at a domain the company does not own is no alias of the person's mailbox: refused for that reason.
    assert refusal("camille@gmail.example").startswith("Indique l'adresse professionnelle de ton manager")


def test_another_manager_of_the_company_follows_the_policy():
    other = "marc.dupuis@horizon-group.example"
    assert approver(other, policy="allowed") == domain.Approver(other, recorded=False, notify_admin=False)
    assert approver(other, policy="allowed_notify_admin") == domain.Approver(other, recorded=False, notify_admin=True)
    assert "validées par ton manager enregistré (sophie.laurent@horizon.example)" in refusal(other, policy="refused")


def test_without_a_recorded_manager():
    assert refusal(None, recorded=None) == "Renseigne l'adresse e-mail de ton manager."
    assert approver("marc@horizon.example", recorded=None).notify_admin
    assert refusal(None, recorded=None, policy="refused").startswith("Ton manager n'est pas encore enregistré")
    assert refusal("marc@horizon.example", recorded=None, policy="refused").startswith("Ton manager n'est pas encore enregistré")


def test_the_safe_default_policy_tells_the_admin():
    assert domain.DEFAULT_OTHER_MANAGER_POLICY == domain.OtherManagerPolicy.ALLOWED_NOTIFY_ADMIN


def test_a_recorded_manager_is_an_address_of_the_company_other_than_the_person():
    check = domain.check_recorded_manager
    assert check(" Sophie.Laurent@horizon.example", person_email="camille@horizon.example", company_domains=HORIZON) == "sophie.laurent@horizon.example"
    assert check(None, person_email="camille@horizon.example", company_domains=HORIZON) is None
    for address, words in (("camille@horizon.example", "son propre manager"), ("camille+chef@horizon-group.example", "son propre manager"),
                           ("chef@gmail.example", "une adresse de l'entreprise")):
        with pytest.raises(domain.DomainError) as caught:
            check(address, person_email="camille@horizon.example", company_domains=HORIZON)
        assert words in str(caught.value) and caught.value.field == "manager_email"


def test_step_two_waits_again_while_added_dates_wait_for_the_manager():
    def step_two(**facts):
        (_, dates, _, _) = domain.steps(convention_state=domain.CONVENTION_TODO, attendance_complete=False, bilan_done=False, **facts)
        return dates["state"], dates["hint"]

    assert step_two(has_approved=False, has_pending=False) == ("todo", None)
    assert step_two(has_approved=False, has_pending=True) == ("in_progress", "Ta demande attend la validation de ton manager.")
    assert step_two(has_approved=True, has_pending=False) == ("done", None)
    # Dates added after the first ones were approved: « Fait » would contradict the hint beside it.
    assert step_two(has_approved=True, has_pending=True) == ("in_progress", "Ta demande attend la validation de ton manager.")
    # Every pending request went to a manager who lost access since: nobody can decide, the employee acts.
    stuck = ("todo", "Ton manager n'a plus accès à Tandem : annule ta demande, puis envoie tes dates à ton manager actuel.")
    assert step_two(has_approved=False, has_pending=True, pending_unreachable=True) == stuck
    assert step_two(has_approved=True, has_pending=True, pending_unreachable=True) == stuck
    assert step_two(has_approved=True, has_pending=False, pending_unreachable=True) == ("done", None)
