"""Matplotlib backend for the snippet runner: SVG drawing, and show() returns at once.

The canvas is the SVG one the runner saves figures with, so a layout a snippet asks for
(`fig.tight_layout()`) measures text with the same renderer, and Matplotlib's caches of
typeset labels serve both passes.
"""

from matplotlib.backend_bases import FigureManagerBase
from matplotlib.backends.backend_svg import FigureCanvasSVG

FigureCanvas = FigureCanvasSVG
FigureManager = FigureManagerBase


def show(*args, **kwargs):
    """Do nothing: the runner saves every open figure once the snippet has run."""
