"""Exercises with an automatic check, found by convention beside their snippets.

For an exercise whose answer a workbook checks, `snippets/<folder>/<snippet>_check.py`
sits next to the snippet that works it, and holds:

- `EXERCISE`: the exercise's key, `"<chapter>.md#<heading anchor>"`;
- `TEMPLATE`: the answer cell's code, ending in a line `<answer> = ...`;
- one function named `check_<something>(answer)`, unique in the book: the workbook's first
  cell holds its source as written, and the answer cell ends by calling it.

A check file is content, code from a contributor: the build reads it with `ast` and never
runs it (its function runs only in the workbook, in the reader's kernel, and in the tests'
sandbox). The names above must be plain literals.
"""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import checking
from .errors import BookError

SUFFIX = "_check.py"


@dataclass
class Exercise:
    """An exercise of a workbook: where its prompt is, and how a reader's answer is checked."""

    key: str  # "part-2/exercises.md#exercise-4": chapter and the heading above the prompt
    name: str  # the check function's name
    source: str  # and its source, as written
    template: str  # the answer cell: setup, the answer `= ...`, the call of the check
    path: str  # the file it came from, relative to the project
    answer: str = ""  # ANSWER: the snippet's name of the value the page compares with
    variables: dict[str, tuple[float, float]] = field(default_factory=dict)  # VARIABLES
    question: str = ""  # QUESTION: what the answer field asks for, if the prompt does not
    answer_line: int = 0  # the line of `ANSWER = ...` in the check file


def load_exercise(file: Path, root: Path) -> Exercise:
    """The exercise of one *_check.py file, read without running it; a file that breaks
    the convention is an error."""
    where = file.relative_to(root).as_posix()
    text = file.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text, where)
    except SyntaxError as err:
        raise BookError(f"{where}:{err.lineno}: {err.msg}") from None
    module: dict[str, object] = {}
    lines: dict[str, int] = {}  # where each name is assigned
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            lines[node.targets[0].id] = node.lineno
            try:
                module[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass  # not a literal: not one of the names the build reads
    checks = [node for node in tree.body
              if isinstance(node, ast.FunctionDef) and node.name.startswith("check_")]
    if len(checks) != 1 or not isinstance(module.get("EXERCISE"), str) \
            or not isinstance(module.get("TEMPLATE"), str):
        raise BookError(f"{where}: a check file defines EXERCISE, TEMPLATE (string literals) "
                        "and exactly one function check_...(answer)")
    if not re.search(r"^\w+ = \.\.\.", module["TEMPLATE"], re.M):
        raise BookError(f"{where}: TEMPLATE has no line `<answer> = ...`")
    answer, variables = module.get("ANSWER"), module.get("VARIABLES")
    if not (isinstance(answer, str) and answer.isidentifier() and isinstance(variables, dict)
            and all(isinstance(name, str) and len(interval) == 2 and interval[0] < interval[1]
                    for name, interval in variables.items())):
        raise BookError(f"{where}: ANSWER names the snippet's answer and VARIABLES maps each "
                        "symbol it may use to an interval (low, high) of number literals, "
                        "{} for none")
    return Exercise(module["EXERCISE"], checks[0].name, ast.get_source_segment(text, checks[0]),
                    module["TEMPLATE"], where, answer,
                    {name: tuple(interval) for name, interval in variables.items()},
                    str(module.get("QUESTION", "")), lines.get("ANSWER", 0))


def find_exercises(root: Path) -> dict[str, Exercise]:
    """Every exercise with a check under root/snippets, by key; names must be unique."""
    found: dict[str, Exercise] = {}
    names: dict[str, str] = {}
    for file in sorted((root / "snippets").rglob(f"*{SUFFIX}")):
        exercise = load_exercise(file, root)
        for seen, what in ((found, exercise.key), (names, exercise.name)):
            if what in seen:
                other = seen[what].path if isinstance(seen[what], Exercise) else seen[what]
                raise BookError(f"{exercise.path}: {what} is also in {other}")
        found[exercise.key] = exercise
        names[exercise.name] = exercise.path
    return found


def check_source(exercises: list[Exercise]) -> str:
    """The code of the workbook's first cell: the helpers and every check function."""
    helpers = [checking._answer_or_none, checking._expression, checking._same,
               checking._same_digest, checking._same_slope, checking._say]
    sources = [inspect.getsource(f) for f in helpers] + [e.source for e in exercises]
    return "\n\n".join(source.rstrip() for source in sources) + "\n"


def answer_name(template: str) -> str:
    """The variable an answer cell asks for: the last `name = ...` of its template."""
    return re.findall(r"^(\w+) = \.\.\.", template, re.M)[-1]
