"""Confine a snippet's forked process: a snippet is code from a stranger (a pull request).

`confine(workdir, timeout)` runs in the fork, before the snippet, and applies every
mechanism this kernel allows; `describe(probe())` is the one log line that says which.

- process: a session of its own; the runner is a subreaper and kills the whole group
  when the snippet ends, so nothing it starts outlives it or is adopted by PID 1;
- limits: address space, CPU seconds, processes, file size (and output, checked by the
  runner), no core dumps;
- privileges: none (when the build runs as root, every capability is dropped, also
  from what a program it starts could gain);
- filesystem (Landlock): read-only everywhere but the job's own temporary folder;
- network: a network namespace with no interfaces, and a seccomp filter that refuses
  `socket()` (and io_uring), `setsid()` and `setpgid()`, so it cannot reach a host or leave
  its process group;
- signals (Landlock, ABI 6+): none to processes outside the sandbox.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import signal
import struct
import tempfile

MEMORY = 2 << 30  # address space, bytes (the warm runner itself maps about 0.3 GiB)
PROCESSES = 64  # tasks (threads included) beyond what its user already runs
FILE_SIZE = 8 << 20  # any one file it writes, its output included
OUTPUT = 1 << 20  # what it may print (checked by the runner after it ends)

_libc = ctypes.CDLL(None, use_errno=True)
PR_SET_SECCOMP, PR_CAPBSET_DROP, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 22, 24, 36, 38
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
# Landlock (syscalls 444-446 on x86_64 and aarch64) and its access rights.
CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446
READ = (1 << 0) | (1 << 2) | (1 << 3)  # execute, read file, read directory
FILE_RIGHTS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15)
ABI_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
# seccomp: the architecture tag and the syscalls refused, by machine.
ARCH = {"x86_64": (0xC000003E, {"socket": 41, "setsid": 112, "setpgid": 109,
                                "io_uring_setup": 425}),
        "aarch64": (0xC00000B7, {"socket": 198, "setsid": 157, "setpgid": 154,
                                 "io_uring_setup": 425})}
CAPSET = {"x86_64": 126, "aarch64": 91}


def _check(result: int, what: str) -> int:
    if result < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")
    return result


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 where there is none."""
    return max(0, _libc.syscall(CREATE_RULESET, None, 0, 1))


def restrict_filesystem(writable: str, abi: int, tcp: bool = False) -> None:
    """Landlock: read and execute anywhere, write only under `writable` (and /dev/null);
    no TCP bind or connect unless `tcp` (a kernel's own network namespace confines it)."""
    handled = ABI_RIGHTS[max(v for v in ABI_RIGHTS if v <= abi)]
    # TCP bind and connect (ABI 4+); abstract Unix sockets and signals (ABI 6+): no rule
    # allows them, so none reaches outside.
    attr = struct.pack("QQQ", handled, 0 if tcp else 3 if abi >= 4 else 0,
                       3 if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = _check(_libc.syscall(CREATE_RULESET, attr, size, 0), "landlock_create_ruleset")
    try:
        for path, rights in (("/", READ), (writable, handled), ("/dev/null", FILE_RIGHTS)):
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            rule = struct.pack("=Qi", rights & handled, fd)
            try:
                _check(_libc.syscall(ADD_RULE, ruleset, 1, rule, 0), f"landlock rule {path}")
            finally:
                os.close(fd)
        _check(_libc.syscall(RESTRICT_SELF, ruleset, 0), "landlock_restrict_self")
    finally:
        os.close(ruleset)


def refuse_syscalls(families: tuple[int, ...] = ()) -> None:
    """seccomp: EPERM for socket() (but of the address `families` given), setsid(),
    setpgid() and io_uring; death for a syscall of another ABI."""
    arch, numbers = ARCH[platform.machine()]
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    # (code, jump if true, jump if false, k), jumps to labels resolved below
    program = [(ld, 0, 0, 4), (jeq, "next", "kill", arch), (ld, 0, 0, 0),
               (jge, "kill", "next", 0x40000000)]  # x32 numbers
    for name, number in numbers.items():
        target = "family" if name == "socket" and families else "eperm"
        program.append((jeq, target, "next", number))
    program += [(ret, 0, 0, 0x7FFF0000), (ld, 0, 0, 16)]  # family: args[0], a domain
    program += [(jeq, "allow", "next", family) for family in families]
    end = len(program)  # BPF jumps only forward: every target comes after every jump to it
    labels = {"family": end - len(families) - 1, "allow": end + 1, "kill": end + 2,
              "eperm": end}
    program += [(ret, 0, 0, 0x00050001), (ret, 0, 0, 0x7FFF0000), (ret, 0, 0, 0x80000000)]
    filters = b""
    for index, (code, true, false, k) in enumerate(program):
        jumps = [0 if j == "next" else labels[j] - index - 1 if isinstance(j, str) else j
                 for j in (true, false)]
        filters += struct.pack("HBBI", code, *jumps, k)
    buffer = ctypes.create_string_buffer(filters)
    fprog = struct.pack("HxxxxxxQ", len(program), ctypes.addressof(buffer))
    _check(_libc.prctl(PR_SET_SECCOMP, 2, fprog, 0, 0), "seccomp")


def loopback_up() -> None:
    """Bring up `lo` in a new network namespace: a loopback of the sandbox's own."""
    import fcntl
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        flags = struct.unpack("16sH", fcntl.ioctl(s, 0x8913, struct.pack("16sH22x", b"lo", 0)
                                                  )[:18])[1]  # SIOCGIFFLAGS
        fcntl.ioctl(s, 0x8914, struct.pack("16sH22x", b"lo", flags | 1))  # SIOCSIFFLAGS, UP


def user_tasks() -> int:
    """How many tasks (threads included) this process's user runs now."""
    uid, count = os.getuid(), 0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if os.stat(f"/proc/{pid}").st_uid == uid:
                    count += len(os.listdir(f"/proc/{pid}/task"))
            except OSError:
                pass
    return count


def drop_capabilities() -> None:
    """Root without privileges: no capability now, and none regained by exec."""
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0:
            break  # past the last capability this kernel knows
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = bytes(24)  # effective, permitted, inheritable: empty, for both 32-bit words
    _check(_libc.syscall(CAPSET[platform.machine()], header, data), "capset")


def close_inherited() -> None:
    """Close what the fork inherited that could write or talk: pipes, sockets, files open
    for writing. Files open only for reading stay (FreeType reads its fonts lazily)."""
    import fcntl
    import stat

    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd < 3:
            continue
        try:
            mode, flags = os.fstat(fd).st_mode, fcntl.fcntl(fd, fcntl.F_GETFL)
        except OSError:
            continue
        if not stat.S_ISREG(mode) or flags & os.O_ACCMODE != os.O_RDONLY:
            os.close(fd)


def confine(workdir: str, timeout: float, keep_stdin: bool = False,
            kernel: bool = False) -> list[str]:
    """Confine this process (a fresh fork) to `workdir`; the mechanisms that took hold.

    `kernel`: a Jupyter kernel, which talks to its client through Unix sockets in
    `workdir` and to itself over TCP; it gets a loopback of its own in its network
    namespace, and inet sockets only if it has one."""
    families: tuple[int, ...] = ()
    active = []
    if os.getsid(0) != os.getpid():  # a launcher may have made it a session leader already
        os.setsid()
    if not keep_stdin:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # not the runner's job pipe
    close_inherited()
    try:
        flags = CLONE_NEWNET if os.geteuid() == 0 else CLONE_NEWUSER | CLONE_NEWNET
        _check(_libc.unshare(flags), "unshare")
        active.append("network namespace")
        if kernel:
            loopback_up()
            families = (2, 10, 16)  # inet, inet6, netlink: only its own loopback exists
    except OSError:
        pass  # refused here (e.g. unprivileged user namespaces): seccomp still applies
    cpu = int(timeout) + 2
    for limit, value in ((resource.RLIMIT_AS, MEMORY), (resource.RLIMIT_CPU, cpu),
                         (resource.RLIMIT_NPROC, user_tasks() + PROCESSES),
                         (resource.RLIMIT_FSIZE, FILE_SIZE),
                         (resource.RLIMIT_CORE, 0)):
        hard = resource.getrlimit(limit)[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file too large: an error, not death
    active.append("limits")
    if os.geteuid() == 0 and platform.machine() in CAPSET:
        drop_capabilities()
        active.append("no capabilities")
    for name in ("HOME", "TMPDIR", "MPLCONFIGDIR"):
        os.environ[name] = workdir
    tempfile.tempdir = workdir
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    abi = landlock_abi()
    if abi:
        restrict_filesystem(workdir, abi, tcp=bool(families))
        active.append(f"landlock v{abi}")
    if platform.machine() in ARCH:
        refuse_syscalls(families + (1,) if kernel else ())  # 1: AF_UNIX
        active.append("seccomp")
    return active


def become_subreaper() -> None:
    """Orphans of this process's descendants come to it, not to PID 1."""
    _check(_libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "subreaper")


def children(pid: int | str = "self") -> list[int]:
    """The live and zombie children of this process (or of another)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:  # it has ended
        return []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(child) for child in f.read().split()]
        except OSError:
            pass
    return found


def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def process_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def kill_children(keep: set[int] = frozenset()) -> list[str]:
    """SIGKILL and reap every child but `keep`, until none is left; their names."""
    killed = []
    for _ in range(1000):
        found = [pid for pid in children() if pid not in keep]
        if not found:
            break
        for pid in found:
            name = process_name(pid)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                continue
            if name != "?":
                killed.append(name)
    return killed


WANTED = ("network namespace", "limits", "landlock", "seccomp")


def describe(active: list[str]) -> str:
    """One log line: the mechanisms in force, and any this kernel refused."""
    missing = [m for m in WANTED if not any(a.startswith(m) for a in active)]
    line = "sandbox: " + ", ".join(["subreaper", *active])
    line += (f"; limits: {MEMORY >> 30} GiB memory, {PROCESSES} processes, "
             f"{FILE_SIZE >> 20} MiB per file, {OUTPUT >> 20} MiB output")
    if missing:
        line += f"; NOT AVAILABLE here: {', '.join(missing)} (the others still apply)"
    return line


def main() -> None:
    """`python -m textbook.sandbox [--kernel] FOLDER SECONDS -- COMMAND...`: run a command
    confined as a snippet is (the tests run snippets in fresh interpreters, and notebooks
    in Jupyter kernels, this way); stdin stays."""
    import sys

    arguments = sys.argv[1:]
    kernel = arguments[:1] == ["--kernel"]
    folder, seconds, dash, *command = arguments[kernel:]
    if dash != "--" or not command:
        sys.exit(main.__doc__)
    confine(os.path.abspath(folder), float(seconds), keep_stdin=True, kernel=kernel)
    os.chdir(folder)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
