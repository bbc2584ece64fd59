"""Exercises with an automatic check, found by convention beside their snippets.

For an exercise whose answer a workbook checks, `snippets/<folder>/<snippet>_check.py`
sits next to the snippet that works it, and holds:

- `EXERCISE`: the exercise's key, `"<chapter>.md#<heading anchor>"`;
- `TEMPLATE`: the answer cell's code, ending in a line `<answer> = ...`;
- one function named `check_<something>(answer)`, unique in the book: the workbook's first
  cell holds its source as written, and the answer cell ends by calling it.
"""

from __future__ import annotations

import importlib.util
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
    check: object  # the check function
    template: str  # the answer cell: setup, the answer `= ...`, the call of the check
    path: str  # the file it came from, relative to the project
    answer: str = ""  # ANSWER: the snippet's name of the value the page compares with
    variables: dict[str, tuple[float, float]] = field(default_factory=dict)  # VARIABLES
    question: str = ""  # QUESTION: what the answer field asks for, if the prompt does not


def load_exercise(file: Path, root: Path) -> Exercise:
    """The exercise of one *_check.py file; a file that breaks the convention is an error."""
    where = file.relative_to(root).as_posix()
    spec = importlib.util.spec_from_file_location(f"book_check_{file.stem}", file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    checks = [value for name, value in vars(module).items() if name.startswith("check_")
              and inspect.isfunction(value) and value.__module__ == module.__name__]
    if len(checks) != 1 or not isinstance(getattr(module, "EXERCISE", None), str) \
            or not isinstance(getattr(module, "TEMPLATE", None), str):
        raise BookError(f"{where}: a check file defines EXERCISE, TEMPLATE and exactly one "
                        "function check_...(answer)")
    if not re.search(r"^\w+ = \.\.\.", module.TEMPLATE, re.M):
        raise BookError(f"{where}: TEMPLATE has no line `<answer> = ...`")
    answer, variables = getattr(module, "ANSWER", None), getattr(module, "VARIABLES", None)
    if not (isinstance(answer, str) and answer.isidentifier() and isinstance(variables, dict)
            and all(isinstance(name, str) and len(interval) == 2 and interval[0] < interval[1]
                    for name, interval in variables.items())):
        raise BookError(f"{where}: ANSWER names the snippet's answer and VARIABLES maps each "
                        "symbol it may use to an interval (low, high), {} for none")
    return Exercise(module.EXERCISE, checks[0], module.TEMPLATE, where, answer,
                    {name: tuple(interval) for name, interval in variables.items()},
                    str(getattr(module, "QUESTION", "")))


def find_exercises(root: Path) -> dict[str, Exercise]:
    """Every exercise with a check under root/snippets, by key; names must be unique."""
    found: dict[str, Exercise] = {}
    names: dict[str, str] = {}
    for file in sorted((root / "snippets").rglob(f"*{SUFFIX}")):
        exercise = load_exercise(file, root)
        for seen, what in ((found, exercise.key), (names, exercise.check.__name__)):
            if what in seen:
                other = seen[what].path if isinstance(seen[what], Exercise) else seen[what]
                raise BookError(f"{exercise.path}: {what} is also in {other}")
        found[exercise.key] = exercise
        names[exercise.check.__name__] = exercise.path
    return found


def check_source(exercises: list[Exercise]) -> str:
    """The code of the workbook's first cell: the helpers and every check function."""
    functions = [checking._answer_or_none, checking._same, checking._same_digest,
                 checking._same_slope, checking._say,
                 *(e.check for e in exercises)]
    return "\n\n".join(inspect.getsource(f).rstrip() for f in functions) + "\n"


def answer_name(template: str) -> str:
    """The variable an answer cell asks for: the last `name = ...` of its template."""
    return re.findall(r"^(\w+) = \.\.\.", template, re.M)[-1]
