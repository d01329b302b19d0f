"""Pytest fixtures every service's tests use; each service's conftest names its package in `service_package`."""
from __future__ import annotations

import contextlib
import importlib
import sqlite3
from pathlib import Path

import pytest

from .harness import ServiceHarness, TokenFactory
from .migrations import upgrade
from .testing import postgres_database, rabbitmq_vhost, reset_memory_broker


def service_dir(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()


@pytest.fixture(scope="session")
def migrated_sqlite_templates(tmp_path_factory) -> dict[str, Path]:
    """Per service package, a SQLite file its migrations have brought to head, made once per test process."""
    return {}


def copy_of_migrated_sqlite(package: str, templates: dict[str, Path], tmp_path_factory, target: Path) -> None:
    """`target` becomes a copy of the package's migrated database: a test starts from what `upgrade` builds, without
    running every migration again (a quarter to half a second a test on two busy cores; the harness's own upgrade then
    finds nothing to do). SQLite's backup API copies a consistent file whatever its journal mode."""
    template = templates.get(package)
    if template is None:
        template = tmp_path_factory.mktemp(f"{package}-migrated") / "template.db"
        upgrade(str(service_dir(package) / "migrations"), f"sqlite:///{template}")
        templates[package] = template
    with contextlib.closing(sqlite3.connect(template)) as source, contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)


@pytest.fixture
def service(service_package: str, tmp_path: Path, tokens: TokenFactory, migrated_sqlite_templates, tmp_path_factory):
    """The service on a SQLite file and the memory bus: its app, runtime and test client."""
    reset_memory_broker()
    database = tmp_path / "service.db"
    copy_of_migrated_sqlite(service_package, migrated_sqlite_templates, tmp_path_factory, database)
    harness = ServiceHarness(service_package, service_dir(service_package), f"sqlite:///{database}", tokens=tokens)
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
