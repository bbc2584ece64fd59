"""What one part of a snippet file may not leave behind for the parts after it.

A section shown on a page must print, when pasted alone into a fresh Python, what the page
shows: so no section may change global settings the later sections would inherit, and no
snippet may leave a process running.
"""

from __future__ import annotations

import os

from textbook import sandbox


def global_state() -> dict:
    """What a section could change for the sections after it, by name."""
    import matplotlib
    import numpy as np

    return {"NumPy's print options": np.get_printoptions(),
            "NumPy's floating-point error handling": np.geterr(),
            "Matplotlib's rcParams": dict.copy(matplotlib.rcParams),
            "the working directory": os.getcwd()}


def changed_state(before: dict) -> str | None:
    """The first global setting that differs from `before`, with its old and new value."""
    for name, value in global_state().items():
        if value != before[name]:
            if isinstance(value, dict):
                key = next(k for k in value if value[k] != before[name].get(k))
                return f"{name} ({key}: {before[name].get(key)!r} -> {value[key]!r})"
            return f"{name} ({before[name]!r} -> {value!r})"
    return None


def left_running() -> list[str]:
    """The processes the snippet started and left running (killed now); zombies reaped."""
    running = [sandbox.process_name(pid) for pid in sandbox.children() if sandbox.running(pid)]
    sandbox.kill_children()
    return running
