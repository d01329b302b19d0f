"""The fault suite's platform (one per module) and its summary table, printed at the end of the run and written
to test-artifacts/faults-summary.md."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from fault_platform import FaultPlatform, Outcome  # noqa: E402

RESULTS: list[Outcome] = []


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    with contextlib.ExitStack() as stack:
        fault_platform = FaultPlatform(stack, tmp_path_factory.mktemp("faults"))
        # Published before any consumer ever connected (only `tandem-topology declare` ran): kept for them.
        fault_platform.early_batch = fault_platform.publish_missions(10)
        fault_platform.early_published = fault_platform.relay_in_process()
        fault_platform.early_queues = {queue: fault_platform.queue_state(queue) for queue in ("engagement", "notifier", "documents")}
        fault_platform.start_all()
        yield fault_platform


@pytest.fixture
def record():
    def add(outcome: Outcome) -> Outcome:
        RESULTS.append(outcome)
        return outcome

    return add


def summary_table(results: list[Outcome]) -> str:
    lines = [
        "| scenario | events | lost | duplicated | dead-lettered | recovery (s) | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(f"| {r.scenario} | {r.events} | {r.lost} | {r.duplicated} | {r.dead_lettered} | {r.recovery_seconds} | {r.notes} |")
    return "\n".join(lines) + "\n"


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    table = summary_table(RESULTS)
    terminalreporter.write_sep("=", "fault suite: business effects counted by an independent client")
    terminalreporter.write(table)
    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "faults-summary.md").write_text(table, encoding="utf-8")
