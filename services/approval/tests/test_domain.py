"""Approval's pure rules: decisions, links, French dates, reminder periods."""
from datetime import date, datetime, timedelta, timezone

import pytest

from approval import domain
from approval.domain import Decision, LinkState, RequestFacts, RequestStatus

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def facts(status, **kw):
    return RequestFacts(status=RequestStatus(status), person_name="Camille Martin", **kw)


# -- French dates ------------------------------------------------------------------------------


def test_a_date_reads_as_the_manager_expects_it():
    assert domain.date_label(date(2027, 1, 25), "full_day") == "Lundi 25 janvier 2027 — journée"
    assert domain.date_label(date(2027, 1, 28), "half_day") == "Jeudi 28 janvier 2027 — 1/2 journée"


def test_the_first_of_the_month_is_written_1er():
    assert domain.date_label(date(2027, 2, 1), "full_day") == "Lundi 1er février 2027 — journée"


def test_dates_are_grouped_by_month_in_calendar_order_as_in_the_guide():
    groups = domain.by_month([(date(2027, 2, 1), "full_day"), (date(2027, 1, 28), "half_day"), (date(2027, 1, 25), "full_day")])
    assert groups == [
        {"month": "Janvier 2027", "days": ["Lundi 25 (journée)", "Jeudi 28 (1/2 journée)"]},
        {"month": "Février 2027", "days": ["Lundi 1er (journée)"]},
    ]


def test_a_full_day_counts_one_and_a_half_day_half():
    assert domain.days_count(["full_day", "half_day", "half_day"]) == 2.0


def test_a_moment_is_written_on_the_french_calendar():
    # 23:30 UTC on 30 November is already 1 December in Paris.
    assert domain.when_label(datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)) == "1er décembre 2026"


# -- decisions ---------------------------------------------------------------------------------


TODAY = date(2026, 11, 26)


def test_a_pending_request_is_accepted_or_refused():
    assert domain.decide(facts("pending", dates=(TODAY,)), Decision.ACCEPT, TODAY) == RequestStatus.APPROVED
    assert domain.decide(facts("pending"), Decision.REFUSE, TODAY) == RequestStatus.REFUSED


def test_a_request_with_a_date_gone_by_can_only_be_refused():
    """The guide: the manager validates the dates before the employee leaves on the mission."""
    one_passed = facts("pending", dates=(date(2026, 11, 25), date(2026, 12, 3)))
    with pytest.raises(domain.DomainError) as refused:
        domain.decide(one_passed, Decision.ACCEPT, TODAY)
    assert str(refused.value) == ("Le mercredi 25 novembre 2026 est passé : tu ne peux plus accepter cette demande, les dates "
                                  "se valident avant la mission. Refuse-la : Camille Martin pourra demander d'autres dates.")
    assert domain.decide(one_passed, Decision.REFUSE, TODAY) == RequestStatus.REFUSED
    two_passed = facts("pending", dates=(date(2026, 11, 24), date(2026, 11, 2)))
    assert domain.acceptance_refusal(two_passed, TODAY).startswith(
        "Ces dates sont passées (lundi 2 novembre 2026, mardi 24 novembre 2026) : tu ne peux plus accepter")
    assert domain.acceptance_refusal(facts("pending", dates=(TODAY,)), TODAY) is None


@pytest.mark.parametrize("status, expected", [
    ("approved", "Cette demande a déjà été acceptée le 26 novembre 2026 : il n'y a plus rien à faire."),
    ("refused", "Cette demande a déjà été refusée le 26 novembre 2026 : Camille Martin peut faire une nouvelle demande."),
    ("cancelled", "Cette demande a été annulée par Camille Martin : il n'y a plus rien à valider."),
])
def test_a_request_no_longer_pending_is_never_decided_again(status, expected):
    with pytest.raises(domain.DomainError) as refused:
        domain.decide(facts(status, decided_at=NOW, via="link", cancellation="cancelled"), Decision.ACCEPT, TODAY)
    assert str(refused.value) == expected


def test_the_refusal_says_when_the_team_view_decided_it():
    message = domain.closed_message(facts("approved", decided_at=NOW, via="team_view"))
    assert message == "Cette demande a déjà été acceptée le 26 novembre 2026 depuis « Les missions de mon équipe » : il n'y a plus rien à faire."


def test_a_withdrawal_is_explained():
    message = domain.closed_message(facts("cancelled", cancellation="withdrawn"))
    assert message == "Cette demande a été annulée par Camille Martin, qui ne participe plus à la mission : il n'y a plus rien à valider."


def test_only_a_refusal_keeps_a_reason_and_a_blank_one_is_none():
    assert domain.refusal_reason(Decision.REFUSE, "  Clôture comptable  ") == "Clôture comptable"
    assert domain.refusal_reason(Decision.REFUSE, "   ") is None
    assert domain.refusal_reason(Decision.ACCEPT, "Bravo") is None


def test_cancelling_ends_a_pending_or_approved_request_and_leaves_a_refused_one():
    assert domain.cancel(RequestStatus.PENDING) == RequestStatus.CANCELLED
    assert domain.cancel(RequestStatus.APPROVED) == RequestStatus.CANCELLED
    assert domain.cancel(RequestStatus.REFUSED) == RequestStatus.REFUSED
    assert domain.cancel(RequestStatus.CANCELLED) == RequestStatus.CANCELLED


# -- links -------------------------------------------------------------------------------------


def test_a_link_is_used_revoked_expired_or_usable():
    later = NOW + timedelta(days=1)
    assert domain.link_state(used_at=NOW, revoked_at=None, expires_at=later, now=NOW) == LinkState.USED
    assert domain.link_state(used_at=None, revoked_at=NOW, expires_at=later, now=NOW) == LinkState.REVOKED
    assert domain.link_state(used_at=None, revoked_at=None, expires_at=NOW, now=NOW) == LinkState.EXPIRED
    assert domain.link_state(used_at=None, revoked_at=None, expires_at=later, now=NOW) == LinkState.USABLE


def test_a_usable_link_on_a_pending_request_may_act():
    assert domain.link_refusal(LinkState.USABLE, facts("pending"), NOW, "a@x.example", "a@x.example") is None


def test_a_link_speaks_of_its_request_first():
    message = domain.link_refusal(LinkState.USED, facts("approved", decided_at=NOW, via="link"), NOW, "a@x.example", "a@x.example")
    assert message.startswith("Cette demande a déjà été acceptée le 26 novembre 2026")


def test_an_expired_link_says_when_it_expired():
    message = domain.link_refusal(LinkState.EXPIRED, facts("pending"), NOW, "a@x.example", "a@x.example")
    assert message.startswith("Ce lien a expiré le 26 novembre 2026.")


def test_a_replaced_link_points_to_the_latest_e_mail():
    message = domain.link_refusal(LinkState.REVOKED, facts("pending"), NOW, "a@x.example", "a@x.example")
    assert "remplacé par un lien plus récent" in message


def test_a_link_bound_to_another_address_may_not_act():
    message = domain.link_refusal(LinkState.USABLE, facts("pending"), NOW, "old.manager@x.example", "new.manager@x.example")
    assert message == "Ce lien n'a pas été envoyé à la personne qui doit valider cette demande."
    assert domain.link_refusal(LinkState.USABLE, facts("pending"), NOW, "A@X.example", "a@x.example") is None


# -- reminders ---------------------------------------------------------------------------------


def test_the_reminder_period_is_the_iso_week():
    assert domain.reminder_period(datetime(2027, 1, 27, 12, tzinfo=timezone.utc)) == "2027-W04"
    # 1 January 2027 is a Friday: it belongs to the last ISO week of 2026.
    assert domain.reminder_period(datetime(2027, 1, 1, 12, tzinfo=timezone.utc)) == "2026-W53"


def test_a_request_is_reminded_once_n_days_have_passed_while_it_is_pending():
    created = NOW - timedelta(days=3)
    ahead = [date(2027, 1, 25)]
    assert domain.reminder_due(status=RequestStatus.PENDING, created_at=created, now=NOW, days=3, dates=ahead)
    assert not domain.reminder_due(status=RequestStatus.PENDING, created_at=created + timedelta(minutes=1), now=NOW, days=3, dates=ahead)
    assert not domain.reminder_due(status=RequestStatus.APPROVED, created_at=created, now=NOW, days=3, dates=ahead)


def test_a_request_one_of_whose_dates_has_passed_is_not_reminded():
    """It can no longer be accepted: there is nothing to nudge the manager about."""
    created = NOW - timedelta(days=10)
    assert not domain.reminder_due(status=RequestStatus.PENDING, created_at=created, now=NOW, days=3, dates=[date(2026, 11, 20)])
    assert not domain.reminder_due(status=RequestStatus.PENDING, created_at=created, now=NOW, days=3, dates=[date(2026, 11, 20), date(2026, 11, 26)])
    assert domain.reminder_due(status=RequestStatus.PENDING, created_at=created, now=NOW, days=3, dates=[date(2026, 11, 26), date(2026, 12, 1)])


def test_nobody_validates_their_own_dates():
    with pytest.raises(domain.DomainError) as refused:
        domain.check_decider("person-1", "person-1")
    assert str(refused.value) == "Tu ne peux pas valider tes propres dates : c'est à ton manager de le faire."
    domain.check_decider("manager-1", "person-1")
    domain.check_decider(None, "person-1")
