"""One trace runs from the HTTP request that publishes a mission through the bus to both consumers."""
from __future__ import annotations

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from werkzeug.test import Client

from helpers import free_port, poll, publish_mission, token_signed_with, werkzeug_post
from tandem_gateway.embedded import build_platform
from tandem_shared import telemetry
from tandem_shared.testing import reset_memory_broker


def test_the_request_the_publish_and_both_consumers_share_one_trace(tmp_path):
    exporter = InMemorySpanExporter()
    telemetry.configure_tracing("tandem-test", "none", extra_processor=SimpleSpanProcessor(exporter))
    assert isinstance(trace.get_tracer_provider(), TracerProvider)
    reset_memory_broker()
    platform = build_platform(tmp_path / "var", port=free_port(), base_environ={"TANDEM_DEMO_DATA": "false"})
    platform.start_workers()
    try:
        client = Client(platform.gateway)
        private_key = (tmp_path / "var" / "keys" / "jwt-private.pem").read_text()
        operator = {"Authorization": "Bearer " + token_signed_with(private_key, "op-1", ["platform_operator"])}
        publish_mission(werkzeug_post(client), operator, "Collecte solidaire", "c@partage.example", "Banque du Partage")

        def consumers_done():
            names = [span.name for span in exporter.get_finished_spans()]
            return names.count("catalog.mission.published process") >= 5 or None

        poll(consumers_done, timeout=5)
        spans = exporter.get_finished_spans()
        request_span = next(s for s in spans if s.kind == trace.SpanKind.SERVER and s.name.endswith("/missions")
                            and s.attributes.get("http.request.method", s.attributes.get("http.method")) == "POST")
        trace_id = request_span.context.trace_id
        flow = [s for s in spans if s.context.trace_id == trace_id]
        names = [s.name for s in flow]
        assert "catalog.mission.published publish" in names
        processes = [s for s in flow if s.name == "catalog.mission.published process"]
        assert {s.attributes["messaging.consumer.group.name"] for s in processes} == {"engagement", "notifier", "documents", "quiz", "impact"}
        publish = next(s for s in flow if s.name == "catalog.mission.published publish")
        assert all(s.parent.span_id == publish.context.span_id for s in processes)
        # The database work of the request and of the handlers is in the same trace too.
        assert any(s.attributes.get("db.system") == "sqlite" or s.attributes.get("db.system.name") == "sqlite" for s in flow)
    finally:
        platform.stop()
