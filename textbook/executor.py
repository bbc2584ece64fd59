"""The parent side of running snippets: jobs, their disk cache, and the runner process.

The runner (runner.py) is started once per MkDocs process, as early as the plugin's
`load_config`, so that it imports NumPy, SymPy and Matplotlib while MkDocs loads the other
plugins; every build (and every rebuild of `mkdocs serve`) then hands it jobs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import queue
import signal
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import warm_runner
from .errors import BookError
from .sections import read_section

PACKAGE = Path(__file__).resolve().parent
# What a result depends on besides the snippet's code: the runner's own source files.
# A change in any of them invalidates the cache.
RUNNER_SOURCES = ("runner.py", "fork_child.py", "sandbox.py", "isolation.py",
                  "capture_backend.py", "figures.py", "book_latex.py", "formula_check.py",
                  "tex_tokens.py", "tex_reader.py", "tex_constructs.py", "tex_values.py",
                  "tex_sets.py", "tex_numbers.py", "answer_values.py", "drawn_words.py",
                  "prose_numbers.py", "warm_runner.py")

log = logging.getLogger("mkdocs.plugins.book")
_process: subprocess.Popen | None = None  # one runner per MkDocs process, for every rebuild


def start_runner(root: Path) -> subprocess.Popen:
    """The runner process (`python -m textbook.runner`), started now unless one is running."""
    global _process
    if _process is None or _process.poll() is not None:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        # It starts with SIGINT blocked, and unblocks it once it has a handler: Ctrl-C
        # while Python itself starts is then a quiet exit, not a traceback from site.py.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGINT])
        try:
            warm = os.environ.get(warm_runner.ENV)  # a session of many builds: the tests
            _process = subprocess.Popen(
                warm_runner.command(warm) if warm else [sys.executable, "-m", "textbook.runner"],
                cwd=root, env=env,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    return _process


def fingerprint() -> str:
    """What a cached result depends on besides the code: runner and library versions."""
    parts = [platform.python_version()]
    parts += [metadata.version(name) for name in ("numpy", "sympy", "matplotlib")]
    parts += [(PACKAGE / name).read_text(encoding="utf-8") for name in RUNNER_SOURCES]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def read_json(path: Path):
    """A cache file's content, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_atomic(path: Path, text: str) -> None:
    """Write a cache file so that a concurrent build never reads half of it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def digest(key: str, body: str) -> str:
    """What a cache entry's content must hash to: its key and its result together."""
    return hashlib.sha256(f"{key}\0{body}".encode()).hexdigest()


def read_entry(path: Path):
    """A cache entry's result, or None when it is missing, unreadable or not its own.

    Only the build writes the cache (a snippet's sandbox cannot), and each entry carries the
    hash of its key and content: a file that was edited, truncated or copied under another
    snippet's name is ignored, and the snippet runs again.
    """
    try:
        entry = read_json(path)
        body = json.dumps(entry["result"], sort_keys=True)
        if entry["sha256"] == digest(path.stem, body):
            return entry["result"]
    except (KeyError, TypeError):
        pass
    return None


def write_entry(path: Path, result: dict) -> None:
    """Write a cache entry so that a concurrent build never reads half of it."""
    body = json.dumps(result, sort_keys=True)
    write_atomic(path, json.dumps({"sha256": digest(path.stem, body), "result": result}))


@dataclass
class Job:
    """One snippet file to run once, alone: its sections' output, its checks, its values."""

    path: str
    code: str
    sections: dict[str, tuple[int, int]]
    export: list[str]  # names whose values the prose shows
    key: str = ""
    result: dict | None = None
    done: threading.Event = field(default_factory=threading.Event)
    formulas: list[dict] = field(default_factory=list)  # display equations it checks
    answers: list[dict] = field(default_factory=list)  # exercise answers (answer_values.py)

    def payload(self, timeout: float) -> dict:
        """The job as the runner reads it (one JSON line)."""
        return {"id": self.key, "path": f"snippets/{self.path}", "code": self.code,
                "sections": sorted([name, *lines] for name, lines in self.sections.items()),
                "timeout": timeout, "export": self.export, "figure_prefix": self.key[:8],
                "formulas": self.formulas, "answers": self.answers}

    def shown(self, section: str) -> Job:
        """What a reader sees of one section: its code, and what it printed and drew."""
        code, first = read_section(self.path, section, self.code)
        part = (self.result or {}).get("sections", {}).get(section, {})
        shown = Job(self.path, code, {}, [], key=f"{self.key}-{section}",
                    result={"error": None, "stderr": "", "values": {},
                            "stdout": part.get("stdout", ""),
                            "figures": part.get("figures", [])})
        shown.done.set()
        return shown


def stopped(job: Job) -> None:
    """A job its runner will never answer: it stopped (crashed, killed, or ended early)."""
    job.result = {"error": "the snippet runner stopped", "stdout": "", "stderr": "",
                  "figures": [], "values": {}}
    job.done.set()


class Executor:
    """Runs jobs in the forking runner, at most once per content, with a disk cache."""

    def __init__(self, root: Path, timeout: float):
        self.root, self.cache, self.timeout = root, root / ".cache" / "book", timeout
        self.salt = fingerprint()
        self.jobs: dict[str, Job] = {}
        self.process: subprocess.Popen | None = None
        self.ended: subprocess.Popen | None = None  # a runner whose output has ended
        self.lock = threading.Lock()
        self.executed = self.cached = 0
        self.cpu: Counter[str] = Counter()  # CPU seconds of the snippets' processes
        (self.cache / "snippets").mkdir(parents=True, exist_ok=True)

    def submit(self, job: Job) -> Job:
        """Queue a job unless the same code already ran in this session or is cached."""
        payload = job.payload(self.timeout)
        payload.pop("id"), payload.pop("figure_prefix")
        job.key = hashlib.sha256((self.salt + json.dumps(payload, sort_keys=True)).encode()
                                 ).hexdigest()[:24]
        if job.key in self.jobs:
            return self.jobs[job.key]
        self.jobs[job.key] = job
        cached = read_entry(self.cache / "snippets" / f"{job.key}.json")
        if cached is not None:
            job.result = cached
            job.done.set()
            self.cached += 1
            return job
        with self.lock:
            if self.process is None:
                self.start()
            if self.ended is self.process:  # no runner will answer: fail now, not at wait()'s limit
                stopped(job)
            else:
                self.outbox.put(json.dumps(job.payload(self.timeout)) + "\n")
        self.executed += 1
        return job

    def start(self) -> None:
        """Take over the runner the plugin started as MkDocs loaded, or start one now."""
        self.process = start_runner(self.root)
        self.outbox: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        threading.Thread(target=self.read, args=(self.process,), daemon=True).start()
        threading.Thread(target=self.write, args=(self.process, self.outbox),
                         daemon=True).start()

    def write(self, process: subprocess.Popen, outbox: queue.SimpleQueue) -> None:
        """Hand jobs to the runner. A thread of its own: until the runner has imported its
        libraries it reads nothing, and a full pipe would stall the build that long."""
        try:
            while (line := outbox.get()) is not None:
                process.stdin.write(line)
                process.stdin.flush()
            process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # the runner was stopped: `read` marks its jobs failed

    def read(self, process: subprocess.Popen) -> None:
        """Hand each result line to its job; mark every job failed if the runner dies."""
        for line in process.stdout:
            result = json.loads(line)
            if "sandbox" in result:
                log.info(result["sandbox"])
            job = self.jobs.get(result.get("id"))
            if job is None:
                continue
            job.result = result
            self.cpu.update(result.get("cpu", {}))
            if not result["error"] and not result["stderr"]:
                write_entry(self.cache / "snippets" / f"{job.key}.json", result)
            job.done.set()
        with self.lock:  # jobs submitted from now on fail at once (submit)
            self.ended = process
            for job in list(self.jobs.values()):
                if not job.done.is_set():
                    stopped(job)

    def wait(self, job: Job) -> dict:
        """The result of a job, once the runner has given it."""
        if not job.done.wait(self.timeout * 4 + 60):
            raise BookError(f"snippets/{job.path}: no result from the snippet runner")
        return job.result

    def prune(self) -> int:
        """Delete the cache entries no job of this session used; how many."""
        stale = [path for path in (self.cache / "snippets").glob("*.json")
                 if path.stem not in self.jobs]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)

    def close(self) -> None:
        """Let the runner finish the jobs it has, then end (stopped after 10 s)."""
        if self.process is not None:
            self.outbox.put(None)  # the writer closes stdin once every job is sent
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:  # still importing under load: no result due
                self.abort()
            self.process = None

    def abort(self) -> None:
        """Stop the runner and the snippets it runs, now: nothing will read their results
        (the build failed, or close() waited long enough). SIGINT, as Ctrl-C: the runner
        kills them and removes their folders."""
        if self.process is not None:
            self.outbox.put(None)  # and its writer thread
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None

    def stop(self) -> None:
        """Stop an idle runner at once, even while it is still importing its libraries."""
        if self.process is not None:
            self.outbox.put(None)  # and its writer thread
            self.process.kill()
            self.process.wait(10)
            self.process = None
