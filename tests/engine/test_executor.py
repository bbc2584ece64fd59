"""The build's side of the runner (textbook/executor.py): a runner that ends fails the jobs
it will never answer, at once, including those submitted after it ended."""

from __future__ import annotations

import subprocess
import sys

from textbook import executor


def test_a_job_submitted_after_its_runner_ended_fails_at_once(tmp_path, monkeypatch):
    """Before, a job queued once the runner had died waited for wait()'s limit (a minute
    and more) and then failed as "no result from the snippet runner"."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    monkeypatch.setattr(executor, "start_runner", lambda root: dead)
    jobs = executor.Executor(tmp_path, timeout=1)
    first = jobs.submit(executor.Job("a.py", "print(1)\n", {}, []))
    assert jobs.wait(first)["error"] == "the snippet runner stopped"
    later = jobs.submit(executor.Job("b.py", "print(2)\n", {}, []))
    assert jobs.wait(later)["error"] == "the snippet runner stopped"
