"""Shared fixtures of tests/engine/ and tests/content/: the repository's paths, the
chapters' snippet blocks, and one built site."""

from __future__ import annotations

import atexit
import fcntl
import functools
import json
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
DOCS, SNIPPETS = ROOT / "docs", ROOT / "snippets"

from textbook import sections  # noqa: E402  (the engine's reader: tests parse chapters as it does)
from textbook.exercises import SUFFIX as CHECK_SUFFIX  # noqa: E402

# What a reader's fresh `python` has, except a display: figures go to a silent backend.
FRESH_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MPL"))}
FRESH_ENV.update(MPLBACKEND="module://textbook.capture_backend", PYTHONPATH=str(ROOT))


def chapters() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def chapter_blocks() -> list[sections.Block]:
    """Every exec block of every chapter, as the build hook finds them."""
    return [block for page in chapters()
            for block in sections.find_blocks(page.relative_to(DOCS).as_posix(),
                                          page.read_text(encoding="utf-8"))]


def snippet_files() -> list[Path]:
    """Every Python file under snippets/: worked examples and exercise checks alike."""
    return sorted(SNIPPETS.rglob("*.py"))


def example_files() -> list[Path]:
    """The worked examples a chapter includes: snippets/ without the *_check.py files,
    which hold a workbook's check of an exercise (found by the engine by their name)."""
    return [path for path in snippet_files() if not path.name.endswith(CHECK_SUFFIX)]


def check_files() -> list[Path]:
    """The exercise checks: snippets/**/<snippet>_check.py, each beside its snippet."""
    return [path for path in snippet_files() if path.name.endswith(CHECK_SUFFIX)]


def section_code(path: str, section: str) -> tuple[str, int]:
    """A snippet section's code and its first line, as the build shows it."""
    return sections.read_section(path, section, sections.read_snippet(SNIPPETS, path))


def mirror(page: str) -> str:
    """A chapter's snippet folder: part-1/linear-algebra/basis.md -> part_1/linear_algebra/basis."""
    path = Path(page).with_suffix("")
    if path.name == "index":
        path = path.parent
    return path.as_posix().replace("-", "_")


def confined(command: list[str], cwd: Path, timeout: float, code: str | None = None
             ) -> subprocess.CompletedProcess:
    """Run a command in the snippets' sandbox (write only to `cwd`, no network, limits), as
    the build runs a snippet; whatever it started is killed when it ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "textbook.sandbox", str(cwd), str(timeout), "--", *command],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=cwd, env=FRESH_ENV)
    try:
        stdout, stderr = process.communicate(code, timeout=timeout)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # its group: the sandbox forbids leaving it
        except ProcessLookupError:
            pass
        process.wait()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


class WarmPython:
    """tests/warm_python.py, started once per test process: `python -` and `python -c`
    runs as fresh interpreters in a fork of one that has imported NumPy and SymPy."""

    _process: subprocess.Popen | None = None

    @classmethod
    def run(cls, code: str, cwd: Path, timeout: float = 60, argv: tuple[str, ...] = ("-",)
            ) -> subprocess.CompletedProcess:
        """Run `code` as `python -` (or `python -c code *argv[1:]`, argv[0] "-c") in `cwd`."""
        if cls._process is None or cls._process.poll() is not None:
            cls._process = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "warm_python.py")], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, text=True, cwd=ROOT, env=FRESH_ENV)
        request = {"code": code, "argv": list(argv), "cwd": str(cwd), "timeout": timeout}
        cls._process.stdin.write(json.dumps(request) + "\n")
        cls._process.stdin.flush()
        line = cls._process.stdout.readline()
        assert line, "tests/warm_python.py ended without an answer"
        answer = json.loads(line)
        if answer["returncode"] is None:
            raise subprocess.TimeoutExpired(["python", *argv], timeout, answer["stdout"],
                                            answer["stderr"])
        return subprocess.CompletedProcess(["python", *argv], answer["returncode"],
                                           answer["stdout"], answer["stderr"])


@functools.cache
def warm_runner() -> str:
    """The name of this test process's warm runner (textbook/warm_runner.py), started now:
    each build's runner is then a fork of it, not a new interpreter importing NumPy,
    SymPy and Matplotlib again (2.5 s of CPU a build). It ends with this process."""
    from textbook.warm_runner import ENV

    name = f"book-warm-runner-{secrets.token_hex(8)}"
    server = subprocess.Popen(
        [sys.executable, "-m", "textbook.warm_runner", name], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True,
        env={k: v for k, v in os.environ.items() if k != ENV} | {
            "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"})
    assert server.stdout.readline() == "ready\n", "textbook.warm_runner did not start"

    def stop() -> None:  # its stdin ends: it kills what runners are left, and exits
        server.stdin.close()
        server.wait(30)
    atexit.register(stop)
    return name


def build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project into a folder, as CI does; its runner forked
    from the warm one (give BOOK_WARM_RUNNER="" for one started as a lone build starts it)."""
    from textbook.warm_runner import ENV

    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=project, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
             ENV: env[ENV] if ENV in env else warm_runner(), **env})


def made_once(tmp_path_factory, name: str, make) -> Path:
    """`name` in this run's folder, made once per run and shared by the xdist workers: the
    first to ask calls `make(path)`, which writes it and returns None or why it failed;
    the others wait for it. A failure fails every test that asks."""
    base = tmp_path_factory.getbasetemp()
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's
    out, making, failed = run / name, run / f"{name}-making", run / f"{name}-failed.txt"
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.exists() and not failed.is_file():
            error = make(making)
            if error:
                failed.write_text(error, encoding="utf-8")
            else:
                making.rename(out)
    assert not failed.is_file(), failed.read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The book, built once per run with every snippet executed (the xdist workers share
    it); the build must succeed."""
    def make(folder: Path) -> str | None:
        result = build(ROOT, folder)
        if result.returncode != 0:
            return f"mkdocs build --strict failed:\n{result.stderr}"
        return None

    return made_once(tmp_path_factory, "site", make)


@functools.cache
def built_page(path: Path) -> BeautifulSoup:
    """A page of the built site, parsed once per test process: read it, never change it.
    (html.parser takes about 10 s of CPU for the whole site; the tests that read every page
    are marked EVERY_PAGE, which runs them on one worker, so they parse it once.)"""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


EVERY_PAGE = pytest.mark.xdist_group("every built page")


def visible_text(tag: Tag, skip: set[str]) -> str:
    """tag.get_text() without the text of its descendants that have a class in `skip`,
    leaving the tag as it is (a shared page cannot lose nodes to decompose())."""
    kinds = tag.interesting_string_types  # what get_text() reads: not comments or scripts
    parts = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if not skip.intersection(child.get("class", ())):
                    walk(child)
            elif type(child) in kinds:
                parts.append(child)
    walk(tag)
    return "".join(parts)


# --- The suite's own time, for the benchmark (`make bench` prints the last whole run) ---


def pytest_configure(config):
    import suite_time  # tests/suite_time.py

    config.pluginmanager.register(suite_time, "suite_time")
