"""Fixtures for quiz's tests (the shared ones come from tandem_shared.pytest_plugin)."""
import pytest


@pytest.fixture(scope="session")
def service_package() -> str:
    return "quiz"
