"""Equations are produced, checked or declared, and a wrong one stops the build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from conftest import ROOT, build
from test_pipeline import edit, failing_build, make_project

from textbook.equations import find_formulas, states_relation, strip_markers
from textbook.formula_check import at_point, check_in_namespace

CHECKED = """
$$
% check: chapter/example.py
\\frac{d}{dx} x^3 = 3x^2 = 3 \\cdot x \\cdot x \\tag{7}
$$
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """The pipeline tests' one-chapter book."""
    return make_project(tmp_path)


def check(tex: str, namespace: dict, **options) -> list[str]:
    """The problems the runner would report for one formula."""
    formula = {"tex": tex, "target": "", "bind": [], "at": [], **options}
    return check_in_namespace(formula, namespace)["problems"]


def test_every_display_equation_needs_a_kind():
    """A display equation with no \\computed, `% check:` or `% declared:` is an error."""
    formulas, errors = find_formulas("c.md", "Text\n\n$$\nx = 1\n$$\n")
    assert not formulas
    assert errors and errors[0].startswith("docs/c.md:3: this display equation is neither")


def test_the_three_kinds_are_read_from_the_markdown():
    """Produced, checked (with options) and declared equations, display and inline."""
    markdown = (
        "$$\n\\frac{d}{dx} x^3 = \\computed{a/b.py:slope}\n$$\n\n"
        "$$\n% check: a/c.py:best; L = loss; at a = best\nL(a) = 2\n$$\n\n"
        "$$\n% declared: notation\n\\mathbf{a} = (a_1, a_2)\n$$\n\n"
        "Inline $x = 2 % check: a/d.py$ and $x_2$ and $[i = j] % declared: Iverson$.\n\n"
        "<!-- check: a/e.py -->\n\nThen $y = 3$.\n\n## Next\n\nAnd $z = 4$.\n")
    formulas, errors = find_formulas("c.md", markdown)
    kinds = [(f.kind, f.path, f.display) for f in formulas]
    assert kinds == [("produced", "a/b.py", True), ("checked", "a/c.py", True),
                     ("declared", "", True), ("checked", "a/d.py", False),
                     ("declared", "", False), ("checked", "a/e.py", False)]
    assert formulas[1].target == "best"
    assert formulas[1].bind == [["L", "loss"]] and formulas[1].at == [["a", "best"]]
    assert len(errors) == 1 and "c.md:23 ($z = 4$)" in errors[0]  # a heading ends the default


def test_a_signature_or_rule_needs_a_kind_as_a_relation_does():
    """`f : \\mathbb{R}^2 \\to \\mathbb{R}` states what f maps between and
    `f : x \\mapsto x^2` what it does, so each is checked or declared like `x = 2`; a ratio
    `a : b` and `x \\mapsto \\sin x` without a name state neither."""
    markdown = (r"Take $f : \mathbb{R}^2 \to \mathbb{R}$, $g \colon \mathbb{R} \to \mathbb{R}$,"
                "\n" r"$f : x \mapsto x^2$, $x \mapsto \sin x$ and $a : b$." "\n")
    formulas, errors = find_formulas("c.md", markdown)
    assert not formulas and len(errors) == 3
    assert "$f : \\mathbb{R}^2 \\to \\mathbb{R}$" in errors[0] and "$g \\colon" in errors[1]
    assert "$f : x \\mapsto x^2$" in errors[2]


@pytest.mark.parametrize("tex, relation", [
    ("{a = b}", True), (r"x + {\mathbf{a} \cdot \mathbf{b} = 0}", True), ("{{a < b}}", True),
    ("p(X = x)", False), (r"\mathbb{E}[T \mid X = x]", False), (r"\{x : x > 0\}", False),
    (r"\frac{a = b}{c}", False), (r"\frac{a}{b = c}", False), (r"\sqrt[3]{x = y}", False),
    (r"\underbrace{x + y}_{= z}", False), (r"\sum_{i=k}^n", False),
])
def test_a_relation_in_bare_braces_is_a_relation(tex, relation):
    """Braces that are no command's argument or script group without changing what the
    formula says, so `{a = b}` states `a = b`; a relation in parentheses, brackets, a set
    or an argument is part of a name (`p(X = x)`) or of notation."""
    assert states_relation(tex) == relation


def test_markers_never_reach_the_page():
    """The build removes `%` lines, inline `% ...` and `<!-- check -->` lines, not code."""
    markdown = ("<!-- check: a/e.py -->\nSee $y = 3 % check: a/d.py$.\n\n"
                "$$\n% check: a/c.py\nx = 1\n$$\n\n```python\nprint('$a % b$')\n```\n")
    shown = strip_markers(markdown)
    assert "check" not in shown.replace("print", "")
    assert "$y = 3$" in shown and "$$\nx = 1\n$$" in shown and "print('$a % b$')" in shown


def test_a_chain_is_checked_step_by_step():
    """Each side must equal the one before it; the failing step and the values are named."""
    x = sp.Symbol("x", positive=True)
    assert check(r"\frac{d}{dx} x^4 = 4x^3 = 4 x \cdot x^2", {"x": x}) == []
    problems = check(r"\frac{d}{dx} x^4 = 4x^3 = 4 x \cdot x^3", {"x": x})
    assert len(problems) == 1 and problems[0].startswith("step 3 `4x\\cdot x^3` does not")


def test_a_symbol_without_a_sign_is_tried_negative():
    """An identity that needs x >= 0 fails for a snippet's x of any sign, and holds once the
    snippet says x is positive."""
    for positive, results in ((None, [True, False, False]), (True, [True, True, True])):
        x = sp.Symbol("x", positive=positive)
        holds = [check(tex, {"x": x}) == [] for tex in (
            r"\sqrt{x^2} = |x|", r"\sqrt{x^2} = x", r"\log(x^2) = 2 \log x")]
        assert holds == results


def test_a_message_quotes_text_as_written():
    """Words in a formula reach the author's message as they are in the chapter."""
    problems = check(r"\underbrace{x + x}_{3 \text{ times}} = 2x", {"x": sp.Symbol("x")})
    assert len(problems) == 1 and r"_{3\text{ times}}`: the brace says 3 times" in problems[0]


def test_a_point_is_put_in_as_subs_would_put_it():
    """The cheap swap of symbols for numbers gives what subs gives, also where a symbol of
    the point is a sum's index elsewhere or the variable of a derivative."""
    j, n = sp.symbols("j n", integer=True)
    x = sp.Symbol("x")
    point = {j: sp.Integer(2), n: sp.Integer(3), x: sp.Rational(5, 7)}
    for value in (x**2 + n * x, j + sp.Sum(j**2, (j, 1, n)),
                  sp.Derivative(x**3, x, evaluate=False) + j,
                  sp.Subs(sp.Derivative(sp.Function("f")(x), x), x, n)):
        assert at_point(value, point) == value.subs(point)


@pytest.mark.parametrize("tex, ok", [
    (r"A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", True),
    (r"A = \begin{pmatrix} 1 & 2 \\ 3 & 5 \end{pmatrix}", False),
    (r"C_{ik} = \sum_{j=1}^{2} A_{ij} B_{jk}", True),
    (r"C_{ik} = \sum_{j=1}^{2} A_{ji} B_{jk}", False),
    (r"\sum_{j=1}^{2} A_{ij} \delta_{jk} = A_{ik}", True),
    (r"\sum_{j=1}^{3} A_{ij} \delta_{jk} = A_{ik}", False),  # past A's columns
    (r"\sum_{j=1}^{2} \delta_{2j} v_j = v_2", True),
    (r"\sum_{j=1}^{3} \delta_{2j} v_j = v_2", False),  # the delta hides v_3
    (r"\sum_{j=0}^{2} \delta_{2j} v_j = v_2", False),
    (r"A^{-1} A = I", True),
    (r"\lVert v \rVert = \sqrt{5}", True),
    (r"\lVert v \rVert \approx 2.236", True),
    (r"\lVert v \rVert \approx 2.237", False),
    (r"\log(e^{2}) = 2", True),
    (r"\tfrac52 = 2.5", True),
    (r"\frac{d}{dx}\left[(x+1)^2\right] = \frac{d}{dx}\left[x^2 + 2x + 1\right]", True),
    (r"\frac{d}{dx}\left[(x+1)^2\right] = \frac{d}{dx}\left[x^2 + 2x + 7\right]", False),
    (r"0.1^{38} = 10^{-38}", True),  # a decimal inside an expression: exactly 1/10
    (r"0.0^{38} = 10^{-38}", False),
    (r"10^{-38} = 0", False),  # exact numbers: no allowance for float noise
    (r"x \cdot 10^{-20} = 0", False),
    (r"A = A \in \mathbb{R}^{2 \times 2}", True),
    (r"A = A \in \mathbb{R}^{2 \times 3}", False),
    (r"v = v \in \mathbb{R}^N", True),
    (r"v = v \in \mathbb{R}^3", False),
    (r"v = v \in \mathbb{R}", False),
    (r"A = A \in \mathbb{A}^{2 \times 2}", False),  # no set of numbers
    (r"v = v \in \mathbb{R}^K, \quad D \in \mathbb{R}^{K \times L}, \quad"
     r" D^T \in \mathbb{R}^{L \times K}", True),
    (r"v = v \in \mathbb{R}^K, \quad D \in \mathbb{R}^{L \times K}", False),
    (r"v = v \in \mathbb{R}^K", False),  # K, named once and no name of the snippet
    (r"A = A, \quad Z \in \mathbb{R}^{2 \times 2}", False),  # Z is no name of it
    (r"A = A, \quad N \in \mathbb{R}", True),
    (r"A = A, \quad N \in \mathbb{R}^{2 \times 2}", False),  # a number, no 2 x 2 matrix
    # Commas: a tuple is a column, a bracketed list a row, a call takes several arguments.
    (r"(v_1, v_2) = (1, 2)", True),
    (r"(v_1, v_2) = (2, 1)", False),  # read as products, the two sides were both 2
    (r"v = [1, 2]^T", True),
    (r"v = [2, 1]^T", False),
    (r"v = [1, 2]", False),  # a row
    (r"p(3, 1) = 2", True),
    (r"p(1, 3) = 2", False),
    (r"\langle v, v \rangle = 5", True),
    (r"\langle v, v \rangle = 4", False),
    # A signature, against a function the check binds as sp.Lambda((inputs), outputs).
    (r"f : \mathbb{R}^2 \to \mathbb{R}^2", True),
    (r"\mathbf{f} \colon \mathbb{R}^N \to \mathbb{R}^M", True),  # the snippet's N, M: 2
    (r"f : \mathbb{R}^K \to \mathbb{R}^K", True),  # K: one size in the formula
    (r"f : \mathbb{R}^3 \to \mathbb{R}^2", False),
    (r"f : \mathbb{R}^2 \to \mathbb{R}", False),
    (r"f : \mathbb{R}^K \to \mathbb{R}^L", False),  # each named once: compared with nothing
    (r"g : \mathbb{R} \to \mathbb{R}", True),
    (r"g : \mathbb{R} \to \mathbb{R}^2", False),
    (r"g : \mathbb{R} \to \mathbb{A}", False),  # no set of numbers
    (r"g : \mathbb{C} \to \mathbb{C}", False),  # a signature the checker does not read
    (r"x : \mathbb{R} \to \mathbb{R}", False),  # a symbol, not a function
    (r"q : \mathbb{R} \to \mathbb{R}", False),  # no name of the snippet
    (r"k : \mathbb{R} \to \mathbb{R}", False),  # its output depends on y too
    # A rule, as the equation it states: `g : x \mapsto x^2` is `g(x) = x^2`.
    (r"g : x \mapsto x^2", True),
    (r"g : x \mapsto x^3", False),
    (r"p : \begin{pmatrix} x \\ y \end{pmatrix} \mapsto x - y", True),
    (r"p : \begin{pmatrix} y \\ x \end{pmatrix} \mapsto x - y", False),
    (r"g : \mathbb{R} \to \mathbb{R},\ x \mapsto x^2", True),  # a signature, then the rule
    (r"g : \mathbb{R} \to \mathbb{R},\ x \mapsto x^3", False),
    (r"3! = 6", True),
    (r"3! = 3", False),  # a factorial is read, not dropped as \! is
    (r"30\% = \frac{3}{10}", True),
    (r"30\% = 3", False),  # a percent sign divides by 100
    (r"60^\circ = \frac{\pi}{3}", True),  # an angle in degrees is read in radians
    (r"60^\circ = 60", False),
    (r"2^{10} = 1024", True), (r"2^10 = 1024", False),  # TeX shows 2^1 0, as it is read
    (r"\binom{4}{2} = \frac{4!}{2!\,2!}", True),
    (r"\frac{d^2}{dx^2} x^3 = 6x", True),
    (r"\frac{d^3}{dx^2} x^3 = 6x", False),  # the numerator's order disagrees
    (r"\frac{d}{dx^2} x^3 = 6x", False),
    (r"\frac{\partial^2}{\partial x \partial x} x^3 = 6x", True),
    (r"\underbrace{x + x + x}_{3 \text{ times}} = 3x", True),
    (r"\underbrace{x + x + x}_{2 \text{ times}} = 3x", False),
    (r"\underbrace{x \times x}_{2 \text{ times}} = x^2", True),
    (r"\underbrace{x \times x}_{N \text{ times}} = x^2", True),  # the snippet's N is 2
    (r"\underbrace{x \times x}_{M + 1 \text{ times}} = x^2", False),
    # K and L are no names of the snippet: each is one size throughout the formula.
    (r"\underbrace{D^T v}_{K \times 1} = \underbrace{D^T}_{K \times L} \underbrace{v}_{L \times 1}",
     True),
    (r"\underbrace{D^T v}_{K \times 1} = \underbrace{D^T}_{K \times L} \underbrace{v}_{K \times 1}",
     False),
    (r"\underbrace{A}_{2 \times 2} = A", True),
    (r"\underbrace{A}_{2 \times 3} = A", False),
    (r"\underbrace{A}_{2 + 2} = A", False),  # neither a shape nor words: it says nothing
    (r"\underbrace{A}_{\text{the matrix}} = A", True),
    (r"v_2 = 2", True),
    (r"v_3 = 2", False),
    (r"A = \begin{pmatrix} A_{11} & \cdots & A_{1M} \\ \vdots & \ddots & \vdots \\"
     r" A_{N1} & \cdots & A_{NM} \end{pmatrix}", True),
    (r"A = \begin{pmatrix} A_{11} & \cdots & A_{1M} \\ \vdots & \ddots & \vdots \\"
     r" A_{N1} & \cdots & A_{N1} \end{pmatrix}", False),
    (r"v = \begin{pmatrix} v_1 \\ \vdots \\ v_N \end{pmatrix}", True),
    # Two columns written before the dots of a 2-column A: the last column (its first
    # entry wrong) would never be read.
    (r"A = \begin{pmatrix} A_{11} & A_{12} & \cdots & A_{2M} \\"
     r" A_{21} & A_{22} & \cdots & A_{2M} \end{pmatrix}", False),
])
def test_the_reader_knows_the_books_notation(tex, ok):
    """Matrices, entries, tuples and calls, sums (inside their arrays), deltas, inverses,
    norms, rounding, factorials, percentages, degrees, the shapes of
    `\\in \\mathbb{R}^{n \\times m}` and of a signature `f : \\mathbb{R}^n \\to \\mathbb{R}^m`,
    a rule `f : x \\mapsto x^2`, the expressions under a d/dx and its order, the shapes
    (one size per letter) and counts under a brace and the dots of a matrix read as the
    book means."""
    A = sp.Matrix([[1, 2], [3, 4]])
    B = sp.Matrix([[0, 1], [5, 2]])
    x, y = sp.symbols("x y")
    namespace = {"x": x, "A": A, "B": B, "C": A * B, "I": sp.eye(2),
                 "f": sp.Lambda((x, y), sp.Matrix([x * y, x])), "g": sp.Lambda(x, x**2),
                 "k": sp.Lambda(x, x * y), "p": sp.Lambda((x, y), x - y),
                 "D": sp.Matrix([[1, 0, 2], [0, 1, 3]]),
                 "v": sp.Matrix([1, 2]), "N": 2, "M": 2}
    assert (check(tex, namespace) == []) == ok


def test_a_wrong_equation_stops_the_build(project):
    """A slip in a checked display equation fails the build with the chapter line and step."""
    edit(project, "docs/chapter.md", "Intro line.\n", "Intro line.\n" + CHECKED)
    assert build(project, project / "site").returncode == 0
    edit(project, "docs/chapter.md", "3 \\cdot x \\cdot x", "3 \\cdot x \\cdot 2")
    failing_build(project, "docs/chapter.md:5 (eq. (7)): does not agree with "
                  "snippets/chapter/example.py: step 3 `3\\cdot x\\cdot 2`")


@pytest.mark.parametrize("execute", ["1", "0"])
def test_a_check_line_naming_no_file_stops_the_build(project, execute):
    """A `check:` path with a typo names no file: the build stops at its equation (with
    execution off too), not checking nothing in silence."""
    edit(project, "docs/chapter.md", "Intro line.\n",
         "Intro line.\n" + CHECKED.replace("example.py", "exmaple_typo.py"))
    failing_build(project, "docs/chapter.md:5 (eq. (7)): check: no snippet file "
                  "snippets/chapter/exmaple_typo.py", BOOK_EXECUTE=execute)


def check_chapter(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "textbook.check_chapter", "docs/chapter.md"],
                          capture_output=True, text=True, cwd=project, timeout=120,
                          env={**os.environ, **env})


def test_check_chapter_reports_each_equation(project):
    """`python -m textbook.check_chapter`: OK, FAIL with the step, and a snippet that
    cannot run reported as a failure of its equations, never as a traceback."""
    edit(project, "docs/chapter.md", "Intro line.\n", "Intro line.\n" + CHECKED)
    result = check_chapter(project)
    assert result.returncode == 0 and "docs/chapter.md:5 (eq. (7)): OK" in result.stdout, result
    edit(project, "docs/chapter.md", "3 \\cdot x \\cdot x", "3 \\cdot x \\cdot 2")
    result = check_chapter(project)
    assert result.returncode == 1 and "(eq. (7)): FAIL" in result.stdout, result
    edit(project, "docs/chapter.md", "% check: chapter/example.py", "% check: chapter/gone.py")
    result = check_chapter(project)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result
    assert ("(eq. (7)): FAIL\n    - snippets/chapter/gone.py did not run: FileNotFoundError"
            in result.stdout), result


def test_check_chapter_reads_a_chapter_as_the_build_does_below_its_front_matter(project):
    """Front matter is not the chapter's words (MkDocs takes it off before the build reads
    the page), and the lines named stay the file's."""
    edit(project, "docs/chapter.md", "# Chapter\n",
         "---\ndescription: as eq. (98) says\n---\n\n# Chapter\n")
    edit(project, "docs/chapter.md", "Intro line.", "Intro line, as eq. (99) says.")
    result = check_chapter(project)
    assert ("docs/chapter.md:7: eq. (99): which part's equation?" in result.stdout
            and "(98)" not in result.stdout), result


def test_check_chapter_confines_the_snippets_it_runs(project):
    """check_chapter runs a stranger's snippet as the build does: a write outside its
    folder is refused, and a file that runs too long is stopped at the time limit."""
    edit(project, "docs/chapter.md", "Intro line.\n", "Intro line.\n" + CHECKED)
    snippet, outside = project / "snippets" / "chapter" / "example.py", project / "written.txt"
    code = snippet.read_text(encoding="utf-8")
    snippet.write_text(f"open({str(outside)!r}, 'w').write('x')\n{code}", encoding="utf-8")
    result = check_chapter(project)
    assert ("(eq. (7)): FAIL\n    - snippets/chapter/example.py did not run: PermissionError"
            in result.stdout and not outside.exists()), result
    snippet.write_text(f"while True:\n    pass\n{code}", encoding="utf-8")
    result = check_chapter(project, BOOK_TIMEOUT="1")
    assert "example.py did not run: TimeoutError: ran longer than 1 s" in result.stdout, result
    snippet.write_text("import time\nwhile True:\n    try:\n        time.sleep(5)\n"
                       f"    except TimeoutError:\n        pass\n{code}", encoding="utf-8")
    result = check_chapter(project, BOOK_TIMEOUT="1")  # it catches the first stop
    assert (result.returncode == 1 and "stopped: the checking ended early" in result.stdout
            and f'File "{snippet}", line 4' in result.stderr), result


def test_an_unbalanced_inline_formula_is_reported_as_such():
    """An inline formula with an unclosed brace is an error that says so, not one that
    blames a relation it may not state."""
    formulas, errors = find_formulas("c.md", "Text $\\frac{12x^3 - x^{-3/2}$ here.\n")
    assert not formulas and len(errors) == 1, errors
    assert errors[0].startswith("docs/c.md:1 ($\\frac{12x^3 - x^{-3/2}$): cannot be read: "
                                "unbalanced {"), errors


def test_an_equation_of_no_kind_stops_the_build(project):
    """An unmarked display equation fails the build, naming its line."""
    edit(project, "docs/chapter.md", "Intro line.\n", "Intro line.\n\n$$\nx = 1\n$$\n")
    failing_build(project, "docs/chapter.md:5: this display equation is neither produced")


def test_a_display_that_opens_with_a_relation_continues_the_one_before():
    """`$$ = ... $$` is checked as the previous display's chain, with its options."""
    markdown = ("$$\n% check: a/b.py; y = outer\ny = (x + 1)^2\n$$\n\n"
                "$$\n= x^2 + 2x + 1\n$$\n")
    formulas, errors = find_formulas("c.md", markdown)
    assert not errors and formulas[1].kind == "checked" and formulas[1].bind == [["y", "outer"]]
    x = sp.Symbol("x")
    namespace = {"x": x, "outer": (x + 1) ** 2}
    assert check_in_namespace(formulas[1].payload(), namespace)["problems"] == []
    slipped, _ = find_formulas("c.md", markdown.replace("2x + 1", "2x + 2"))
    assert check_in_namespace(slipped[1].payload(), namespace)["problems"]


def test_computed_values_are_written_in_the_books_notation():
    """Fractional powers inline, index subscripts together: as the chapters type them."""
    from textbook.book_latex import book_latex

    x = sp.Symbol("x", positive=True)
    i, j, k = sp.symbols("i j k")
    X = sp.IndexedBase("X")
    assert book_latex(x ** sp.Rational(-3, 2)) == "x^{-3/2}"
    assert book_latex(X[i, j]) == "X_{ij}" and book_latex(X[i, j + 1]) == "X_{i,j + 1}"
    assert book_latex(sp.KroneckerDelta(j, k)) == r"\delta_{jk}"


@pytest.mark.parametrize("tex, value, ok", [
    ("22", 22, True), ("23", 22, False),  # a number written exactly is compared exactly
    ("1.69", 1.6900000000000002, True), ("1.68", 1.69, False),
    (r"\approx 0.1", 0.0995, True), (r"\approx 0.2", 0.0995, False),
    (r"\approx 15", 200 / 13, True), (r"\approx 16", 200 / 13, False),  # to the units
    (r"2.2 \times 10^{-308}", 2.2250738585072014e-308, True),
    (r"2.3 \times 10^{-308}", 2.2250738585072014e-308, False),  # the last digit, not 5 %
    (r"\approx 1.4 \times 10^{-45}", 1.401298464324817e-45, True),
    (r"\approx 1.5 \times 10^{-45}", 1.401298464324817e-45, False),
    (r"30\%", 0.3, True), (r"40\%", 0.4013, False),
    (r"\approx 40\%", 0.4013, True), (r"\approx 41\%", 0.4013, False),  # to the percent
    (r"58.8^\circ", 1.025685, True), (r"58.7^\circ", 1.025685, False),  # acos(14/27)
    (r"\approx 59^{\circ}", 1.025685, True), (r"\approx 61^\circ", 1.025685, False),
    (r"60^\circ", sp.pi / 3, True), (r"59^\circ", sp.pi / 3, False),  # exact: pi/3
])
def test_a_number_agrees_with_its_value_to_the_digits_it_shows(tex, value, ok):
    """A number alone with a `:name` target: exact when written exactly; when rounded (a
    decimal, `\\approx`), to its last digit, which in `m \\times 10^{e}` is a digit of m."""
    assert (check(tex, {"value": sp.Float(value) if isinstance(value, float) else value},
                  target="value") == []) == ok


@pytest.mark.parametrize("tex, ok", [
    (r"0.1^{45} \approx 1.0 \times 10^{-45}", True),
    (r"0.1^{45} \approx 1.1 \times 10^{-45}", False),  # not within 0.51 of the whole value
    (r"\sqrt{2} \approx 1.41", True), (r"\sqrt{2} \approx 1.42", False),
    (r"\frac{\pi}{3} \approx 60^\circ", True), (r"\frac{\pi}{3} \approx 61^\circ", False),
])
def test_a_rounded_step_agrees_to_its_last_digit(tex, ok):
    assert (check(tex, {}) == []) == ok


@pytest.mark.parametrize("tex, ok", [
    (r"(-\infty, -2)", True), (r"(\infty, -2)", False), (r"(-\infty, -3)", False),
])
def test_an_interval_is_checked_by_its_ends(tex, ok):
    """An interval written as a pair agrees with its end points, infinite ones included."""
    ends = sp.Matrix([-sp.oo, -2])
    assert (check(tex, {"ends": ends}, target="ends") == []) == ok


@pytest.mark.parametrize("tex, ok", [(r"2 \times 3", True), (r"3 \times 2", False),
                                     (r"6", False), (r"N \times M", True),
                                     (r"M \times N", False)])
def test_a_shape_alone_is_compared_with_the_shape_of_a_matrix(tex, ok):
    """`$2 \\times 3 % check: file.py:A$` states A's shape, not the number 6; sizes may be
    the snippet's names for whole numbers."""
    namespace = {"A": sp.zeros(2, 3), "N": 2, "M": 3}
    assert (check(tex, namespace, target="A") == []) == ok


def test_a_chapters_findings_kept_across_builds_are_those_found_anew(tmp_path):
    """Equations(memo) keeps each chapter's formulas and errors by its text (pages.py):
    a later build reads them back as they were found, and a changed text is read again."""
    from textbook.equations import Equations
    from textbook.memo import Memo

    page = ("Its rank is $r = 1 % check: a/b.py:rank$ and $x = 2$.\n\n"
            "$$\ny = 3 % declared: a definition\n\\tag{4}\n$$\n")
    fresh = Equations()
    fresh.scan("c.md", page)
    made = []
    for text in (page, page, page + "And 5 more.\n"):
        memo = Memo(tmp_path / "formulas.json", "salt")
        kept = Equations(memo)
        kept.scan("c.md", text)
        made.append(memo.made)
        memo.close()
    assert made == [1, 0, 1], f"found anew in each build: {made}"
    memo = Memo(tmp_path / "formulas.json", "salt")
    kept = Equations(memo)
    kept.scan("c.md", page)
    assert (kept.pages, kept.errors) == (fresh.pages, fresh.errors) and fresh.errors["c.md"]
    kept.scan("c.md", page + "And 5 more.\n")
    assert any("number 5" in error for error in kept.errors["c.md"])


def test_code_is_what_the_engine_reads_as_code():
    """Rendered with the book's Markdown extensions (mkdocs.yml), the only code is what
    outside_code() blanks, fences and spans: a block indented four spaces is a paragraph
    (superfences' disable_indented_code_blocks), so a `§2.4` or an `eq. (3)` in it is
    prose, never a link written into the text of a code block."""
    import markdown

    from textbook.config_file import read_config
    from textbook.equations import outside_code

    extensions, options = [], {}
    for item in read_config(ROOT / "mkdocs.yml")["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        extensions.append(name)
        options[name] = config or {}
    indented = ("Text.\n\n    see §2.4 and $x$\n\n- item\n\n        see eq. (3)\n\n"
                "!!! note\n\n    Text.\n\n        see §2.4\n")
    fenced = "Text `§2.4`.\n\n```\nsee eq. (3)\n```\n"
    html = [markdown.markdown(page, extensions=extensions, extension_configs=options)
            for page in (indented, fenced)]
    assert "<code" not in html[0], f"an indented block is code:\n{html[0]}"
    assert html[1].count("<code") == 2 and outside_code(fenced).split() == ["Text", "."]
