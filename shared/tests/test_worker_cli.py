"""`ServiceWorker.prepare` runs when `run` starts and for no other command: documents's rendering process is not
started for the dead-letter tools or a migration."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from tandem_tiny_service import SERVICE, FailSwitch, build_runtime

from tandem_shared.config import CommonSettings
from tandem_shared.testing import running
from tandem_shared.worker import ServiceWorker


class Prepared(Exception):
    """Raised by the test's `prepare`, so that `run` stops there instead of consuming until a signal."""


# Should `run` ever skip prepare again, it would consume until a signal: fail fast instead.
@pytest.mark.timeout(30)
def test_prepare_runs_before_run_builds_anything_and_not_for_the_other_commands(sqlite_url):
    settings = SimpleNamespace(service=SERVICE)
    prepared: list[object] = []
    built: list[str] = []
    runtime = build_runtime(sqlite_url, "memory://", switch=FailSwitch(on=False))

    def prepare(given) -> None:
        prepared.append(given)
        raise Prepared()

    def build():
        built.append("runtime")
        return runtime

    worker = ServiceWorker(CommonSettings, lambda _settings: runtime, prepare=prepare)
    cli = worker.cli(settings, build)
    with running(runtime):
        listed = CliRunner().invoke(cli, ["dead", "list"])
        assert listed.exit_code == 0, listed.output
        assert prepared == [] and built == ["runtime"]

        started = CliRunner().invoke(cli, ["run", "--no-migrate"])
    assert isinstance(started.exception, Prepared)
    assert prepared == [settings]
    assert built == ["runtime"]  # `run` stopped in prepare, before building its runtime
