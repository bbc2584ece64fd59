"""A number in a chapter's words or alone in an inline formula is a result, bound like an
equation; only numbers that name a place or a thing stay in the words."""

from __future__ import annotations

import pytest

from textbook.equations import find_formulas


def unbound(markdown: str) -> list[str]:
    """The numbers find_formulas() reports for a chapter (its errors, shortened)."""
    return [error.split(": the number ")[1].split(" in the text")[0]
            for error in find_formulas("c.md", markdown)[1] if ": the number " in error]


@pytest.mark.parametrize("text, numbers", [
    ("Its rank is 1, and 30% of them are 1.60 m tall.", ["1", "30%", "1.60"]),
    ("Of 100 people aged 22, 50 are tall.", ["100", "22", "50"]),  # a sentence opens
    ("Among the 22-year-olds, and in the age-22 row.", ["22", "22"]),
    ("Measured on 100,000 students and 1000 pairs.", ["100,000", "1000"]),
    ("By axioms 1, 4 and 3, see §2.3, eq. (19), –(13) and footnote 6.", []),
    ("Row 2, column 3 of A; lines 14-15; Exercise 2.3.2 and Definition 2.1.", []),
    ("The Machine Learning 1 course, under CC BY-SA 4.0.", []),  # numbers in names
    ("## The 22-year-olds\n\n- The 3 cases. EMAT §7 Answer 12 and answers 2-4.", ["22", "3"]),
    ('The source says "as different as 0" here.', []),  # somebody's words
    ("1. first\n2. second\n\nin two ways: 1) with indices, and 2) without.", []),
    ("**1) Index method.** A set (its rank is 2) and (rank 3).", ["2", "3"]),
    ("| 1 | Introduction |\n| 6–7 | Exercises |\n| x | 3 |\n", ["3"]),  # only the numbering
    ("[a link](https://example.com/2024/page-3) <span id=\"s4\">x</span>[^5] { #part-2 }", []),
    ("<!-- check: a/b.py; n = 3 -->\nThe number $3$ and $x^2$.", []),  # in formulas
    ("```python\nprint(42)\n```\n\nAnd `x = 7` in code.", []),
    ("The float32 type and a base-10 logarithm.", ["10"]),
    # a number opening a word, or in scientific notation, is a number all the same
    ("It is 10x faster on 100k rows of points 1e-3 apart, a 2x2 block, 768D, 1.5D.",
     ["10x", "100k", "1e-3", "2x2", "768D", "1.5D"]),
    ("Variables x2 and a1, the ML1 course, EMAT31530 and a 3D plot (names).", []),
    ("The 2nd try, the 3rd row, a 1st-order term (ordinals: places).", []),
    ("See eq. (19b), answers 2a and 2b, and eqs. 3a–3c.", []),
])
def test_numbers_in_the_words_are_found(text, numbers):
    """Each number of the words is reported, on its line, unless it names a place or a
    thing; numbers in formulas and code are for their own checks."""
    assert unbound(text) == numbers


def test_a_number_is_reported_at_its_line():
    errors = find_formulas("c.md", "# Title\n\nText\nwith 7 here.\n")[1]
    assert len(errors) == 1 and errors[0].startswith("docs/c.md:4: the number 7 in the text")
    assert "$7 % check: file.py:name$" in errors[0]
    errors = find_formulas("c.md", "It is 10x faster.\n")[1]
    assert "the number 10x in the text" in errors[0] and "`$10 % check: " in errors[0]
    errors = find_formulas("c.md", "A rate of 1e-3 here.\n")[1]
    assert r"`$1 \times 10^{-3} % check: " in errors[0]


@pytest.mark.parametrize("tex, number", [
    ("0", True), ("-1", True), (r"\frac{1}{2}", True), (r"1/\sqrt{2}", True),
    (r"30\%", True), ("(1, 2)", True), (r"[-1, 1]", True), (r"(-\infty, -2)", True),
    (r"10^{-6}", True), (r"1.2 \times 10^{-38}", True), (r"[2, -1]^T", True), ("5!", True),
    (r"2 \times 3", True), (r"N \times 3", True), (r"1 \times m", True),  # shapes
    (r"\mathbf{a} \times \mathbf{b}", False), (r"\mathbf{0}", False), ("n", False),
    ("x^2", True), (r"2 \times 3 \times 4", True), (r"\log(-1)", True),  # hold a number
])
def test_an_inline_number_needs_a_kind_as_a_relation_does(tex, number):
    """`$0$` alone states a number, as `$x = 0$` states a relation: it is produced,
    checked or declared; so is a formula holding one (below); notation without one is not."""
    formulas, errors = find_formulas("c.md", f"It is ${tex}$.\n")
    assert bool(errors) == number
    if number:
        assert "inline formula states a relation or holds a number" in errors[0]
    checked, _ = find_formulas("c.md", f"It is ${tex} % check: a/b.py:value$.\n")
    assert [f.kind for f in checked] == ["checked"]


@pytest.mark.parametrize("tex", [
    "x^2", r"12x^3 - x^{-3/2} - 2x^{-3}", r"60^\circ", r"(c - 1.69)^2", r"\log(-1)",
    r"2\pi i", r"p(X = 22)", r"\lVert \mathbf{a} \rVert^2", r"3(x+1)^2", r"2\mathbf{x}",
    r"\sum_{i=1}^{N} i^2", r"\frac{x_3}{2\sqrt{x_2 x_3}}", r"x^{1/2}", r"y(4)",
    r"\prod_{j=1}^{3} x_j", r"\sum_{i=2}^{N} x_i", r"\log_{10} x", r"\log_2 x", "p_{0.5}",
    r"\int_0^1 x\,dx", r"\lim_{x \to 3} f(x)", r"x \text{ for 3 steps}", "e^{-1}", "x^{-1}",
    r"(0.5, \dots)", r"\mathbf{2}", r"2, 3, \dots, n",
    r"\frac{du^3}{du}", r"\frac{d^2 y}{dx^2} + 3",  # a power of u; a coefficient
    "d^2", r"O(n d^2)", r"d^{-1/2}", r"\frac{d^2 y}{dx^2} + d^2", r"\frac{d^2 x^3}{dx^2}",
    r"\frac{d^2}{2}", r"\frac{d^2}{dx^2} x^3",  # powers of a variable d, or of x
])
def test_a_formula_holding_a_number_needs_a_kind(tex):
    """A coefficient, a power, a constant, an angle, an argument, an upper limit, a log's
    base, a bound, a decimal subscript or a number in words states a value: the formula
    is a result or a given, and a slipped digit in it must fail somewhere."""
    errors = find_formulas("c.md", f"It is ${tex}$.\n")[1]
    assert len(errors) == 1 and "holds a number" in errors[0], errors


@pytest.mark.parametrize("tex", [
    "x_1", "A_{13}", r"\sum_{i=1}^{N} x_i", r"\sum\limits_{n=0}^{N} x_n", r"\mathbb{R}^3",
    r"\mathbb R^3", r"\mathbb{R}^{2 \times 3}", "A^{-1}", r"S^{-1}S", r"\mathbf{A}^{-1}",
    r"\frac{\partial^2 f}{\partial x\,\partial y}", r"\nabla^2 f", "x^{(1)}",
    r"\mathbf{0}", r"\boldsymbol{0}", r"\vec{0}", r"1, \dots, m", r"1, 2, \dots, n",
    r"\mathbf{v}_1, \ldots, \mathbf{v}_n", r"\frac{d^2 y}{dx^2}", r"\frac{d^{3} f}{d t^{3}}",
])
def test_a_numeral_that_names_a_thing_needs_no_kind(tex):
    """An index, a sum's lower limit, a space's dimension, a matrix's inverse, a
    derivative's order, the zero vector and an index range name things: notation."""
    assert find_formulas("c.md", f"It is ${tex}$.\n")[1] == []
