"""The book's chapter notebooks, workbooks and their pages, and its exercises' checks."""

from __future__ import annotations

import contextlib
import io
import json
import re
import runpy
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest
import sympy as sp
from conftest import (
    DOCS,
    EVERY_PAGE,
    ROOT,
    SNIPPETS,
    built_page,
    chapter_blocks,
    confined,
    visible_text,
)
from test_pages import html_of

from textbook import notebooks, workbooks
from textbook.config_file import read_config
from textbook.exercises import answer_name, find_exercises

PARTS = ["part-1", "part-2"]
# The pages of a part that include snippets have a notebook (the home page's example not).
CHAPTERS = sorted({block.page for block in chapter_blocks()
                   if block.page.split("/")[0] in PARTS})
WORKBOOKS = [f"workbooks/{part}{kind}.ipynb" for part in PARTS for kind in ("", "-solutions")]
EXERCISES = find_exercises(ROOT)  # the checks beside the snippets, as the engine finds them


def site_notebook(site: Path, page: str) -> Path:
    return site / notebooks.page_url(page) / notebooks.notebook_name(page)


def read_valid(path: Path) -> nbformat.NotebookNode:
    """A notebook of the site: valid nbformat v4, written as nbformat writes it."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert path.read_text(encoding="utf-8") == nbformat.writes(nb), (
        f"{path.name} is not written as nbformat writes it")
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, as a reader's Jupyter would, but in
    the snippets' sandbox: it talks to this test through Unix sockets in `cwd`, and over
    TCP only to itself, on the loopback of its own network namespace."""
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    class ConfinedKernel(KernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            command = super().format_kernel_cmd(extra_arguments)
            return [sys.executable, "-m", "textbook.sandbox", "--kernel", str(cwd),
                    "600", "--", *command]

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # a copy: outputs are replaced
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    kernel = ConfinedKernel(kernel_name="python3", transport="ipc", ip=str(cwd / "kernel"),
                            connection_file=str(cwd / "kernel.json"))
    try:
        NotebookClient(nb, km=kernel, timeout=60, resources={"metadata": {"path": str(cwd)}}
                       ).execute()
    finally:  # nbclient leaves a kernel it was handed running, until this process ends
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
    return nb


def stdout_of(cell) -> str:
    return "".join(o.text for o in cell.get("outputs", [])
                   if o.output_type == "stream" and o.name == "stdout")


def stderr_of(cell) -> str:
    return "".join(o.text for o in cell.get("outputs", [])
                   if o.output_type == "stream" and o.name == "stderr")


# --- Chapter notebooks ------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_page_links_its_notebook(page, site):
    """A chapter with snippets shows Download and Colab links to a valid notebook in the site."""
    row = html_of(site, page).find("div", class_="notebook-links")
    assert row is not None, f"docs/{page}: the page has no notebook links"
    download, colab = row.find_all("a")
    assert download.get_text() == "Download notebook" and download.has_attr("download")
    target = site / notebooks.page_url(page) / download["href"]
    assert target == site_notebook(site, page) and target.is_file(), (
        f"docs/{page}: the download link {download['href']} names no notebook of the site")
    read_valid(target)
    path = target.relative_to(site).as_posix()
    assert colab.get_text() == "Open in Colab"
    assert colab["href"] == ("https://colab.research.google.com/github/math-for-ml/"
                             f"verified-textbook/blob/notebooks/{path}")


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_notebook_runs_and_prints_what_the_page_shows(page, site, tmp_path):
    """Run top to bottom with nbclient, each code cell prints what the page shows under it."""
    nb = nbformat.read(site_notebook(site, page), as_version=4)
    shown, answers = {}, set()
    for div in html_of(site, page).find_all("div", class_="snippet"):
        code = div.find("div", class_="highlight").find("code").get_text()
        output = div.find("div", class_="snippet-output")
        shown.setdefault(div["data-snippet"],
                         (code, output.find("code").get_text() if output else ""))
        fold = div.find_parent("details")
        if fold and fold.summary.get_text(strip=True).startswith("Answer"):
            answers.add(div["data-snippet"])  # in the solutions notebook, not the chapter's
    cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.metadata["snippet"] for cell in cells] == [
        f"{b.path}:{b.section}" for b in chapter_blocks()
        if b.page == page and f"{b.path}:{b.section}" not in answers], (
        f"docs/{page}: the notebook's code cells are not the page's snippets in page order")
    assert {cell.metadata["snippet"] for cell in cells} == set(shown) - answers, (
        f"docs/{page}: the notebook holds other snippets than the page, or an answer's")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    folds = html_of(site, page).select("details > summary")
    for title in (f.get_text(strip=True) for f in folds if f.get_text(strip=True)
                  .startswith("Answer")):
        assert f"**{title}.** In the [solutions notebook]" in text, (
            f"{page}: {title} is not replaced by a pointer to the solutions notebook")
    for cell in cells:  # the outputs stored at build time are the page's
        code, output = shown[cell.metadata["snippet"]]
        assert cell.source.rstrip("\n") == code.rstrip("\n")
        assert stdout_of(cell).rstrip("\n") == output.rstrip("\n"), (
            f"{page}: stored output of {cell.metadata['snippet']} differs from the page")
    ran = execute(nb, tmp_path)
    for cell in (c for c in ran.cells if c.cell_type == "code"):
        name = cell.metadata["snippet"]
        assert not stderr_of(cell), f"{page}: {name} writes to stderr in Jupyter:\n" + \
            stderr_of(cell)
        assert stdout_of(cell).rstrip("\n") == shown[name][1].rstrip("\n"), (
            f"{page}: in a fresh kernel {name} prints something else than the page shows.\n"
            f"--- page\n{shown[name][1]}\n--- notebook\n{stdout_of(cell)}")


def test_chapter_notebooks_have_headings_and_formulas(site):
    """Each notebook has the page's headings and, with \\computed filled in, its formulas."""
    for page in CHAPTERS:
        nb = nbformat.read(site_notebook(site, page), as_version=4)
        markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
        title = workbooks.page_title((DOCS / page).read_text(encoding="utf-8"))
        assert markdown[0] == f"# {title}", f"{page}: the notebook does not start with its title"
        text = "\n".join(markdown)
        assert "\\computed" not in text and "\\boxed{?}" not in text, page
    exercises = nbformat.read(site_notebook(site, "part-2/exercises.md"), as_version=4)
    text = "\n".join(c.source for c in exercises.cells if c.cell_type == "markdown")
    assert text.count("$$") >= 12 and "Use the chain rule to differentiate" in text
    assert "Multiply both sides, from the left" not in text, "an answer in the exercises notebook"
    calculus = nbformat.read(site_notebook(site, "part-2/calculus.md"), as_version=4)
    prose = [c.source for c in calculus.cells if c.cell_type == "markdown"
             and not c.source.startswith(("#", "$$", ">"))]
    assert len(prose) >= 5, "the chapter notebook lost the chapter's prose"


SITE_URL = read_config(ROOT / "mkdocs.yml")["site_url"]  # where a notebook's links lead
REF_LINK = re.compile(r'<a class="(?:eq|sec)-ref" href="(?P<href>[^"]*)">(?P<text>[^<]*)</a>')


@EVERY_PAGE
def test_a_chapter_notebook_links_each_reference_its_page_links(site):
    """Each section and equation reference that a chapter's page makes a link is one in
    its notebook too, to the same place on the published site (but in the folded answers,
    which the notebook leaves to the solutions notebook)."""
    for page in CHAPTERS:
        here = SITE_URL + notebooks.page_url(page)
        on_page = Counter((a.get_text(), urljoin(here, a["href"]))
                          for a in html_of(site, page).select("article a.sec-ref, article a.eq-ref")
                          if not a.find_parent("details", class_="success"))
        nb = nbformat.read(site_notebook(site, page), as_version=4)
        in_notebook = Counter((m["text"], m["href"]) for cell in nb.cells
                              if cell.cell_type == "markdown"
                              for m in REF_LINK.finditer(cell.source))
        assert in_notebook == on_page, (
            f"{page}: only on the page {sorted(on_page - in_notebook)}, only in the notebook "
            f"{sorted(in_notebook - on_page)}")


@EVERY_PAGE
def test_every_reference_in_a_notebook_leads_to_its_place_on_the_site(site):
    """Each reference link of a chapter notebook or a workbook leads to a page of the site
    and an element with its id; a workbook's questions are linked as its solutions notebook
    links them (which is written later in the build, once every chapter is read)."""
    problems, links = [], 0
    for path in sorted(site.rglob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for m in REF_LINK.finditer(cell.source) if cell.cell_type == "markdown" else ():
                links += 1
                url, _, id_ = m["href"].partition("#")
                page = site / url.removeprefix(SITE_URL) / "index.html"
                if not url.startswith(SITE_URL) or not page.is_file():
                    problems.append(f"{path.relative_to(site)}: {m[0]} leads to no page")
                elif id_ and built_page(page).find(id=id_) is None:
                    problems.append(f"{path.relative_to(site)}: {m[0]}: no #{id_} there")
    assert links and not problems, "\n".join(problems)
    for part in PARTS:
        cells = [[c.source for c in nbformat.read(site / uri, as_version=4).cells]
                 for uri in (f"workbooks/{part}/{part}.ipynb",
                             f"workbooks/{part}-solutions/{part}-solutions.ipynb")]
        unlike = [c for c in cells[0] if "*From [" in c and c not in cells[1]]
        assert not unlike, f"{part}: questions unlike the solutions notebook's: {unlike}"


# --- Workbooks --------------------------------------------------------------------


def snippet_value(path: str, name: str):
    """A variable of a snippet file after running it whole (the book's verified answer)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / path))[name]


x, N, b = sp.symbols("x N b")
X = sp.IndexedBase("X")
i, k = sp.symbols("i k")
x1, x2, x3, x4 = sp.symbols("x1:5")
U = sp.Matrix(sp.symbols("u1:3"))
A = sp.Matrix(2, 3, sp.symbols("A1(1:4) A2(1:4)"))
EX = "part_2/exercises/"
LA, LA_S = "part-1/linear-algebra/", "part_1/linear_algebra/"

# exercise key -> (the right answer, the same answer in another form, a wrong answer).
# Part II takes the right answer from the book's own snippet files.
ANSWERS = {
    "part-2/exercises.md#exercise-1": (
        lambda: snippet_value(EX + "exercise_01_powers.py", "answer"),
        lambda: 10 * x**1.5 + 0.5 * x**-0.5 + 3 * x**-1.5, lambda: 10 * x**1.5),
    "part-2/exercises.md#exercise-2": (
        lambda: snippet_value(EX + "exercise_02_chain_rule.py", "dy_dx"),
        lambda: 3 * x**2 + 6 * x + 3, lambda: 3 * (x + 1) ** 3),
    "part-2/exercises.md#exercise-3": (
        lambda: snippet_value(EX + "exercise_03_expanded.py", "derivative"),
        lambda: "3*(x + 1)**2", lambda: 3 * x**2 + 6 * x + 1),
    "part-2/exercises.md#exercise-4": (
        lambda: snippet_value(EX + "exercise_04_minimum.py", "best"),
        lambda: -0.25, lambda: sp.Rational(1, 4)),
    "part-2/exercises.md#exercise-5": (
        lambda: snippet_value(EX + "exercise_05_sum_of_squares.py", "total"),
        lambda: 55.0, lambda: 30),
    "part-2/exercises.md#exercise-6": (
        lambda: snippet_value(EX + "exercise_06_product.py", "loop"),
        lambda: sp.factorial(5), lambda: 24),
    "part-2/exercises.md#exercise-7": (
        lambda: snippet_value(EX + "exercise_07_constant_sum.py", "answer"),
        lambda: b * N, lambda: b + N),
    "part-2/exercises.md#exercise-8": (
        lambda: snippet_value(EX + "exercise_08_constant_product.py", "answer"),
        lambda: sp.exp(N * sp.log(b)), lambda: N * b),
    "part-2/exercises.md#exercise-9": (
        lambda: snippet_value(EX + "exercise_09_matrix_product.py", "C"),
        lambda: [[19, 22], [43, 50]], lambda: [[5, 12], [21, 32]]),
    "part-2/exercises.md#exercise-10": (
        lambda: snippet_value(EX + "exercise_10_inverse.py", "inverse"),
        lambda: [[-2.0, 1.0], [1.5, -0.5]], lambda: [[4, -2], [-3, 1]]),
    "part-2/exercises.md#exercise-11": (
        lambda: snippet_value(EX + "exercise_11_linear_solve.py", "x"),
        lambda: [-4.0, 4.5], lambda: [4, -4.5]),
    "part-2/exercises.md#exercise-12": (
        lambda: snippet_value(EX + "exercise_12_gradient.py", "picked"),
        lambda: X[i, k], lambda: X[k, i]),
    # Part I §2.1-§2.6: the book's own exercises (snippets/part_1/linear_algebra/).
    LA + "index.md#exercises-2-1": (
        lambda: snippet_value(LA_S + "exercise_2_1_1_entries.py", "total"),
        lambda: 5.0, lambda: 3),
    LA + "index.md#exercises-2-1-2": (
        lambda: snippet_value(LA_S + "exercise_2_1_2_transpose.py", "A_T"),
        lambda: sp.Matrix([[1, 2, 3], [4, 5, 6]]).T, lambda: [[1, 2, 3], [4, 5, 6]]),
    LA + "vector-spaces.md#exercises-2-2": (
        lambda: snippet_value(LA_S + "vector_spaces/exercise_2_2_1_solve.py", "answer"),
        lambda: sp.Matrix([1.0, 3.0, 1.0]), lambda: [1, 3, -1]),
    LA + "vector-spaces.md#exercises-2-2-2": (
        lambda: snippet_value(LA_S + "vector_spaces/exercise_2_2_2_line.py", "c_closed"),
        lambda: 0.0, lambda: 1),
    LA + "basis.md#exercises-2-3": (
        lambda: snippet_value(LA_S + "basis/exercise_2_3_1_coordinates.py", "answer"),
        lambda: (4.0, -1.0), lambda: [-1, 4]),
    LA + "basis.md#exercises-2-3-2": (
        lambda: snippet_value(LA_S + "basis/exercise_2_3_2_dependent.py", "s_dependent"),
        lambda: "20/2", lambda: -10),
    LA + "dot-product.md#exercises-2-4": (
        lambda: snippet_value(LA_S + "dot_product/exercise_2_4_1_cosine.py", "cos_theta"),
        lambda: "14/(3*9)", lambda: 14),
    LA + "dot-product.md#exercises-2-4-2": (
        lambda: snippet_value(LA_S + "dot_product/exercise_2_4_2_distance.py",
                              "squared_distance"),
        lambda: 21.0, lambda: 29),
    LA + "linear-operators.md#exercises-2-5": (
        lambda: snippet_value(LA_S + "linear_operators/exercise_2_5_1_product.py", "w"),
        lambda: [[0], [2]], lambda: [2, 0]),
    LA + "linear-operators.md#exercises-2-5-2": (
        lambda: snippet_value(LA_S + "linear_operators/exercise_2_5_2_rotate_stretch.py",
                              "BR"),
        lambda: [[0, -2], [1, 0]], lambda: [[0, -1], [2, 0]]),
    LA + "change-of-basis.md#exercises-2-6": (
        lambda: snippet_value(LA_S + "change_of_basis/exercise_2_6_1_coordinates.py",
                              "answer"),
        lambda: sp.Matrix([1, 2]), lambda: [8, 13]),
    LA + "change-of-basis.md#exercises-2-6-2": (
        lambda: snippet_value(LA_S + "change_of_basis/exercise_2_6_2_diagonal.py",
                              "A_prime"),
        lambda: sp.diag(5, 2), lambda: [[2, 0], [0, 5]]),
    "part-1/calculus/index.md#smallest-error": (
        lambda: [-2, 0, 2], lambda: (-2.0, 0.0, 2.0), lambda: [-2, 0, -2]),
    "part-1/calculus/multivariate.md#big-example": (
        lambda: snippet_value("part_1/calculus/multivariate/big_example.py", "dy2_dx2"),
        lambda: 2 * x1**2 * x2 * sp.sqrt(x2 * x3) + x1**2 * x2**2 * x3 / (2 * sp.sqrt(x2 * x3)),
        lambda: 2 * x1**2 * x2 * sp.sqrt(x2 * x3)),
    "part-1/calculus/jacobians.md#linear-layer": (
        lambda: [(f"x{j}", f"y{n}") for j in (1, 2, 3) for n in (1, 2)],
        lambda: [("x3", "y2"), ("x1", "y1"), ("x2", "y1"), ("x3", "y1"), ("x1", "y2"),
                 ("x2", "y2")],
        lambda: [(f"x{j}", f"y{n}") for j in (1, 2) for n in (1, 2)]),
    "part-1/calculus/jacobians.md#kronecker-delta": (
        lambda: [x1, x2, x3, x4], lambda: sp.Matrix([x1, x2, x3, x4]),
        lambda: [x1 + x2, x2, x3, x4]),
    "part-1/calculus/jacobians.md#y-transpose-a-x": (
        lambda: U.T * A, lambda: (A.T * U).T, lambda: U.T * A + sp.Matrix([[0, 0, x1]])),
    # Part I §3.1-§3.4 and §4: the book's own exercises.
    "part-1/calculus/index.md#exercises-3-1": (
        lambda: snippet_value("part_1/calculus/exercise_3_1_1_two_targets.py", "best"),
        lambda: 1.0, lambda: 3),
    "part-1/calculus/index.md#exercises-3-1-2": (
        lambda: snippet_value("part_1/calculus/exercise_3_1_2_two_valleys.py", "minima"),
        lambda: (-2.0, 2.0), lambda: [-2, 0, 2]),
    "part-1/calculus/univariate.md#exercises-3-2": (
        lambda: snippet_value("part_1/calculus/univariate/exercise_3_2_1_log.py", "dy_dx"),
        lambda: "2*x*(1 + x**2)**-1", lambda: 1 / (1 + x**2)),
    "part-1/calculus/univariate.md#exercises-3-2-2": (
        lambda: snippet_value("part_1/calculus/univariate/exercise_3_2_2_sigmoid.py",
                              "dy_dx"),
        lambda: 1 / (1 + sp.exp(-x)) * (1 - 1 / (1 + sp.exp(-x))),
        lambda: sp.exp(-x) / (1 + sp.exp(-x))),
    "part-1/calculus/multivariate.md#exercises-3-3": (
        lambda: snippet_value("part_1/calculus/multivariate/exercise_3_3_1_jacobian.py",
                              "J_at"),
        lambda: [[-4.0, 4.0], [3.0, -2.0]], lambda: [[-4, 3], [4, -2]]),
    "part-1/calculus/multivariate.md#exercises-3-3-2": (
        lambda: snippet_value("part_1/calculus/multivariate/exercise_3_3_2_two_paths.py",
                              "dy_dx1"),
        lambda: x2 * (2 * x1 + x2), lambda: x1 * x2),
    "part-1/calculus/jacobians.md#exercises-3-4": (
        lambda: snippet_value("part_1/calculus/jacobians/exercise_3_4_1_two_layers.py", "J"),
        lambda: sp.Matrix([[7, 2, 2], [3, 1, 0]]), lambda: [[7, 3], [2, 1], [2, 0]]),
    "part-1/calculus/jacobians.md#exercises-3-4-2": (
        lambda: snippet_value("part_1/calculus/jacobians/exercise_3_4_2_quadratic_form.py",
                              "J"),
        lambda: sp.Matrix([[x1, x2]]) * sp.Matrix([[2, 2], [2, 6]]),
        lambda: [[x1, 2 * x1 + 3 * x2]]),
    "part-1/statistical-learning.md#exercises-4": (
        lambda: snippet_value("part_1/statistical_learning/exercise_4_1_conditional.py",
                              "conditional"),
        lambda: [0.25, 0.25, 0.5], lambda: [0.15, 0.15, 0.3]),
    "part-1/statistical-learning.md#exercises-4-2": (
        lambda: snippet_value("part_1/statistical_learning/exercise_4_2_median_cost.py",
                              "extra"),
        lambda: 0.36, lambda: 2.2),
}


# Check functions and snippets are contributors' code: they run in the snippets' sandbox,
# all in one fresh interpreter, which prints each exercise's verdicts as JSON.
JUDGE = """
import json, sys
sys.path[:0] = [{tests!r}, {content!r}]
import test_notebooks as t
from textbook.exercises import check_source
namespace = {{}}
exec(compile(check_source(list(t.EXERCISES.values())), "<workbook checks>", "exec"),
     namespace)
verdicts, fills = {{}}, {{}}
for key, makers in t.ANSWERS.items():
    check = namespace[t.EXERCISES[key].name]
    values = [make() for make in makers]
    verdicts[key] = [t.verdict(check, v) for v in values] + [t.verdict(check, ...)]
    fills[key] = t.source_of(values[0])
print(json.dumps({{"verdicts": verdicts, "fills": fills}}))
"""


def source_of(value) -> str:
    """Python source that rebuilds a right answer (SymPy's srepr inside lists and tuples),
    to type it into a workbook's answer cell."""
    import numpy as np

    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (list, tuple, set)):
        inner = ", ".join(source_of(v) for v in value)
        return {list: f"[{inner}]", tuple: f"({inner},)", set: f"{{{inner}}}"}[type(value)]
    return sp.srepr(value) if isinstance(value, (sp.Basic, sp.MatrixBase)) else repr(value)


@pytest.fixture(scope="session")  # kept by the worker, whatever module runs between
def judged(tmp_path_factory) -> dict:
    """For each exercise: what its check says to the right answer, an equivalent form, a
    wrong answer and no answer ("verdicts"), and the right answer's source ("fills")."""
    code = JUDGE.format(tests=str(ROOT / "tests"), content=str(ROOT / "tests" / "content"))
    result = confined([sys.executable, "-c", code], tmp_path_factory.mktemp("judge"), 600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def verdict(check, answer) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check(answer)
    return out.getvalue()


def check_function(key: str) -> str:
    """Where an exercise's check function is: its file and line, and its name."""
    exercise = EXERCISES[key]
    lines = (ROOT / exercise.path).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"def {exercise.name}("))
    return f"{exercise.path}:{line}: {exercise.name}, the check of {key}"


@pytest.mark.parametrize("key", list(ANSWERS))
def test_check_accepts_right_answers_and_rejects_a_wrong_one(key, judged):
    """An exercise's check says right to its answer in two forms, and not right to a wrong one."""
    right, other, wrong, empty = judged["verdicts"][key]
    where = check_function(key)
    assert right.endswith(": right.\n"), f"{where}: says to the book's answer {right!r}"
    assert other.endswith(": right.\n"), f"{where}: says to an equivalent form {other!r}"
    assert "not right" in wrong, f"{where}: accepts a wrong answer: {wrong!r}"
    assert "no answer yet" in empty, f"{where}: says to no answer {empty!r}"


def test_every_exercise_has_a_check_and_a_tested_answer():
    """Part II's Exercises 1-12 and every Part I "Try it yourself" have a check and test data."""
    sources = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
               for p in DOCS.rglob("*.md")}
    found = workbooks.Workbooks(sources, EXERCISES).tasks
    numbered = [t.title for t in found["part-2"] if t.title.startswith("Exercise")]
    assert numbered == [f"Exercise {n}" for n in range(1, 13)]
    keys = [t.key for part in PARTS for t in found[part]]
    assert len(found["part-1"]) > 0
    missing = [key for key in keys if key not in EXERCISES]
    assert not missing, f"exercises without a snippets/**/<snippet>_check.py: {missing}"
    assert set(ANSWERS) == set(EXERCISES) and set(keys) == set(EXERCISES), (
        f"checks for exercises no chapter has: {set(EXERCISES) - set(keys)}")


@pytest.mark.parametrize("uri", WORKBOOKS)
def test_workbook_runs_top_to_bottom(uri, site, tmp_path):
    """A workbook (unanswered) and its solutions are valid and run in a fresh kernel."""
    path = site / uri.removesuffix(".ipynb") / Path(uri).name
    nb = read_valid(path)
    ran = execute(nb, tmp_path)
    answer_cells = [c for c in ran.cells if c.metadata.get("exercise")]
    if uri.endswith("-solutions.ipynb"):
        assert not answer_cells and sum(c.cell_type == "code" for c in ran.cells) > 0
        for cell in ran.cells:
            assert not stderr_of(cell), f"{uri}: a cell writes to stderr"
    else:
        assert len(answer_cells) == sum(1 for k in EXERCISES if k.startswith(
            uri.removeprefix("workbooks/").removesuffix(".ipynb") + "/"))
        for cell in answer_cells:
            assert "no answer yet" in stdout_of(cell), f"{uri}: {cell.metadata['exercise']}"


@pytest.mark.parametrize("part", PARTS)
def test_workbook_with_the_books_answers_says_right_to_each(part, site, tmp_path, judged):
    """The workbook run in a fresh kernel with each `answer = ...` replaced by the book's
    answer: every check says right."""
    nb = nbformat.read(site / "workbooks" / part / f"{part}.ipynb", as_version=4)
    for cell in (c for c in nb.cells if c.metadata.get("exercise")):
        fill = judged["fills"][cell.metadata["exercise"]]
        name = answer_name(cell.source)
        typed = f"{name} = eval({fill!r}, vars(__import__('sympy')))"
        cell.source = re.sub(rf"^{name} = \.\.\..*$", typed.replace("\\", "\\\\"),
                             cell.source, count=1, flags=re.M)
    ran = execute(nb, tmp_path)
    for cell in (c for c in ran.cells if c.metadata.get("exercise")):
        assert stdout_of(cell).endswith(": right.\n"), (
            f"{part}: {cell.metadata['exercise']} with the book's answer says "
            f"{stdout_of(cell)!r}{stderr_of(cell)}")


@EVERY_PAGE
def test_workbook_pages_typeset_math_and_load_no_cdn(site):
    """Workbook pages: math is KaTeX HTML, no MathJax or Mermaid script, palette-aware CSS."""
    for uri in WORKBOOKS:
        page = site / uri.removesuffix(".ipynb") / "index.html"
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"mathjax|mermaid|cdnjs|cdn\.jsdelivr|unpkg", text, re.I), page
        soup = built_page(page)
        cells = soup.select("div.jp-RenderedMarkdown")
        assert cells, f"{uri}: mkdocs-jupyter rendered no markdown cell"
        assert sum(len(c.select(".katex")) for c in cells) > 0, f"{uri}: no typeset math"
        for cell in cells:
            visible = visible_text(cell, {"katex-mathml"})
            assert not re.search(r"\$[^$\s][^$]*\$|\\\(|\\\[", visible), (
                f"{uri}: raw TeX left in a markdown cell: {visible[:200]}")
        for link in soup.select('link[rel="stylesheet"]'):
            assert (page.parent / link["href"]).resolve().is_file(), link["href"]
        row = soup.select_one("div.notebook-links")
        assert row is not None and row.select_one("a[download]") is not None, uri
        title = row.find_previous_sibling(class_="jp-Cell")
        assert title is not None and title.find("h1") is not None, (
            f"{uri}: the notebook's links come before its title cell, not after it")
        assert "data-md-color-scheme=slate" in "".join(
            (page.parent / link["href"]).resolve().read_text(encoding="utf-8")
            for link in soup.select('link[href*="assets/jupyter/"]')), (
            f"{uri}: the notebook styles do not follow Material's dark palette")


def test_snippet_files_never_become_pages(site):
    """mkdocs-jupyter converts only the generated notebooks, never a snippet or chapter."""
    converted = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                 if 'class="jupyter-wrapper"' in p.read_text(encoding="utf-8")]
    assert sorted(converted) == sorted(u.removesuffix(".ipynb") for u in WORKBOOKS)
    assert not list(site.rglob("*.py"))
    assert not list(DOCS.rglob("*.ipynb")), "generated notebooks must stay out of docs/"
    assert (ROOT / ".cache" / "notebooks").is_dir()


@EVERY_PAGE
def test_workbook_figures_are_inline_svg_with_their_chapter_alt_text(site):
    """A solutions page shows each figure as the chapter does: inline SVG whose ink follows
    the theme, labelled with the alt text of the chapter block that drew it."""
    alts = {block.alt for block in chapter_blocks() if block.alt}
    figures = 0
    for uri in WORKBOOKS:
        soup = built_page(site / uri.removesuffix(".ipynb") / "index.html")
        assert not soup.select('img[src^="data:image/svg"]'), f"{uri}: a figure as an image"
        for svg in soup.select(".jp-OutputArea figure.snippet-figure > svg"):
            figures += 1
            assert svg.get("role") == "img" and svg.get("aria-label") in alts, (
                f"{uri}: figure labelled {svg.get('aria-label')!r}, not by its chapter block")
    assert figures > 0, "no workbook shows a figure"


@EVERY_PAGE
@pytest.mark.parametrize("part", PARTS)
def test_workbook_folds_its_checks_and_leads_to_no_solution(part, site):
    """The check cell is folded in Jupyter and off the page, and gives no answer away; each
    answer cell follows its prompt; the box says a workbook has no outputs; "Next" from a
    workbook never opens its own solutions."""
    nb = nbformat.read(site / "workbooks" / part / f"{part}.ipynb", as_version=4)
    checks = nb.cells[1]
    assert checks.metadata["jupyter"]["source_hidden"] is True
    assert "workbook-checks" in checks.metadata["tags"]
    for giveaway in ("math.prod", "A * B", "sp.diff(f", "range(1, 6)"):
        assert giveaway not in checks.source, f"{part}: the checks show {giveaway!r}"
    for before, cell in zip(nb.cells, nb.cells[1:]):
        if cell.metadata.get("exercise"):
            assert before.cell_type == "markdown" and before.source.startswith("## ")
    soup = built_page(site / "workbooks" / part / "index.html")
    assert "def check_" not in soup.get_text(), f"{part}: the page shows the check cell"
    box = soup.select_one("div.notebook-links").get_text()
    assert "Run this workbook" in box and "no outputs" in box and "build's outputs" not in box
    following = soup.select_one("a.md-footer__link--next")
    assert following is None or f"{part}-solutions" not in following["href"], (
        f"{part}: Next leads from the workbook to its own solutions")
