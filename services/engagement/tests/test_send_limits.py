"""Sharing a mission and « Je propose » are not a relay (issue 19, point 5): colleagues' addresses as the rate limit
allows, a few outside addresses a day, and a per-person rate limit answered with 429 and Retry-After."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tandem_shared.timeutil import utcnow

OUTSIDE = [f"cible{n}@proton.test" for n in range(10)]
COLLEAGUES = [f"collegue{n}@horizon.test" for n in range(10)]


@pytest.fixture
def later(monkeypatch):
    """Move the time the send limits read (proposals.utcnow) forward by `delta` from now."""
    import engagement.proposals

    start = utcnow()

    def _later(delta: timedelta):
        monkeypatch.setattr(engagement.proposals, "utcnow", lambda: start + delta)

    _later(timedelta(0))
    return _later


@pytest.fixture
def camille(person):
    return person()


@pytest.fixture
def mission_id(publish_mission):
    return publish_mission()


def share(caller, mission_id, recipients, message=None):
    return caller.post(f"/missions/{mission_id}/share", json={"recipients": recipients, "message": message})


def audit_actions(service, person_id):
    from engagement.models import AuditEntry

    with service.runtime.db.reading() as session:
        return session.scalars(sa.select(AuditEntry.action).where(AuditEntry.person_id == person_id).order_by(AuditEntry.id)).all()


def test_ten_outside_addresses_in_one_share_are_refused_next_to_the_field_and_nothing_leaves(service, camille, mission_id, later):
    response = share(camille, mission_id, OUTSIDE, message="Cliquez vite : https://phishing.test/connexion")
    assert response.status_code == 422
    detail = response.json["errors"]["recipients"][0]
    assert "Hors de ton entreprise, tu peux partager avec 5 adresses par période de 24 heures (il t'en reste 5)" in detail
    assert "@horizon.test" in detail
    assert service.published("engagement.mission.shared") == []
    assert audit_actions(service, camille.id)[-1] == "share_refused"


def test_five_outside_addresses_a_day_then_only_colleagues_until_the_day_has_passed(service, camille, mission_id, later):
    assert share(camille, mission_id, OUTSIDE[:3]).status_code == 202
    assert share(camille, mission_id, OUTSIDE[3:5] + COLLEAGUES[:4]).status_code == 202
    later(timedelta(hours=23))
    refused = share(camille, mission_id, [OUTSIDE[5], COLLEAGUES[5]])
    assert refused.status_code == 422
    assert "tu as atteint cette limite pour l'instant" in refused.json["errors"]["recipients"][0]
    assert OUTSIDE[5] in refused.json["errors"]["recipients"][0]
    # Colleagues, and oneself, are not counted.
    assert share(camille, mission_id, COLLEAGUES[:9] + [camille.email]).status_code == 202
    later(timedelta(hours=24, seconds=1))
    assert share(camille, mission_id, OUTSIDE[5:10]).status_code == 202
    sent = [event.data["recipients"] for event in service.published("engagement.mission.shared")]
    assert sum(1 for recipients in sent for address in recipients if not address.endswith("@horizon.test")) == 10


def test_sharing_is_rate_limited_per_person_with_retry_after_and_a_french_message(service, camille, person, mission_id, later):
    for _ in range(10):
        assert share(camille, mission_id, COLLEAGUES[:1]).status_code == 202
    later(timedelta(minutes=20))
    throttled = share(camille, mission_id, COLLEAGUES[:1])
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == str(40 * 60)
    assert throttled.json["detail"] == "Tu as partagé beaucoup de missions ces derniers temps : réessaie dans 40 minutes."
    assert len(service.published("engagement.mission.shared")) == 10
    # Another person is not affected.
    assert share(person(email="lou.bernard@horizon.test"), mission_id, COLLEAGUES[:1]).status_code == 202
    # An hour after the first shares, ten more fit the day's twenty; the twenty-first waits for the day to pass.
    later(timedelta(hours=1, seconds=1))
    for _ in range(10):
        assert share(camille, mission_id, COLLEAGUES[:1]).status_code == 202
    daily = share(camille, mission_id, COLLEAGUES[:1])
    assert daily.status_code == 429 and int(daily.headers["Retry-After"]) == 23 * 3600 - 1
    assert daily.json["detail"].endswith("réessaie dans 23 heures.")
    assert len(service.published("engagement.mission.shared")) == 21


def test_proposals_are_rate_limited_per_person(service, camille, later):
    example = service.contract.examples("catalog.association.approved")[0]
    for n in range(5):
        assert service.deliver("catalog.association.approved", {**example, "id": f"a-{n}", "name": f"Association {n}"}) == "processed"
    body = "Bonjour, je peux vous aider sur vos outils informatiques en janvier."
    for n in range(3):
        assert camille.post("/proposals", json={"association_id": f"a-{n}", "message": body}).status_code == 201
    throttled = camille.post("/proposals", json={"association_id": "a-3", "message": body})
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) == 3600
    assert throttled.json["detail"].startswith("Tu as envoyé beaucoup de propositions ces derniers temps")
    assert len(service.published("engagement.proposal.sent")) == 3
    later(timedelta(hours=1, seconds=1))
    assert camille.post("/proposals", json={"association_id": "a-3", "message": body}).status_code == 201


def test_someone_without_a_company_shares_with_themselves_and_a_few_outside_addresses(service, person, mission_id, later):
    referent = person(email="referent@asso.test", company_id=None, entity_id=None, roles=("association_referent",))
    assert share(referent, mission_id, [referent.email] + OUTSIDE[:5]).status_code == 202
    assert share(referent, mission_id, OUTSIDE[5:6]).status_code == 422


def test_the_outside_allowance_is_a_setting():
    from engagement.config import Settings

    assert Settings.from_env({}).share_outside_recipients_per_day == 5
    assert Settings.from_env({"ENGAGEMENT_SHARE_OUTSIDE_RECIPIENTS_PER_DAY": "2"}).share_outside_recipients_per_day == 2
