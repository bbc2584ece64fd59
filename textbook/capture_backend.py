"""Matplotlib backend for the snippet runner: SVG drawing, and show() returns at once.

The canvas is the SVG one the runner saves figures with, so a layout a snippet asks for
(`fig.tight_layout()`) measures text with the same kind of renderer as the drawing. Each
renderer would typeset math labels with its own parser and cache; here they share one,
so a label is typeset once, not once for the layout and again for the drawing.
"""

from matplotlib.backend_bases import FigureManagerBase
from matplotlib.backends import backend_svg
from matplotlib.category import StrCategoryFormatter
from matplotlib.textpath import TextToPath
from matplotlib.ticker import (
    FixedFormatter,
    FormatStrFormatter,
    FuncFormatter,
    StrMethodFormatter,
)

from .drawn_words import GAP, OWN, template

# While figures.py saves a figure: each line of text it draws (drawn.py reads them).
DRAWN: list[str] | None = None
# Formatters whose tick labels are the code's words: labels it gives (`set_xticks(ticks,
# labels)`), categories, a function's; and a template's with words or digits of its own
# (`"{x:.0f} of 10"`: the 10 is typed; `"$%d$"` writes the data alone).
WORDS = (FixedFormatter, FuncFormatter, StrCategoryFormatter)
TEMPLATES = (StrMethodFormatter, FormatStrFormatter)


def axis_text(text) -> bool:
    """Whether a Text is an axis's own: a tick label a formatter writes from the data alone,
    or the offset text (not the figure's words: see WORDS). Inset and secondary axes are an
    axes' children."""
    figure = getattr(text, "figure", None)  # a tick label knows its figure, not its axes
    pending = list(getattr(figure, "axes", []))
    while pending:
        axes = pending.pop()
        pending += getattr(axes, "child_axes", [])
        for axis in (getattr(axes, name, None) for name in ("xaxis", "yaxis", "zaxis")):
            if axis is None:
                continue
            if text is axis.offsetText:
                return True
            for ticks, formatter in ((axis.majorTicks, axis.get_major_formatter()),
                                     (axis.minorTicks, axis.get_minor_formatter())):
                if any(text is tick.label1 or text is tick.label2 for tick in ticks):
                    return not (isinstance(formatter, WORDS) or isinstance(
                        formatter, TEMPLATES) and own_text(formatter.fmt))
    return False


def own_text(fmt: str) -> bool:
    """Whether a template writes letters or digits of its own, beside its fields."""
    pieces = template(fmt) or [fmt]
    return bool(OWN.search("".join(p for p in pieces if p is not GAP).replace("$", "")))


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
