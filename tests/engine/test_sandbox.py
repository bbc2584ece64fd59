"""A snippet is code from a stranger: each fault stops the build, and nothing is left behind.

Each test builds the one-chapter project of test_pipeline.py with one hostile or careless
line in its snippet, then checks the build's message and that no process, file or cache
entry survives it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import build
from test_pipeline import edit, failing_build, make_project

from textbook import sandbox
from textbook.errors import BookError
from textbook.executor import read_entry
from textbook.sections import read_snippet, refuse_symlinks

SHOWN = 'print("slope:", slope)'


@pytest.fixture
def project(tmp_path) -> Path:
    """The project; after the test, no process of its build may be left."""
    yield make_project(tmp_path)
    assert processes_in(tmp_path) == [], "a process of the build outlived it"


def processes_in(folder: Path) -> list[str]:
    """Live processes whose working directory is in `folder`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        if sandbox.running(pid) and (cwd == str(folder) or cwd.startswith(f"{folder}/")):
            found.append(f"{pid} {cwd}")
    return found


def fault(project: Path, code: str) -> None:
    """Put `code` in the displayed section of the project's snippet."""
    edit(project, "snippets/chapter/example.py", SHOWN, f"{SHOWN}\n{code}")


def processes_with(marker: str) -> list[str]:
    """Command lines of live processes that mention `marker`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline and sandbox.running(pid) and "pytest" not in cmdline:
            found.append(cmdline)
    return found


def cache_entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "book" / "snippets").glob("*.json"))


def assert_nothing_left(project: Path) -> None:
    """No entry for a failed snippet in the cache, and every entry there is intact."""
    for path in cache_entries(project):
        assert read_entry(path) is not None, f"{path.name} is not a verified entry"
    assert not (project / "site" / "chapter" / "index.html").exists()


def test_a_process_left_running_is_killed_and_fails_the_build(project):
    marker = f"{uuid.uuid4().int % 10**6 + 10**6}.5"  # sleep's argument, unique to this test
    fault(project, f'import subprocess\nsubprocess.Popen(["sleep", "{marker}"])')
    failing_build(project, "docs/chapter.md:5: snippets/chapter/example.py:show failed",
                  "left 1 process(es) running (sleep)")
    assert processes_with(f"sleep {marker}") == []
    assert_nothing_left(project)


def test_a_process_cannot_leave_the_snippets_process_group(project):
    fault(project, "import os\nos.setsid()")
    failing_build(project, "docs/chapter.md:5", "snippets/chapter/example.py:show",
                  "PermissionError")


def test_writing_to_the_checkout_is_refused(project):
    chapter = project / "docs" / "chapter.md"
    before = chapter.read_text(encoding="utf-8")
    fault(project, f'open({str(chapter)!r}, "a").write("injected")')
    failing_build(project, "docs/chapter.md:5", "PermissionError",
                  "(a snippet runs in a sandbox: it may write files only in its current folder")
    assert chapter.read_text(encoding="utf-8") == before
    assert_nothing_left(project)


def test_writing_to_tmp_is_refused_but_its_own_folder_works(project):
    target = Path("/tmp") / f"book-escape-{uuid.uuid4().hex}"
    fault(project, "import tempfile\nwith tempfile.TemporaryFile() as f:\n    f.write(b'ok')\n"
                   f'open({str(target)!r}, "w")')
    failing_build(project, "docs/chapter.md:5", "PermissionError", str(target))
    assert not target.exists()


def test_a_snippet_cannot_write_the_cache(project):
    result = build(project, project / "site")  # a good build leaves one entry
    assert result.returncode == 0, result.stderr
    (entry,) = cache_entries(project)
    before = entry.read_bytes()
    edit(project, "snippets/chapter/example.py", "assert slope",
         f'open({str(entry)!r}, "w").write("{{}}")\nassert slope')
    failing_build(project, "PermissionError")
    assert entry.read_bytes() == before


def test_a_tampered_cache_entry_is_not_used(project):
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    (entry,) = cache_entries(project)
    entry.write_text(entry.read_text(encoding="utf-8").replace("slope: 3*x**2", "slope: 4*x**2"),
                     encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert "slope: 3*x**2" in page and "4*x**2" not in page
    assert "1 executed, 0 from cache" in result.stderr


def test_stale_cache_entries_are_pruned(project):
    assert build(project, project / "site").returncode == 0
    edit(project, "snippets/chapter/example.py", 'print("slope:"', 'print("the slope:"')
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert "1 stale cache entries removed" in result.stderr
    (entry,) = cache_entries(project)
    assert "the slope:" in json.dumps(read_entry(entry))


def test_a_socket_to_a_loopback_listener_is_refused(project):
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.2)
        port = server.getsockname()[1]
        fault(project, f'import socket\nsocket.create_connection(("127.0.0.1", {port}), 5)')
        failing_build(project, "docs/chapter.md:5", "PermissionError", "reach no network")
        with pytest.raises(TimeoutError):
            server.accept()  # nothing ever connected


@pytest.mark.parametrize("mib", [2, 50])  # past the limit; past the file size limit too
def test_output_over_the_limit_fails_and_is_not_published(project, mib):
    fault(project, f'print("x" * ({mib} << 20))')
    failing_build(project, "docs/chapter.md:5: snippets/chapter/example.py:show failed",
                  "a snippet may print at most 1 MiB")
    assert_nothing_left(project)
    assert sum(p.stat().st_size for p in project.rglob("*") if p.is_file()) < 5 << 20


def test_memory_over_the_limit_fails(project):
    fault(project, "hoard = bytearray(20 << 30)")
    failing_build(project, "docs/chapter.md:5", "MemoryError")


@pytest.mark.parametrize("include", ["../../CONTRIBUTING.md:show", "chapter/../../x.py:show"])
def test_an_include_outside_snippets_is_refused(project, include):
    (project / "CONTRIBUTING.md").write_text("print('escaped')\n", encoding="utf-8")
    edit(project, "docs/chapter.md", "chapter/example.py:show", include)
    message = failing_build(project, "docs/chapter.md:5", "is not a file inside snippets/")
    assert "escaped" not in message


def test_a_computed_path_outside_snippets_is_refused(project):
    edit(project, "docs/chapter.md", "chapter/example.py:slope",
         "../../../../../../etc/passwd:x")
    failing_build(project, "docs/chapter.md:9", "is not a file inside snippets/")


def test_a_symlink_under_snippets_is_refused(project):
    (project / "snippets" / "chapter" / "host.py").symlink_to("/etc/hostname")
    failing_build(project, "snippets/chapter/host.py is a symbolic link")


def test_a_file_read_before_it_became_a_symlink_is_refused_at_the_next_build(tmp_path):
    snippets = tmp_path / "snippets"
    (snippets / "chapter").mkdir(parents=True)
    (tmp_path / "outside.py").write_text("secret = 1\n", encoding="utf-8")
    example = snippets / "chapter" / "example.py"
    example.write_text("x = 1\n", encoding="utf-8")
    assert read_snippet(snippets, "chapter/example.py") == "x = 1\n"  # its place is kept
    example.unlink()
    example.symlink_to(tmp_path / "outside.py")
    with pytest.raises(BookError, match="is a symbolic link"):
        refuse_symlinks(snippets)  # a build starts: the places are checked again
    with pytest.raises(LookupError, match="is not a file inside snippets/"):
        read_snippet(snippets, "chapter/example.py")


def test_a_section_that_changes_print_options_fails(project):
    fault(project, "import numpy as np\nnp.set_printoptions(precision=2)")
    edit(project, "docs/chapter.md", "\n$$", '\n```python exec="on"\n'
         '--8<-- "chapter/example.py:later"\n```\n\n$$')
    edit(project, "snippets/chapter/example.py", "\nassert",
         "\n# --8<-- [start:later]\nimport numpy as np\nprint(np.pi * np.ones(2))\n"
         "# --8<-- [end:later]\n\nassert")
    failing_build(project, "docs/chapter.md:5", "section 'show'", "NumPy's print options",
                  "precision: 8 -> 2")


def test_a_timeout_names_the_line(project):
    fault(project, "import time\nwhile True:\n    time.sleep(0.01)")
    failing_build(project, "docs/chapter.md:5", "still running after 2 s",
                  'File "snippets/chapter/example.py", line 11', BOOK_TIMEOUT="2")


def test_an_exit_from_a_section_names_the_section(project):
    fault(project, "import os\nos._exit(3)")
    failing_build(project, "snippets/chapter/example.py:show failed",
                  "exited with status 3", "in section 'show'")


def test_stderr_from_a_section_is_blamed_on_the_section(project):
    fault(project, 'import sys\nprint("oops", file=sys.stderr)')
    failing_build(project, "snippets/chapter/example.py:show failed", "wrote to stderr", "oops")


def test_a_changed_figure_fails_until_it_is_recorded(project):
    """A figure's drawing is recorded; a changed line width fails the build, a changed
    printout (new cache key, new SVG ids) does not; `make figures` records a change."""
    edit(project, "docs/chapter.md", 'exec="on"', 'exec="on" alt="a line"')
    fault(project, "import matplotlib.pyplot as plt\nplt.plot([0, 1], [0, 1], lw=1)\n"
                   "plt.show()")
    result = build(project, project / "site", BOOK_FIGURES="record")
    assert result.returncode == 0, result.stderr
    assert "chapter/example.py:show:1" in (project / "snippets" / "figures.json").read_text()
    edit(project, "snippets/chapter/example.py", 'print("slope:"', 'print("the slope:"')
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    edit(project, "snippets/chapter/example.py", "lw=1", "lw=1.5")
    failing_build(project, "docs/chapter.md:5", "figure chapter/example.py:show:1 is drawn "
                  "differently from its record", "make figures")


@pytest.mark.parametrize("kernel", [False, True], ids=["python", "jupyter-kernel"])
def test_the_tests_sandbox_confines_a_fresh_interpreter(tmp_path, kernel):
    """`python -m textbook.sandbox`, which the content tests run snippets and notebook
    kernels in: no write outside its folder, no reaching the host's loopback."""
    outside = tmp_path.parent / f"escape-{uuid.uuid4().hex}"
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.2)
        code = (f"import socket\nopen('inside', 'w').write('ok')\n"
                f"try:\n    open({str(outside)!r}, 'w')\nexcept PermissionError:\n"
                "    print('write refused')\n"
                f"try:\n    socket.create_connection(('127.0.0.1', {server.getsockname()[1]}), 2)\n"
                "except OSError as e:\n    print('connect refused', type(e).__name__)\n")
        result = subprocess.run(
            [sys.executable, "-m", "textbook.sandbox", *(["--kernel"] if kernel else []),
             str(tmp_path), "30", "--", sys.executable, "-c", code],
            capture_output=True, text=True, timeout=60)
        with pytest.raises(TimeoutError):
            server.accept()
    assert result.returncode == 0, result.stderr
    assert "write refused" in result.stdout and "connect refused" in result.stdout
    error = "ConnectionRefusedError" if kernel else "PermissionError"  # own loopback, or none
    assert error in result.stdout, result.stdout
    assert (tmp_path / "inside").read_text() == "ok" and not outside.exists()


def test_a_check_file_is_read_never_run_by_the_build(project):
    """The build reads an exercise's check file with `ast`: its module code never runs
    outside a sandbox (a check function runs only in a workbook and the tests' sandbox)."""
    marker = project / "check-file-ran"
    (project / "snippets" / "chapter" / "example_check.py").write_text(
        f'open({str(marker)!r}, "w").write("ran")\n'
        'EXERCISE = "chapter.md#chapter"\nTEMPLATE = "slope = ...\\n"\n'
        'ANSWER = "slope"\nVARIABLES = {"x": (0.5, 2.0)}\n\n\n'
        "def check_slope(slope):\n    pass\n", encoding="utf-8")
    build(project, project / "site")
    assert not marker.exists(), "the build ran a check file's module code"


def test_a_failed_build_stops_the_snippets_it_started(project):
    """A build that fails before its snippets end stops them, instead of leaving them to
    their time limit (or waiting for them)."""
    marker = f"{uuid.uuid4().int % 10**6 + 10**6}.5"  # sleep's argument, unique to this test
    fault(project, f'import subprocess\nsubprocess.run(["sleep", "{marker}"])')
    edit(project, "docs/chapter.md", "Intro line.\n", "Intro line.\n\n$$\nx = 1\n$$\n")
    failing_build(project, "docs/chapter.md:5: this display equation is neither produced")
    deadline = time.monotonic() + 10  # killing is immediate; reaping may lag a little
    while processes_with(f"sleep {marker}") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_with(f"sleep {marker}") == []
