"""Fixtures for quiz's tests (the shared ones come from tandem_shared.pytest_plugin).

The story: Groupe Horizon's people answer « Ton assiette et le climat », the quiz du moment, built by the platform's
operator; the missions they may see come from catalog's events (the AsyncAPI examples)."""
from datetime import date, timedelta
from pathlib import Path

import pytest

from tandem_shared.contract import AsyncApiDocument

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")

COMPANY = "9d8c7b6a-1111-4222-8333-944455566677"
OTHER_COMPANY = "11111111-2222-4333-8444-555555555555"
CAMILLE = "3f2b7c2e-5d1a-4c3e-9a77-1b2c3d4e5f60"
LUCAS = "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"
OPERATOR = "op-julien"


def example(event_type: str, index: int = 0, **overrides) -> dict:
    return {**CONTRACT.examples(event_type)[index], **overrides}


@pytest.fixture(scope="session")
def service_package() -> str:
    return "quiz"


@pytest.fixture
def today(monkeypatch) -> date:
    """Quiz's clock, fixed: the tests say which day it is."""
    from quiz import clock

    day = date(2027, 3, 10)
    monkeypatch.setattr(clock.CLOCK, "today", lambda: day)
    return day


def quiz_payload(opens_on: date, **overrides) -> dict:
    """The guide's own question, then one with two right answers."""
    return {
        "title": "Ton assiette et le climat",
        "introduction": "Bouscule tes idées reçues sur ce que tu manges.",
        "themes": ["environnement"],
        "opens_on": opens_on.isoformat(),
        "questions": [
            {
                "statement": "Pour réduire son empreinte carbone, il vaut mieux manger…",
                "choices": [{"label": "Local", "correct": False}, {"label": "Moins de viande", "correct": True}],
                "explanation": "La production pèse bien plus que le transport.",
                "source_title": "ADEME — Impact CO2, alimentation",
                "source_url": "https://impactco2.fr/outils/alimentation",
            },
            {
                "statement": "Lesquels de ces déchets vont dans le bac de tri ?",
                "choices": [{"label": "Un pot de yaourt", "correct": True}, {"label": "Une bouteille en plastique", "correct": True},
                            {"label": "Un mouchoir usagé", "correct": False}],
                "explanation": "Depuis 2023, tous les emballages se trient.",
                "source_title": "ADEME — consignes de tri",
                "source_url": "https://agirpourlatransition.ademe.fr/particuliers/maison/dechets",
            },
        ],
        **overrides,
    }


class Quizzes:
    """Drives the API as the operator and employees do."""

    def __init__(self, service, tokens):
        self.service = service
        self.client = service.client
        self.tokens = tokens

    def operator(self):
        return self.tokens.headers(OPERATOR, roles=("platform_operator",))

    def employee(self, person=CAMILLE, company=COMPANY):
        return self.tokens.headers(person, roles=("employee",), company_id=company)

    def create(self, opens_on: date, **overrides) -> dict:
        response = self.client.post("/admin/quizzes", json=quiz_payload(opens_on, **overrides), headers=self.operator())
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def schedule(self, quiz_id: str):
        return self.client.post(f"/admin/quizzes/{quiz_id}/schedule", headers=self.operator())

    def open_quiz(self, opens_on: date, **overrides) -> dict:
        quiz = self.create(opens_on, **overrides)
        response = self.schedule(quiz["id"])
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def answers(self, quiz: dict, right: bool = True) -> list[dict]:
        """Answers built from the operator's view (which has the right choices)."""
        full = self.client.get(f"/admin/quizzes/{quiz['id']}", headers=self.operator()).get_json()
        result = []
        for question in full["questions"]:
            chosen = [c["id"] for c in question["choices"] if c["correct"] == right]
            if not right and not question["multiple"]:
                chosen = chosen[:1]
            result.append({"question_id": question["id"], "choice_ids": chosen})
        return result

    def answer(self, quiz: dict, answers: list[dict], headers=None):
        return self.client.post(f"/quizzes/{quiz['id']}/attempt", json={"answers": answers}, headers=headers or self.employee())


@pytest.fixture
def quizzes(service, tokens, today) -> Quizzes:
    return Quizzes(service, tokens)
