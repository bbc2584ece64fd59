"""MkDocs plugin `snippet-runner`: start the snippet runner as soon as MkDocs loads plugins.

The runner (snippet_runner.py) takes about a second to import NumPy, SymPy and Matplotlib.
Started by the book hook, it would begin only once MkDocs had loaded every plugin, with a
core idle all that time (mkdocs-jupyter alone takes half a second to import). Listed first
under `plugins:`, this starts it before the others load; the hook then takes it over.

Without the plugin (not listed, or not installed by `make setup`) the hook starts the
runner itself, later, through the same `runner()`: the build is the same, only slower.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.plugins import BasePlugin

RUNNER = Path(__file__).resolve().with_name("snippet_runner.py")
EXECUTE = os.environ.get("BOOK_EXECUTE", "1") != "0"  # "0" only for the benchmark

_process: subprocess.Popen | None = None  # one runner per MkDocs process, for every rebuild


def runner(root: Path) -> subprocess.Popen:
    """The runner process, started now unless one is running."""
    global _process
    if _process is None or _process.poll() is not None:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        _process = subprocess.Popen(
            [sys.executable, str(RUNNER)], cwd=root, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    return _process


class RunnerPlugin(BasePlugin):
    def load_config(self, options, config_file_path=None):
        if EXECUTE and config_file_path:  # MkDocs is reading the config: the build comes next
            runner(Path(config_file_path).resolve().parent)
        return super().load_config(options, config_file_path)
