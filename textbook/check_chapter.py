"""Check a chapter's equations against its snippets without building the site.

    .venv/bin/python -m textbook.check_chapter docs/part-2/calculus.md [...]

An author's quick loop: each snippet file a chapter's equations name runs once, top to
bottom, then every equation is checked in its namespace exactly as the build checks it;
so are the formulas its figures draw (drawn.py), over each file as a whole.
Prints one line per equation (OK, FAIL with the reasons, declared), the errors of
equations that are of no kind and of references (`eq. (42)`, `§2.4`) to no chapter's
equation or section; exits 1 if any failed or the checking stopped early, 2 for a path
that is no chapter of docs/. The build remains the judge.

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

INSIDE = "--confined"  # the checking process, started by main() in the sandbox
# Its exit statuses when it checked everything (all held, or some failed): any other
# status means the checking stopped early (a snippet's time limit, or a snippet's exit)
ALL_HELD, SOME_FAILED = 64, 65


def time_limit(root: Path) -> float:
    """A file's seconds, as in the build: BOOK_TIMEOUT, else the plugin's `timeout` in
    mkdocs.yml, else its default."""
    from .config_file import read_config
    from .plugin import BookConfig, snippet_seconds

    config, option = root / "mkdocs.yml", BookConfig.timeout.default
    for plugin in (read_config(config).get("plugins") if config.is_file() else None) or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("book"), dict):
            option = plugin["book"].get("timeout", option)
    return snippet_seconds(option)


def run_snippet(path: Path, seconds: float) -> dict:
    """The namespace a snippet file leaves, run top to bottom in a folder of its own: a
    TimeoutError after `seconds`; a second later, if the snippet caught it, the line it is
    on and the end of the check (faulthandler, which it cannot catch)."""
    import faulthandler

    def too_long(signum, frame):
        raise TimeoutError(f"ran longer than {seconds:g} s")

    namespace = {"__name__": "__main__", "__file__": str(path)}
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        faulthandler.dump_traceback_later(seconds + 1, exit=True)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
            if "matplotlib.pyplot" in sys.modules:  # the math its open figures draw
                from .figures import figure_svgs

                namespace["__drawn__"] = []
                figure_svgs("check", namespace["__drawn__"])  # (it closes them)
        finally:
            faulthandler.cancel_dump_traceback_later()
            signal.setitimer(signal.ITIMER_REAL, 0)
            os.chdir(here)
    return namespace


def main(argv: list[str]) -> int:
    """Check the chapters in a confined child of this process; its exit status. The child
    may take the time limit for each snippet file the chapters name, and 10 s more."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # the same clean-up as Ctrl-C
    signal.signal(signal.SIGHUP, signal.default_int_handler)
    try:
        root = Path.cwd()
        docs = (root / "docs").resolve()
        chapters = [Path(c).resolve() for c in argv]
        for chapter in chapters:
            if not chapter.is_file() or not chapter.is_relative_to(docs):
                print(f"{chapter}: not a chapter of this book's docs/ ({docs})")
                return 2
        from .equations import find_formulas
        from .sections import find_blocks

        texts = {chapter.relative_to(docs).as_posix(): chapter.read_text(encoding="utf-8")
                 for chapter in chapters}
        files = {formula.path for page, markdown in texts.items()
                 for formula in find_formulas(page, markdown)[0] if formula.kind != "declared"}
        files |= {block.path for page, markdown in texts.items()  # and those whose figures
                  for block in find_blocks(page, markdown) if "alt" in block.attrs}  # draw
        seconds = time_limit(root)
        allowed = seconds * len(files) + 10
        with tempfile.TemporaryDirectory(prefix="check-chapter-") as folder:
            child = subprocess.Popen(
                [sys.executable, "-m", "textbook.sandbox", folder, str(allowed), "--",
                 sys.executable, "-m", "textbook.check_chapter", INSIDE, str(seconds),
                 str(root), str(docs), *map(str, chapters)],
                env={"MPLBACKEND": "Agg", **os.environ}, cwd=root)
            try:
                status = child.wait(allowed)
            except subprocess.TimeoutExpired:
                print(f"stopped: the checking ran longer than {allowed:g} s, the time limit "
                      f"of {len(files)} snippet file(s) and 10 s more")
                return 1
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)  # its session: whatever it started
                child.wait()
        if status not in (ALL_HELD, SOME_FAILED):
            print(f"stopped: the checking ended early with status {status}: a snippet ran "
                  "past its time limit (its line is above) or ended the process")
            return 1
        return 0 if status == ALL_HELD else 1
    except KeyboardInterrupt:
        return 130


def check(seconds: float, root: Path, docs: Path, argv: list[str]) -> int:
    """Check each chapter's equations, running each snippet file it names once."""
    from .equation_refs import EquationRefs
    from .equations import find_formulas
    from .errors import BookError
    from .formula_check import check_in_namespace
    from .section_refs import SectionRefs
    from .sections import chapter_body

    failed = 0
    namespaces: dict[str, dict | str] = {}

    def ran(path: str) -> dict | str:
        """The namespace snippets/<path> leaves, run once; or why it did not run."""
        if path not in namespaces:
            try:
                namespaces[path] = run_snippet(root / "snippets" / path, seconds)
            except (Exception, SystemExit) as err:  # no such file, or its own error
                namespaces[path] = f"{type(err).__name__}: {err}"
        return namespaces[path]

    refs = EquationRefs()  # the equation numbers every chapter shows, for `eq. (42)`
    sections = SectionRefs()  # and the section numbers of its headings, for `§2.4`
    for chapter in sorted(docs.rglob("*.md")):
        page, markdown = chapter.relative_to(docs).as_posix(), chapter_body(
            chapter.read_text(encoding="utf-8"))
        refs.scan(page, markdown)
        sections.scan(page, markdown)
    for chapter in map(Path, argv):
        page, markdown = chapter.relative_to(docs).as_posix(), chapter_body(
            chapter.read_text(encoding="utf-8"))
        formulas, errors = find_formulas(page, markdown)
        # The references of the prose, then of its snippets' comments: each says its own.
        for check_refs, argument in ((refs.link, str), (sections.link, str),
                                     (refs.code, root / "snippets")):
            try:
                check_refs(page, markdown, argument)
            except BookError as err:
                errors += str(err).splitlines()
        for error in errors:
            print(error)
        failed += len(errors)
        for formula in formulas:
            if formula.kind == "declared":
                print(f"{formula.where}: declared ({formula.reason})")
                continue
            namespace = ran(formula.path)
            if isinstance(namespace, str):
                failed += 1
                print(f"{formula.where}: FAIL\n    - snippets/{formula.path} did not run: "
                      f"{namespace}")
                continue
            verdict = check_in_namespace(formula.payload(), namespace)
            if verdict["problems"]:
                failed += 1
                print(f"{formula.where}: FAIL" + "".join(
                    f"\n    - {problem}" for problem in verdict["problems"]))
            else:
                print(f"{formula.where}: OK, {verdict['checked']} relations")
        failed += check_drawn(page, markdown, ran, root / "snippets")
    return SOME_FAILED if failed else ALL_HELD


def check_drawn(page: str, markdown: str, ran, snippets: Path) -> int:
    """Check the formulas the chapter's figures draw (drawn.py), each file's once at its
    first figure block, over the whole file (`ran(path)`: the namespace it left, or why
    it did not run): the number of problems."""
    from .drawn import entries, problems
    from .executor import Job
    from .formula_check import check_in_namespace
    from .sections import find_blocks

    seen, failed = set(), 0
    for block in find_blocks(page, markdown):
        if "alt" not in block.attrs or block.path in seen:
            continue
        seen.add(block.path)
        namespace = ran(block.path)
        if isinstance(namespace, str):
            print(f"{block.where} (drawn): FAIL\n    - snippets/{block.path} did not run: "
                  f"{namespace}")
            failed += 1
            continue
        code = (snippets / block.path).read_text(encoding="utf-8")
        table, payloads, _ = entries(block.path, code)
        job = Job(block.path, code, {}, [], formulas=payloads, result={
            "sections": {"": {"drawn": namespace.get("__drawn__", [])}},
            "formulas": [check_in_namespace(p, namespace) for p in payloads]})
        found = problems(block.where, job, "", lead=True)
        for problem in found:
            print(f"{problem.partition(': ')[0]} (drawn): FAIL\n    - "
                  f"{problem.partition(': ')[2]}")
        if not found and table:
            print(f"{block.where} (drawn): OK, {len(payloads)} checked, "
                  f"{len(table) - len(payloads)} declared")
        failed += len(found)
    return failed


if __name__ == "__main__":
    if sys.argv[1:2] == [INSIDE]:
        sys.exit(check(float(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5:]))
    sys.exit(main(sys.argv[1:]))
