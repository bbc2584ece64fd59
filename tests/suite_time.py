"""What a whole run of the suite costs, for `make bench`: a pytest plugin (tests/conftest.py
loads it) that writes .cache/last-test-run.json.

The record holds the run's wall seconds and the CPU seconds the machine was busy for
meanwhile (/proc/stat: every process, the run's and any other). Process accounting cannot
stand in for it: Chromium's renderers are orphaned when a browser closes, and their time is
never added to the test process that started it. CPU over wall is how many cores the run
kept busy; CPU over a wall-time goal is how many it would need. The tests' own seconds
(setup, call and teardown) are summed by folder, to show which kind of test the time goes
to.

BOOK_TEST_RECORD names another file and records any run, not only a whole one (its test).
"""

from __future__ import annotations

import collections
import json
import os
import time
from pathlib import Path

RECORD = Path(__file__).resolve().parent.parent / ".cache" / "last-test-run.json"
_started: list[tuple[float, float | None]] = []  # wall clock, the machine's busy CPU
_by_folder: collections.Counter = collections.Counter()


def busy_cpu_seconds() -> float | None:
    """CPU seconds all cores of this machine have spent not idle since it booted (Linux)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(n) for n in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user, nice, system, irq and softirq; not idle, iowait or steal (another machine's)
    return (sum(ticks[:7]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def pytest_sessionstart(session):
    _started.append((time.time(), busy_cpu_seconds()))


def pytest_runtest_logreport(report):
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # the controller sees every report
        _by_folder[report.nodeid.split("::")[0].rpartition("/")[0] or "."] += report.duration


def pytest_sessionfinish(session, exitstatus):
    """In the controlling process, after a whole run (no paths, -k or -m given): the record."""
    config = session.config
    path = os.environ.get("BOOK_TEST_RECORD")
    whole = (config.args == list(config.getini("testpaths"))
             and not config.option.keyword and not config.option.markexpr)
    if hasattr(config, "workerinput") or not _started or not (path or whole):
        return
    (wall, busy), busy_now = _started[0], busy_cpu_seconds()
    record = Path(path) if path else RECORD
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({
        "seconds": round(time.time() - wall, 1),
        "machine_cpu_s": None if busy is None or busy_now is None else round(busy_now - busy, 1),
        "tests": session.testscollected, "exit": int(exitstatus), "cores": os.cpu_count(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "test_seconds_by_folder": {k: round(v, 1) for k, v in sorted(_by_folder.items())},
    }) + "\n", encoding="utf-8")
