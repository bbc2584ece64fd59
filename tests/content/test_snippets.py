"""Every snippet file runs alone, passes its checks and its doctests."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SNIPPETS, WarmPython, confined, snippet_files

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
    """A snippet file runs in a fresh interpreter within 30 s: checks, doctests, no stderr
    (a fork of a warm one, as fresh: tests/warm_python.py and the tests below)."""
    result = WarmPython.run(DRIVER, tmp_path, 30, argv=("-c", str(path)))
    where = path.relative_to(ROOT)
    assert result.returncode == 0, f"{where} failed:\n{result.stdout}{result.stderr}"
    assert result.stderr == "", f"{where} wrote to stderr:\n{result.stderr}"


def test_snippets_exist():
    """The book has snippets at all (a wrong folder would make the test above vacuous)."""
    assert len(snippet_files()) >= 8


# Code that shows how an interpreter starts and ends: its argv, path, stdin, folder, exit
# status and messages, exit functions, and what `import matplotlib` brings.
PROBES = {
    "start": "import os, sys\nprint(__name__, sys.argv, repr(sys.path[0]), repr(sys.stdin.read()),"
             " os.listdir('.'))",
    "exception": "print('before')\n1 / 0",
    "exit message": "import sys\nsys.exit('bye')",
    "exit status": "import sys\nsys.exit(3)",
    "sandbox": "open('/tmp/outside-the-folder.txt', 'w')",
    "imports": "import sys, matplotlib\nprint(hasattr(matplotlib, 'pyplot'), 'sympy' in dir())\n"
               "import atexit\natexit.register(print, 'exit function')",
}


@pytest.mark.parametrize("argv", [("-",), ("-c", "an argument")], ids=["stdin", "-c"])
@pytest.mark.parametrize("probe", PROBES)
def test_warm_python_runs_code_as_a_fresh_interpreter(probe, argv, tmp_path):
    """The warm fork that runs the snippets above answers as `python -` or `python -c`
    in the same sandbox does: same exit status, output and error output."""
    code = PROBES[probe]
    command = [sys.executable, *argv[:1], *([code] if argv[0] == "-c" else []), *argv[1:]]
    (tmp_path / "cold").mkdir()
    (tmp_path / "warm").mkdir()
    cold = confined(command, tmp_path / "cold", 60, code if argv[0] == "-" else None)
    warm = WarmPython.run(code, tmp_path / "warm", 60, argv)
    assert (warm.returncode, warm.stdout, warm.stderr) == (
        cold.returncode, cold.stdout, cold.stderr), f"{probe}: the warm fork differs"


def test_warm_python_seeds_its_random_generators_afresh(tmp_path):
    """Two runs of unseeded random draws differ, as in two new interpreters."""
    code = "import random, numpy as np\nprint(random.random(), np.random.rand())"
    first, second = (WarmPython.run(code, tmp_path).stdout for _ in range(2))
    assert first.split()[0] != second.split()[0] and first.split()[1] != second.split()[1]
