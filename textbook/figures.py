"""Figures: Matplotlib figures as inline SVG that follows the page, and their HTML.

`figure_svgs` runs in the snippet runner's child (it must import nothing heavy at module
level); `figure_html` puts a drawn figure on a page or a notebook page.
"""

from __future__ import annotations

import html
import io
import re
import sys

SMALLEST_LABEL_PX = 9  # a figure never shrinks below the width where its smallest text is this
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(xlink:href="#|href="#|url\(#)([^")]+)')


def figure_svgs(prefix: str, drawn: list[str] | None = None) -> list[str]:
    """Every open Matplotlib figure as inline SVG that follows the page's colours; each
    line of text they draw goes into `drawn` (drawn.py checks them)."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    import matplotlib.pyplot as plt
    from matplotlib.layout_engine import PlaceHolderLayoutEngine
    from matplotlib.text import Text

    # Its renderer records the text drawn; the runner's backend, but a snippet may have
    # chosen another, and savefig(format="svg") draws with it all the same.
    from . import capture_backend
    svgs = []
    for k, num in enumerate(plt.get_fignums()):
        figure, buf, box = plt.figure(num), io.StringIO(), []

        def measure(event, figure=figure, box=box):
            box.append(figure.get_tightbbox(event.renderer))

        # What bbox_inches="tight" shows, measured as the figure is drawn: bbox_inches
        # would lay every text out in a pass of its own first.
        if isinstance(figure.get_layout_engine(), PlaceHolderLayoutEngine):
            figure.set_layout_engine(None)  # tight_layout() ran: no layout pass before saving
        watch = figure.canvas.mpl_connect("draw_event", measure)
        capture_backend.DRAWN = drawn
        try:
            with plt.rc_context({"svg.hashsalt": "book", "svg.fonttype": "path"}):
                figure.savefig(buf, format="svg", transparent=True, metadata={"Date": None})
                pad = plt.rcParams["savefig.pad_inches"]
        finally:
            capture_backend.DRAWN = None
        figure.canvas.mpl_disconnect(watch)
        (x0, y0), (x1, y1) = (box[-1].padded(pad).get_points() * 72).round(3)
        view = f"{x0:g} {figure.get_figheight() * 72 - y1:g} {x1 - x0:g} {y1 - y0:g}"
        svg = buf.getvalue()
        svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype
        svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
        # Scale with the column: the tight box as the viewBox, no fixed size in points.
        svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*" viewBox="[^"]*"',
                     rf'<svg\1 viewBox="{view}"', svg, count=1)
        # Black ink follows the text colour, so axes read in light and dark mode;
        # text glyphs carry no fill of their own and inherit the root's.
        svg = re.sub(r"#000000\b|\bblack\b", "currentColor", svg)
        svg = svg.replace("<svg", '<svg fill="currentColor"', 1)
        # The narrowest width at which the smallest text is still SMALLEST_LABEL_PX CSS px
        # (a point of the viewBox is one user unit); book.css lets a figure scroll below it.
        sizes = [t.get_fontsize() for t in figure.findobj(Text)
                 if t.get_visible() and t.get_text().strip()]
        if sizes:
            least = -(-SMALLEST_LABEL_PX * (x1 - x0) // min(sizes))
            svg = svg.replace("<svg", f'<svg style="--figure-min-width: {least:g}px"', 1)
        # White boxes (legend frames) take the page's background instead.
        svg = re.sub(r"fill: ?#ffffff\b", "fill: var(--md-default-bg-color, #ffffff)", svg)
        # Ids must be unique on a page that holds several figures.
        ids = f"{prefix}-{k}-"
        svg = _ID.sub(lambda m, ids=ids: f'id="{ids}{m.group(1)}"', svg)
        svg = _REF.sub(lambda m, ids=ids: f"{m.group(1)}{ids}{m.group(2)}", svg)
        svgs.append(svg)
    plt.close("all")  # the next section starts with no figures open
    return svgs


def figure_html(svg: str, alt: str) -> str:
    """A drawn figure on a page: inline SVG in the book's figure box, labelled by `alt`."""
    label = html.escape(alt, quote=True)
    return ('<figure class="snippet-figure">'
            + svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1) + "</figure>")
