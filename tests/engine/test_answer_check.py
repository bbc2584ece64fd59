"""The "check your answer" field: adding an exercise touches only docs/ and snippets/."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build
from test_pipeline import make_project

from textbook.answer_values import cyrb53, digest

CHAPTER = '''\
# Practice

### Exercise 1 { #exercise-1 }

Differentiate $x^3 + 2x % declared: the exercise's function$.

??? success "Answer to Exercise 1"

    It is the sum of the powers' derivatives:

    ```python exec="on"
    --8<-- "practice/derivative.py:work"
    ```

### Exercise 2 { #exercise-2 }

Multiply out $(1, 2) \\cdot (3, 4) % declared: the exercise's vectors$.

??? success "Answer to Exercise 2"

    ```python exec="on"
    --8<-- "practice/dot.py:work"
    ```
'''

SNIPPETS = {
    "derivative": ('import sympy as sp\n\nx = sp.symbols("x")\nanswer = sp.diff(x**3 + 2 * x, x)\n'
                   'print("answer:", answer)\n', '{"x": (0.5, 2.0)}'),
    "dot": ("answer = 1 * 3 + 2 * 4\nprint(answer)\n", "{}"),
}

CHECK = '''\
from textbook.checking import _same, _say

EXERCISE = "practice.md#exercise-{n}"
TEMPLATE = """\\\\
answer = ...
"""
ANSWER = "answer"
VARIABLES = {variables}


def check_{name}(answer):
    """A check; the workbook is switched off here."""
    _say("Exercise {n}", answer, lambda: _same(answer, 0))
'''


def add_exercises(project):
    (project / "docs" / "practice.md").write_text(CHAPTER, encoding="utf-8")
    folder = project / "snippets" / "practice"
    folder.mkdir()
    for n, (name, (code, variables)) in enumerate(SNIPPETS.items(), 1):
        (folder / f"{name}.py").write_text(
            f"# --8<-- [start:work]\n{code}# --8<-- [end:work]\n", encoding="utf-8")
        (folder / f"{name}_check.py").write_text(
            CHECK.format(n=n, name=name, variables=variables), encoding="utf-8")


def test_a_new_exercise_gets_an_answer_field_without_the_answer(tmp_path):
    """Two files beside a snippet and a chapter: the page gets a form with seeded values (an
    expression) or a digest (a number), placed before the folded answer, never the answer."""
    project = make_project(tmp_path)
    add_exercises(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "practice" / "index.html").read_text(encoding="utf-8")
    forms = BeautifulSoup(page, "html.parser").select("form.answer-check")
    assert len(forms) == 2
    first, second = (json.loads(form["data-check"]) for form in forms)
    assert first["key"] == "practice.md#exercise-1" and first["kind"] == "expression"
    assert first["variables"] == ["x"] and len(first["points"]) == 8
    for (x,), (value,) in zip(first["points"], first["values"]):
        assert 0.5 <= x <= 2.0 and value == pytest.approx(3 * x**2 + 2)
    assert second["kind"] == "number" and "values" not in second
    assert second["digest"] == digest("practice.md#exercise-2", [], [11.0])
    before_answer = page.split("Answer to Exercise 1")[0]
    assert 'class="answer-check"' in before_answer and "3*x**2" not in page.split(
        "Answer to Exercise 1")[0]
    assert not re.search(r"\b11\b", str(forms[1]))
    assert all(form.has_attr("hidden") for form in forms)  # until the script shows it


def test_an_answer_the_snippet_lacks_stops_the_build(tmp_path):
    """ANSWER naming nothing in the snippet is a build error naming the check file."""
    project = make_project(tmp_path)
    add_exercises(project)
    check = project / "snippets" / "practice" / "dot_check.py"
    check.write_text(check.read_text().replace('ANSWER = "answer"', 'ANSWER = "total"'))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("snippets/practice/dot_check.py:7: ANSWER = 'total' of snippets/practice/dot.py: "
            "the snippet defines no 'total' (the answer field before docs/practice.md:"
            in result.stderr), result.stderr


def test_the_digest_is_the_one_the_page_script_computes():
    """answer_values.cyrb53 and answer-check.js's cyrb53 agree (run in Node)."""
    script = (ROOT / "docs" / "assets" / "answer-check.js").read_text(encoding="utf-8")
    function = re.search(r"  function cyrb53\(text\) \{.*?\n  \}\n", script, re.S)[0]
    texts = ["", "a", "part-2/exercises.md#exercise-5||55000000", "x" * 300 + "é"]
    out = subprocess.run(["node", "-e", function + f"for (const t of {json.dumps(texts)}) "
                          "console.log(cyrb53(t));"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [cyrb53(text) for text in texts]
