"""Fixtures for impact's tests (the shared ones come from tandem_shared.pytest_plugin).

The story: Groupe Horizon's people give days to Les Petits Savants; the read model is fed by the events of the
AsyncAPI examples (engagement, approval, documents, catalog), as the real services publish them."""
from pathlib import Path

import pytest

from tandem_shared.contract import AsyncApiDocument

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")

COMPANY = "9d8c7b6a-1111-4222-8333-944455566677"
OTHER_COMPANY = "11111111-2222-4333-8444-555555555555"
CAMILLE = "3f2b7c2e-5d1a-4c3e-9a77-1b2c3d4e5f60"
ADMIN = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716"
OPERATOR = "op-julien"
ENTITY = "0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3"


def example(event_type: str, index: int = 0, **overrides) -> dict:
    return {**CONTRACT.examples(event_type)[index], **overrides}


@pytest.fixture(scope="session")
def service_package() -> str:
    return "impact"


class Feed:
    """Delivers the events the real services publish, shaped as their AsyncAPI examples, to impact's handlers."""

    def __init__(self, service):
        self.service = service
        self.counter = 0

    def _id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter:08d}"

    def deliver(self, event_type: str, **data) -> None:
        assert self.service.deliver(event_type, example(event_type, **data)) == "processed"

    def company(self, company_id=COMPANY, name="Groupe Horizon", entities=((ENTITY, "Direction financière"),), at="2026-01-01T09:00:00+00:00"):
        self.deliver("engagement.company.updated", company_id=company_id, name=name,
                     entities=[{"id": i, "name": n} for i, n in entities], updated_at=at)

    def person(self, person_id=None, company_id=COMPANY, entity=(ENTITY, "Direction financière"), roles=("employee",),
               email=None, first_name="Camille", last_name="Martin", status="active") -> str:
        person_id = person_id or self._id("person")
        self.deliver("engagement.person.registered", person_id=person_id, company_id=company_id,
                     entity_id=entity[0] if entity else None, entity_name=entity[1] if entity else None,
                     roles=list(roles), email=email or f"{person_id}@horizon.example", first_name=first_name,
                     last_name=last_name, status=status, at="2026-01-02T09:00:00+00:00")
        return person_id

    def mission(self, mission_id=None, association_id="assoc-1", association_name="Les Petits Savants",
                themes=("éducation / formation",), title="Aide aux devoirs") -> str:
        mission_id = mission_id or self._id("mission")
        self.deliver("catalog.mission.published", id=mission_id, association_id=association_id,
                     association_name=association_name, themes=list(themes), title=title,
                     updated_at="2026-01-03T09:00:00+00:00")
        return mission_id

    def association(self, association_id="assoc-1", name="Les Petits Savants"):
        self.deliver("catalog.association.registered", id=association_id, name=name, updated_at="2026-01-03T09:00:00+00:00")

    def participation(self, person_id: str, mission_id: str, days: list[tuple[str, str]], *, approve=True, sign=True,
                      attend: dict | None = None, bilan: dict | None = None, refuse=False, cancel=(),
                      end_of_career=False, year=2026) -> str:
        """days: [("2026-03-18", "full_day"), ...]; attend: {date: present} for the attested days."""
        participation_id = self._id("participation")
        request_id = self._id("request")
        dates = [{"date": d, "format": f} for d, f in days]
        step = {"participation_id": participation_id, "person_id": person_id, "mission_id": mission_id, "year": year}
        self.deliver("engagement.application.submitted", **step, submitted_at=f"{year}-01-10T09:00:00+00:00")
        self.deliver("engagement.dates.requested", **step, request_id=request_id, dates=dates,
                     end_of_career=end_of_career, requested_at=f"{year}-01-11T09:00:00+00:00")
        if refuse:
            self.deliver("approval.request.refused", **step, request_id=request_id, dates=dates,
                         decided_at=f"{year}-01-12T09:00:00+00:00")
            return participation_id
        if approve:
            self.deliver("approval.request.approved", **step, request_id=request_id, dates=dates,
                         decided_at=f"{year}-01-12T09:00:00+00:00")
        if cancel:
            self.deliver("engagement.dates.cancelled", participation_id=participation_id, person_id=person_id,
                         request_id=request_id, dates=[x for x in dates if x["date"] in cancel],
                         cancelled_at=f"{year}-01-13T09:00:00+00:00")
        if sign:
            self.deliver("documents.convention.signed", participation_id=participation_id, person_id=person_id,
                         year=year, signed_at=f"{year}-01-14T09:00:00+00:00")
        if attend:
            self.deliver("engagement.attendance.attested", **step,
                         dates=[{**x, "present": attend[x["date"]]} for x in dates if x["date"] in attend],
                         attested_at=f"{year}-12-20T09:00:00+00:00")
        if bilan:
            self.deliver("engagement.bilan.completed", **step, answers=bilan, completed_at=f"{year}-12-21T09:00:00+00:00")
        return participation_id


@pytest.fixture
def feed(service) -> Feed:
    return Feed(service)


def admin_headers(tokens, person=ADMIN, company=COMPANY):
    return tokens.headers(person, roles=("employee", "company_admin"), company_id=company)
