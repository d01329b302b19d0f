"""The worker renders each document in a process of its own: the same documents, sealed there; the worker itself
never loads WeasyPrint or pyHanko; a crash in a rendering process fails that rendering, not the worker."""
from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from io import BytesIO

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from documents import renderer
from documents.models import DayStatement


@pytest.fixture
def child(monkeypatch):
    rendering_child = renderer.ChildProcessRenderer()
    monkeypatch.setattr(renderer, "_active", rendering_child)
    return rendering_child


def child_pid(rendering_child: renderer.ChildProcessRenderer) -> int:
    return rendering_child._call(os.getpid)


def test_the_statement_is_rendered_and_sealed_in_the_child(service, story, child, pdf_text):
    renderer._sealer.cache_clear()
    statement = story.example("impact.statement.confirmed")
    assert service.deliver("impact.statement.confirmed", statement) == "processed"
    with service.runtime.db.reading() as session:
        pdf = session.scalar(sa.select(DayStatement.pdf))
    assert "Les Petits Savants" in pdf_text(pdf) and "Camille Martin" in pdf_text(pdf)
    assert "SceauTandem" in (PdfReader(BytesIO(pdf)).get_fields() or {})
    # Sealed, and never by this process: the seal (its key) was built in the child.
    assert renderer._sealer.cache_info().currsize == 0
    assert child_pid(child) != os.getpid()


def test_each_rendering_has_a_process_of_its_own_gone_when_it_answers(child):
    first, second = child_pid(child), child_pid(child)
    assert len({first, second, os.getpid()}) == 3
    assert multiprocessing.active_children() == []
    assert not os.path.exists(f"/proc/{first}")


def test_an_error_in_a_rendering_reaches_the_caller_as_itself(child):
    with pytest.raises(AttributeError, match="no_such_document"):
        child._render("no_such_document", {})
    assert child._render("render_page", "<p>Ensuite</p>").startswith(b"%PDF")


def test_a_crash_in_the_rendering_process_fails_that_rendering_only(child):
    with pytest.raises(renderer.RendererCrashed, match="code -6"):
        child._call(os.abort)  # what a crash in Pango or HarfBuzz would do
    assert child._render("render_page", "<p>Après la panne</p>").startswith(b"%PDF")


WORKER_SCRIPT = """\
import json, os, sys
from documents.worker import main  # as the `documents-worker` script does: the child imports this file again
from documents import renderer


def own_maps():
    return os.getpid(), open("/proc/self/maps").read()


if __name__ == "__main__":
    child = renderer.render_in_child_process(renderer.SealSettings(data_dir=sys.argv[1]))
    pdf = renderer.current()._render("render_page", "<p>Bonjour</p>")
    pid, maps = child._call(own_maps)
    print(json.dumps({"pdf": pdf[:5].decode(), "child": pid, "child_maps": maps,
                      "loaded": sorted(name for name in ("weasyprint", "pyhanko", "documents.rendering", "documents.sealing")
                                       if name in sys.modules)}))
"""


def test_the_worker_process_and_its_rendering_child_each_load_only_their_own_libraries(tmp_path):
    """The worker's `prepare`, in a script that starts like the `documents-worker` one: a rendering process renders and
    seals a page, with Pango but without SQLAlchemy or psycopg; the worker stays without WeasyPrint or pyHanko."""
    script = tmp_path / "documents_worker_script.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["pdf"] == "%PDF-"
    assert seen["loaded"] == []
    assert "libpango" in seen["child_maps"]
    assert "sqlalchemy" not in seen["child_maps"] and "psycopg" not in seen["child_maps"]
    assert (tmp_path / "seal" / "seal-key.pem").exists()  # the warm-up sealed its page, in the child
    assert not os.path.exists(f"/proc/{seen['child']}")


def test_a_broken_seal_stops_the_worker_at_start(monkeypatch):
    monkeypatch.setattr(renderer, "_active", renderer.current())
    with pytest.raises(ValueError, match="à la fois la clé privée et le certificat"):
        renderer.render_in_child_process(renderer.SealSettings(key_pem="-----BEGIN PRIVATE KEY-----", cert_pem=""))
    assert type(renderer.current()) is renderer.Renderer  # nothing half set up: this process did not switch
