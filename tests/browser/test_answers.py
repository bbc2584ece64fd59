"""Every exercise's "check your answer" field, in headless Chromium, against its snippet.

For each exercise with a check file (found as the engine finds them), the right answer is
the snippet's own value printed by SymPy (`**` turned into `^`); an equivalent form is
the value expanded (or as decimals) and typed with `**`; the test then types a wrong
answer, minus the answer, the transpose, the wrong shape and input math.js cannot read,
and reads the verdict each time. The page's HTML must not hold the answer before the
folded solution is opened, and no request may leave 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from bs4 import BeautifulSoup
from measure import ROOT
from test_browser import Reader, reader  # noqa: F401  (reader: the fixture)

from textbook.answer_check import snippet_of
from textbook.answer_values import as_array
from textbook.exercises import find_exercises
from textbook.notebooks import page_url

EXERCISES = find_exercises(ROOT)
RESULT = "(form) => form.querySelector('.answer-check-result').textContent"


def snippet_value(key: str):
    """The value the exercise's check file names, after running its snippet whole."""
    exercise = EXERCISES[key]
    with contextlib.redirect_stdout(io.StringIO()):
        namespace = runpy.run_path(str(ROOT / "snippets" / snippet_of(exercise)))
    return namespace[exercise.answer]


def typed(value, entry) -> str:
    """How a reader types a value: nested lists of entries, each printed by `entry`."""
    kind, shape, entries = as_array(value)
    texts = [entry(sp.sympify(e)) for e in entries]
    if kind == "number":
        return texts[0]
    if kind == "vector":
        return "[" + ", ".join(texts) + "]"
    rows = [texts[r * shape[1]:(r + 1) * shape[1]] for r in range(shape[0])]
    return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"


def right(e) -> str:
    return sp.sstr(e).replace("**", "^")


def equivalent(e) -> str:
    """Another form of an entry, with `**`: expanded or factored, decimals for a number."""
    if not e.free_symbols:
        return repr(float(e))
    for other in (sp.expand(e), sp.factor(e), sp.expand(e * 2) / 2):
        if sp.sstr(other) != sp.sstr(e):
            return sp.sstr(other)
    return f"({sp.sstr(e)})*2/2"


def plus_one(e) -> str:
    return f"({right(e)}) + 1"


def transposed(value):
    kind, shape, entries = as_array(value)
    return sp.Matrix(shape[0], shape[1], entries).T


def verdict(page, form, text: str) -> str:
    """Type an answer, press Enter, and read what the result line says."""
    form.evaluate("(form) => { form.querySelector('.answer-check-result').textContent = ''; }")
    form.locator("input").fill(text)
    form.locator("input").press("Enter")
    page.wait_for_function(f"(form) => ({RESULT})(form) !== ''", arg=form.element_handle())
    return form.evaluate(RESULT)


def answer_texts(value) -> list[str]:
    """How the answer could be written out: printed, as LaTeX, as a Python repr."""
    texts = {str(value), repr(value)}
    with contextlib.suppress(Exception):
        texts.add(sp.latex(sp.Matrix(value) if isinstance(value, (list, np.ndarray))
                           else value))
    return [t for t in texts if len(t) >= 2]


def plan(key: str) -> dict:
    """What to type into an exercise's field and the verdict each must get, and how its
    answer could be written out: computed from the snippet, in the sandbox (PLANNER)."""
    value = snippet_value(key)
    kind, shape, _ = as_array(value)
    checks = [(typed(value, right), "Right."), (typed(value, equivalent), "Right.")]
    checks.append((typed(value, plus_one), "Not right yet."))
    if value_is_nonzero(value):
        checks.append((f"-({typed(value, right)})", "Right up to a sign"))
    if kind == "matrix" and transposed(value) != sp.Matrix(shape[0], shape[1],
                                                           as_array(value)[2]):
        checks.append((typed(transposed(value), right), "transpose"))
    checks.append(("[1, 2]" if kind == "number" and not shape else "7", "Wrong shape"))
    checks += [(f"({typed(value, right)}", "Could not read"), ("qq + 1", "Could not read")]
    return {"texts": answer_texts(value), "checks": checks}


# The snippets are contributors' code: they run in the snippets' sandbox, all in one fresh
# interpreter, which prints every exercise's plan as JSON; the test only types its strings.
PLANNER = """
import json, sys
sys.path[:0] = [{browser!r}, {tests!r}]
import test_answers as t
print(json.dumps({{key: t.plan(key) for key in t.EXERCISES}}))
"""


@pytest.fixture(scope="session")  # kept by the worker, whatever module runs between
def plans(tmp_path_factory) -> dict:
    """Every exercise's plan, computed once per run (the workers share it)."""
    from conftest import made_once  # tests/conftest.py; PLANNER imports this module alone

    def make(path: Path) -> str | None:
        folder = tmp_path_factory.mktemp("plans")
        code = PLANNER.format(browser=str(ROOT / "tests" / "browser"), tests=str(ROOT / "tests"))
        result = subprocess.run(
            [sys.executable, "-m", "textbook.sandbox", str(folder), "600", "--",
             sys.executable, "-c", code], capture_output=True, text=True, cwd=folder,
            timeout=900)
        if result.returncode != 0:
            return f"planning the answer fields' tests failed:\n{result.stderr}"
        path.write_text(result.stdout.splitlines()[-1], encoding="utf-8")
        return None

    return json.loads(made_once(tmp_path_factory, "answer-plans.json", make).read_text(
        encoding="utf-8"))


class ExercisePage:
    """A chapter opened once for the tests of all its exercises (each types only into its
    own field), with what its HTML held before anything was typed."""

    def __init__(self, someone: Reader, page_path: str):
        self.reader = someone
        self.page = someone.open(page_url(page_path))
        self.keys = self.page.eval_on_selector_all(
            "form.answer-check", "forms => forms.map(f => JSON.parse(f.dataset.check).key)")
        soup = BeautifulSoup(self.page.content(), "html.parser")
        self.checks = [form["data-check"] for form in soup.select("form.answer-check")]
        for details in soup.select("details"):
            details.decompose()
        self.outside = soup.get_text(" ")  # what a reader sees before opening a solution


@pytest.fixture(scope="module")
def exercise_page(browser, base_url):
    """The ExercisePage of a chapter, opened by the first test that asks for it."""
    opened: dict[str, ExercisePage] = {}

    def get(page_path: str) -> ExercisePage:
        if page_path not in opened:
            opened[page_path] = ExercisePage(Reader(browser, base_url), page_path)
        return opened[page_path]

    yield get
    for each in opened.values():
        each.reader.context.close()


@pytest.mark.parametrize("key", [pytest.param(key, marks=pytest.mark.xdist_group(
    key.partition("#")[0])) for key in sorted(EXERCISES)])  # a chapter's run on one worker
def test_answer_field_gives_the_right_feedback(key, exercise_page, plans):
    """Right, equivalent, wrong, sign, transpose, shape and unreadable inputs, each with its
    verdict; no answer in the HTML; no request off 127.0.0.1."""
    opened = exercise_page(key.partition("#")[0])
    page, someone = opened.page, opened.reader
    assert key in opened.keys, f"{key}: the page has no answer field for this exercise"
    form = page.locator("form.answer-check").nth(opened.keys.index(key))
    assert form.is_visible(), f"{key}: the script did not show the answer field"

    check = opened.checks[opened.keys.index(key)]
    for text in plans[key]["texts"]:
        assert text not in check, f"{key}: the answer field holds {text!r}"
        if len(text) >= 6:
            assert text not in opened.outside + check, (
                f"{key}: {text!r} is on the page before the solution")

    for text, expected in plans[key]["checks"]:
        said = verdict(page, form, text)
        assert said.startswith(expected) or expected in said.split(".")[0], (
            f"{key}: typing {text!r} gave {said!r}, expected {expected!r}")
    assert verdict(page, form, "qq + 1").endswith("Read as: qq + 1"), key  # what it read
    assert not someone.external, f"{key}: requests off 127.0.0.1: {someone.external}"
    assert not someone.errors and not someone.failed, (someone.errors, someone.failed)


def value_is_nonzero(value) -> bool:
    return any(sp.sympify(e) != 0 for e in as_array(value)[2])


def test_without_javascript_the_field_is_hidden_and_the_answer_folds(reader):  # noqa: F811
    """JavaScript off: no answer field shows; the folded answer opens as before."""
    page = reader(java_script_enabled=False).open("part-2/exercises/")
    assert page.locator("form.answer-check").count() >= 12
    assert not page.locator("form.answer-check").first.is_visible()
    summary = page.locator("details.success > summary").first
    summary.click()
    assert page.locator("details.success").first.get_attribute("open") is not None


def test_the_field_is_labelled_and_announces_its_verdict(reader):  # noqa: F811
    """A labelled input, a Check button, Enter submits, the verdict is in a live region."""
    page = reader().open("part-2/exercises/")
    form = page.locator("form.answer-check").first
    field = form.locator("input")
    assert page.locator(f'label[for="{field.get_attribute("id")}"]').count() == 1
    assert form.locator(".answer-check-result").get_attribute("aria-live") == "polite"
    field.focus()
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    page.wait_for_function(f"(form) => ({RESULT})(form) !== ''", arg=form.element_handle())
    assert json.loads(form.get_attribute("data-check"))["kind"] == "expression"
