"""Every snippet file runs alone, passes its checks and its doctests."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SNIPPETS, confined, snippet_files

# Run a file as `python file.py` would, then its doctests; exit 1 if any fails.
DRIVER = """
import doctest, runpy, sys, types
namespace = runpy.run_path(sys.argv[1], run_name="__main__")
module = types.ModuleType("__main__", namespace.get("__doc__"))
module.__dict__.update(namespace)
failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
sys.exit(1 if failed else 0)
"""


@pytest.mark.parametrize("path", snippet_files(), ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_snippet_runs_alone(path, tmp_path):
    """A snippet file runs in a fresh interpreter within 30 s: checks, doctests, no stderr."""
    result = confined([sys.executable, "-c", DRIVER, str(path)], tmp_path, 30)
    where = path.relative_to(ROOT)
    assert result.returncode == 0, f"{where} failed:\n{result.stdout}{result.stderr}"
    assert result.stderr == "", f"{where} wrote to stderr:\n{result.stderr}"


def test_snippets_exist():
    """The book has snippets at all (a wrong folder would make the test above vacuous)."""
    assert len(snippet_files()) >= 8
