"""Database statements get spans only when spans leave the process: a worker with `TANDEM_TRACE_EXPORTER=none`
does not pay about 0.2 ms of CPU per statement for spans nobody sees (bench/README.md, P1)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PROGRAM = textwrap.dedent('''
    import sys
    import sqlalchemy as sa
    from tandem_shared import telemetry
    from tandem_shared.messaging_tables import define_messaging_tables
    from tandem_shared.runtime import RuntimeSettings, ServiceRuntime

    telemetry.configure_tracing("tiny", sys.argv[1])
    metadata = sa.MetaData()
    runtime = ServiceRuntime(
        settings=RuntimeSettings(service="tiny", database_url="sqlite://", broker_url="memory://", migrations_dir=""),
        metadata=metadata, tables=define_messaging_tables(metadata), subscriptions={},
    )
    with runtime.db.transaction() as session:
        session.execute(sa.text("SELECT 1"))
    print("traced" if telemetry.database_spans_enabled() else "not traced")
''')


@pytest.mark.parametrize(("exporter", "expected"), [("none", "not traced"), ("console", "traced")])
def test_database_statements_are_traced_only_when_spans_are_exported(exporter, expected):
    done = subprocess.run([sys.executable, "-c", PROGRAM, exporter], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected
    if exporter == "console":
        # The console exporter writes the statement's span (SQLAlchemy's instrumentation names it after the verb).
        assert '"db.statement": "SELECT 1"' in done.stderr or '"db.query.text": "SELECT 1"' in done.stderr, done.stderr[-2000:]
