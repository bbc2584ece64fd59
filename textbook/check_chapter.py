"""Check a chapter's equations against its snippets without building the site.

    .venv/bin/python -m textbook.check_chapter docs/part-2/calculus.md [...]

An author's quick loop: each snippet file a chapter's equations name runs once, top to
bottom, then every equation is checked in its namespace exactly as the build checks it.
Prints one line per equation (OK, FAIL with the reasons, declared) and the errors of
equations that are of no kind; exits 1 if any failed. The build remains the judge.

Snippets are code from strangers, so the checking runs confined as the build's snippets
do (textbook/sandbox.py: it writes only to a temporary folder, removed at the end, and
reaches no network), with each file held to the build's time limit.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .equations import find_formulas
from .formula_check import check_in_namespace

INSIDE = "--confined"  # the checking process, started by main() in the sandbox


def time_limit() -> float:
    """A file's seconds, as in the build: BOOK_TIMEOUT, else the plugin option's default."""
    from .plugin import BookConfig

    return float(os.environ.get("BOOK_TIMEOUT") or BookConfig.timeout.default)


def run_snippet(path: Path, seconds: float) -> dict:
    """The namespace a snippet file leaves, run top to bottom in a folder of its own."""
    def too_long(signum, frame):
        raise TimeoutError(f"ran longer than {seconds:g} s")

    namespace = {"__name__": "__main__", "__file__": str(path)}
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            os.chdir(here)
    return namespace


def main(argv: list[str]) -> int:
    """Check the chapters in a confined child of this process; its exit status."""
    root, chapters = Path.cwd(), [str(Path(c).resolve()) for c in argv]
    seconds = time_limit()
    files = len(list((root / "snippets").rglob("*.py")))  # at most: the CPU backstop
    env = {"MPLBACKEND": "Agg", **os.environ}
    with tempfile.TemporaryDirectory(prefix="check-chapter-") as folder:
        child = subprocess.Popen(
            [sys.executable, "-m", "textbook.sandbox", folder,
             str(seconds * files + 10), "--",
             sys.executable, "-m", "textbook.check_chapter", INSIDE, str(root), *chapters],
            env=env, cwd=root)
        try:
            return child.wait()
        except KeyboardInterrupt:
            return 130
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)  # its session: whatever it started
            child.wait()


def check(root: Path, argv: list[str]) -> int:
    """Check each chapter's equations, running each snippet file it names once."""
    failed = 0
    namespaces: dict[str, dict] = {}
    seconds = time_limit()
    for chapter in map(Path, argv):
        page = chapter.relative_to(root / "docs").as_posix()
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
                    namespaces[formula.path] = run_snippet(root / "snippets" / formula.path,
                                                           seconds)
                except (Exception, SystemExit) as err:  # no such file, or its own error
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
    if sys.argv[1:2] == [INSIDE]:
        sys.exit(check(Path(sys.argv[2]), sys.argv[3:]))
    sys.exit(main(sys.argv[1:]))
