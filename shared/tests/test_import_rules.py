"""Architecture rules: services never import each other, the shared package imports no service, and\ndomain modules import no framework and no other layer of their service."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_PACKAGE = REPO_ROOT / "shared" / "tandem_shared"
SERVICE_PACKAGES = {"catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact"}


def lint_imports_executable() -> str:
    candidate = Path(sys.executable).with_name("lint-imports")
    if not candidate.exists():
        pytest.fail(f"lint-imports is not installed next to {sys.executable}; run `uv sync` (dev group)")
    return str(candidate)


def test_import_linter_keeps_every_contract_in_the_root_pyproject():
    # --no-cache: do not leave an .import_linter_cache directory in the repository.
    result = subprocess.run(
        [lint_imports_executable(), "--no-cache", "--no-logo"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert "shared imports no service and not the gateway KEPT" in result.stdout
    assert "Services never import each other KEPT" in result.stdout
    assert "Domain modules import no framework and no other layer KEPT" in result.stdout
    assert "View modules import no other view module KEPT" in result.stdout


@pytest.mark.parametrize(
    "offending_import, reported",
    [
        ("from catalog import models", "catalog.domain -> catalog.models"),
        ("import flask", "catalog.domain -> flask"),
        # Any other module of the service counts, even one as plain as its settings.
        ("from catalog.config import Settings", "catalog.domain -> catalog.config"),
    ],
)
def test_the_domain_contract_breaks_when_a_domain_module_imports_a_framework_or_another_layer(
    tmp_path, offending_import, reported
):
    # A copy of catalog whose domain.py imports what it must not, found before the installed one.
    shutil.copytree(REPO_ROOT / "services" / "catalog" / "catalog", tmp_path / "catalog")
    domain = tmp_path / "catalog" / "domain.py"
    domain.write_text(domain.read_text(encoding="utf-8") + f"\n{offending_import}\n", encoding="utf-8")

    result = subprocess.run(
        [lint_imports_executable(), "--no-cache", "--no-logo", "--config", str(REPO_ROOT / "pyproject.toml"),
         "--contract", "domain-purity"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )

    assert result.returncode != 0, result.stdout
    assert "Domain modules import no framework and no other layer BROKEN" in result.stdout
    assert reported in result.stdout


@pytest.mark.parametrize(
    "package, view, offending_import, reported",
    [
        ("engagement", "people.py", "from .profile import profile", "engagement.api.people -> engagement.api.profile"),
        ("catalog", "spotlights.py", "from .missions import missions", "catalog.api.spotlights -> catalog.api.missions"),
    ],
)
def test_the_views_contract_breaks_when_a_view_module_imports_another(tmp_path, package, view, offending_import, reported):
    # A copy of the service whose view module borrows from another view module, found before the installed one.
    shutil.copytree(REPO_ROOT / "services" / package / package, tmp_path / package)
    module = tmp_path / package / "api" / view
    module.write_text(module.read_text(encoding="utf-8") + f"\n{offending_import}\n", encoding="utf-8")

    result = subprocess.run(
        [lint_imports_executable(), "--no-cache", "--no-logo", "--config", str(REPO_ROOT / "pyproject.toml"),
         "--contract", "views-independent"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )

    assert result.returncode != 0, result.stdout
    assert "View modules import no other view module BROKEN" in result.stdout
    assert reported in result.stdout


def imported_top_level_names(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__"):
            # importlib.import_module("catalog.x") / __import__("catalog"): dynamic imports count too.
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value.split(".")[0])
    return names


def test_the_shared_package_source_never_imports_a_service_package():
    sources = sorted(SHARED_PACKAGE.rglob("*.py"))
    assert len(sources) > 10, "the shared package was not found where expected"

    offenders = {
        str(source.relative_to(REPO_ROOT)): sorted(imported_top_level_names(source) & SERVICE_PACKAGES)
        for source in sources
    }

    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_import_scan_would_notice_a_service_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom catalog.models import Mission\nimport quiz.api as q\n"
        "import importlib\nimportlib.import_module('notifier.sender')\nfrom . import bus\n",
        encoding="utf-8",
    )

    assert imported_top_level_names(sample) & SERVICE_PACKAGES == {"catalog", "quiz", "notifier"}


def test_no_services_tests_import_another_service():
    # What two services must agree on is checked in tests/ (cross-service), never from one service's tests.
    offenders = {}
    for package in sorted(SERVICE_PACKAGES):
        for source in sorted((REPO_ROOT / "services" / package / "tests").rglob("*.py")):
            others = imported_top_level_names(source) & (SERVICE_PACKAGES - {package})
            if others:
                offenders[str(source.relative_to(REPO_ROOT))] = sorted(others)

    assert offenders == {}
