"""What a fork of the runner does with one job: confine itself, run the snippet file
section by section, record what each section printed and drew, check the chapters'
formulas and the exercises' answers in the namespace it left, and write its result.

Imported by runner.py, so loaded before any fork; the child never returns to the runner.
"""

from __future__ import annotations

import builtins
import faulthandler
import io
import json
import linecache
import os
import signal
import sys
import time
import traceback

from textbook import sandbox
from textbook.answer_values import evaluate_answers
from textbook.book_latex import book_latex
from textbook.figures import figure_svgs
from textbook.formula_check import check_in_namespace
from textbook.isolation import changed_state, global_state, left_running


def to_latex(value) -> str:
    """LaTeX for a value exported to the prose: strings are taken as LaTeX."""
    import numpy as np
    import sympy as sp

    if isinstance(value, str):
        return value
    if isinstance(value, np.ndarray):
        value = sp.Matrix(value.tolist())
    elif isinstance(value, (np.integer, np.floating)):
        value = value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return book_latex(value)


HINTS = {  # what a snippet's author may not know, by the exception it met
    PermissionError: "(a snippet runs in a sandbox: it may write files only in its current "
                     "folder, which is removed after it, start no session and reach no "
                     "network)\n",
    ModuleNotFoundError: "(a snippet may import what requirements.txt installs, and the "
                         "standard library)\n",
}


def run_child(job: dict, workdir: str) -> None:
    """Run one job in this (forked) process and write its result file; never returns."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a fresh Python
    out_path, err_path = (os.path.join(workdir, n) for n in ("stdout", "stderr"))
    for fd, path in ((1, out_path), (2, err_path)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                  write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  write_through=True)
    sys.stdin = open(os.devnull)
    result = {"error": None, "failed_section": None, "sections": {}, "values": {}}
    try:
        sandbox.confine(workdir, job["timeout"])
    except OSError as exc:  # never run unconfined what the probe found confinable
        result["error"] = f"the sandbox could not be set up: {exc}"
        write_result(workdir, result)
    os.chdir(workdir)
    sys.path[0] = workdir
    # At the time limit, the line each thread is on goes to a file the runner reads.
    faulthandler.dump_traceback_later(job["timeout"], exit=True,
                                      file=open(os.path.join(workdir, "timeout"), "w"))
    progress = os.open(os.path.join(workdir, "progress"), os.O_WRONLY | os.O_CREAT)
    path = job["path"]
    sys.argv = [path]
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    lines = job["code"].split("\n")
    linecache.cache[path] = (len(job["code"]), None, [f"{line}\n" for line in lines], path)
    chunks, position = [], 1  # (section or None, first line, last line)
    for name, first, last in sorted(job["sections"], key=lambda s: s[1]):
        chunks += [(None, position, first - 1), (name, first, last)]
        position = last + 1
    chunks.append((None, position, len(job["code"].rstrip("\n").split("\n"))))
    section, part = None, ""
    drawing = 0.0  # CPU seconds this process spends saving its figures
    try:
        for index, (section, first, last) in enumerate(chunks):
            part = f"{first}-{last}"
            where = json.dumps([section, first, last]).encode()
            os.pwrite(progress, where.ljust(256), 0)
            source = "\n" * (first - 1) + "\n".join(lines[first - 1:last]) + "\n"
            sys.stdout.flush()
            before, errors_before = os.lseek(1, 0, os.SEEK_CUR), os.lseek(2, 0, os.SEEK_CUR)
            state = global_state()
            exec(compile(source, path, "exec"), namespace)
            sys.stdout.flush()
            sys.stderr.flush()
            if os.lseek(2, 0, os.SEEK_CUR) != errors_before and "stderr_part" not in result:
                result["stderr_part"] = [section, part]
            # Where a failure found after the run began: too much output, a process left.
            if os.lseek(1, 0, os.SEEK_CUR) > sandbox.OUTPUT and "output_part" not in result:
                result["output_part"] = [section, part]
            if "running_part" not in result and sandbox.children():
                result["running_part"] = [section, part]
            leak = changed_state(state) if any(c[0] for c in chunks[index + 1:]) else None
            if leak:
                what = f"section {section!r}" if section else f"lines {first}-{last}"
                raise RuntimeError(
                    f"{what} of {path} changes {leak}, which would leak into the sections "
                    "after it: a section shown alone must print the same in a fresh Python "
                    "(use a context manager such as `with np.printoptions(...)` or "
                    "`with plt.rc_context(...)`)")
            if section is not None:
                started, drawn = time.process_time(), []
                result["sections"][section] = {
                    "span": [before, os.lseek(1, 0, os.SEEK_CUR)],
                    "figures": figure_svgs(f"{job['figure_prefix']}-{section}", drawn),
                    "drawn": drawn}
                drawing += time.process_time() - started
        section, part = None, ""
        for name in job["export"]:
            if name not in namespace:
                raise NameError(f"{path} defines no name {name!r} for the prose")
            result["values"][name] = to_latex(namespace[name])
        # The chapters' display equations this file checks, in the namespace it left.
        started = time.process_time()
        result["formulas"] = [check_in_namespace(formula, namespace)
                              for formula in job.get("formulas", [])]
        result["answers"] = evaluate_answers(job.get("answers", []), namespace)
        result["cpu"] = {"figures": drawing, "checks": time.process_time() - started}
    except BaseException as exc:  # noqa: BLE001 - every failure is reported, not raised
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next  # hide the runner's own frames
        result["error"] = "".join(traceback.format_exception(type(exc), exc, tb))
        result["error"] += next((hint for kind, hint in HINTS.items()
                                 if isinstance(exc, kind)), "")
        result["failed_section"], result["failed_lines"] = section, part
    faulthandler.cancel_dump_traceback_later()
    running = left_running()
    if running and not result["error"]:
        result["error"] = (f"{path} left {len(running)} process(es) running "
                           f"({', '.join(running)}); they were killed: wait for every "
                           "process a snippet starts")
        result["failed_section"], result["failed_lines"] = result.get("running_part",
                                                                      (None, ""))
    write_result(workdir, result)


def write_result(workdir: str, result: dict) -> None:
    """The child's last act: its result file, then exit without running any cleanup."""
    sys.stdout.flush()
    sys.stderr.flush()
    with open(os.path.join(workdir, "result.json"), "w", encoding="utf-8") as f:
        json.dump(result, f)
    os._exit(0)
