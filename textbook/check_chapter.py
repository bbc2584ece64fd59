"""Check a chapter's equations against its snippets without building the site.

    .venv/bin/python -m textbook.check_chapter docs/part-2/calculus.md [...]

An author's quick loop: each snippet file a chapter's equations name runs once, in this
process and in a temporary folder (as `python file.py` would run it: use it on code you
trust), then every equation is checked in its namespace exactly as the build checks it.
Prints one line per equation (OK, FAIL with the reasons, declared) and the errors of
equations that are of no kind; exits 1 if any failed. The build remains the judge.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

from .equations import find_formulas
from .formula_check import check_in_namespace


def run_snippet(path: Path) -> dict:
    """The namespace a snippet file leaves, run top to bottom in a temporary folder."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    path = path.resolve()
    namespace = {"__name__": "__main__", "__file__": str(path)}
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        finally:
            os.chdir(here)
    return namespace


def main(argv: list[str]) -> int:
    failed = 0
    namespaces: dict[str, dict] = {}
    for chapter in map(Path, argv):
        page = chapter.resolve().relative_to(Path("docs").resolve()).as_posix()
        formulas, errors = find_formulas(page, chapter.read_text(encoding="utf-8"))
        for error in errors:
            print(error)
        failed += len(errors)
        for formula in formulas:
            if formula.kind == "declared":
                print(f"{formula.where}: declared ({formula.reason})")
                continue
            if formula.path not in namespaces:
                try:
                    namespaces[formula.path] = run_snippet(Path("snippets") / formula.path)
                except Exception as err:  # no such file, or the snippet's own error
                    namespaces[formula.path] = f"{type(err).__name__}: {err}"
            if isinstance(namespaces[formula.path], str):
                failed += 1
                print(f"{formula.where}: FAIL\n    - snippets/{formula.path} did not run: "
                      f"{namespaces[formula.path]}")
                continue
            verdict = check_in_namespace(formula.payload(), namespaces[formula.path])
            if verdict["problems"]:
                failed += 1
                print(f"{formula.where}: FAIL" + "".join(
                    f"\n    - {problem}" for problem in verdict["problems"]))
            else:
                print(f"{formula.where}: OK, {verdict['checked']} relations")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
