"""What the fork server of the worker's rendering processes imports, once (`renderer.ChildProcessRenderer`).

The rendering and sealing libraries, and one page rendered in the documents' fonts (regular, bold, italic): every
rendering process forked from the server then starts with WeasyPrint, Pango and the fonts ready. Rendering in a
fresh process costs some 40 ms more per document otherwise (bench/README.md, P5).
"""
from __future__ import annotations

from . import rendering, sealing  # noqa: F401 - loaded here for every process forked from this one

rendering.render_page("<p>Convention de <b>mécénat</b> de <i>compétences</i></p>")
