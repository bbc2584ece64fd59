"""The engine as a package: it imports, registers its one plugin, and finds exercises."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT

from textbook.errors import BookError
from textbook.exercises import check_source, find_exercises


def test_plugin_module_imports():
    """The plugin imports on its own (a smoke test, as Pydantic does for its hooks)."""
    result = subprocess.run([sys.executable, "-c", "import textbook.plugin"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_one_plugin_is_registered_through_an_entry_point():
    """`book` is the package's only MkDocs plugin, found by MkDocs through its entry point."""
    ours = [e for e in metadata.entry_points(group="mkdocs.plugins")
            if e.value.startswith("textbook.")]
    assert [(e.name, e.value) for e in ours] == [("book", "textbook.plugin:BookPlugin")]


def test_the_cache_key_covers_every_module_the_runner_loads():
    """A cached snippet result is keyed by the runner's sources (executor.RUNNER_SOURCES):
    a module the runner loads and the key leaves out would let a build show results that
    its engine no longer computes."""
    from textbook.executor import RUNNER_SOURCES

    script = ("import sys, textbook.runner; textbook.runner.preload(); "  # as it starts
              "print(*sorted(m.split('.')[1] + '.py' "
              "for m in sys.modules if m.startswith('textbook.')))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert set(result.stdout.split()) - set(RUNNER_SOURCES) == set()


def test_modules_stay_small():
    """Each module of the engine does one thing and stays under 400 lines."""
    for module in sorted((ROOT / "textbook").glob("*.py")):
        lines = len(module.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"textbook/{module.name} has {lines} lines"


CHECK = '''\
from textbook.checking import _same, _say

EXERCISE = "part-9/exercises.md#exercise-1"
TEMPLATE = """\\
total = ...
"""
ANSWER = "total"
VARIABLES = {}


def check_total(total):
    """The sum 1 + 2 + 3."""
    _say("Exercise 1", total, lambda: _same(total, 6))
'''


def write_check(root: Path, relative: str, text: str) -> None:
    path = root / "snippets" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_checks_are_found_beside_their_snippets(tmp_path, capsys):
    """A <snippet>_check.py file anywhere under snippets/ is an exercise's check; the
    workbook cell ships its function under the name the file gives it."""
    write_check(tmp_path, "part_9/exercises/sum_check.py", CHECK)
    write_check(tmp_path, "part_9/exercises/sum.py", "print('not a check')\n")
    found = find_exercises(tmp_path)
    assert list(found) == ["part-9/exercises.md#exercise-1"]
    exercise = found["part-9/exercises.md#exercise-1"]
    assert exercise.template == "total = ...\n"
    assert exercise.path == "snippets/part_9/exercises/sum_check.py"
    namespace: dict = {}
    exec(compile(check_source([exercise]), "<workbook checks>", "exec"), namespace)
    assert "import" not in check_source([exercise]).split("def _answer_or_none")[0]
    namespace["check_total"](6)
    namespace["check_total"](5)
    assert capsys.readouterr().out == "Exercise 1: right.\nExercise 1: not right yet. " \
        "Check your working and try again.\n"


@pytest.mark.parametrize("broken, message", [
    (CHECK.replace("def check_total", "def verify_total"), "exactly one function check_"),
    (CHECK.replace('EXERCISE = "part-9/exercises.md#exercise-1"\n', ""), "defines EXERCISE"),
    (CHECK.replace("total = ...", "total = 6"), "no line `<answer> = ...`"),
    (CHECK.replace('ANSWER = "total"\n', ""), "ANSWER names the snippet's answer"),
    (CHECK.replace("VARIABLES = {}", 'VARIABLES = {"x": (3, 1)}'), r"an interval \(low, high\)"),
])
def test_a_check_file_that_breaks_the_convention_is_named(tmp_path, broken, message):
    """A check file without its three parts stops the build, naming the file."""
    write_check(tmp_path, "part_9/sum_check.py", broken)
    with pytest.raises(BookError, match=message) as error:
        find_exercises(tmp_path)
    assert "snippets/part_9/sum_check.py" in str(error.value)


def test_two_checks_of_one_name_are_an_error(tmp_path):
    """Every check function keeps its own name in the workbook cell: a clash is named."""
    write_check(tmp_path, "part_9/a_check.py", CHECK)
    write_check(tmp_path, "part_9/b_check.py", CHECK.replace("exercise-1", "exercise-2"))
    with pytest.raises(BookError, match=textwrap.dedent(
            "snippets/part_9/b_check.py: check_total is also in snippets/part_9/a_check.py")):
        find_exercises(tmp_path)
