"""Matplotlib backend for the snippet runner: Agg drawing, and show() returns at once."""

from matplotlib.backend_bases import FigureManagerBase
from matplotlib.backends.backend_agg import FigureCanvasAgg

FigureCanvas = FigureCanvasAgg
FigureManager = FigureManagerBase


def show(*args, **kwargs):
    """Do nothing: the runner saves every open figure once the snippet has run."""
