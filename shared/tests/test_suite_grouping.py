"""`make test` spreads the suite over pytest-xdist workers: the groups must hold, or a file's ordered tests split
up and expensive session fixtures start once per worker."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from tandem_shared.pytest_plugin import xdist_group_of

REPO = Path(__file__).resolve().parents[2]


def test_tests_sharing_a_session_fixture_form_one_group_and_the_others_group_by_file():
    def item(nodeid, *fixtures):
        return SimpleNamespace(nodeid=nodeid, fixturenames=list(fixtures))

    assert xdist_group_of(item("tests/test_workflow_flow.py::test_a", "distributed", "people")) == "distributed"
    assert xdist_group_of(item("tests/test_quiz_flow.py::test_b", "tmp_path", "distributed")) == "distributed"
    assert xdist_group_of(item("tests/browser/test_impact.py::test_c[375]", "open_page")) == "browser"
    assert xdist_group_of(item("services/approval/tests/test_domain.py::test_d[x::y]", "tmp_path")) == \
        "services/approval/tests/test_domain.py"


def test_under_loadgroup_every_test_of_a_file_runs_on_one_worker():
    # Two files of quick tests on two workers: each file whole on one worker. pytest 9.2 with pytest-xdist 3.8 fails
    # this (the groups are dropped and tests go round-robin, pytest-dev/pytest-xdist#1386).
    files = ["services/approval/tests/test_domain.py", "services/quiz/tests/test_domain.py"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider", *files],
        cwd=REPO, capture_output=True, text=True, timeout=240,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    # "[gw0] [ 43%] PASSED path::test[parameters, spaces included]@group"
    ran = re.findall(r"^\[(gw\d+)\] \[\s*\d+%\] PASSED ([^:]+)::(.+?)\s*$", run.stdout, re.MULTILINE)
    assert len(ran) > 10, run.stdout[-3000:]
    for path in files:
        workers = {worker for worker, file, _ in ran if file == path}
        assert len(workers) == 1, f"{path} ran on {workers}"
        assert all(test.endswith(f"@{path}") for _, file, test in ran if file == path)
