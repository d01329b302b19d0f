"""OpenTelemetry and structured logs: one trace from an HTTP request through the bus to every consumer."""
from __future__ import annotations

import contextvars
import logging
import sys
from collections.abc import Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor
from pythonjsonlogger.json import JsonFormatter

EXPORTERS = ("none", "console", "otlp")

_correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("tandem_correlation_id", default=None)
_configured = False


def current_correlation_id() -> str | None:
    return _correlation_id.get()


def bind_correlation_id(value: str | None) -> contextvars.Token:
    return _correlation_id.set(value)


def release_correlation_id(token: contextvars.Token) -> None:
    _correlation_id.reset(token)


def configure_tracing(service_name: str, exporter: str, extra_processor: Any = None) -> None:
    """Install the process-wide tracer provider once; the embedded mode calls this for its one process."""
    global _configured
    if exporter not in EXPORTERS:
        raise ValueError(f"unknown trace exporter {exporter!r}; choose one of {', '.join(EXPORTERS)}")
    if _configured:
        if extra_processor is not None:
            provider = trace.get_tracer_provider()
            if isinstance(provider, TracerProvider):
                provider.add_span_processor(extra_processor)
        return
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    if exporter == "console":
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter(out=sys.stderr)))
    elif exporter == "otlp":
        # Endpoint and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    if extra_processor is not None:
        provider.add_span_processor(extra_processor)
    trace.set_tracer_provider(provider)
    _configured = True


def instrument_flask(app) -> None:
    from opentelemetry.instrumentation.flask import FlaskInstrumentor

    FlaskInstrumentor().instrument_app(app, excluded_urls="healthz,readyz")


def instrument_sqlalchemy() -> None:
    """Trace every engine created from now on (once per process; the embedded mode has six engines)."""
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    instrumentor = SQLAlchemyInstrumentor()
    if not instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.instrument()


def tracer(name: str) -> trace.Tracer:
    return trace.get_tracer(name)


def inject_headers() -> dict[str, str]:
    """The current trace context as message headers (`traceparent`, `tracestate`)."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


def extract_context(headers: Mapping[str, Any] | None) -> otel_context.Context:
    carrier = {k: v for k, v in (headers or {}).items() if isinstance(v, str)}
    return propagate.extract(carrier)


class _TraceFields(logging.Filter):
    def __init__(self, service: str):
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        span_context = trace.get_current_span().get_span_context()
        if span_context.is_valid:
            record.trace_id = format(span_context.trace_id, "032x")
            record.span_id = format(span_context.span_id, "016x")
        correlation = current_correlation_id()
        if correlation:
            record.correlation_id = correlation
        if not hasattr(record, "service"):
            record.service = self.service
        return True


def configure_logging(service_name: str, level: str = "INFO", json_logs: bool = True) -> None:
    """Structured JSON lines on stderr, each carrying the trace id when there is one."""
    handler = logging.StreamHandler(sys.stderr)
    if json_logs:
        handler.setFormatter(
            JsonFormatter(
                "{asctime}{levelname}{name}{message}",
                style="{",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(_TraceFields(service_name))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_tandem", False):
            root.removeHandler(existing)
    handler._tandem = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
