"""Pytest fixtures every service's tests use; each service's conftest names its package in `service_package`."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from .harness import ServiceHarness, TokenFactory
from .testing import postgres_database, rabbitmq_vhost, reset_memory_broker


def service_dir(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()


@pytest.fixture
def service(service_package: str, tmp_path: Path, tokens: TokenFactory):
    """The service on a SQLite file and the memory bus: its app, runtime and test client."""
    reset_memory_broker()
    harness = ServiceHarness(service_package, service_dir(service_package), f"sqlite:///{tmp_path / 'service.db'}", tokens=tokens)
    yield harness
    harness.close()


@pytest.fixture(scope="module")
def real_infrastructure(request):
    """A fresh PostgreSQL database and RabbitMQ virtual host for one test module."""
    package = request.getfixturevalue("service_package")
    with postgres_database(prefix=f"tandem_test_{package}") as database_url, rabbitmq_vhost() as broker_url:
        yield database_url, broker_url


@pytest.fixture
def service_on_real_infrastructure(service_package: str, real_infrastructure, tokens: TokenFactory):
    """The same service on the real PostgreSQL and RabbitMQ."""
    database_url, broker_url = real_infrastructure
    harness = ServiceHarness(service_package, service_dir(service_package), database_url, broker_url=broker_url, tokens=tokens)
    yield harness
    harness.close()


# `make test` runs the suite on several pytest-xdist workers with `--dist loadgroup`. A group runs whole on one
# worker, in collection order: everything that shares an expensive session fixture is one group (one distributed
# stack, one embedded platform and Chromium), and every other file is its own group (its module fixtures are built
# once, its tests keep their order).
SHARED_SESSION_GROUPS = (
    ("distributed", lambda item: "distributed" in item.fixturenames),
    ("browser", lambda item: "tests/browser/" in item.nodeid),
)


def xdist_group_of(item) -> str:
    return next((name for name, applies in SHARED_SESSION_GROUPS if applies(item)), item.nodeid.split("::")[0])


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which writes the group into the node id
def pytest_collection_modifyitems(config, items):
    for item in items:
        if not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(xdist_group_of(item)))
