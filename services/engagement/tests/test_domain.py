"""Engagement's pure rules."""
from datetime import datetime, timedelta, timezone

import pytest

from engagement import domain

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def test_a_first_copy_is_always_taken():
    assert domain.is_newer(NOW, None)


def test_an_older_event_never_overwrites_a_newer_copy():
    assert not domain.is_newer(NOW - timedelta(seconds=1), NOW)
    assert domain.is_newer(NOW + timedelta(seconds=1), NOW)


# -- who sees a mission (issue 19: catalog's rule on engagement's copy) ------------------------------


def _mission(status="published", open_to_all=True, company_ids=(), association_id="a-1"):
    from types import SimpleNamespace

    return SimpleNamespace(status=status, open_to_all_companies=open_to_all, company_ids=list(company_ids), association_id=association_id)


def test_an_employee_sees_published_missions_open_to_all_or_reserved_to_their_company():
    horizon = domain.MissionViewer(company_id="c-horizon")
    assert domain.mission_visible_to(_mission(), horizon)
    assert domain.mission_visible_to(_mission(open_to_all=False, company_ids=["c-sso", "c-horizon"]), horizon)
    assert not domain.mission_visible_to(_mission(open_to_all=False, company_ids=["c-sso"]), horizon)
    assert not domain.mission_visible_to(_mission(open_to_all=False, company_ids=[]), horizon)
    assert not domain.mission_visible_to(_mission(status="closed"), horizon)
    assert not domain.mission_visible_to(_mission(status="draft"), horizon)


def test_someone_without_a_company_sees_only_missions_open_to_all():
    nobody = domain.MissionViewer(company_id=None)
    assert domain.mission_visible_to(_mission(), nobody)
    assert not domain.mission_visible_to(_mission(open_to_all=False, company_ids=["c-sso"]), nobody)


def test_the_associations_referents_and_operators_see_all_of_its_missions():
    referent = domain.MissionViewer(company_id=None, association_ids=frozenset({"a-1"}))
    operator = domain.MissionViewer(company_id=None, is_operator=True)
    for mission in (_mission(status="closed", open_to_all=False, company_ids=["c-sso"]), _mission(status="draft")):
        assert domain.mission_visible_to(mission, referent)
        assert domain.mission_visible_to(mission, operator)
    assert not domain.mission_visible_to(_mission(open_to_all=False, company_ids=["c-sso"], association_id="a-2"), referent)
    assert not domain.mission_visible_to(_mission(open_to_all=False, association_id=None), referent)


def test_only_a_visible_mission_still_online_is_offered():
    referent = domain.MissionViewer(company_id=None, association_ids=frozenset({"a-1"}))
    assert domain.mission_offered_to(_mission(open_to_all=False, company_ids=["c-sso"]), referent)
    assert not domain.mission_offered_to(_mission(status="closed"), referent)
    assert not domain.mission_offered_to(_mission(open_to_all=False, company_ids=["c-sso"]), domain.MissionViewer(company_id="c-horizon"))


# -- passwords (issue #19, 6) -----------------------------------------------------------------------


def test_the_demo_password_and_the_guides_kind_of_passphrase_pass_the_strength_threshold():
    from engagement.demo import DEMO_PASSWORD

    for password in (DEMO_PASSWORD, "un jardin partagé au printemps", "🌻🌻 mon jardin 🌻🌻", "Éléphant à l'école été"):
        domain.check_password(password, ("Camille", "Martin", "camille.martin@horizon.example"))


@pytest.mark.parametrize("password", ["Motdepasse2026", "Bienvenue2027", "solidaire1234", "wxcvbn123456", "Koeo20262026", "1111aaaa2222"])
def test_the_strength_estimate_refuses_what_the_word_list_alone_lets_through(password):
    common_passwords, _ = domain.password_estimator()
    assert password.casefold() not in common_passwords
    with pytest.raises(domain.DomainError, match="trop facile à deviner") as refused:
        domain.check_password(password)
    assert refused.value.field == "password"


def test_a_long_password_is_judged_on_its_start_so_a_repetitive_tail_does_not_hide_a_weak_one():
    with pytest.raises(domain.DomainError, match="répète les mêmes caractères"):
        domain.check_password("a" * 100 + "Xq9!zP#4mV")
    domain.check_password("une phrase que je suis seule à connaître " + "a" * 80)


# -- refresh tokens (issue #19, 7) ------------------------------------------------------------------


@pytest.mark.parametrize("rotated_after, verdict", [
    (None, domain.RefreshVerdict.RENEW),
    (timedelta(seconds=0), domain.RefreshVerdict.GRACE),
    (domain.REFRESH_REUSE_GRACE, domain.RefreshVerdict.GRACE),
    (domain.REFRESH_REUSE_GRACE + timedelta(milliseconds=1), domain.RefreshVerdict.REUSED),
    (timedelta(days=3), domain.RefreshVerdict.REUSED),
])
def test_a_replaced_refresh_token_is_reuse_once_the_grace_for_concurrent_tabs_is_over(rotated_after, verdict):
    rotated_at = None if rotated_after is None else NOW - rotated_after
    assert domain.judge_refresh_token(known=True, revoked=False, expired=False, person_active=True, rotated_at=rotated_at, now=NOW) == verdict


@pytest.mark.parametrize("refusal", [{"known": False}, {"revoked": True}, {"expired": True}, {"person_active": False}])
def test_an_unknown_revoked_or_expired_refresh_token_is_refused_without_alarm(refusal):
    state = {"known": True, "revoked": False, "expired": False, "person_active": True, **refusal}
    assert domain.judge_refresh_token(**state, rotated_at=NOW - timedelta(days=3), now=NOW) == domain.RefreshVerdict.REFUSED
