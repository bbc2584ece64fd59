"""A snippet runner forked from a warm one, for many short builds in one session (the tests).

`python -m textbook.runner` spends about 2.5 s of CPU importing and warming NumPy, SymPy
and Matplotlib before its first job: most of what a small build costs. A session starts

    PYTHONHASHSEED=0 python -m textbook.warm_runner NAME

once; it does that work once, and a build whose environment holds BOOK_WARM_RUNNER=NAME
gets its runner as a fork of it (executor.start_runner): in the state a fresh runner
reaches after the same imports, with the build's environment, working folder, stdin,
stdout and stderr, fresh random generators, and watching the build as its own MkDocs.

The build still starts a process: STUB, a small Python that hands its stdin, stdout and
stderr to the server, passes SIGINT and SIGTERM on to the runner, and exits as the runner
does; killed, it takes the runner with it. Where the fork could differ from a fresh
runner (an environment its imports read differently, a matplotlibrc in the build's
folder) or the server is gone, the stub becomes a fresh
runner itself. NAME is an abstract Unix socket: no file, and out of reach of a confined
snippet or kernel (no sockets; another network namespace). The server ends when its
stdin does.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import sys

ENV = "BOOK_WARM_RUNNER"
# The environment Python, NumPy, SymPy and Matplotlib read as they start and load (locale,
# time zone, home and config folders, thread counts ...): a build whose values differ from
# the server's gets a runner of its own. The rest is read later, by the runner or snippet.
READ_AT_START = ("PYTHON", "LC_", "LANG", "TZ", "HOME", "MPL", "MATPLOTLIB", "XDG_", "SYMPY",
                 "MPMATH_", "NPY_", "NUMPY", "OPENBLAS", "GOTO", "OMP_", "MKL_", "TMP", "TEMP",
                 "LD_", "GLIBC_", "MALLOC_")

# The process a build starts instead of `python -m textbook.runner` (with -S -E: no site).
STUB = r"""
import json, os, signal, socket, sys
def fresh():  # a runner of its own, as executor.start_runner would start it
    os.environ.pop("BOOK_WARM_RUNNER", None)
    os.execv(sys.executable, [sys.executable, "-m", "textbook.runner"])
try:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    server.connect("\0" + sys.argv[1])
    head = {"cwd": os.getcwd(), "env": dict(os.environ), "build": os.getppid(),
            "mask": sorted(signal.pthread_sigmask(signal.SIG_BLOCK, []))}
    socket.send_fds(server, [json.dumps(head).encode()], [0, 1, 2])
    runner = int(server.recv(64) or 0)
except (OSError, ValueError):
    fresh()
if not runner:  # the server declined: this build's runner could differ from a fresh one
    fresh()
def forward(number, _):
    try:
        os.kill(runner, number)
    except ProcessLookupError:
        pass
for number in (signal.SIGINT, signal.SIGTERM):
    signal.signal(number, forward)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])  # start_runner blocked it
os.close(0), os.close(1)  # the runner's now: it alone ends them
status = int(server.recv(64) or 256)
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
os._exit(os.WEXITSTATUS(status))
"""


def command(name: str) -> list[str]:
    """What executor.start_runner runs when a warm runner serves this build."""
    return [sys.executable, "-S", "-E", "-c", STUB, name]


def at_start(env: dict, folder: str) -> tuple[dict, bytes | None]:
    """What NumPy, SymPy and Matplotlib read as they load, for a runner started with `env`
    in `folder`: a fork is a fresh runner for a build whose start reads the same."""
    return ({k: v for k, v in env.items()
             if k.startswith(READ_AT_START) and k != "PYTHONDONTWRITEBYTECODE"}, rc(folder))


def rc(folder: str) -> bytes | None:
    """The matplotlibrc Matplotlib reads in a working folder as it loads, if any."""
    try:
        with open(os.path.join(folder, "matplotlibrc"), "rb") as f:
            return f.read()
    except OSError:
        return None


def serve(name: str) -> None:
    """Warm a runner, then fork one per stub that connects, until stdin ends."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit("textbook.warm_runner: start it with PYTHONHASHSEED=0, as a runner starts")
    from textbook import runner

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is for the tests
    signal.pthread_sigmask(signal.SIG_SETMASK, [])  # not its starter's: its loop's wakeups
    started = at_start(os.environ, os.getcwd())  # what its own imports read
    runner.preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind("\0" + name)
    listener.listen(64)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    print("ready", flush=True)
    stubs: dict[int, socket.socket] = {}  # runner's pid: its stub's connection
    killed: set[int] = set()  # runners whose stub has gone, not yet reaped
    try:
        while True:
            by_fd = {stub.fileno(): pid for pid, stub in stubs.items() if pid not in killed}
            try:
                ready = select.select([0, listener, wake_r, *by_fd], [], [])[0]
            except InterruptedError:
                continue
            if 0 in ready and not os.read(0, 4096):
                break
            if listener in ready:
                forked = start(listener, runner, stubs, (wake_r, wake_w), started)
                if forked:
                    stubs[forked[0]] = forked[1]
            for fd in ready:
                if fd in by_fd and gone(stubs[by_fd[fd]]):  # the stub was killed
                    kill(by_fd[fd])
                    killed.add(by_fd[fd])
            while True:
                try:
                    os.read(wake_r, 4096)
                except BlockingIOError:
                    break
            for pid in list(stubs):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    stub = stubs.pop(pid)
                    killed.discard(pid)
                    tell(stub, status)
                    stub.close()
    finally:
        for pid in stubs:
            kill(pid)


def start(listener: socket.socket, runner, stubs: dict, pipe: tuple[int, int],
          started: tuple) -> tuple[int, socket.socket] | None:
    """Fork the runner a stub asks for: its pid and the stub's connection, or None."""
    try:
        stub, _ = listener.accept()
    except OSError:
        return None
    fds, head = [], None
    try:
        stub.settimeout(5)  # a stub sends at once; one that does not must not hold the rest
        message, fds, _, _ = socket.recv_fds(stub, 1 << 20, 3)
        stub.settimeout(None)
        _, uid, _ = struct.unpack("3i", stub.getsockopt(
            socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))
        if uid == os.getuid() and len(fds) == 3:  # a runner as its user only: the tester's
            head = json.loads(message)
            head = head if at_start(head["env"], head["cwd"]) == started and all(
                isinstance(n, int) for n in head["mask"]) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        head = None
    if head is None:
        for fd in fds:
            os.close(fd)
        tell(stub, 0)  # a fresh runner of its own, then
        stub.close()
        return None
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGINT])
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid == 0:
        try:
            os.close(pipe[0]), os.close(pipe[1]), listener.close()
            for held in (stub, *stubs.values()):
                held.close()
            become(runner, head, fds)
        finally:
            os._exit(1)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    for fd in fds:
        os.close(fd)
    if pid < 0 or not tell(stub, pid):  # no fork (the stub reads 0: a runner of its own)
        if pid > 0:
            kill(pid)
            os.waitpid(pid, 0)
        stub.close()
        return None
    return pid, stub


def become(runner, head: dict, fds: list[int]) -> None:
    """In the fork: the runner a build would have started, after its imports (it ends
    with os._exit; start() ends the fork if this raises)."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    # As runner.py starts: Ctrl-C before its own handler is a quiet exit; the signals its
    # build blocked stay blocked, SIGINT aside.
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    signal.pthread_sigmask(signal.SIG_SETMASK, [n for n in head["mask"] if n != signal.SIGINT])
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update(head["env"], MPLBACKEND=runner.BACKEND)  # as preload() sets it
    os.environ.pop(ENV, None)
    os.chdir(head["cwd"])
    sys.path[0] = head["cwd"]  # as `python -m` sets it
    sys.modules["__main__"] = runner
    reseed()
    runner.BUILD = head["build"]
    runner.main(preloaded=True)


def reseed() -> None:
    """Fresh seeds for the generators NumPy and SymPy seed as they load (Python's own
    reseeds itself in a fork), as a runner of its own would have them."""
    import numpy as np
    from sympy.core import random as sympy_random

    np.random.seed()
    sympy_random.seed()


def tell(stub: socket.socket, number: int) -> bool:
    """Send a stub a number (its runner's pid, or status); False if it has gone."""
    try:
        return bool(stub.send(str(number).encode()))
    except OSError:
        return False


def gone(stub: socket.socket) -> bool:
    """Whether a stub's connection has ended (it sends nothing after its request)."""
    try:
        return not stub.recv(1)
    except OSError:
        return True


def kill(pid: int) -> None:
    """SIGKILL a runner, if there is one (never a pid below 1: a group, or everything)."""
    if pid > 0:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


if __name__ == "__main__":
    serve(sys.argv[1])
