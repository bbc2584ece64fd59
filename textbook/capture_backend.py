"""Matplotlib backend for the snippet runner: SVG drawing, and show() returns at once.

The canvas is the SVG one the runner saves figures with, so a layout a snippet asks for
(`fig.tight_layout()`) measures text with the same kind of renderer as the drawing. Each
renderer would typeset math labels with its own parser and cache; here they share one,
so a label is typeset once, not once for the layout and again for the drawing.
"""

from matplotlib.backend_bases import FigureManagerBase
from matplotlib.backends import backend_svg
from matplotlib.textpath import TextToPath

from .figures import axis_text

# While figures.py saves a figure: each line of text it draws (drawn.py reads them).
DRAWN: list[str] | None = None


class RendererSVG(backend_svg.RendererSVG):
    """Matplotlib's SVG renderer, with one text-to-path converter for all instances, which
    records the text it draws, tick labels aside: what is drawn, as Matplotlib lays it
    out line by line."""

    text2path = TextToPath()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._text2path = self.text2path

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if DRAWN is not None and s and not axis_text(mtext):
            DRAWN.append(s if ismath else s.replace("$", r"\$"))  # a dollar, not math
        super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)


backend_svg.RendererSVG = RendererSVG  # what FigureCanvasSVG.print_svg draws with
FigureCanvas = backend_svg.FigureCanvasSVG
FigureManager = FigureManagerBase


def show(*args, **kwargs):
    """Do nothing: the runner saves every open figure once the snippet has run."""
