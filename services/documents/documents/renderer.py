"""Where documents's PDFs are rendered and sealed: in this process, or in a child process of the worker.

WeasyPrint (with Pango and HarfBuzz under it) and pyHanko are documents's heaviest libraries: about 60 MiB
resident once loaded, and native code; rendering a convention and its signed copy adds some 30 MiB of caches.
The worker renders each document in a process of its own (`render_in_child_process`, its `prepare`): the
consumer and the outbox relay stay light, what a rendering takes is given back when its process ends, and a
crash inside the native code fails one message (retried as any other failure) instead of the worker. Those
processes are forked by a fork server that loaded the libraries once, started from a fresh interpreter: never
forked from the worker itself, whose threads (relay, consumer heartbeats) would leave their locks held in the
copy. The embedded mode and the tests render in-process.

What crosses to the child is plain data: the template's context, the version's PDF, and the seal's settings.
The seal's key is loaded there, on first use, and never leaves it.
"""
from __future__ import annotations

import functools
import logging
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class RendererCrashed(RuntimeError):
    """The rendering process died before answering (a crash in native code, or killed): the message fails and is
    retried, and the next document has a process of its own anyway."""


@dataclass(frozen=True)
class SealSettings:
    """What builds the seal: a key and its certificate (PEM), or neither and a data directory for the development
    seal, or nothing (copies go unsealed). Plain strings, so the settings can cross to the rendering process."""

    key_pem: str = field(default="", repr=False)
    cert_pem: str = field(default="", repr=False)
    data_dir: str | None = None

    @classmethod
    def of(cls, settings: Any) -> "SealSettings":
        """From documents's `Settings`."""
        return cls(settings.seal_key_pem, settings.seal_cert_pem, settings.data_dir)

    @property
    def seals(self) -> bool:
        return bool(self.key_pem.strip() or self.cert_pem.strip() or self.data_dir)


@functools.cache
def _sealer(seal: SealSettings) -> Any:
    """The seal, built once per process that renders (a key loaded, or the development seal made on first use)."""
    from .sealing import build_sealer

    return build_sealer(seal.key_pem, seal.cert_pem, Path(seal.data_dir) if seal.data_dir else None)


def _rendering():
    # WeasyPrint narrates every rendering step at INFO: one line per step and document is noise in the worker's logs.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    from . import rendering

    return rendering


def render(function: str, *args: Any) -> bytes:
    """`rendering.<function>(*args)` in this process, a `SealSettings` argument standing for its seal."""
    arguments = [_sealer(argument) if isinstance(argument, SealSettings) else argument for argument in args]
    return getattr(_rendering(), function)(*arguments)


def warm_up(seal: SealSettings) -> int:
    """Load the libraries, render one page and seal it: a missing system library (Pango, HarfBuzz) or a seal's key
    that does not match its certificate shows here, at start."""
    pdf = _rendering().render_page("<p>Tandem</p>")
    sealer = _sealer(seal)
    return len(sealer.seal(pdf) if sealer is not None else pdf)


class Renderer:
    """Renders in this process (the embedded mode, the web process's tests)."""

    def _render(self, function: str, *args: Any) -> bytes:
        return render(function, *args)

    def convention(self, context: dict) -> bytes:
        return self._render("render_convention", context)

    def signed_copy(self, original_pdf: bytes, evidence: dict, seal: SealSettings) -> bytes:
        return self._render("render_signed_copy", original_pdf, evidence, seal)

    def bilan(self, context: dict) -> bytes:
        return self._render("render_bilan", context)

    def mission_certificate(self, context: dict, seal: SealSettings) -> bytes:
        return self._render("render_mission_certificate", context, seal)

    def day_statement(self, context: dict, seal: SealSettings) -> bytes:
        return self._render("render_day_statement", context, seal)

    def receipt_data(self, context: dict, seal: SealSettings) -> bytes:
        return self._render("render_receipt_data", context, seal)



def _run_and_send(connection, function, args: tuple) -> None:
    """In the rendering process: run one call and send back its result or its exception."""
    try:
        outcome = ("ok", function(*args))
    except BaseException as error:  # noqa: BLE001 - whatever it is, the worker decides
        outcome = ("error", error)
    try:
        connection.send(outcome)
    except Exception as unsendable:  # an exception that does not pickle still arrives, as text
        connection.send(("error", RuntimeError(f"{outcome[1]!r} ({unsendable})")))
    finally:
        connection.close()


class ChildProcessRenderer(Renderer):
    """Renders each document in a process of its own, forked from a fork server that loaded the rendering libraries
    once: every document starts from the same clean state, and what a rendering takes (WeasyPrint's caches, a
    document's pages) goes away with its process instead of growing in a long-lived one."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("forkserver")
        # The fork server imports these once (and renders a page); each rendering process is a copy of it (about
        # 10 ms, no import).
        self._context.set_forkserver_preload([__name__, f"{__package__}.warm_rendering"])

    def _call(self, function, *args: Any) -> Any:
        receiving, sending = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_run_and_send, args=(sending, function, args), name="documents-rendering",
                                        daemon=True)
        try:
            process.start()
        finally:
            sending.close()  # the child holds the only writing end now: its death ends the read below
        try:
            outcome, value = receiving.recv()
        except EOFError:
            process.join()
            log.error("the rendering process stopped before answering (exit code %s)", process.exitcode)
            raise RendererCrashed(f"le processus de rendu s'est arrêté (code {process.exitcode})") from None
        finally:
            receiving.close()
            process.join()
        if outcome == "error":
            raise value
        return value

    def _render(self, function: str, *args: Any) -> bytes:
        return self._call(render, function, *args)

    def warm_up(self, seal: SealSettings) -> None:
        self._call(warm_up, seal)


_active: Renderer = Renderer()


def current() -> Renderer:
    """The renderer of this process."""
    return _active


def render_in_child_process(seal: SealSettings) -> ChildProcessRenderer:
    """From now on this process renders in a child, started and warmed up here (the worker's `prepare`), so a missing
    system library or a broken seal stops the worker at start rather than failing every message."""
    global _active
    child = ChildProcessRenderer()
    child.warm_up(seal)
    _active = child
    return child
