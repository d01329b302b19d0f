"""A message's publish or process span is made only when spans leave the process; otherwise the work runs in the
message's own trace context, so logs and the next hop's headers stay in the same trace (bench/README.md, P1)."""
from __future__ import annotations

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from tandem_shared import telemetry

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"


@pytest.fixture
def exporter_and_tracer():
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter, provider.get_tracer("test")


def _process(tracer, headers):
    return telemetry.messaging_span(
        tracer, "tandem.test.happened process", parent=telemetry.extract_context(headers),
        kind=SpanKind.CONSUMER, attributes={"messaging.system": "rabbitmq"},
    )


def _current_ids() -> tuple[str, str]:
    context = trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x"), format(context.span_id, "016x")


def test_without_an_exporter_the_work_runs_in_the_messages_trace_context_and_no_span_is_made(monkeypatch, exporter_and_tracer):
    exporter, tracer = exporter_and_tracer
    monkeypatch.setattr(telemetry, "_spans_exported", False)
    with _process(tracer, {"traceparent": TRACEPARENT}):
        assert _current_ids() == (TRACE_ID, PARENT_SPAN_ID)
        # What the handler publishes continues the same trace.
        assert telemetry.inject_headers()["traceparent"] == TRACEPARENT
    assert exporter.get_finished_spans() == ()
    assert not trace.get_current_span().get_span_context().is_valid  # the message's context is left behind


def test_with_an_exporter_the_message_gets_its_own_span_child_of_the_one_it_carried(monkeypatch, exporter_and_tracer):
    exporter, tracer = exporter_and_tracer
    monkeypatch.setattr(telemetry, "_spans_exported", True)
    with _process(tracer, {"traceparent": TRACEPARENT}):
        trace_id, span_id = _current_ids()
        assert trace_id == TRACE_ID and span_id != PARENT_SPAN_ID
        assert telemetry.inject_headers()["traceparent"] == f"00-{TRACE_ID}-{span_id}-01"
    (span,) = exporter.get_finished_spans()
    assert span.name == "tandem.test.happened process"
    assert span.kind is SpanKind.CONSUMER
    assert format(span.parent.span_id, "016x") == PARENT_SPAN_ID
    assert span.attributes["messaging.system"] == "rabbitmq"


def test_a_message_without_trace_context_still_gets_a_trace_for_its_logs(monkeypatch, exporter_and_tracer):
    exporter, tracer = exporter_and_tracer
    monkeypatch.setattr(telemetry, "_spans_exported", False)
    with _process(tracer, {}):
        assert trace.get_current_span().get_span_context().is_valid
    assert len(exporter.get_finished_spans()) == 1


def test_an_error_inside_leaves_the_messages_context_behind_and_propagates(monkeypatch, exporter_and_tracer):
    _, tracer = exporter_and_tracer
    monkeypatch.setattr(telemetry, "_spans_exported", False)
    with pytest.raises(RuntimeError, match="handler failed"):
        with _process(tracer, {"traceparent": TRACEPARENT}):
            raise RuntimeError("handler failed")
    assert not trace.get_current_span().get_span_context().is_valid
