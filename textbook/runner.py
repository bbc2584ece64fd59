"""Run snippets, each in its own forked process, for the book plugin.

Started once per build (or per `mkdocs serve` session) as
`python -m textbook.runner` (executor.py does): it imports NumPy, SymPy and Matplotlib once,
then reads one JSON job per line on stdin and answers one JSON result per line
on stdout. Every job runs in a fresh fork of this warm process, so a snippet
sees the interpreter state of a new `python` (nothing another snippet did),
starts in milliseconds, and is killed when it passes its time limit.

Job:    {"id", "path", "code", "sections": [[name, first, last], ...], "timeout",
         "export": [names], "figure_prefix"}
Result: {"id", "sections": {name: {"stdout", "figures": [svg], "drawn": [text]}},
         "stdout", "stderr", "error", "failed_section", "failed_lines",
         "stderr_part": [section, lines], "values": {name: latex}, "formulas", "answers", "seconds",
         "cpu": {"process", "kernel", "figures", "checks"} (CPU seconds of the child: all,
         in the kernel, drawing figures, checking)}

What a fork does with its job is fork_child.py: it is confined by sandbox.py before the
snippet runs; isolation.py checks that no section changes what the sections after it
would see.

The file runs once, top to bottom, as `python file.py` would; what each named section
prints and draws is recorded on its own. (That a section also runs alone, in a fresh
interpreter, with the same output is what the test suite checks.)
"""

from __future__ import annotations

import gc
import io
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time
from collections import deque

if __name__ == "__main__":  # Ctrl-C while the libraries below load: nothing to clean up
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])  # start_runner blocked it
    BUILD = os.getppid()  # MkDocs, which started this process

from textbook import sandbox
from textbook.fork_child import run_child

PRELOAD = ("numpy", "sympy", "matplotlib.pyplot")
# A backend that draws SVG and whose show() returns at once: the runner
# collects the figures a snippet made after it ends.
BACKEND = "module://textbook.capture_backend"


def preload() -> None:
    """Import the heavy libraries once and warm their lazy parts, before any fork."""
    os.environ["MPLBACKEND"] = BACKEND
    for name in PRELOAD:
        __import__(name)
    import matplotlib.pyplot as plt
    import numpy as np
    import sympy as sp

    # Touch what most snippets use first (printers, solvers, fonts), so each fork
    # starts warm. Caches only: results and printed output are unchanged.
    x = sp.Symbol("x")
    expr = sp.diff((x + 1) ** 3 * sp.sqrt(x), x)
    str(sp.simplify(expr)), sp.latex(expr), sp.solve(x**2 - 1, x)
    sp.lambdify(x, expr), sp.Array([x]), sp.Sum(sp.KroneckerDelta(x, 1), (x, 0, 2)).doit()
    str(np.linspace(0, 1, 3)), repr(np.eye(2)), np.random.default_rng(0)
    plt.figure()
    plt.plot([0, 1])
    plt.xlabel("$x$")
    plt.gcf().savefig(io.StringIO(), format="svg")
    plt.close("all")
    # What is loaded now is never collected: a child's garbage collections skip it
    # instead of touching (and so copying) every page the fork shares.
    gc.collect()
    gc.freeze()


def read_bytes(path: str) -> bytes:
    """A file the child wrote, or nothing if it did not."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def where_stopped(dump: str, path: str) -> str:
    """The snippet line a timed-out child was on, from faulthandler's dump."""
    lines = [line.strip() for line in dump.splitlines() if f'"{path}"' in line]
    return f"at {lines[0]}" if lines else "in the libraries it called"


def died(status: int, progress: bytes, path: str) -> tuple[str, str | None]:
    """Why a child ended without a result, and the section it was in (None outside one)."""
    try:
        section, first, last = json.loads(progress.decode().strip())
        part = f"section {section!r}" if section else f"lines {first}-{last}"
    except ValueError:
        section, part = None, "its start"
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        cause = {"SIGXCPU": " (its CPU time limit)", "SIGKILL": " (out of memory?)"}
        how = f"was killed by {name}{cause.get(name, '')}"
    else:
        how = f"exited with status {os.WEXITSTATUS(status)} (os._exit?) before it finished"
    return f"the process of {path} {how}, in {part}", section


def kill_group(pid: int) -> None:
    """SIGKILL a child's process group (its session): the child and what it started."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class Zygote:
    """Forks a child per job, at most `parallel` at a time, and enforces time limits."""

    def __init__(self, parallel: int, parent: int):
        self.parallel, self.parent = parallel, parent  # parent: the build it answers
        self.queue: deque[dict] = deque()
        self.running: dict[int, tuple[dict, float, str, float]] = {}
        self.root = tempfile.mkdtemp(prefix="snippets-")
        sandbox.become_subreaper()
        self.wake_r, wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(wake_w, False)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.set_wakeup_fd(wake_w)
        # Ctrl-C (or executor.abort) from here on is a flag the loop reads: raised where it
        # lands, KeyboardInterrupt could be swallowed by an at-fork hook as a job forks,
        # leaving its snippet running after the build has gone.
        self.interrupted = False
        signal.signal(signal.SIGINT, self.interrupt)

    def interrupt(self, *_) -> None:
        self.interrupted = True  # the wakeup fd wakes the loop

    def start(self, job: dict) -> None:
        """Fork a child that runs the job."""
        workdir = tempfile.mkdtemp(dir=self.root)
        pid = os.fork()
        if pid == 0:
            run_child(job, workdir)
        started = time.monotonic()
        # The child stops itself at its time limit (naming its line); this is the backstop.
        self.running[pid] = (job, started + job["timeout"] + 2, workdir, started)

    def finish(self, pid: int, status: int | None, usage) -> None:
        """Answer a child's result (or its timeout or death) and remove its folder;
        `usage`: the child's resource usage, as os.wait4 returns it."""
        job, _, workdir, started = self.running.pop(pid)
        result = {"id": job["id"], "path": job["path"], "error": None, "failed_section": None,
                  "sections": {},
                  "values": {}}
        kill_group(pid)  # what it started and did not wait for
        sandbox.kill_children(keep=set(self.running))  # orphans that came to this subreaper
        files = {name: read_bytes(os.path.join(workdir, name))
                 for name in ("stdout", "stderr", "result.json", "timeout", "progress")}
        stopped = files["timeout"].decode("utf-8", errors="replace")
        if files["result.json"] and not stopped:
            result.update(json.loads(files["result.json"]))
        else:
            result["error"], result["failed_section"] = died(
                status or 0, files["progress"], job["path"])
            if status is None or stopped:
                result["error"] = (f"TimeoutError: still running after {job['timeout']:g} s, "
                                   f"{where_stopped(stopped, job['path'])}; stopped")
        data = files["stdout"]
        if len(data) > sandbox.OUTPUT:
            result["error"] = (f"{job['path']} printed {len(data) / 2**20:.1f} MiB or more: "
                               f"a snippet may print at most {sandbox.OUTPUT >> 20} MiB")
            if "output_part" in result:  # else the section it failed in, or was killed in
                result["failed_section"], result["failed_lines"] = result["output_part"]
            data = data[:sandbox.OUTPUT]
        result["stdout"] = data.decode("utf-8", errors="replace")
        result["stderr"] = files["stderr"][:sandbox.OUTPUT].decode("utf-8", errors="replace")
        for part in result.get("sections", {}).values():
            start, stop = part.pop("span")
            part["stdout"] = data[start:stop].decode("utf-8", errors="replace")
        result["seconds"] = round(time.monotonic() - started, 4)
        # The child's CPU to its end: the kernel's share (copy-on-write copies of the pages
        # the fork shares, then its page tables freed at exit) is what forking costs.
        result.setdefault("cpu", {}).update(process=usage.ru_utime + usage.ru_stime,
                                            kernel=usage.ru_stime)
        shutil.rmtree(workdir, ignore_errors=True)
        answer(result)

    def reap(self) -> None:
        """Collect the children that ended; kill those past their time limit."""
        now = time.monotonic()
        for pid, (_, deadline, _, _) in list(self.running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                self.finish(pid, status, usage)
            elif now > deadline:
                os.kill(pid, signal.SIGKILL)
                self.finish(pid, None, os.wait4(pid, 0)[2])

    def stop(self) -> None:
        """Kill every running child and what it started, and remove their folders."""
        for pid in list(self.running):
            kill_group(pid)
        sandbox.kill_children()
        shutil.rmtree(self.root, ignore_errors=True)

    def serve(self) -> None:
        """Read jobs from stdin and run them until stdin ends and every child is done."""
        stdin = sys.stdin.fileno()
        buffer, eof = b"", False
        while not (eof and not self.queue and not self.running):
            if self.interrupted:
                raise KeyboardInterrupt
            while self.queue and len(self.running) < self.parallel:
                self.start(self.queue.popleft())
            deadlines = [d for _, d, _, _ in self.running.values()]
            wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            watched = [self.wake_r] + ([] if eof else [stdin])
            try:
                ready, _, _ = select.select(watched, [], [], wait)
            except InterruptedError:
                ready = []
            if stdin in ready:
                data = os.read(stdin, 1 << 16)
                eof = not data
                if eof and not sandbox.running(self.parent):  # MkDocs ended: nobody waits
                    self.queue.clear()
                    self.stop()
                    return
                buffer += data
                *lines, buffer = buffer.split(b"\n")
                self.queue.extend(json.loads(line) for line in lines if line.strip())
            if self.wake_r in ready:
                try:
                    os.read(self.wake_r, 4096)
                except BlockingIOError:
                    pass
            self.reap()
        shutil.rmtree(self.root, ignore_errors=True)


def answer(message: dict) -> None:
    """One JSON line on fd 1, written whole even when SIGCHLD interrupts a long write;
    dropped when MkDocs has gone (it aborted, say on an error in mkdocs.yml): the runner
    then sees stdin end and stops, and MkDocs's message stays the only one."""
    data = memoryview((json.dumps(message) + "\n").encode("utf-8"))
    try:
        while data:
            data = data[os.write(1, data):]
    except BrokenPipeError:
        pass


def probe() -> list[str]:
    """The sandbox mechanisms this kernel grants, found by confining a throwaway fork."""
    folder = tempfile.mkdtemp(prefix="sandbox-probe-")
    report = os.path.join(folder, "active")
    # Ctrl-C waits for the fork to finish: raised in its at-fork hooks, it would be lost.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGINT])
    pid = os.fork()
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    if pid == 0:
        os.dup2(os.open(report, os.O_WRONLY | os.O_CREAT), 1)
        try:
            os.write(1, json.dumps(sandbox.confine(folder, 1)).encode())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    active = json.loads(read_bytes(report) or b"[]")
    shutil.rmtree(folder, ignore_errors=True)
    return active


def main(preloaded: bool = False) -> None:
    """Import the libraries (unless a warm parent did: warm_runner.py), say ready, then
    serve jobs."""
    # A little below MkDocs in priority: the build keeps a core of its own while it renders
    # pages, and the snippets take both cores while it waits for them. Only a little: the
    # time limit counts seconds on the clock, and beside other busy processes (a parallel
    # test run) a snippet must still get its share of a core.
    os.nice(5)
    runner, zygote = os.getpid(), None
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        if not preloaded:
            preload()
        parallel = int(os.environ.get("BOOK_JOBS") or os.cpu_count() or 1)
        answer({"ready": True, "sandbox": sandbox.describe(probe())})
        zygote = Zygote(parallel, BUILD)
        zygote.serve()
    except KeyboardInterrupt:
        # Ctrl-C in `make serve`'s terminal reaches this process as well as MkDocs, which
        # stops on its own, and a failed build sends it (executor.abort): stop the
        # snippets and end without a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if os.getpid() != runner:  # a child, hit before it left the terminal's group
            os._exit(1)
        if zygote is not None:
            zygote.stop()
    os._exit(0)  # skip tearing down the libraries: the build is waiting for this exit


if __name__ == "__main__":
    main()
