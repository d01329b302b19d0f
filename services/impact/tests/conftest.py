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
