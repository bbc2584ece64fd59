"""A fresh `python` in milliseconds: a fork of a warm interpreter, for the tests.

The tests run every snippet as a reader would, in a new interpreter (`python -` with the
code on stdin, or `python -c CODE ARGS`). Most of the start of one is importing NumPy and
SymPy, so this process imports those two once and forks a child per run. The child is
what a new interpreter would be after the same two imports: a new `__main__`, `sys.argv`
and `sys.path[0]` as `python -` or `-c` sets them, fresh random generators (Python's
reseeds itself in a fork; NumPy's is not loaded yet), confined by textbook.sandbox as
`python -m textbook.sandbox` confines one. The only trace of the warm parent: `sys.modules`
holds numpy, sympy and textbook.sandbox before the code imports anything. (Matplotlib is
not preloaded, so that `import matplotlib` does not bring pyplot with it;
tests/content/test_snippets.py checks that the fork answers as `python` does.)

Protocol: one JSON request per line on stdin, {"code", "argv", "cwd", "timeout"}; one JSON
answer per line on stdout, {"returncode", "stdout", "stderr"}, returncode None when the
child was stopped at its time limit.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sys
import tempfile

from textbook import sandbox  # (PYTHONPATH: the checkout, as the tests set it)

PRELOAD = ("numpy", "sympy")


def run_child(request: dict, out, err) -> None:
    """In the fork: become the fresh interpreter, run the code, exit; never returns."""
    import atexit
    import traceback
    import types

    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    sandbox.confine(request["cwd"], request["timeout"])
    os.chdir(request["cwd"])
    sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)  # now /dev/null
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    sys.argv = list(request["argv"])
    sys.path[0] = ""
    status = 0
    try:
        filename = "<stdin>" if sys.argv[0] == "-" else "<string>"
        exec(compile(request["code"], filename, "exec"), main.__dict__)
    except SystemExit as stop:
        code = stop.code
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
        status = code if isinstance(code, int) else (code is not None)
    except BaseException as error:  # shown from the code's frames on, as `python` shows it
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        status = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def run(request: dict, folder: str) -> dict:
    """Fork a child for one request; wait for it within its time limit; its answer."""
    with tempfile.TemporaryFile(dir=folder) as out, tempfile.TemporaryFile(dir=folder) as err:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            run_child(request, out, err)
        waiter = os.pidfd_open(pid)
        finished = select.select([waiter], [], [], request["timeout"])[0]
        os.close(waiter)
        if not finished:
            os.kill(pid, signal.SIGKILL)
        status = os.waitpid(pid, 0)[1]
        try:
            os.killpg(pid, signal.SIGKILL)  # what it started and did not wait for
        except (ProcessLookupError, PermissionError):
            pass
        sandbox.kill_children()  # orphans that came to this subreaper
        out.seek(0)
        err.seek(0)
        return {"returncode": os.waitstatus_to_exitcode(status) if finished else None,
                "stdout": out.read().decode("utf-8", errors="replace"),
                "stderr": err.read().decode("utf-8", errors="replace")}


def main() -> None:
    for name in PRELOAD:
        __import__(name)
    sandbox.become_subreaper()
    folder = tempfile.mkdtemp(prefix="warm-python-")  # not TemporaryDirectory: its clean-up
    try:  # would be an exit function of every child
        for line in sys.stdin:
            answer = run(json.loads(line), folder)
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
