"""Every test, as ``make test`` runs them: the tests without a window in one process, then each window test file in
a process of its own.

Why: the window tests have crashed Python with a segmentation fault, rarely and each time in a different place
(pytest-qt processing events after a test, a list being refilled), always with the vault's worker thread idle,
and never when the file ran alone. Until that is found, a window file runs in its own process, and a file whose
process is killed by a signal is run once more. A crash is never hidden: its Python trace (faulthandler) stays in the
output, and so do its C++ stacks, read by gdb from the core file the crash leaves (when gdb is installed and the
system writes core files into the working folder); the core file is removed afterwards. The summary at the end names
every file that crashed. An assertion that fails is a failure at once, never retried.

    python -m tests.run_all [pytest arguments...]

With arguments that name tests (a path or ``-k``), it is plain pytest: ``PYTEST_ARGS='tests/ui -x' make test``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_TESTS = ("tests/e2e", "tests/ui")
NO_TESTS = 5  # pytest's exit status when a file's tests are all deselected
#: The largest core file a crashed test process may leave (a window test process's is a few hundred megabytes).
CORE_LIMIT = 4 << 30
#: How long gdb may take to read one core file.
GDB_SECONDS = 300


def _pytest(*args: str) -> int:
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT)


def _allow_core_files() -> None:
    """In the child, before it starts: a crash may leave a core file (up to CORE_LIMIT) for gdb to read."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    limit = CORE_LIMIT if hard == resource.RLIM_INFINITY else min(hard, CORE_LIMIT)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (limit, hard))


def _core_files(folder: Path, since: float) -> list[Path]:
    """Core files (ELF, named core or core.*) written into ``folder`` since ``since``."""
    found = []
    for path in sorted(folder.glob("core*")):
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime >= since - 1:
                with path.open("rb") as f:
                    if f.read(4) == b"\x7fELF":
                        found.append(path)
    return found


def native_stacks(program: str, core: Path) -> None:
    """Print the C++ stack of every thread in ``core`` (a crash of ``program``), as gdb reads it."""
    gdb = shutil.which("gdb")
    if gdb is None:
        print(f"\n*** {core.name}: gdb is not installed, so this crash's C++ stacks cannot be shown.\n", flush=True)
        return
    print(f"\n*** The C++ stacks of the crashed process (gdb, from its core file {core.name}):\n", flush=True)
    commands = ("set pagination off", "info threads", "thread apply all bt 40")
    quiet = ("-iex", "set auto-load python-scripts off")  # gdb's helper scripts only add noise to a core's stacks
    argv = [gdb, "-q", "-batch", "-nx", *quiet, *(x for c in commands for x in ("-ex", c)), program, str(core)]
    try:
        subprocess.call(argv, cwd=core.parent, stdin=subprocess.DEVNULL, timeout=GDB_SECONDS)
    except subprocess.TimeoutExpired:
        print(f"\n*** gdb took longer than {GDB_SECONDS} s on {core.name}; stopped.\n", flush=True)


def run_traced(argv: Sequence[str], cwd: Path = ROOT) -> int:
    """Run ``argv`` in ``cwd``; when a signal kills it, print the C++ stacks from its core file, then remove it.

    The status is subprocess.call's: negative is the signal that ended the process.
    """
    allow: Callable[[], None] | None = _allow_core_files if os.name == "posix" else None
    started = time.time()
    code = subprocess.call(list(argv), cwd=cwd, preexec_fn=allow)  # the child only raises its core file limit
    if code < 0:
        cores = _core_files(cwd, started)
        if not cores:
            print("\n*** No core file was left, so no C++ stacks (is the system's core_pattern a pipe?).\n", flush=True)
        for core in cores:
            try:
                native_stacks(argv[0], core)
            finally:
                core.unlink(missing_ok=True)
    return code


def _window_file(name: str, argv: list[str]) -> int:
    return run_traced([sys.executable, "-m", "pytest", "-q", name, *argv])


def _narrowed(args: list[str]) -> bool:
    """The arguments name tests (a path, a node id, ``-k``): then they are plain pytest's."""
    named = [a.split("::")[0] for a in args if not a.startswith("-")]
    return "-k" in args or any((ROOT / a).exists() for a in named)


def main(argv: list[str]) -> int:
    if _narrowed(argv):
        return _pytest(*argv)
    status = _pytest(*[f"--ignore={d}" for d in WINDOW_TESTS], *argv)
    crashed: list[str] = []
    failed: list[str] = []
    files = sorted(str(p.relative_to(ROOT)) for d in WINDOW_TESTS for p in (ROOT / d).glob("test_*.py"))
    for name in files:
        code = _window_file(name, argv)
        if code < 0:
            crashed.append(f"{name} (signal {-code})")
            print(f"\n*** {name}: Python was killed by signal {-code}; its traces are above. Running it once more.\n",
                  flush=True)  # fmt: skip
            code = _window_file(name, argv)
        if code not in (0, NO_TESTS):
            failed.append(name)
    if crashed:
        print("\n*** Window test files that crashed and were run once more:", ", ".join(crashed), flush=True)
    if failed:
        print("\n*** Window test files that failed:", ", ".join(failed), flush=True)
    return status or (1 if failed else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
