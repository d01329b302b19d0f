"""OpenTelemetry and structured logs: one trace from an HTTP request through the bus to every consumer."""
from __future__ import annotations

import contextlib
import contextvars
import logging
import sys
from collections.abc import Iterator, Mapping
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
# Whether spans leave the process (an exporter, or a test's processor). Without that, the request and messaging
# spans are still made (the logs carry their trace ids, the headers their traceparent), but database spans are not.
_spans_exported = False
_sqlalchemy_wanted = False


def current_correlation_id() -> str | None:
    return _correlation_id.get()


def bind_correlation_id(value: str | None) -> contextvars.Token:
    return _correlation_id.set(value)


def release_correlation_id(token: contextvars.Token) -> None:
    _correlation_id.reset(token)


def configure_tracing(service_name: str, exporter: str, extra_processor: Any = None) -> None:
    """Install the process-wide tracer provider once; the embedded mode calls this for its one process."""
    global _configured, _spans_exported
    if exporter not in EXPORTERS:
        raise ValueError(f"unknown trace exporter {exporter!r}; choose one of {', '.join(EXPORTERS)}")
    if _configured:
        if extra_processor is not None:
            provider = trace.get_tracer_provider()
            if isinstance(provider, TracerProvider):
                provider.add_span_processor(extra_processor)
            _spans_exported = True
            _instrument_sqlalchemy_if_wanted()
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
    _spans_exported = exporter != "none" or extra_processor is not None
    _instrument_sqlalchemy_if_wanted()


def instrument_flask(app) -> None:
    from opentelemetry.instrumentation.flask import FlaskInstrumentor

    FlaskInstrumentor().instrument_app(app, excluded_urls="healthz,readyz")


def instrument_sqlalchemy() -> None:
    """Trace every engine created from now on (once per process; the embedded mode has six engines), as soon as
    spans are exported. A span per statement costs about 0.2 ms of CPU (bench/README.md, P1): a worker whose spans
    go nowhere (`TANDEM_TRACE_EXPORTER=none`) does not pay it."""
    global _sqlalchemy_wanted
    _sqlalchemy_wanted = True
    _instrument_sqlalchemy_if_wanted()


def _instrument_sqlalchemy_if_wanted() -> None:
    if not (_sqlalchemy_wanted and _spans_exported):
        return
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    instrumentor = SQLAlchemyInstrumentor()
    if not instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.instrument()


def database_spans_enabled() -> bool:
    """True once database statements are traced (an exporter is configured and a runtime asked for it)."""
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    return SQLAlchemyInstrumentor().is_instrumented_by_opentelemetry


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


@contextlib.contextmanager
def messaging_span(
    tracer: trace.Tracer, name: str, *, parent: otel_context.Context, kind: trace.SpanKind, attributes: Mapping[str, Any],
) -> Iterator[None]:
    """A publish or process span of a message, child of `parent` (the trace context the message carried).

    When no span leaves the process (`TANDEM_TRACE_EXPORTER=none` and no test processor), such a span is work nobody
    sees: the SDK still draws ids, copies the attributes and times it, about 0.2 ms of CPU per message for a consumer
    that had been waiting (bench/README.md, P1). The code inside then runs in `parent` itself: its logs carry the
    trace id, and what it publishes carries the same `traceparent`, as with a span of its own. A message with no
    trace context still gets a span, so that its logs have a trace id.
    """
    if _spans_exported or not trace.get_current_span(parent).get_span_context().is_valid:
        with tracer.start_as_current_span(name, context=parent, kind=kind, attributes=attributes):
            yield
        return
    token = otel_context.attach(parent)
    try:
        yield
    finally:
        otel_context.detach(token)


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
