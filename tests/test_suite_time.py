"""tests/suite_time.py: a run's record holds its wall time, the machine's CPU time (with
that of processes the test processes never reap) and the tests' seconds by folder."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ROOT

SLEEPS = "import time\n\ndef test_sleeps():\n    time.sleep(0.3)\n"
# A grandchild left to init (as Chromium leaves its renderers) spends 1 s of CPU; the test
# waits for it to finish.
ORPHAN_BURNS = textwrap.dedent("""\
    import os, time

    def test_an_orphan_burns_cpu(tmp_path):
        done = tmp_path / "done"
        if os.fork() == 0:
            if os.fork() == 0:
                start = time.process_time()
                while time.process_time() - start < 1.0:
                    pass
                done.write_text("")
            os._exit(0)
        os.wait()
        deadline = time.time() + 60
        while not done.exists() and time.time() < deadline:
            time.sleep(0.05)
        assert done.exists()
    """)


def test_the_record_counts_cpu_the_test_processes_never_see(tmp_path):
    for folder, text in (("a", SLEEPS), ("b", ORPHAN_BURNS)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"test_{folder}.py").write_text(text, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    record = tmp_path / "record.json"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "suite_time", "-p", "no:cacheprovider",
         "-n", "2", "-q", "a", "b"], cwd=tmp_path, capture_output=True, text=True,
        timeout=300, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "tests"),
                          "BOOK_TEST_RECORD": str(record)})
    assert result.returncode == 0, result.stdout + result.stderr
    found = json.loads(record.read_text(encoding="utf-8"))
    assert found["tests"] == 2 and found["exit"] == 0, found
    assert found["machine_cpu_s"] >= 1.0, f"the orphan's second of CPU is missing: {found}"
    by_folder = found["test_seconds_by_folder"]
    assert set(by_folder) == {"a", "b"}, by_folder
    assert by_folder["a"] >= 0.3 and by_folder["b"] >= 1.0, by_folder
    assert found["seconds"] >= max(by_folder.values()), found
