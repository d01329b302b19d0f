"""« Des missions en lien avec ce quiz » across processes: catalog publishes and closes missions, quiz learns them
over RabbitMQ and shows each employee the open ones of the quiz's themes that their company may see.

Every service runs as its own process on RabbitMQ and PostgreSQL, behind the production nginx configuration
(the `distributed` fixture in conftest.py).
"""
from __future__ import annotations

import pytest
import requests
from helpers import load_engagement_demo, poll, publish_mission, requests_post, token_signed_with, wait_for_consumers

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

# A theme no other cross-service test publishes missions in: the linked missions (six at most) are this test's own.
THEME = "environnement"
OTHER_COMPANY_ID = "entreprise-voisine"


def linked_titles(base: str, headers: dict, quiz_id: str) -> list[str]:
    response = requests.get(f"{base}/api/quiz/quizzes/{quiz_id}", headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    return [mission["title"] for mission in response.json()["linked_missions"]]


def test_a_mission_published_by_catalog_is_linked_to_the_quiz_of_its_theme_until_it_is_closed(distributed):
    from engagement.demo import DEMO_PASSWORD
    from quiz import clock

    base = distributed["base"]
    wait_for_consumers(distributed["broker_url"], ("quiz", "catalog"))
    operator = {"Authorization": "Bearer " + token_signed_with(distributed["private_key"], "op-quiz", ["platform_operator"])}

    # An employee of Groupe Horizon, signed in for real: engagement's token carries her company.
    load_engagement_demo(distributed)
    login = requests.post(f"{base}/api/engagement/session", json={"email": "lucas.bernard@horizon.example", "password": DEMO_PASSWORD})
    assert login.status_code == 200, login.text
    employee = {"Authorization": f"Bearer {login.cookies['tandem_session']}"}
    # Someone of another company (engagement's demo has one company: their token is minted with the platform's key).
    neighbour = {"Authorization": "Bearer " + token_signed_with(
        distributed["private_key"], "voisin-1", ["employee"], company_id=OTHER_COMPANY_ID)}

    # The operator writes the quiz in the back office and schedules it for today: it opens at once.
    created = requests.post(f"{base}/api/quiz/admin/quizzes", headers=operator, timeout=10, json={
        "title": "Le climat au quotidien", "introduction": "Trois minutes pour bousculer tes idées reçues.",
        "themes": [THEME], "opens_on": clock.today().isoformat(),
        "questions": [{
            "statement": "Quel geste numérique pèse le plus lourd en carbone ?",
            "choices": [{"label": "Fabriquer son smartphone", "correct": True}, {"label": "Envoyer un e-mail", "correct": False}],
            "explanation": "La fabrication des appareils domine l'empreinte du numérique.",
            "source_title": "ADEME, l'empreinte du numérique", "source_url": "https://www.ademe.fr/",
        }],
    })
    assert created.status_code == 201, created.text
    quiz_id = created.json()["id"]
    assert created.json()["status"] == "draft"
    scheduled = requests.post(f"{base}/api/quiz/admin/quizzes/{quiz_id}/schedule", headers=operator, timeout=10)
    assert scheduled.status_code == 200, scheduled.text
    assert scheduled.json()["status"] == "open"
    current = requests.get(f"{base}/api/quiz/current", headers=employee, timeout=10).json()
    assert current["quiz"]["id"] == quiz_id
    assert linked_titles(base, employee, quiz_id) == []

    # Catalog publishes three missions: one of the quiz's theme open to every company, one of its theme reserved for
    # another company, one of another theme.
    post = requests_post(base)
    open_to_all = "Ramasser les déchets des berges du Rhône"
    reserved = "Inventorier les haies d'un parc voisin"
    publish_mission(post, operator, open_to_all, "berges@rhone-propre.example", "Rhône Propre", themes=[THEME])
    publish_mission(post, operator, reserved, "haies@parcs-vivants.example", "Parcs Vivants", themes=[THEME],
                    open_to_all_companies=False, company_ids=[OTHER_COMPANY_ID])
    other_theme = "Animer un atelier de lecture"
    publish_mission(post, operator, other_theme, "lecture@lire-ensemble.example", "Lire Ensemble", themes=["arts / culture"])
    mission_id = next(m["id"] for m in requests.get(f"{base}/api/catalog/missions/mine", headers=operator,
                                                     params={"per_page": 100}, timeout=10).json()["items"]
                      if m["title"] == open_to_all)

    # The neighbour sees both missions of the theme: quiz has learnt the reserved one too…
    poll(lambda: sorted(linked_titles(base, neighbour, quiz_id)) == sorted([open_to_all, reserved]) or None, timeout=15, interval=0.2)
    # …yet the Horizon employee sees only the one open to every company; the other theme is linked to no one.
    assert linked_titles(base, employee, quiz_id) == [open_to_all]
    linked = requests.get(f"{base}/api/quiz/quizzes/{quiz_id}", headers=employee, timeout=10).json()["linked_missions"]
    assert linked[0]["id"] == mission_id
    assert linked[0]["association_name"] == "Rhône Propre"
    assert linked[0]["themes"] == [THEME]
    assert linked[0]["url"].endswith(mission_id)
    # The operator's preview shows the quiz as anyone sees it: not the reserved mission either.
    preview = requests.get(f"{base}/api/quiz/admin/quizzes/{quiz_id}", headers=operator, timeout=10).json()
    assert [m["title"] for m in preview["linked_missions"]] == [open_to_all]

    # Catalog closes the mission: it leaves the quiz's linked missions, for everyone.
    closed = requests.post(f"{base}/api/catalog/missions/{mission_id}/closure", headers=operator, timeout=10)
    assert closed.status_code == 200, closed.text
    poll(lambda: linked_titles(base, employee, quiz_id) == [] or None, timeout=15, interval=0.2)
    assert linked_titles(base, neighbour, quiz_id) == [reserved]
