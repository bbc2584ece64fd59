"""What mkdocs-jupyter imports and a build may never use waits until it is used
(textbook/lazy_imports.py); the book writes its notebooks without nbformat."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Reads the book's configuration, as a build does first (it loads every plugin), then
# uses the converter and jupytext as mkdocs-jupyter does when a workbook is not cached.
PROBE = """
import json, sys
from mkdocs.config import load_config
load_config("mkdocs.yml")
plugin = sys.modules["mkdocs_jupyter.plugin"]
loaded = lambda: {name: name in sys.modules for name in ("nbconvert.nbconvertapp",
                                                          "jupytext.formats", "nbformat")}
before = loaded()
plugin.convert.nb2html, plugin.jupytext.read
print(json.dumps({"before": before, "after": loaded()}))
"""


def test_plugins_load_without_the_notebook_converter():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "BOOK_EXECUTE": "0"})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert not any(found["before"].values()), (
        f"loading the plugins imported {found['before']}: every build pays for them")
    assert all(found["after"].values()), (
        f"using the deferred modules did not import them: {found['after']}")
