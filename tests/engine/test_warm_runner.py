"""A runner forked from the warm one (textbook/warm_runner.py) is the runner a lone build
starts: the same pages from the same snippets, and the same answer to a signal or a kill."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys

from conftest import ROOT, build, warm_runner
from test_pipeline import edit, make_project

from textbook.warm_runner import command

SNIPPET = '''\
# --8<-- [start:show]
import os
import random

import matplotlib.pyplot as plt
import numpy as np

print(os.environ.get("BOOK_PROBE"), sorted({"b", "a", "c"}), random.random() < 2)
print(np.arange(3) * 2)
plt.plot([0, 1], [1, 0])
plt.xlabel("$x$")
# --8<-- [end:show]
'''


def test_a_build_with_a_warm_runner_writes_what_a_lone_build_writes(tmp_path):
    """Same environment (a variable of the build's), hash seed, output and figures."""
    pages = []
    for warm in (warm_runner(), ""):
        folder = tmp_path / ("warm" if warm else "lone")
        folder.mkdir()
        project = make_project(folder)
        (project / "snippets" / "chapter" / "example.py").write_text(SNIPPET, encoding="utf-8")
        equation = "$$ \\frac{d}{dx} x^3 = \\computed{chapter/example.py:slope} $$"
        edit(project, "docs/chapter.md", equation, "")
        edit(project, "docs/chapter.md", '```python exec="on"',
             '```python exec="on" alt="a line falling to the right"')
        result = build(project, project / "site", BOOK_WARM_RUNNER=warm, BOOK_PROBE="seen",
                       BOOK_FIGURES="record")
        assert result.returncode == 0, result.stderr
        pages.append((project / "site" / "chapter" / "index.html").read_text(encoding="utf-8"))
    assert "seen" in pages[0] and "<svg" in pages[0]
    assert pages[0] == pages[1]


def test_the_tests_builds_are_forked_warm(tmp_path):
    """What makes them cheap: a build's runner is the warm server's fork (the server would
    decline silently, were an import-time setting of the build's to differ)."""
    project = make_project(tmp_path)
    (project / "snippets" / "chapter" / "example.py").write_text(
        '# --8<-- [start:show]\nimport os\n\n'
        'with open(f"/proc/{os.getppid()}/cmdline") as f:  # the runner\'s\n'
        '    print("runner", "forked warm" if "warm_runner" in f.read() else "fresh")\n'
        '# --8<-- [end:show]\nimport sympy as sp\n\nx = sp.Symbol("x")\nslope = 3 * x**2\n',
        encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert "runner forked warm" in page


def started(**env: str) -> subprocess.Popen:
    """A stub as executor.start_runner starts it, once its runner has said it is ready."""
    stub = subprocess.Popen(command(warm_runner()), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            cwd=ROOT, text=True, env={**os.environ, "PYTHONHASHSEED": "0",
                                                      "PYTHONDONTWRITEBYTECODE": "1", **env})
    assert json.loads(stub.stdout.readline())["ready"]
    return stub


def runner_pid(stub: subprocess.Popen) -> int:
    """The pid of the process that runs the stub's snippets: its runner."""
    job = {"id": 1, "path": "pid.py", "code": "import os\nprint(os.getppid())\n",
           "sections": [], "timeout": 30, "export": [], "figure_prefix": "p"}
    stub.stdin.write(json.dumps(job) + "\n")
    stub.stdin.flush()
    result = json.loads(stub.stdout.readline())
    stub.stdin.close()
    assert stub.wait(30) == 0 and not result["error"], result
    return int(result["stdout"])


def test_a_build_that_could_start_differently_gets_a_runner_of_its_own():
    """The server forks a runner for a build's own settings (BOOK_*), and declines one for
    an environment its imports would have read otherwise: the stub becomes the runner."""
    stub = started(BOOK_JOBS="1")
    assert runner_pid(stub) != stub.pid
    stub = started(LC_ALL="C.UTF-8")
    assert runner_pid(stub) == stub.pid


def ended(stub: subprocess.Popen, seconds: float = 20) -> bool:
    """Whether the runner's stdout (which only the runner holds) ends within `seconds`."""
    if not select.select([stub.stdout], [], [], seconds)[0]:
        return False
    return stub.stdout.read() == ""


def test_killing_the_stub_kills_its_runner():
    stub = started()
    stub.kill()
    assert ended(stub), "the runner outlived its killed stub"
    stub.stdin.close()


def test_ctrl_c_reaches_the_runner_and_the_stub_exits_as_it_does():
    stub = started()
    stub.send_signal(signal.SIGINT)  # the runner stops its snippets and exits 0
    assert ended(stub), "the runner did not stop on SIGINT"
    assert stub.wait(20) == 0
    stub.stdin.close()


def test_the_server_refuses_a_random_hash_seed():
    """Snippets print sets in the order PYTHONHASHSEED=0 gives, as a runner's do."""
    result = subprocess.run([sys.executable, "-m", "textbook.warm_runner", "book-test-seed"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={**os.environ, "PYTHONHASHSEED": "random"})
    assert result.returncode != 0 and "PYTHONHASHSEED=0" in result.stderr
