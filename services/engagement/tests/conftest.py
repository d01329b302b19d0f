"""Fixtures for engagement's tests (the shared ones come from tandem_shared.pytest_plugin)."""
from pathlib import Path

import pytest

from tandem_shared.contract import AsyncApiDocument

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")


@pytest.fixture(scope="session")
def service_package() -> str:
    return "engagement"


@pytest.fixture
def mission_published() -> dict:
    """catalog.mission.published as engagement's AsyncAPI document shows it."""
    example = dict(CONTRACT.examples("catalog.mission.published")[0])
    return {**example, "id": "m-1", "title": "Aide aux devoirs", "published_at": "2026-11-26T10:00:00+00:00"}
