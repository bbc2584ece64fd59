"""A formula drawn in a figure that states a relation or holds a number is bound in the
snippet's DRAWN table, and checked there as the prose's formulas are."""

from __future__ import annotations

import textwrap

import pytest
from conftest import build
from test_equations import check_chapter
from test_pipeline import edit, failing_build, make_project

from textbook.drawn import formulas, payloads, problems, read_table
from textbook.executor import Job


@pytest.mark.parametrize("text, found", [
    ("$f(x) = x^2 + 4x - 2$", ["f(x) = x^2 + 4x - 2"]),  # a relation
    (r"after: $b'_1 = A b_1$, $(1,  0)$ and $2\mathbf{v}$", ["b'_1 = A b_1", "(1, 0)",
                                                          r"2\mathbf{v}"]),
    (r"model parameter $x$, the weight $w_{11}$", []),  # names
    ("mean squared error (m$^2$)", []),  # a unit's power
    (r"price in \$5 steps", []),  # an escaped dollar is no math
    ("price in US$\n$y = 4x$", ["y = 4x"]),  # as Matplotlib reads it: line by line
    (r"$\$3 = 4$", [r"\$3 = 4"]),  # an escaped dollar inside math
    (r"$\mathdefault{3 + 4 = 8}$ and $_{}1 + 1 = 3$", [r"\mathdefault{3 + 4 = 8}",
                                                    "_{}1 + 1 = 3"]),  # no way round
])
def test_the_formulas_a_figure_draws_that_need_a_kind(text, found):
    assert formulas([text]) == found


def test_the_table_is_read_without_running_the_file():
    code = textwrap.dedent('''\
        x = 1
        DRAWN = {
            r"f(x)  =  x^2": "check: :f",
            "y = 2": "declared: the example's line",
        }
        ''')
    assert read_table("a/b.py", code) == ({"f(x) = x^2": ("check: :f", 3),
                                           "y = 2": ("declared: the example's line", 4)}, [])


@pytest.mark.parametrize("code, line", [
    ("DRAWN = {name: 'check: :f'}\n", 1),  # not a literal
    ("DRAWN: dict = {'y = 2': 'declared: a line'}\n", 1),
    ("if True:\n    DRAWN = {'y = 2': 'declared: a line'}\n", 2),
    ("DRAWN = {}\nDRAWN['y = 2'] = 'declared: a line'\n", 2),
    ("DRAWN = {}\nDRAWN = {'y = 2': 'declared: a line'}\n", 2),
    ("DRAWN = {'y = 2': 'declared: a line', 'y  =  2': 'check: :y'}\n", 1),  # twice
])
def test_a_table_that_is_not_one_literal_is_reported(code, line):
    """Anything but one top-level dict of string literals, each formula once: the build
    reads the table without running the file, and would otherwise read another."""
    problems = read_table("a/b.py", code)[1]
    assert problems and problems[0].startswith(f"snippets/a/b.py:{line}"), problems


@pytest.mark.parametrize("marker, problem", [
    ("check: other.py:f", "checked in its own file"),
    ("check: :f; y", "is not `name = python`"),
    ("declared:", "needs a reason"),
    ("f = 2", 'the entry is "check: :name" or "declared: why"'),
])
def test_a_malformed_entry_is_reported_with_its_line(marker, problem):
    assert payloads("a/b.py", f'DRAWN = {{"y = 2": "{marker}"}}\n') == []
    job = Job("a/b.py", f'DRAWN = {{"y = 2": "{marker}"}}\n', {}, [],
              result={"sections": {"plot": {"drawn": ["the line $y = 2$"]}}})
    [message] = problems("docs/c.md:5", job, "plot", lead=True)
    assert message.startswith("docs/c.md:5: snippets/a/b.py:1 (DRAWN, $y = 2$): ")
    assert problem in message


FIGURE = """\
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 2])
ax.set_title("$y = 2x$")
ax.set_xticks([0, 1], ["$0$", "$2\\pi$"])  # the axis's own: not formulas
ax.table([["a cell: $1 + 1 = 2$"]], loc="bottom")
fig.text(0, 0, "$7 = 8$").set_visible(False)  # not drawn
plt.show()"""


def line_of(project, text: str) -> int:
    """The line of the snippet file that holds text."""
    code = (project / "snippets" / "chapter" / "example.py").read_text(encoding="utf-8")
    return next(n for n, line in enumerate(code.splitlines(), 1) if text in line)


def test_a_drawn_formula_is_bound_or_the_build_stops(tmp_path):
    """Unbound, wrong, or no longer drawn: each stops the build at the block's line,
    naming the snippet file's line and section; bound and right, the book builds. What
    counts is what is drawn (a table's cell, not a hidden text or a tick label); the
    table's own problems are reported at the file's first block in the book, whatever
    its first section."""
    project = make_project(tmp_path)
    snippet = "snippets/chapter/example.py"
    edit(project, snippet, 'print("slope:", slope)', FIGURE)
    edit(project, snippet, "# --8<-- [start:show]",
         "# --8<-- [start:setup]\nimport math\n# --8<-- [end:setup]\n\n# --8<-- [start:show]")
    edit(project, "docs/chapter.md", 'exec="on"', 'exec="on" alt="a line"')
    title = line_of(project, '"$y = 2x$"')
    stderr = failing_build(
        project, f"docs/chapter.md:5: snippets/chapter/example.py:{title} (section 'show') "
        "draws $y = 2x$, which states a relation", "draws $1 + 1 = 2$", BOOK_FIGURES="record")
    assert "7 = 8" not in stderr and "pi" not in stderr
    result = check_chapter(project)  # the author's quick check says so too
    assert result.returncode == 1, result
    assert (f"docs/chapter.md:5 (drawn): FAIL\n    - snippets/chapter/example.py:{title} draws "
            "$y = 2x$") in result.stdout, result.stdout
    edit(project, snippet, "assert slope", textwrap.dedent('''\
        line = 2 * x  # the line the figure draws, in x
        DRAWN = {"y = 2x": "check: :line; y = line", "1 + 1 = 2": "check:"}
        assert slope'''))
    assert build(project, project / "site", BOOK_FIGURES="record").returncode == 0
    assert "docs/chapter.md:5 (drawn): OK, 2 checked, 0 declared" in check_chapter(project).stdout
    edit(project, snippet, '"$y = 2x$"', '"$y = 3x$"')
    edit(project, snippet, '"y = 2x"', '"y = 3x"')
    entry = line_of(project, "DRAWN = ")
    failing_build(project, f"docs/chapter.md:5: snippets/chapter/example.py:{entry} (DRAWN): "
                  "the figure (section 'show') draws $y = 3x$, which does not agree with the "
                  "file", BOOK_FIGURES="record")
    edit(project, snippet, '"$y = 3x$"', '"a line"')
    failing_build(project, f"docs/chapter.md:5: snippets/chapter/example.py:{entry} (DRAWN): "
                  "no figure of the file draws $y = 3x$", BOOK_FIGURES="record")


def test_check_chapter_reports_a_figure_file_that_does_not_run(tmp_path):
    """A figure block whose file is missing is a failure of its drawn formulas, named,
    not a traceback of check_chapter."""
    project = make_project(tmp_path)
    edit(project, "docs/chapter.md", 'exec="on"\n--8<-- "chapter/example.py:show"',
         'exec="on" alt="a line"\n--8<-- "chapter/gone.py:show"')
    result = check_chapter(project)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result
    assert ("docs/chapter.md:5 (drawn): FAIL\n    - snippets/chapter/gone.py did not run: "
            "FileNotFoundError") in result.stdout, result.stdout
