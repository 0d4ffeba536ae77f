"""A window test process killed by a signal leaves its C++ stacks in the output (tests/run_all.py), not only the
Python trace: the rare segmentation fault of the window tests is found from where Qt or PySide was when it died.

The crash here is a real one (a null pointer read in a child Python that has loaded Qt), read back by gdb from the
core file the crash leaves; the core file is gone afterwards.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.run_all import run_traced

CRASH = """
import ctypes
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
ctypes.string_at(0)
"""


def _why_no_core_files() -> str | None:
    if os.name != "posix":
        return "core files are a POSIX thing"
    if shutil.which("gdb") is None:
        return "gdb is not installed"
    pattern = Path("/proc/sys/kernel/core_pattern")
    if pattern.exists():
        text = pattern.read_text().strip()
        if text.startswith("|") or "/" in text:
            return f"this system sends core files elsewhere ({text!r})"
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        return "the hard limit on core files is 0 here"
    return None


@pytest.mark.skipif(_why_no_core_files() is not None, reason=str(_why_no_core_files()))
def test_a_crashed_process_shows_its_cpp_stacks_and_leaves_no_core_file(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    env_offscreen = os.environ.get("QT_QPA_PLATFORM")
    assert env_offscreen == "offscreen"  # the child inherits it: no display needed

    code = run_traced([sys.executable, "-X", "faulthandler", "-c", CRASH], cwd=tmp_path)

    out, err = capfd.readouterr()
    assert code == -signal.SIGSEGV
    assert "Fatal Python error: Segmentation fault" in err  # the Python trace, as before
    assert "The C++ stacks of the crashed process" in out
    assert "#0 " in out and "Thread 1" in out  # gdb's frames, thread by thread
    assert "string_at" in out or "ctypes" in out or "libc.so" in out  # where it died, in native code
    assert not list(tmp_path.glob("core*"))  # read, then removed


def test_a_process_that_ends_normally_is_left_alone(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    code = run_traced([sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path)

    out, _err = capfd.readouterr()
    assert code == 3
    assert "C++ stacks" not in out and "core file" not in out
