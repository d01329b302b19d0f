"""Fixtures for documents's tests (the shared ones come from tandem_shared.pytest_plugin).

The story: Camille Martin (Groupe Horizon) helps Les Petits Savants with homework; her manager Sophie Laurent
approves her dates. The parties' events are the AsyncAPI examples, so the tests feed documents what engagement and
catalog really publish.
"""
import subprocess
import uuid
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from tandem_shared.contract import AsyncApiDocument
from tandem_shared.harness import ServiceHarness
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.testing import reset_memory_broker

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")

PERSON = "3f2b7c2e-5d1a-4c3e-9a77-1b2c3d4e5f60"
COMPANY = "9d8c7b6a-1111-4222-8333-944455566677"
MISSION = "5b0e7c1e-2f51-4a8f-9f5c-6a3d2c1b0a99"
ASSOCIATION = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"
MANAGER = "sophie.laurent@horizon.example"
MANAGER_ID = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c"
YEAR = 2027


def example(event_type: str, index: int = 0, **overrides) -> dict:
    return {**CONTRACT.examples(event_type)[index], **overrides}


@pytest.fixture(scope="session")
def service_package() -> str:
    return "documents"


@pytest.fixture
def service(service_package: str, tmp_path: Path, tokens):
    """documents on a SQLite file and the memory bus, its data directory (the development seal) in tmp_path."""
    reset_memory_broker()
    harness = ServiceHarness(service_package, service_dir(service_package), f"sqlite:///{tmp_path / 'service.db'}",
                             tokens=tokens, environ={"TANDEM_DATA_DIR": str(tmp_path / "data")})
    yield harness
    harness.close()


def deliver_parties(harness) -> None:
    """What engagement and catalog have told documents before any approval: the company, Camille, the mission."""
    harness.deliver("engagement.company.updated", example("engagement.company.updated"))
    harness.deliver("engagement.person.registered", example("engagement.person.registered"))
    harness.deliver("catalog.mission.published", example("catalog.mission.published"))


@pytest.fixture
def parties(service):
    deliver_parties(service)


def approval(dates, **overrides) -> dict:
    """`approval.request.approved` as approval publishes it; `dates` as [("2027-01-25", "full_day"), …]."""
    return {
        **example("approval.request.approved"),
        "request_id": str(uuid.uuid4()),
        "dates": [{"date": day, "format": format} for day, format in dates],
        **overrides,
    }


@pytest.fixture
def approve(service):
    """The manager accepts dates: the approval reaches documents; returns the payload."""

    def make(dates=(("2027-01-25", "full_day"), ("2027-01-28", "half_day")), **overrides) -> dict:
        data = approval(dates, **overrides)
        assert service.deliver("approval.request.approved", data) == "processed"
        return data

    return make


@pytest.fixture
def issued(service):
    """The payloads of every `documents.convention.issued` written so far."""
    return lambda: [event.data for event in service.published("documents.convention.issued")]


@pytest.fixture
def employee(tokens):
    """Camille's session headers (her token as engagement issues it)."""
    return tokens.headers(PERSON, roles=["employee"], email="camille.martin@horizon.example", company_id=COMPANY, associations=[])


def _pdf_text(pdf: bytes, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    text = subprocess.run(["pdftotext", *pages, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
    # Line breaks and hyphenation aside, the words are what we look for.
    return " ".join(text.split())


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def pdf_text():
    """The PDF's text as pdftotext reads it, whitespace collapsed; `first`/`last` pick pages (1-based)."""
    return _pdf_text


@pytest.fixture
def page_count():
    return _page_count


@pytest.fixture
def story():
    """The ids and names of the story, for tests to name the parties."""
    return SimpleNamespace(person=PERSON, company=COMPANY, mission=MISSION, association=ASSOCIATION, manager=MANAGER,
                           manager_id=MANAGER_ID, year=YEAR, example=example, approval=approval, deliver_parties=deliver_parties)
