"""A formula drawn in a figure that states a relation or holds a number is bound in the
snippet's DRAWN table, and checked there as the prose's formulas are."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from conftest import build
from test_equations import check_chapter
from test_pipeline import edit, failing_build, make_project

from textbook.drawn import formulas, payloads, problems, read_table
from textbook.drawn_words import typed
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


MANY = ", ".join(f"{{a{i}}}" for i in range(12))  # an f-string of many values


@pytest.mark.parametrize("line, code, found", [
    ("3 knobs", 'ax.text(0, 0, "3 knobs")', ["3"]),  # typed
    ("3 knobs", 'ax.text(0, 0, f"{n} knobs")', []),  # formatted from a value
    ("3 knobs", 'f"{3} knobs"', ["3"]), ("3 knobs", '"%d knobs" % 3', ["3"]),  # literals
    ("3 knobs", '"{} knobs".format(3)', ["3"]), ("noise 1", '"noise " + str(1)', ["1"]),
    ("$x_2$ at 0.5", 'f"$x_2$ at {a}"', []),  # a formula's numbers are its own matter
    ("$x_2$ at 0.5, 1", 'f"$x_2$ at {a}, 1"', ["1"]),
    ("median 1", 'ax.text(0, 0, "mean\\nmedian 1")', ["1"]),  # a line of a string
    ("1 here", 'note = "the variance, which is 1 here"', ["1"]),  # wrapped
    ("mean 1.69 m", 'label = "mean {:.2f} m".format(m)', []),  # built: from a value
    ("mean 1.69 m", 'f"mean {m:.2f} m"\nguesses = ["1.69"]', []),  # written whole
    ("noise 1", 'label = "noise " + "1"', ["1"]),  # built: from the file's own "1"
    ("noise 1", 'label = "noise " + "1"\nv = f"{x:.2f}"', ["1"]),  # f"{x}" writes any line
    ("2", '"""The 2 x 2 example."""\nax.text(0, 0, str(v))', []),  # no piece of it
    ("12 apples", 'label = str(n) + " apples"\nother = "2"', []),  # "2" is not "12"
    ("E + 0.5", 'p = {"E + 0.5": f}\nlabel = f"E + {shift}"', ["0.5"]),  # the one typing
    ("on [-2, 2]", 'f"on [-{a}, {a}]"', []),  # a sign before a value
    (r"price \$5 each", 'ax.set_title("price $5 each")', ["5"]),  # a dollar, not math
    (r"price \$5 each", r'ax.set_title(r"price \$5 each")', ["5"]),
    ("Figure 2: a loss", 'ax.set_title("Figure 2: a loss")', []),  # the figure's number
    ("float32 product", 'label = "float32 product"', []),  # a digit in a word
    (", ".join(["x"] * 40) + " 1", f'f"{MANY} 1"', ["1"]),  # at once: no backtracking
    ("3 knobs", '" ".join(["3", "knobs"])', ["3"]),
    ("3 knobs", 'ax.text(0, 0, f"{n} knobs")\nDRAWN = {"3 knobs": "declared: a"}', []),
    ("mean 2 (3 runs)", 't = f"mean {m}"\nt += " (3 runs)"', ["3"]),  # added after
    ("mean 2, n = 30", 'f"mean {m}" + ", n = 30"', ["30"]),
    ("0.5", 'ax.plot(x, color="0.5")', []),  # a style, not words
    ("0.5 ms", 'ax.bar_label(b, fmt="{:.1f} ms")\nax.plot(x, color="0.5")', []),
    ("k = 1", 'ax.plot(x, label=f"k = {k}")\nassert labels == ["k = 1"]', []),  # names it
    ("on [0.2,1]", 'f"on [{lo},1]"', ["1"]), ("on [0,0.8]", 'f"on [0,{hi}]"', ["0"]),
    ("3 knobs, big", '"%d knobs, %s" % (3, name)', ["3"]),  # mixed literals and values
    ("3 knobs, big", '"{} knobs, {}".format(3, x)', ["3"]),
    ("1 x", '"{:>10000000}".format(1)', []), ("1 x", '"%d" % 1e400', []),  # no bombs
    ("0.5", 'ax.table(cellText=[[1, 0.5]])', ["0.5"]), ("2", 'ax.table([[2]])', ["2"]),
    ("2", 'ax.table(cellText=[[n]])\nx = 2', []),  # a table's numbers as written
    ("10x faster", 'ax.set_title("10x faster")', ["10"]),  # a number opening a word
    ("10x faster", 'ax.set_title(f"{r:.0f}x faster")', []),
    ("lr 1e-3", 'ax.set_title("lr 1e-3")', ["1e-3"]),
    # a template Matplotlib fills from the data: its own numbers are typed
    ("3 of 10", 'a.set_major_formatter(StrMethodFormatter("{x:.0f} of 10"))', ["10"]),
    ("3 of 10", 'ax.xaxis.set_major_formatter("{x:.0f} of 10")', ["10"]),
    ("3 of 10", 'a.set_major_formatter(ticker.FormatStrFormatter("%d of 10"))', ["10"]),
    ("0.5 of 2", 'ax.bar_label(b, fmt="%.1f of 2")', ["2"]),
    ("0.5 of 2", 'ax.bar_label(b, fmt="{:.1f} of 2")', ["2"]),
    ("3 of 10", 'a.set_major_formatter(f"{{x:.0f}} of {n}")', []),  # from a value
    ("3 of 10", 'T = "{x:.0f} of 10"\na.set_major_formatter(StrMethodFormatter(T))', ["10"]),
    ("3 of 10", 'a.set_major_formatter("{:.0f} of 10".format)', ["10"]),  # a bound method
    ("3 of 10", 'a.set_major_formatter(f"{{x:.0f}} of 10")', ["10"]),
    ("3 of 10", 'fig.colorbar(im, format="{x:.0f} of 10")', ["10"]),
    ("30 of 100", 'ax.pie(x, autopct="%.0f of 100")', ["100"]),
    ("3 knobs", '"{} knobs".format(3)\nt = "{} knobs"', ["3"]),  # the literal reading wins
])
def test_the_numbers_a_figure_types_in_its_words(line, code, found):
    """A number in a drawn text's words is the file's when an f-string formats it from a
    value; typed in a string of the file, it is stated, and must be bound."""
    assert list(typed(line, code)[0]) == found


def test_typed_tick_labels_are_words_and_the_formatters_are_not():
    """Tick labels the code types (`set_xticks(ticks, labels)`, categories, a template's)
    are recorded as the figure's words; those a formatter writes from the data, also on an
    inset or a secondary axis, are not. A dollar in text that is not math is recorded
    escaped."""
    code = textwrap.dedent("""\
        import matplotlib.pyplot as plt
        from textbook.figures import figure_svgs
        fig, ax = plt.subplots()
        ax.bar(["batch 32", "batch 64"], [1, 2])
        ax.set_yticks([0, 1], ["none", "one 1"])
        ax.inset_axes([0.5, 0.5, 0.3, 0.3]).plot([0, 1], [0, 1])
        inset = ax.inset_axes([0.1, 0.5, 0.3, 0.3])
        inset.set_xticks([0, 1])
        inset.xaxis.set_major_formatter("{x:.0f} of 2")  # a template: the code's words
        inset.set_yticks([0, 1])
        inset.yaxis.set_major_formatter("${x:.0f}$")  # one that writes the data alone
        ax.secondary_xaxis("top")
        ax.set_title(r"cost \\$5")
        drawn = []
        figure_svgs("t", drawn)
        print(sorted(set(drawn)))""")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "MPLBACKEND": "module://textbook.capture_backend"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(sorted(
        ["0 of 2", "1 of 2", "batch 32", "batch 64", "none", "one 1", r"cost \$5"])), \
        result.stdout


@pytest.mark.parametrize("table, found", [
    ("{}", 'snippets/a/b.py:1 (section \'plot\') draws the number 3 in the words '
           '"3 knobs", typed in a string of the file: format it from the value'),
    ('{"3 knobs": "declared: the example\'s machine"}', None),
    ('{"3 knobs": "check: :n"}', 'snippets/a/b.py:2 (DRAWN): the figure (section '
                                 '\'plot\') draws the number 3 in the words "3 knobs": '
                                 "a number in words is formatted from its value"),
])
def test_a_typed_number_in_words_is_formatted_or_declared(table, found):
    code = f'ax.text(0, 0, "3 knobs")\nDRAWN = {table}\nn = 3\n'
    job = Job("a/b.py", code, {}, [], result={"sections": {"plot": {"drawn": ["3 knobs"]}}})
    messages = problems("docs/c.md:5", job, "plot", lead=True)
    assert len(messages) == (found is not None), messages
    assert not found or messages[0].startswith(f"docs/c.md:5: {found}"), messages
    job.result["sections"]["plot"]["drawn"] = ["4 knobs"]  # the figure changed
    stale = problems("docs/c.md:5", job, "plot", lead=True)
    assert ('no figure of the file draws "3 knobs"' in "".join(stale)) == (table != "{}")


FIGURE = """\
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 2])
ax.set_title("$y = 2x$")
ax.set_xlabel("3 steps")  # a number typed in the words
ax.set_yscale("log")  # its tick labels, $10^{0}$ ...: the formatter's, from the data
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
    title, words = line_of(project, '"$y = 2x$"'), line_of(project, '"3 steps"')
    stderr = failing_build(
        project, f"docs/chapter.md:5: snippets/chapter/example.py:{title} (section 'show') "
        "draws $y = 2x$, which states a relation", "draws $1 + 1 = 2$",
        f"snippets/chapter/example.py:{words} (section 'show') draws the number 3 in the "
        'words "3 steps"', BOOK_FIGURES="record")
    assert "7 = 8" not in stderr and "10^" not in stderr
    result = check_chapter(project)  # the author's quick check says so too
    assert result.returncode == 1, result
    assert (f"docs/chapter.md:5 (drawn): FAIL\n    - snippets/chapter/example.py:{title} draws "
            "$y = 2x$") in result.stdout, result.stdout
    edit(project, snippet, "assert slope", textwrap.dedent('''\
        line = 2 * x  # the line the figure draws, in x
        DRAWN = {"y = 2x": "check: :line; y = line", "1 + 1 = 2": "check:",
                 "3 steps": "declared: the example's count"}
        assert slope'''))
    assert build(project, project / "site", BOOK_FIGURES="record").returncode == 0
    assert "docs/chapter.md:5 (drawn): OK, 2 checked, 1 declared" in check_chapter(project).stdout
    edit(project, snippet, '"$y = 2x$"', '"$y = 3x$"')
    edit(project, snippet, '"y = 2x"', '"y = 3x"')
    entry = line_of(project, "DRAWN = ")
    failing_build(project, f"docs/chapter.md:5: snippets/chapter/example.py:{entry} (DRAWN): "
                  "the figure (section 'show') draws $y = 3x$, which does not agree with the "
                  "file", BOOK_FIGURES="record")
    edit(project, snippet, '"$y = 3x$"', '"a line"')
    failing_build(project, f"docs/chapter.md:5: snippets/chapter/example.py:{entry} (DRAWN): "
                  'no figure of the file draws "y = 3x"', BOOK_FIGURES="record")


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
