"""The manager's one-click link (« Clique ici pour accepter ou refuser la demande »): shows on GET, decides once on POST."""
import re
from datetime import timedelta

import sqlalchemy as sa

from approval.models import AbsenceRequest, ActionLink
from tandem_shared.timeutil import utcnow


def status_of(service, request_id):
    with service.runtime.db.reading() as session:
        return session.get(AbsenceRequest, request_id).status


def links_of(service, request_id):
    with service.runtime.db.reading() as session:
        return session.scalars(sa.select(ActionLink).where(ActionLink.request_id == request_id).order_by(ActionLink.created_at)).all()


def decisions(service):
    return service.published("approval.request.approved") + service.published("approval.request.refused")


def test_the_get_on_a_link_shows_the_request_and_changes_nothing(service, request_dates):
    request_id, secret = request_dates()
    for _ in range(3):  # a mail scanner, a preview, then the manager
        response = service.client.get(f"/actions/{secret}")
        assert response.status_code == 200, response.json
    shown = response.json
    assert shown["id"] == request_id
    assert shown["person_name"] == "Camille Martin"
    assert shown["mission_title"] == "Aide aux devoirs pour collégiens"
    assert shown["association_name"] == "Les Petits Savants"
    assert shown["status"] == "pending"
    assert shown["days"] == 1.5
    assert re.fullmatch(r"Lundi \d+(er)? \w+ \d{4} — journée", shown["dates"][0]["label"])
    assert shown["dates"][1]["label"].endswith("— 1/2 journée")
    assert shown["months"][0]["days"][0].startswith("Lundi ")
    assert shown["message"].startswith("Bonjour,")
    assert shown["link_expires_at"]
    assert status_of(service, request_id) == "pending"
    (link,) = links_of(service, request_id)
    assert link.used_at is None and link.revoked_at is None
    assert decisions(service) == []
    # The page's address is the credential: it must not travel as a Referer.
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def test_accepting_with_the_link_decides_once_and_publishes_approved(service, request_dates):
    request_id, secret = request_dates()
    response = service.client.post(f"/actions/{secret}", json={"decision": "accept"})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "approved"
    assert response.json["via"] == "link"
    assert response.json["detail"].startswith("C'est validé : Camille Martin est prévenu·e")
    (event,) = service.published("approval.request.approved")
    assert event.subject == request_id
    assert event.data["request_id"] == request_id
    assert event.data["via"] == "link"
    assert event.data["decided_by"] is None
    # Who decided: the holder of the link bound to the manager's address (documents lets them read the convention).
    assert event.data["decided_by_email"] == "sophie.laurent@horizon.example"
    assert event.data["reason"] is None
    assert event.data["mission_id"] == "mission-devoirs"
    assert [d["format"] for d in event.data["dates"]] == ["full_day", "half_day"]
    assert status_of(service, request_id) == "approved"
    (link,) = links_of(service, request_id)
    assert link.used_at is not None


def test_a_second_post_on_the_same_link_gets_410_and_no_second_event(service, request_dates):
    _, secret = request_dates()
    assert service.client.post(f"/actions/{secret}", json={"decision": "accept"}).status_code == 200
    again = service.client.post(f"/actions/{secret}", json={"decision": "refuse", "reason": "Finalement non"})
    assert again.status_code == 410
    assert again.mimetype == "application/problem+json"
    assert again.json["detail"].startswith("Cette demande a déjà été acceptée le ")
    assert len(service.published("approval.request.approved")) == 1
    assert service.published("approval.request.refused") == []
    # Opening the used link later says the same, without deciding anything.
    assert service.client.get(f"/actions/{secret}").status_code == 410


def test_an_expired_link_gets_410(service, request_dates):
    request_id, secret = request_dates()
    with service.runtime.unit_of_work() as uow:
        uow.session.execute(sa.update(ActionLink).where(ActionLink.request_id == request_id).values(expires_at=utcnow() - timedelta(minutes=1)))
    shown = service.client.get(f"/actions/{secret}")
    assert shown.status_code == 410
    assert shown.json["detail"].startswith("Ce lien a expiré le ")
    assert "Les missions de mon équipe" in shown.json["detail"]
    assert service.client.post(f"/actions/{secret}", json={"decision": "accept"}).status_code == 410
    assert decisions(service) == []
    assert status_of(service, request_id) == "pending"


def test_the_link_of_one_request_cannot_act_on_another(service, request_dates):
    x, secret_x = request_dates()
    y, secret_y = request_dates()
    decided = service.client.post(f"/actions/{secret_x}", json={"decision": "refuse", "reason": "Pas cette semaine"})
    assert decided.json["id"] == x
    assert status_of(service, x) == "refused"
    assert status_of(service, y) == "pending"
    (event,) = decisions(service)
    assert event.data["request_id"] == x
    # X's link, used, can do nothing more, and Y's own link is untouched.
    assert service.client.post(f"/actions/{secret_x}", json={"decision": "accept"}).status_code == 410
    assert service.client.get(f"/actions/{secret_y}").json["id"] == y
    assert service.client.post(f"/actions/{secret_y}", json={"decision": "accept"}).status_code == 200
    assert status_of(service, y) == "approved"


def test_a_refusal_carries_the_reason(service, request_dates):
    request_id, secret = request_dates()
    response = service.client.post(f"/actions/{secret}", json={"decision": "refuse", "reason": "  Clôture comptable ce jour-là.  "})
    assert response.status_code == 200
    assert response.json["status"] == "refused"
    assert response.json["reason"] == "Clôture comptable ce jour-là."
    assert response.json["detail"].startswith("La demande est refusée")
    (event,) = service.published("approval.request.refused")
    assert event.data["reason"] == "Clôture comptable ce jour-l\u00e0."
    assert service.published("approval.request.approved") == []


def test_a_refusal_without_a_reason_is_allowed_and_an_acceptance_drops_a_reason(service, request_dates):
    _, refused = request_dates()
    _, accepted = request_dates()
    service.client.post(f"/actions/{refused}", json={"decision": "refuse"})
    service.client.post(f"/actions/{accepted}", json={"decision": "accept", "reason": "Bonne mission !"})
    assert service.published("approval.request.refused")[0].data["reason"] is None
    assert service.published("approval.request.approved")[0].data["reason"] is None


def test_a_decision_must_be_accept_or_refuse(service, request_dates):
    request_id, secret = request_dates()
    response = service.client.post(f"/actions/{secret}", json={"decision": "maybe"})
    assert response.status_code == 422
    assert response.json["errors"] == {"decision": ["Valeur attendue parmi : accept, refuse."]}
    assert status_of(service, request_id) == "pending"


def test_an_unknown_link_gets_404(service, request_dates):
    request_dates()
    for secret in ("pas-un-lien", "x" * 500):
        response = service.client.get(f"/actions/{secret}")
        assert response.status_code == 404
        assert response.json["detail"] == "Ce lien n'est pas valide. Vérifie que tu as copié l'adresse du lien en entier."
        assert service.client.post(f"/actions/{secret}", json={"decision": "accept"}).status_code == 404


def test_a_cancelled_requests_link_is_refused(service, request_dates, cancel_request):
    request_id, secret = request_dates()
    cancel_request(request_id)
    assert status_of(service, request_id) == "cancelled"
    for response in (service.client.get(f"/actions/{secret}"), service.client.post(f"/actions/{secret}", json={"decision": "accept"})):
        assert response.status_code == 410
        assert response.json["detail"] == "Cette demande a été annulée par Camille Martin : il n'y a plus rien à valider."
    assert decisions(service) == []
    (link,) = links_of(service, request_id)
    assert link.revoked_at is not None


def test_the_stored_link_is_a_64_hex_hash_never_the_secret(service, request_dates):
    request_id, secret = request_dates()
    # secrets.token_urlsafe(32): 256 random bits in 43 URL-safe characters.
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", secret)
    (link,) = links_of(service, request_id)
    assert re.fullmatch(r"[0-9a-f]{64}", link.token_hash)
    assert link.token_hash != secret
    assert link.manager_email == "sophie.laurent@horizon.example"
    # Nowhere in approval's own tables (the outbox carries it to the notifier, as the contract says).
    with service.runtime.db.engine.connect() as connection:
        for table in ("requests", "action_links", "reminders_sent"):
            for row in connection.execute(sa.text(f"SELECT * FROM {table}")):
                assert secret not in repr(tuple(row))


def test_a_refusal_reason_keeps_its_line_breaks_and_refuses_other_control_characters(service, request_dates):
    """Issue #19 (7): the reason is written into the employee's e-mail."""
    from tandem_shared.text_fields import MULTI_LINE_MESSAGE

    request_id, secret = request_dates()
    escape = service.client.post(f"/actions/{secret}", json={"decision": "refuse", "reason": "Pas\x1b[2J cette semaine"})
    assert escape.status_code == 422 and escape.json["errors"]["reason"] == [MULTI_LINE_MESSAGE]
    assert status_of(service, request_id) == "pending"
    refused = service.client.post(f"/actions/{secret}", json={"decision": "refuse", "reason": "Pas cette semaine.\r\nLa suivante ?"})
    assert refused.status_code == 200
    assert service.published("approval.request.refused")[-1].data["reason"] == "Pas cette semaine.\nLa suivante ?"
