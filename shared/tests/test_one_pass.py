"""`one_pass`: the frame of a service's one-shot commands (engagement's and approval's reminders)."""
from __future__ import annotations

import pytest
from tandem_tiny_service import HAPPENED, build_runtime

from tandem_shared.testing import rabbitmq_vhost
from tandem_shared.worker import one_pass


def _write_one_event(runtime) -> str:
    with runtime.unit_of_work() as uow:
        uow.publish(HAPPENED, "1", {"n": 1})
    return "written"


def _unsent(runtime) -> int:
    return runtime.relay.pending_count()


@pytest.mark.integration
def test_one_pass_publishes_what_it_wrote_then_closes_its_broker_connection(sqlite_url):
    built = []

    with rabbitmq_vhost() as url:
        def build():
            runtime = build_runtime(sqlite_url, url)
            runtime.declare_topology()
            built.append(runtime)
            return runtime

        assert one_pass(build, _write_one_event) == ("written", 1)
    runtime = built[0]
    assert _unsent(runtime) == 0
    # Engagement's reminders command used to flush and never close: its broker connection stayed open.
    assert runtime.relay._publisher is None


def test_one_pass_on_the_memory_bus_leaves_the_rows_to_the_running_process(sqlite_url):
    built = []

    def build():
        built.append(build_runtime(sqlite_url, "memory://"))
        return built[-1]

    assert one_pass(build, _write_one_event) == ("written", 0)
    assert _unsent(built[0]) == 1
