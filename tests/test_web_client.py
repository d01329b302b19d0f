"""The web client's own checks, run by `make test`: vue-tsc, the Vitest unit tests, the generated API client, the build.

Each drives web/'s npm scripts through scripts/web (the machine's Node when recent enough, otherwise the
one uv.lock brings); scripts/setup has already run `npm ci` and the build.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
WEB = REPO_ROOT / "web"


def npm(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO_ROOT / "scripts" / "web"), *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module", autouse=True)
def installed():
    result = npm("ensure")
    assert result.returncode == 0, result.stderr[-4000:]


def test_the_client_type_checks_with_vue_tsc():
    result = npm("run", "--silent", "typecheck")
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]


def test_the_components_and_composables_pass_their_vitest_unit_tests():
    result = npm("run", "--silent", "test:unit", "--", "--reporter=dot")
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]


def test_the_typed_api_client_matches_the_six_checked_in_openapi_documents():
    result = npm("run", "--silent", "api:check")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_the_build_ships_no_test_tooling_and_no_template_compiler():
    dist = WEB / "dist"
    shipped = [path for path in dist.rglob("*") if path.is_file()]
    assert shipped, "web/dist is empty"
    assert not [path for path in shipped if "axe" in path.name.lower()]
    scripts = "".join(path.read_text(errors="replace") for path in shipped if path.suffix == ".js")
    assert "axe-core" not in scripts and "axe.run" not in scripts
    # The runtime-only Vue build: templates were compiled ahead of time, nothing calls new Function.
    assert "new Function" not in scripts
    # The build's inputs are hashed beside it, so that scripts/setup rebuilds only when they change.
    assert (dist / ".tandem-sources.sha256").read_text().strip()


def test_the_web_client_is_not_vendored_any_more():
    assert not (WEB / "vendor" / "vue").exists() and not (WEB / "vendor" / "axe-core").exists()
    assert (WEB / "package-lock.json").exists()
