"""The rules that keep sharing a mission and « Je propose » from being a relay (issue 19, point 5)."""
from datetime import datetime, timedelta, timezone

import pytest

from engagement import domain

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def test_colleagues_and_oneself_are_not_outside_recipients():
    recipients = ["lou@horizon.test", "Me@Horizon.test", "x@proton.test", "y@horizon.test.evil.test", "z@sub.horizon.test"]
    outside = domain.outside_recipients(recipients, company_domains={"horizon.test"}, own_email="me@horizon.test")
    assert outside == ["x@proton.test", "y@horizon.test.evil.test", "z@sub.horizon.test"]
    assert domain.outside_recipients(["me@asso.test", "a@asso.test"], company_domains=frozenset(), own_email="me@asso.test") == ["a@asso.test"]


def test_outside_recipients_fit_the_rolling_days_allowance_or_are_named_in_french():
    domain.check_outside_recipients(["a@x.test", "b@x.test"], sent_in_last_day=3, per_day=5, company_domains={"horizon.test"})
    with pytest.raises(domain.DomainError) as refused:
        domain.check_outside_recipients(["a@x.test", "b@x.test", "c@x.test"], sent_in_last_day=3, per_day=5, company_domains={"horizon.test"})
    assert refused.value.field == "recipients"
    assert str(refused.value) == ("Hors de ton entreprise, tu peux partager avec 5 adresses par période de 24 heures (il t'en reste 2) : "
                                  "retire c@x.test. Tes collègues (@horizon.test) peuvent toujours recevoir la mission.")
    with pytest.raises(domain.DomainError, match="tu as atteint cette limite pour l'instant"):
        domain.check_outside_recipients(["a@x.test"], sent_in_last_day=7, per_day=5, company_domains=set())


def test_a_send_waits_until_the_oldest_send_in_a_full_window_leaves_it():
    quota = domain.SendQuota(per_hour=2, per_day=3)
    assert domain.send_retry_after([], quota, NOW) is None
    assert domain.send_retry_after([NOW - timedelta(minutes=50)], quota, NOW) is None
    assert domain.send_retry_after([NOW - timedelta(minutes=50), NOW - timedelta(minutes=10)], quota, NOW) == 600
    # Sends older than the hour count for the day only.
    assert domain.send_retry_after([NOW - timedelta(hours=2), NOW - timedelta(hours=3)], quota, NOW) is None
    day_full = [NOW - timedelta(hours=20), NOW - timedelta(hours=2), NOW - timedelta(hours=3)]
    assert domain.send_retry_after(day_full, quota, NOW) == 4 * 3600
    assert domain.send_retry_after([NOW - timedelta(hours=1), NOW - timedelta(hours=1)], quota, NOW) is None
    assert domain.send_retry_after([NOW - timedelta(seconds=3599.5)] * 2, quota, NOW) == 1


def test_the_wait_reads_in_french_rounded_up():
    assert domain.waiting_label(1) == "1 minute"
    assert domain.waiting_label(61) == "2 minutes"
    assert domain.waiting_label(40 * 60) == "40 minutes"
    assert domain.waiting_label(89 * 60) == "89 minutes"
    assert domain.waiting_label(90 * 60) == "2 heures"
    assert domain.waiting_label(23 * 3600 - 1) == "23 heures"


def test_a_verification_or_reset_email_fits_while_the_address_received_fewer_than_the_quota():
    quota = domain.SendQuota(per_hour=3, per_day=10)
    assert domain.account_mail_allowed([NOW - timedelta(minutes=10)] * 2, quota, NOW)
    assert not domain.account_mail_allowed([NOW - timedelta(minutes=10)] * 3, quota, NOW)
    assert domain.account_mail_allowed([NOW - timedelta(minutes=61)] * 3, quota, NOW)
    assert not domain.account_mail_allowed([NOW - timedelta(hours=h, minutes=1) for h in range(1, 11)], quota, NOW)


def test_an_ip_over_its_anonymous_requests_is_told_when_to_retry_in_french():
    quota = domain.SendQuota(per_hour=2, per_day=100)
    assert domain.anonymous_request_refusal(domain.AnonymousRequest.SIGN_UP, [NOW - timedelta(minutes=5)], quota, NOW) is None
    refusal = domain.anonymous_request_refusal(domain.AnonymousRequest.SIGN_UP, [NOW - timedelta(minutes=50), NOW - timedelta(minutes=5)], quota, NOW)
    assert refusal == ("Beaucoup d'inscriptions sont parties de ta connexion ces derniers temps : réessaie dans 10 minutes.", 600)
    for kind in domain.AnonymousRequest:
        message, _ = domain.anonymous_request_refusal(kind, [NOW] * 2, quota, NOW)
        assert message.endswith("réessaie dans 60 minutes.")
