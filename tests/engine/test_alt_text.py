"""A figure's alt text is read as prose is: its numbers are formulas, bound to a snippet."""

from __future__ import annotations

import textwrap

import pytest
import sympy as sp
from conftest import build
from test_equations import check
from test_pipeline import edit, failing_build, make_project

from textbook.alt_text import plain
from textbook.equations import find_formulas


def chapter(alt: str) -> str:
    """A chapter whose line 5 is a figure block with this alt text."""
    return f'# C\n\nText.\n\n```python exec="on" alt="{alt}"\n--8<-- "part_1/fig.py:plot"\n```\n'


def test_a_formula_of_the_alt_text_is_checked_against_the_blocks_own_snippet():
    formulas, errors = find_formulas("c.md", chapter(
        r"a line to $(0.87, -0.33) % check: :end$, drawn $2 \times 3 % check: other.py:A$"))
    assert errors == []
    assert [(f.line, f.path, f.target, f.tex) for f in formulas] == [
        (5, "part_1/fig.py", "end", "(0.87, -0.33)"), (5, "other.py", "A", r"2 \times 3")]
    assert formulas[0].where == "docs/c.md:5 (alt text: $(0.87, -0.33)$)"


@pytest.mark.parametrize("alt, message", [
    ("a line at 45 degrees", "docs/c.md:5: the number 45 in the alt text is neither"),
    ("a line to $(1, 2)$", "docs/c.md:5: the formula $(1, 2)$ of the alt text has no"),
    ("a line at $45 degrees$", "the formula $45 degrees$ of the alt text has no"),
    ("prices from $5 to $10", "the formula $5 to $ of the alt text has no"),
    ("a line to $(1, 2) % checks: :end$", "the formula $(1, 2) % checks: :end$ of the alt text "
                                         "has no"),  # a misspelt marker is no marker
    (r"a line at $\frac{1}{2} % check: :h$", r"reads aloud as written"),
    (r"a line at $x_1 = 2 % check: :h$", r"reads aloud as written"),
    # Words that name a place in prose describe the drawing here: its numbers are results.
    ("a red line 2 units up", "the number 2 in the alt text"),
    ("the point at position 4.5", "the number 4.5 in the alt text"),
    ("the title reads “norm = 13”", "the number 13 in the alt text"),
    ("a Gaussian with Variance 4", "the number 4 in the alt text"),
    ("a point labelled (7)", "the number 7 in the alt text"),
])
def test_an_unbound_or_unspeakable_number_of_the_alt_text_is_an_error(alt, message):
    _, errors = find_formulas("c.md", chapter(alt))
    assert any(message in error for error in errors), errors


def test_places_and_names_in_the_alt_text_are_words():
    """`Figure 1` is a place; b1 and 3D are names, not numbers."""
    formulas, errors = find_formulas("c.md", chapter(
        "Figure 1: b1 and b2 in 3D, at $2 % check: :two$"))
    assert errors == [] and [f.target for f in formulas] == ["two"]


def test_a_quote_inside_the_options_of_a_block_is_an_error():
    """alt="the label "max" at ..." would end the alt text at "the label ": a check after
    the quote would vanish unread."""
    _, errors = find_formulas("c.md", chapter('the label "max" at $2 % check: :two$'))
    assert any("docs/c.md:5: the options of this block" in error for error in errors), errors


def test_a_check_without_a_file_in_a_display_says_where_files_come_from():
    _, errors = find_formulas("c.md", "# C\n\n<!-- check: part_1/a.py -->\n\n$$\n"
                                      "% check: :two\nx = 2\n$$\n")
    assert "a display equation names its own" in errors[0]


def test_a_check_without_a_file_takes_the_file_of_the_check_line_above():
    formulas, errors = find_formulas("c.md", "# C\n\n<!-- check: part_1/a.py -->\n"
                                             "It is $2 % check: :two$.\n\n## D\n\n"
                                             "It is $3 % check: :three$.\n")
    assert [(f.path, f.target) for f in formulas] == [("part_1/a.py", "two")]
    assert "`% check: :three` names no file" in errors[0]


def test_the_page_speaks_the_alt_text_without_markers():
    assert plain(r"about $\approx 1.4 \times 10^{-45} % check: :tiny$ at $[3, 1]^T % check: :v$, "
                 r"$3^2 + 2^2 = 13 % check: :c$, $1/\sqrt{2} % check: :r$") == (
        "about ≈ 1.4 × 10⁻⁴⁵ at [3, 1]ᵀ, 3² + 2² = 13, 1/√2")


@pytest.mark.parametrize("tex, ok", [("(0.87, -0.33)", True), ("(0.88, -0.33)", False),
                                     ("(0.87, 0.33)", False), ("(0.867, -0.333)", True),
                                     ("(0.866, -0.333)", False), ("[0.87, -0.33]^T", True),
                                     (r"\left(0.87, -0.33\right)", True),
                                     ("(0.9, -0.33)", False)])  # one digit each: no mix
def test_a_list_of_rounded_numbers_agrees_to_its_last_digit(tex, ok):
    value = sp.Matrix([sp.Rational(13, 15), sp.Rational(-1, 3)])
    assert (check(tex, {"value": value}, target="value") == []) == ok


@pytest.mark.parametrize("tex, value, ok", [
    ("(0.5, 1)", [0.5, 1.05], False),  # the 1 is exact: not a list rounded to 1 decimal
    ("(2 - 0.5)", [1.54], False),  # a decimal inside an expression is exact
    ("(1.5, -0.5)", [1.54, -0.5], True), ("(1.5, -0.5)", [1.56, -0.5], False),
])
def test_only_a_list_of_numbers_to_the_same_decimals_is_rounded(tex, value, ok):
    target = sp.Matrix(value) if len(value) > 1 else sp.Float(value[0])
    assert (check(tex, {"value": target}, target="value") == []) == ok


def test_a_slip_in_the_alt_text_stops_the_build(tmp_path):
    """A figure's alt text, bound to its snippet: built, it is spoken plain; a slipped
    digit stops the build at the block's line, naming the snippet file."""
    project = make_project(tmp_path)
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', textwrap.dedent("""\
        import matplotlib.pyplot as plt
        plt.plot([0, 1], [0, 2])
        plt.show()"""))
    edit(project, "snippets/chapter/example.py", "assert slope",
         "end = (1, 2)  # where the line ends\nassert slope")
    edit(project, "docs/chapter.md", 'exec="on"',
         'exec="on" alt="a line from the origin to $(1, 2) % check: :end$"')
    result = build(project, project / "site", BOOK_FIGURES="record")  # a new figure
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="a line from the origin to (1, 2)"' in page
    edit(project, "docs/chapter.md", "$(1, 2)", "$(1, 3)")
    failing_build(project, "docs/chapter.md:5 (alt text: $(1, 3)$): does not agree with "
                  "snippets/chapter/example.py")
